// What a command's option table is made of, and the flags several commands
// share, each defined once with its help line so two commands cannot drift.

import type { LoadedConfig } from "../config/load-config.js";
import { UsageError } from "./errors.js";

/** One flag: how `node:util` parseArgs reads it, and its line in the command's help. */
export interface FlagSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** The value's name in help (`<file>`); string flags only. */
  readonly value?: string;
  /** What the flag does, one line. */
  readonly help: string;
}

/** A command's flags by long name. */
export type FlagTable = Readonly<Record<string, FlagSpec>>;

/** The raw values parseArgs found for a table: absent flags are undefined. */
export type FlagValues<T extends FlagTable> = { -readonly [K in keyof T]?: T[K]["type"] extends "string" ? string : boolean };

/** Step one of every command line: its flags as typed, and its positional arguments. */
export interface RawFlags<T extends FlagTable> {
  values: FlagValues<T>;
  positionals: string[];
}

/** Every command takes these two: they print instead of running it. */
export const INFO_FLAGS = {
  help: { type: "boolean", short: "h", help: "show this help" },
  version: { type: "boolean", short: "v", help: "print the version" },
} as const satisfies FlagTable;

export const CONFIG_FLAGS = {
  config: { type: "string", short: "c", value: "<file>", help: "config file (default: token-guard.config.json or package.json#tokenGuard)" },
  "no-config": { type: "boolean", help: "ignore config files" },
} as const satisfies FlagTable;

export const MAX_FILE_SIZE_FLAG = {
  "max-file-size": { type: "string", value: "<bytes>", help: "skip larger files (default: 5000000; suffixes k, m: 5m)" },
} as const satisfies FlagTable;

export const THREADS_FLAG = {
  threads: { type: "string", short: "j", value: "<n>", help: "scanning threads for large scans (default: cores - 1, at most 4, none on 2 cores; 0: none)" },
} as const satisfies FlagTable;

export const STAGED_FLAG = {
  staged: { type: "boolean", help: "only what git commit is about to record (the index); paths narrow it" },
} as const satisfies FlagTable;

export const ENV_VAR_FLAG = {
  "env-var": { type: "string", value: "<NAME>", help: "the variable every finding reads (default: the rule's, or one named after the code's own identifier); scan and fix given the same NAME agree" },
} as const satisfies FlagTable;

/** `--env-var NAME`: an environment variable name, or a UsageError. */
export function resolveEnvVar(flag: string | undefined): string | undefined {
  if (flag !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(flag)) throw new UsageError(`--env-var needs an environment variable name, such as CONVOSO_AUTH_TOKEN`);
  return flag;
}

export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

/** `--max-file-size`, else the config's `maxFileSize`, else the default. */
export function resolveMaxFileSize(flag: string | undefined, config: LoadedConfig): number {
  return flag === undefined ? (config.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) : parseSize(flag);
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

/** `--threads`: a whole number from 0 to 64. */
export function parseThreads(text: string): number {
  if (!/^\d{1,2}$/.test(text) || Number(text) > 64) throw new UsageError(`--threads needs a whole number from 0 to 64, not "${text}"`);
  return Number(text);
}

/** Paths as typed, or the current directory when none. */
export function pathsOrCwd(positionals: readonly string[]): string[] {
  return positionals.length > 0 ? [...positionals] : ["."];
}
