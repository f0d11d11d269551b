// The one source picker: scan and fix, given the same arguments, read the same
// files, in a real repository (tracked, untracked, ignored, staged, named paths).

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/cli/command-line.js";
import { COMMANDS } from "../../src/cli/commands.js";
import { resolveFixOptions } from "../../src/cli/fix-options.js";
import { resolveScanOptions } from "../../src/cli/scan-options.js";
import { pickSources, withDotEnvState, type PickedSource, type SourcePick } from "../../src/sources/pick-sources.js";
import { commitAll, git, initRepo, makeTempDir, removeDir, writeTree } from "./helpers.js";

const NO_CONFIG = { config: {} };

let dir = "";
beforeEach(async () => {
  dir = await makeTempDir();
  initRepo(dir);
  await writeTree(dir, {
    ".gitignore": "ignored.ts\n.env\n",
    "tracked.ts": "const token = 1;\n",
    "quiet.ts": "const x = 1;\n",
    "sub/named.ts": "const token = 2;\n",
  });
  commitAll(dir);
  await writeTree(dir, { "untracked.ts": "const token = 3;\n", "ignored.ts": "const token = 4;\n", ".env": "TOKEN=5\n" });
});
afterEach(async () => {
  await removeDir(dir);
});

/** What scan and fix each pick for the same arguments after the command word. */
function picksFor(args: string[]): { scan: SourcePick; fix: SourcePick } {
  const scan = parseCommandLine(["scan", ...args], COMMANDS).flags as Parameters<typeof resolveScanOptions>[0];
  const fix = parseCommandLine(["fix", ...args], COMMANDS).flags as Parameters<typeof resolveFixOptions>[0];
  return { scan: resolveScanOptions(scan, NO_CONFIG, dir, false, {}), fix: resolveFixOptions(fix, NO_CONFIG, dir) };
}

/** Every picked source as `kind path`, in path order. */
async function picked(pick: SourcePick): Promise<string[]> {
  const results: PickedSource[] = [];
  for await (const result of pickSources(pick, { keywords: ["token"] })) results.push(result);
  return results.map((result) => `${result.kind} ${result.kind === "source" ? result.source.path : result.path}`).sort();
}

async function sameForScanAndFix(args: string[]): Promise<string[]> {
  const { scan, fix } = picksFor(args);
  const fromScan = await picked(scan);
  expect(await picked(fix)).toEqual(fromScan);
  return fromScan;
}

describe("pickSources", () => {
  it("picks tracked and untracked files, not ignored ones, alike for scan and fix", async () => {
    expect(await sameForScanAndFix([])).toEqual(["keyword-free .gitignore", "keyword-free quiet.ts", "source sub/named.ts", "source tracked.ts", "source untracked.ts"]);
  });

  it("picks only what is under a named path, and a named ignored file", async () => {
    expect(await sameForScanAndFix(["sub"])).toEqual(["source sub/named.ts"]);
    expect(await sameForScanAndFix(["ignored.ts", ".env"])).toEqual(["source .env", "source ignored.ts"]);
  });

  it("with --staged, picks the staged blobs only, narrowed by paths", async () => {
    await writeFile(path.join(dir, "tracked.ts"), "const token = 6;\n");
    await writeFile(path.join(dir, "sub/named.ts"), "const token = 7;\n");
    git(dir, ["add", "tracked.ts", "sub/named.ts"]);
    expect(await sameForScanAndFix(["--staged"])).toEqual(["source sub/named.ts", "source tracked.ts"]);
    expect(await sameForScanAndFix(["--staged", "sub"])).toEqual(["source sub/named.ts"]);
  });

  it("tells a working-tree .env whether git ignores it", async () => {
    const env = { path: ".env", text: "TOKEN=5\n" };
    expect((await withDotEnvState(env, path.join(dir, ".env"))).gitIgnored).toBe(true);
    await writeFile(path.join(dir, ".gitignore"), "ignored.ts\n");
    expect((await withDotEnvState(env, path.join(dir, ".env"))).gitIgnored).toBe(false);
    const other = { path: "a.ts", text: "" };
    expect(await withDotEnvState(other, path.join(dir, "a.ts"))).toBe(other);
  });

  it("counts the listing and says when it is large", async () => {
    const tally = { filesListed: 0 };
    let large = false;
    for await (const result of pickSources(picksFor([]).scan, { keywords: ["token"], tally, onLargeListing: () => (large = true) })) void result;
    expect(tally.filesListed).toBe(5);
    expect(large).toBe(false);
  });
});
