// Step two of the command line: flags and config resolved into one validated
// ScanOptions object, the only thing the scan command reads.

import { FORMAT_NAMES, type FormatName } from "../report/formats.js";
import type { RawArgs } from "./args.js";
import type { LoadedConfig } from "./config.js";
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
}

export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

export function resolveScanOptions(args: RawArgs, config: LoadedConfig, cwd: string, stdoutIsTty: boolean): ScanOptions {
  const format = args.format ?? "stylish";
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (formats: ${FORMAT_NAMES.join(", ")})`);
  }
  const maxFileSize = args.maxFileSize === undefined ? (config.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) : parseSize(args.maxFileSize);
  return {
    cwd,
    paths: args.positionals.length > 0 && !args.staged ? args.positionals : ["."],
    stagedPaths: args.staged ? args.positionals : [],
    format: format as FormatName,
    output: args.output,
    maxFileSize,
    ignore: config.config.ignore ?? [],
    color: args.color ?? (stdoutIsTty && args.output === undefined && process.env.NO_COLOR === undefined),
    config,
    staged: args.staged,
  };
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
