// `token-guard baseline [paths]`: accepts today's findings by writing them, as
// salted hashes, to the baseline file, so `scan` reports only new ones from now on.

import { realpath } from "node:fs/promises";
import { resolve } from "node:path";
import { formatBaseline } from "../config/baseline-format.js";
import { createBaseline } from "../detect/baseline.js";
import { writeFileAtomically } from "../fix/atomic-write.js";
import { isInside } from "../fix/path-safety.js";
import { shown } from "../report/control-characters.js";
import { baselinePathOf, newSalt, readBaselineFile } from "./baseline-file.js";
import type { BaselineOptions } from "./baseline-options.js";
import { EXIT, UsageError } from "./errors.js";
import { collectFindings } from "./scan-command.js";

export async function runBaseline(options: BaselineOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const path = options.file;
  if (!options.typed) await refuseOutside(options.cwd, path);
  // Keeping the salt keeps every unchanged entry's hash, so a rewrite diffs only what changed.
  const previous = await readBaselineFile(options.cwd, path, false);
  const { findings } = await collectFindings(options);
  const baseline = createBaseline(findings, previous?.salt ?? newSalt(), baselinePathOf(options.cwd, path));
  await writeFileAtomically(resolve(options.cwd, path), formatBaseline(baseline));
  const files = new Set(baseline.entries.map((entry) => entry.file)).size;
  const before = new Set(previous?.entries.map((entry) => `${entry.ruleId}\0${entry.file}\0${entry.hash}`));
  const after = new Set(baseline.entries.map((entry) => `${entry.ruleId}\0${entry.file}\0${entry.hash}`));
  const added = [...after].filter((key) => !before.has(key)).length;
  const dropped = [...before].filter((key) => !after.has(key)).length;
  const change = previous === undefined ? "" : ` (${added} added, ${dropped} dropped)`;
  stdout.write(
    shown`token-guard: wrote ${path}: ${baseline.entries.length} accepted finding${baseline.entries.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}${change}.\n` +
      `  It holds salted hashes, never the tokens: commit it. \`token-guard scan\` now reports only findings not in it,\n` +
      `  and lists entries whose token is gone. The accepted tokens are still leaked: fix and revoke them over time.\n`,
  );
  return EXIT.clean;
}

/** A baseline path the repository chose must not lead outside it through a symlinked folder. */
async function refuseOutside(cwd: string, path: string): Promise<void> {
  const { findGitRoot } = await import("../sources/repository-root.js");
  const root = await realpath((await findGitRoot(cwd)) ?? cwd);
  if (!(await isInside(root, resolve(cwd, path)))) throw new UsageError(`baseline ${path} leads outside ${root} through a symlink: token-guard writes it only inside`);
}
