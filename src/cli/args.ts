// Step one of the command line: raw flags from argv, with a clear error for an
// unknown or malformed flag. Step two (options.ts) validates what they mean.

import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export const COMMANDS = ["scan", "baseline", "fix", "init", "help", "version"] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface RawArgs {
  command: CommandName;
  positionals: string[];
  format?: string;
  output?: string;
  config?: string;
  maxFileSize?: string;
  noConfig: boolean;
  color?: boolean;
  staged: boolean;
  /** `scan --history [REV-RANGE]`: the range is the positional. */
  history: boolean;
  /** Baseline file to apply (scan) or write (baseline). */
  baseline?: string;
  noBaseline: boolean;
  exitZero: boolean;
  gitHook: boolean;
  force: boolean;
  /** `fix --dry-run`: print the diff, write nothing. */
  dryRun: boolean;
  /** `fix --dotenv <file>` (or `--env-file <file>`): where removed values go, and the flag as typed (for messages). */
  envFile?: { path: string; flag: "--dotenv" | "--env-file" };
  /** `--threads <n>`: scanning threads besides the main one. */
  threads?: string;
}

const FLAGS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  config: { type: "string", short: "c" },
  "max-file-size": { type: "string" },
  "no-config": { type: "boolean" },
  staged: { type: "boolean" },
  history: { type: "boolean" },
  baseline: { type: "string" },
  "no-baseline": { type: "boolean" },
  "exit-zero": { type: "boolean" },
  "git-hook": { type: "boolean" },
  "dry-run": { type: "boolean" },
  dotenv: { type: "string" },
  "env-file": { type: "string" },
  threads: { type: "string", short: "j" },
  force: { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

export function parseCommandLine(argv: readonly string[]): RawArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (see token-guard --help)`);
  }
  const { values, positionals } = parsed;
  let command: CommandName = "scan";
  const [first, ...rest] = positionals;
  if (values.help) command = "help";
  else if (values.version) command = "version";
  else if (first !== undefined && (COMMANDS as readonly string[]).includes(first)) command = first as CommandName;
  else if (first !== undefined) throw new UsageError(`unknown command "${first}" (commands: ${COMMANDS.join(", ")}; see token-guard --help)`);
  else command = "help";
  if (command === "init" && rest.length > 0) throw new UsageError(`init takes no paths (got "${rest[0]}"): run it inside the repository`);
  if (values.dotenv !== undefined && values["env-file"] !== undefined) throw new UsageError("--dotenv and --env-file are the same option: give one");
  return {
    command,
    positionals: command === "scan" || command === "baseline" || command === "fix" ? rest : [],
    format: values.format,
    output: values.output,
    config: values.config,
    maxFileSize: values["max-file-size"],
    noConfig: values["no-config"] ?? false,
    color: values["no-color"] ? false : values.color,
    staged: values.staged ?? false,
    history: values.history ?? false,
    baseline: values.baseline,
    noBaseline: values["no-baseline"] ?? false,
    exitZero: values["exit-zero"] ?? false,
    gitHook: values["git-hook"] ?? false,
    force: values.force ?? false,
    dryRun: values["dry-run"] ?? false,
    envFile: values.dotenv !== undefined ? { path: values.dotenv, flag: "--dotenv" } : values["env-file"] !== undefined ? { path: values["env-file"], flag: "--env-file" } : undefined,
    threads: values.threads,
  };
}

export const HELP = `token-guard: find hardcoded API auth tokens and write env-var lookups instead

Usage:
  token-guard scan [paths...] [options]   scan files and folders (default: .)
  token-guard scan --staged [paths...]    scan what git commit is about to record (pre-commit hook)
  token-guard scan --history [REV-RANGE]  scan every blob ever committed (default: all refs), with its commit
  token-guard baseline [paths...]         accept today's findings: write .token-guard-baseline.json
  token-guard fix [paths...] [--dry-run] [--dotenv .env] [--staged]
                                          rewrite tokens into env lookups, move the values to .env
  token-guard init [--git-hook [--force]] install the pre-commit hook (husky; --git-hook: plain git hook)

Options:
  -f, --format <name>           stylish (default), json, sarif or github (Actions annotations)
  -o, --output <file>           write the report to a file instead of stdout
  -c, --config <file>           config file (default: token-guard.config.json or package.json#tokenGuard)
      --no-config               ignore config files
      --max-file-size <bytes>   skip larger files (default: 5000000; suffixes k, m: 5m)
      --baseline <file>         accepted findings (default: .token-guard-baseline.json when present)
      --no-baseline             report every finding, ignoring any baseline
      --exit-zero               exit 0 even when there are findings (report only)
  -j, --threads <n>             scanning threads for large scans (default: cores - 1, at most 4, none on 2 cores; 0: none)
      --dry-run                 fix: print the diff (values redacted), write nothing
      --dotenv <file>           fix: where the values go (default: .env at the repository root);
                                also --env-file <file>, which Node.js itself refuses when <file> does not exist yet
      --color / --no-color      force colours on or off
  -h, --help                    show this help
  -v, --version                 print the version

Exit codes: 0 no findings, 1 findings (baselined ones do not count), 2 usage, config or I/O error.
`;
