// The baseline's I/O for the CLI: read and check the file, and map findings'
// paths (relative to the cwd) to the file's own (relative to its folder).

import { readFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import { parseBaseline } from "../config/baseline-format.js";
import { LEGACY_BASELINE_VERSION, applyBaseline, type Baseline, type BaselineEntry } from "../detect/baseline.js";
import { nodeCrypto } from "../detect/lazy-crypto.js";
import type { Finding } from "../detect/types.js";
import type { BaselineStats } from "../report/types.js";
import { UsageError } from "./errors.js";
import { toPosix } from "../sources/paths.js";
import type { ScanOptions } from "./scan-options.js";

/** Reads a baseline; undefined when the file is absent and was not asked for by name. */
export async function readBaselineFile(cwd: string, path: string, required: boolean): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !required) return undefined;
    if (code === "ENOENT") throw new UsageError(`baseline file not found: ${path} (create it with \`token-guard baseline\`)`);
    throw new UsageError(`cannot read baseline file ${path}: ${code ?? (error as Error).message}`);
  }
  const baseline = parseBaseline(text);
  if (typeof baseline === "string") throw new UsageError(`${path} is not a valid token-guard baseline: ${baseline} (rewrite it with \`token-guard baseline\`)`);
  return baseline;
}

/** A fresh salt for a new baseline file. */
export function newSalt(): string {
  return nodeCrypto().randomBytes(16).toString("hex");
}

/** Maps a finding's path (POSIX, relative to `cwd`) to a path relative to the baseline file's folder. */
export function baselinePathOf(cwd: string, baselinePath: string): (path: string) => string {
  const folder = dirname(resolve(cwd, baselinePath));
  if (folder === cwd) return (path) => path;
  return (path) => toPosix(relative(folder, resolve(cwd, path)));
}

/**
 * The baseline named by the options, if any, read before the scan: a version-1
 * file needs findings' legacy fingerprints. It still applies, with a one-line notice.
 */
export async function readScanBaseline(options: ScanOptions, stderr: NodeJS.WritableStream): Promise<Baseline | undefined> {
  if (options.baseline === undefined) return undefined;
  const baseline = await readBaselineFile(options.cwd, options.baseline.path, options.baseline.required);
  if (baseline?.version === LEGACY_BASELINE_VERSION) {
    stderr.write(`token-guard: ${options.baseline.path} uses version-1 fingerprints (plain SHA-256, guessable for short tokens): run \`token-guard baseline\` to rewrite it\n`);
  }
  return baseline;
}

/**
 * Applies the baseline `readScanBaseline` read, if any. Stale entries are listed
 * for plain scans only, and only for files under the scanned paths: a staged or
 * history scan, or a scan of one folder, does not see the rest of the tree.
 */
export function applyBaselineFile<F extends Finding>(options: ScanOptions, baseline: Baseline | undefined, findings: F[]): { findings: F[]; stats?: BaselineStats } {
  if (options.baseline === undefined || baseline === undefined) return { findings };
  const outcome = applyBaseline(findings, baseline, baselinePathOf(options.cwd, options.baseline.path));
  const plainScan = !options.staged && options.history === undefined;
  const folder = dirname(resolve(options.cwd, options.baseline.path));
  const roots = options.paths.map((path) => resolve(options.cwd, path));
  const scanned = (entry: BaselineEntry): boolean => {
    const file = resolve(folder, entry.file);
    return roots.some((root) => file === root || file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`));
  };
  return {
    findings: outcome.kept,
    stats: { file: options.baseline.path, suppressed: outcome.suppressed, stale: plainScan ? outcome.unmatched.filter(scanned) : [] },
  };
}
