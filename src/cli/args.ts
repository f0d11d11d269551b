// Step one of the command line: raw flags from argv, with a clear error for an
// unknown or malformed flag. Step two (options.ts) validates what they mean.

import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export const COMMANDS = ["scan", "init", "help", "version"] as const;
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
  gitHook: boolean;
  force: boolean;
}

const FLAGS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  config: { type: "string", short: "c" },
  "max-file-size": { type: "string" },
  "no-config": { type: "boolean" },
  staged: { type: "boolean" },
  "git-hook": { type: "boolean" },
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
  return {
    command,
    positionals: command === "scan" ? rest : [],
    format: values.format,
    output: values.output,
    config: values.config,
    maxFileSize: values["max-file-size"],
    noConfig: values["no-config"] ?? false,
    color: values["no-color"] ? false : values.color,
    staged: values.staged ?? false,
    gitHook: values["git-hook"] ?? false,
    force: values.force ?? false,
  };
}

export const HELP = `token-guard: find hardcoded API auth tokens and write env-var lookups instead

Usage:
  token-guard scan [paths...] [options]   scan files and folders (default: .)
  token-guard scan --staged [paths...]    scan what git commit is about to record (pre-commit hook)
  token-guard init [--git-hook [--force]] install the pre-commit hook (husky; --git-hook: plain git hook)

Options:
  -f, --format <stylish|json>   output format (default: stylish)
  -o, --output <file>           write the report to a file instead of stdout
  -c, --config <file>           config file (default: token-guard.config.json or package.json#tokenGuard)
      --no-config               ignore config files
      --max-file-size <bytes>   skip larger files (default: 5000000; suffixes k, m: 5m)
      --color / --no-color      force colours on or off
  -h, --help                    show this help
  -v, --version                 print the version

Exit codes: 0 no findings, 1 findings, 2 usage, config or I/O error.
`;
