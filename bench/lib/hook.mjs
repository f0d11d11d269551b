// The pre-commit hook's cost: `token-guard scan --staged` with 1, 20 and 200 staged
// files in the git variant, next to a bare `node -e 0` timed in the same rounds, on
// each Node of `--node`.

import fs from "node:fs";
import path from "node:path";
import { BenchError, MANIFEST_NAME } from "../generate-tree.mjs";
import { NO_RSS, git, onInterrupt, runOnce } from "./commands.mjs";
import { lastLine, rel } from "./format.mjs";
import { measureRounds } from "./measure.mjs";
import { onNode, spread } from "./tools.mjs";
import { CLEAN_LINE } from "./trees.mjs";

export const HOOK_SIZES = [1, 20, 200];

/**
 * `token-guard scan --staged` with 1, 20 and 200 modified files staged in the git
 * variant, next to `node -e 0` in the same rounds. Files get a clean line appended
 * and are staged with `git add`; `git reset -q --hard` undoes it after each size.
 */
export async function measureHook(gitTree, manifest, options, ctx) {
  const dir = gitTree.dir;
  git(["reset", "-q", "--hard"], dir);
  const planted = new Set(manifest.planted.map((p) => p.path));
  const tracked = git(["ls-files", "-z"], dir).split("\0").filter(Boolean);
  const eligible = tracked.filter((p) => !planted.has(p) && p !== MANIFEST_NAME && CLEAN_LINE[path.extname(p)]).sort();
  const results = [];
  // Set while changes are staged, so Ctrl-C puts the repository back.
  let dirty = false;
  const forgetUndo = onInterrupt(() => {
    if (!dirty) return;
    try {
      git(["reset", "-q", "--hard"], dir, { timeoutMs: 60_000 });
    } catch {
      // interrupted anyway; the next run resets it
    }
  });
  try {
    for (const size of HOOK_SIZES) {
      if (size > eligible.length) {
        results.push({ size, skipped: `the repository has only ${eligible.length} files to modify` });
        continue;
      }
      const files = spread(eligible, size);
      dirty = true;
      for (const file of files) fs.appendFileSync(path.join(dir, file), `${CLEAN_LINE[path.extname(file)]}\n`);
      git(["add", "--pathspec-from-file=-", "--pathspec-file-nul", "--"], dir, { input: files.join("\0") + "\0" });
      const staged = git(["diff", "--cached", "--name-only", "-z"], dir).split("\0").filter(Boolean).length;
      if (staged !== size) throw new BenchError(`staged ${staged} files in ${rel(dir)}, wanted ${size}`);
      console.log(`  ${size} staged file${size === 1 ? "" : "s"} (${rel(dir)}):`);

      // What the hook saw: one JSON run before timing (exit 0, no findings, `size` files listed).
      const check = await runOnce(
        { file: process.execPath, args: [ctx.tokenGuard.bin, "scan", "--staged", "--format", "json"], cwd: dir },
        { timeoutMs: options.timeoutSeconds * 1000, rssMethod: NO_RSS, scratch: ctx.scratch },
      );
      let checkNote;
      try {
        const data = JSON.parse(check.stdout);
        const listed = data.stats?.filesListed ?? data.stats?.filesScanned;
        checkNote = `exit ${check.code}, ${data.findings?.length ?? "?"} findings, ${listed ?? "?"} files listed, ${data.stats?.filesScanned ?? "?"} scanned`;
        if (check.code !== 0 || listed !== size) checkNote += ` (expected exit 0 and ${size} files)`;
      } catch {
        checkNote = `exit ${check.code}; output is not JSON: ${lastLine(check.stderr || check.stdout).slice(0, 200)}`;
      }
      console.log(`    check run (--format json): ${checkNote}`);

      // Per Node of --node: the hook's command and that Node's bare start-up, in the same rounds.
      const entries = ctx.nodes.flatMap((node) => [
        { name: onNode("scan --staged", node), node, role: "scan", spec: { file: node.path, args: [ctx.tokenGuard.bin, "scan", "--staged"], cwd: dir }, okExitCodes: [0] },
        { name: onNode("node -e 0", node), node, role: "start-up", spec: { file: node.path, args: ["-e", "0"], cwd: dir }, okExitCodes: [0] },
      ]);
      const states = await measureRounds(entries, { runs: options.runs, timeoutSeconds: options.timeoutSeconds, rssMethod: NO_RSS, scratch: ctx.scratch, indent: "    " });
      results.push({ size, files, states, checkNote, checkOk: !/expected|not JSON/.test(checkNote) });
      git(["reset", "-q", "--hard"], dir);
      dirty = false;
    }
  } finally {
    if (dirty) git(["reset", "-q", "--hard"], dir);
    forgetUndo();
  }
  return { tree: gitTree, repoFiles: tracked.length, generatedFiles: manifest.files, results };
}

