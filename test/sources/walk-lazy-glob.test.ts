// Inside a repository git lists the files: the walk must not even load
// fast-glob there (its modules were 30 ms of every scan's start-up), and must
// load it for a plain directory.
import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, git, makeRepo, makeTree } from "../support/cli.js";

const WALK = pathToFileURL(join(REPO_ROOT, "dist/src/sources/walk.js")).href;

/** Lists `dir` with the built walk in a fresh process; returns the file count and whether fast-glob was loaded. */
function listIn(dir: string, env: NodeJS.ProcessEnv = {}): { files: number; fastGlob: boolean } {
  const script = `
    import { createRequire } from "node:module";
    const { listFiles } = await import(${JSON.stringify(WALK)});
    const listing = await listFiles({ cwd: process.cwd(), paths: ["."], ignore: [] });
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ files: listing.files.length, fastGlob: loaded.some((file) => /[\\\\/]fast-glob[\\\\/]/.test(file)) }));
  `;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, encoding: "utf8", env: { ...process.env, ...env } });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as { files: number; fastGlob: boolean };
}

describe("fast-glob is loaded only for directories outside a repository", () => {
  it("leaves it unloaded when git lists the files", () => {
    const repo = makeRepo({ "a.py": "x = 1\n", "src/b.ts": "export {};\n" });
    git(repo, "add", "-A");
    expect(listIn(repo)).toEqual({ files: 2, fastGlob: false });
  });

  it("loads it to walk a plain directory", () => {
    const dir = makeTree({ "a.py": "x = 1\n", "src/b.ts": "export {};\n" });
    expect(listIn(dir, { GIT_CEILING_DIRECTORIES: realpathSync(join(dir, "..")) })).toEqual({ files: 2, fastGlob: true });
  });
});
