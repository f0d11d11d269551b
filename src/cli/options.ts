// Step two of the command line: flags and config resolved into one validated
// ScanOptions object, the only thing the scan command reads.

import { defaultThreads } from "../parallel/threads.js";
import { FORMAT_NAMES, type FormatName } from "../report/formats.js";
import type { RawArgs } from "./args.js";
import type { LoadedConfig } from "../config/load-config.js";
import { UsageError } from "./errors.js";

export interface ScanOptions {
  cwd: string;
  /** Paths as typed (default ["."]). */
  paths: string[];
  format: FormatName;
  /** Report file; undefined for stdout. */
  output?: string;
  maxFileSize: number;
  /** Config ignore globs. */
  ignore: string[];
  color: boolean;
  config: LoadedConfig;
  /** Scan the git index (the pre-commit hook) instead of paths. */
  staged: boolean;
  /** With `staged`: only staged files at or below these paths (lint-staged passes file names). */
  stagedPaths: string[];
  /** `--history [REV-RANGE]`: scan every blob committed in the range (all refs when `range` is absent). */
  history?: { range?: string };
  /**
   * The baseline file (relative to `cwd`): `--baseline`, else the config's `baseline`,
   * else the default name, which is used only when it exists (`required` false).
   * Undefined with `--no-baseline`.
   */
  baseline?: { path: string; required: boolean };
  /** `--exit-zero`: report findings but exit 0 (errors still exit 2). */
  exitZero: boolean;
  /** Threads that scan beside the main thread once a scan proves large (0: the main thread does all). */
  threads: number;
}

/** Where `token-guard baseline` writes and `scan` looks by default. */
export const DEFAULT_BASELINE_FILE = ".token-guard-baseline.json";

export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

export function resolveScanOptions(args: RawArgs, config: LoadedConfig, cwd: string, stdoutIsTty: boolean): ScanOptions {
  const format = args.format ?? "stylish";
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (formats: ${FORMAT_NAMES.join(", ")})`);
  }
  validateModes(args);
  const maxFileSize = args.maxFileSize === undefined ? (config.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) : parseSize(args.maxFileSize);
  return {
    cwd,
    paths: args.positionals.length > 0 && !args.staged && !args.history ? args.positionals : ["."],
    stagedPaths: args.staged ? args.positionals : [],
    format: format as FormatName,
    output: args.output,
    maxFileSize,
    ignore: config.config.ignore ?? [],
    color: args.color ?? (stdoutIsTty && args.output === undefined && process.env.NO_COLOR === undefined),
    config,
    staged: args.staged,
    history: args.history ? { range: args.positionals[0] } : undefined,
    baseline: resolveBaseline(args, config),
    exitZero: args.exitZero,
    threads: args.threads === undefined ? defaultThreads() : parseThreads(args.threads),
  };
}

/** `--threads`: a whole number from 0 to 64. */
function parseThreads(text: string): number {
  if (!/^\d{1,2}$/.test(text) || Number(text) > 64) throw new UsageError(`--threads needs a whole number from 0 to 64, not "${text}"`);
  return Number(text);
}

/** Flags that cannot go together, each refused with what to do instead. */
function validateModes(args: RawArgs): void {
  if (args.history && args.staged) throw new UsageError("--history and --staged scan different things: use one of them");
  if (args.history && args.positionals.length > 1) {
    throw new UsageError(`--history takes one revision range such as main..HEAD (got ${args.positionals.length} arguments); to scan paths, drop --history`);
  }
  const range = args.history ? args.positionals[0] : undefined;
  if (range !== undefined && (range === "" || range.startsWith("-"))) throw new UsageError(`--history needs a revision range such as main..HEAD, not "${range}"`);
  if (args.baseline !== undefined && args.noBaseline) throw new UsageError("--baseline and --no-baseline contradict each other: use one of them");
  if (args.baseline === "") throw new UsageError("--baseline needs a file name");
  if (args.command === "baseline" && (args.staged || args.history || args.noBaseline)) {
    throw new UsageError("token-guard baseline records the findings in the files: drop --staged, --history and --no-baseline");
  }
}

function resolveBaseline(args: RawArgs, config: LoadedConfig): ScanOptions["baseline"] {
  if (args.noBaseline) return undefined;
  if (args.baseline !== undefined) return { path: args.baseline, required: true };
  if (config.config.baseline !== undefined) return { path: config.config.baseline, required: true };
  return { path: DEFAULT_BASELINE_FILE, required: false };
}

/** `5000000`, `500k`, `5m`, `5mb`. */
export function parseSize(text: string): number {
  const match = /^(\d+)\s*(k|kb|m|mb|g|gb)?$/i.exec(text.trim());
  if (!match) throw new UsageError(`--max-file-size must be a number of bytes such as 5000000 or 5m, not "${text}"`);
  const unit = (match[2] ?? "").toLowerCase()[0];
  const factor = unit === "k" ? 1_000 : unit === "m" ? 1_000_000 : unit === "g" ? 1_000_000_000 : 1;
  const size = Number(match[1]) * factor;
  if (size < 1) throw new UsageError("--max-file-size must be at least 1 byte");
  return size;
}
