// listFilesEarly: inside a repository, the files git grep finds are told before
// the listing is complete, judged by the same rules as the listing.

import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listFiles, listFilesEarly, type WalkedFile, type WalkOptions } from "../../src/sources/walk.js";
import { commitAll, git, initRepo, makeTempDir, removeDir, writeTree } from "./helpers.js";

let dir = "";
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

async function drain(options: WalkOptions): Promise<{ early: WalkedFile[]; files: WalkedFile[] }> {
  const { early, listing } = listFilesEarly(options);
  const told: WalkedFile[] = [];
  for await (const file of early) told.push(file);
  return { early: told, files: (await listing).files };
}

const paths = (files: readonly WalkedFile[]): string[] => files.map((file) => file.path).sort();

describe("listFilesEarly", () => {
  it("tells the tracked files holding a keyword, judged by the listing's rules, and lists everything", async () => {
    initRepo(dir);
    await writeTree(dir, {
      "a.ts": "const token = 1;\n",
      "b.ts": "const x = 1;\n",
      "node_modules/dep/index.js": "token\n",
      "package-lock.json": '{"token": 1}\n',
      "vendor/c.ts": "TOKEN\n",
      "src/d.py": "Token = 2\n",
    });
    commitAll(dir);
    await writeTree(dir, { "untracked.ts": "token\n" });
    const options: WalkOptions = { cwd: dir, paths: ["."], ignore: ["vendor/"], keywords: ["token"] };
    const { early, files } = await drain(options);

    expect(paths(early)).toEqual(["a.ts", "src/d.py"]);
    // The same files and flags as listFiles gives.
    expect(files).toEqual((await listFiles(options)).files);
    expect(paths(files)).toEqual(["a.ts", "b.ts", "src/d.py", "untracked.ts"]);
    const flags = Object.fromEntries(files.map((file) => [file.path, file.keywordFree === true]));
    // git grep searched the tracked files only: the untracked one is read to tell.
    expect(flags).toEqual({ "a.ts": false, "b.ts": true, "src/d.py": false, "untracked.ts": false });
    for (const file of early) expect(file.absolutePath).toBe(path.join(dir, ...file.path.split("/")));
  });

  it("tells paths relative to the cwd when it lies below the repository top", async () => {
    initRepo(dir);
    await writeTree(dir, { "top.ts": "token\n", "src/a.ts": "token\n", "src/b.ts": "x\n" });
    commitAll(dir);
    const { early } = await drain({ cwd: path.join(dir, "src"), paths: ["."], ignore: [], keywords: ["token"] });
    expect(paths(early)).toEqual(["a.ts"]);
  });

  it("tells nothing for a directory git ignores as a whole, which is walked instead", async () => {
    initRepo(dir);
    await writeTree(dir, { ".gitignore": "gen/\n", "gen/out.ts": "token\n", "gen/.gitignore": "*.map\n", "gen/out.map": "token\n" });
    git(dir, ["add", ".gitignore"]);
    commitAll(dir);
    const { early, files } = await drain({ cwd: dir, paths: ["gen"], ignore: [], keywords: ["token"] });
    expect(early).toEqual([]);
    expect(paths(files)).toEqual(["gen/.gitignore", "gen/out.ts"]);
    expect(files.every((file) => file.keywordFree !== true)).toBe(true);
  });

  it("tells a tracked file under an ignore rule: git lists the directory holding it", async () => {
    initRepo(dir);
    await writeTree(dir, { ".gitignore": "gen/\n", "gen/forced.ts": "token\n", "gen/other.ts": "token\n" });
    git(dir, ["add", ".gitignore"]);
    git(dir, ["add", "-f", "gen/forced.ts"]);
    commitAll(dir);
    const { early, files } = await drain({ cwd: dir, paths: ["gen"], ignore: [], keywords: ["token"] });
    expect(paths(early)).toEqual(["gen/forced.ts"]);
    expect(paths(files)).toEqual(["gen/forced.ts"]);
  });

  it("tells nothing with several roots, outside a repository, or without keywords", async () => {
    initRepo(dir);
    await writeTree(dir, { "a/x.ts": "token\n", "b/y.ts": "token\n" });
    commitAll(dir);
    const several = await drain({ cwd: dir, paths: ["a", "b"], ignore: [], keywords: ["token"] });
    expect(several.early).toEqual([]);
    expect(paths(several.files)).toEqual(["a/x.ts", "b/y.ts"]);
    expect((await drain({ cwd: dir, paths: ["."], ignore: [] })).early).toEqual([]);

    const plain = await makeTempDir();
    try {
      await writeTree(plain, { "x.ts": "token\n" });
      const outside = await drain({ cwd: plain, paths: ["."], ignore: [], keywords: ["token"] });
      expect(outside.early).toEqual([]);
      expect(paths(outside.files)).toEqual(["x.ts"]);
    } finally {
      await removeDir(plain);
    }
  });

  it("ends the early files and rejects the listing when a path is missing", async () => {
    const { early, listing } = listFilesEarly({ cwd: dir, paths: ["missing"], ignore: [], keywords: ["token"] });
    const told: WalkedFile[] = [];
    for await (const file of early) told.push(file);
    expect(told).toEqual([]);
    await expect(listing).rejects.toMatchObject({ code: "ENOENT_PATH" });
  });
});
