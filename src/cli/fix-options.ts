// `token-guard fix`: its option table, and its flags resolved into the
// FixOptions the fix command reads.

import type { LoadedConfig } from "../config/load-config.js";
import type { SourcePick } from "../sources/pick-sources.js";
import { loadCommandConfig } from "./command-config.js";
import { DOCS_URL, type CommandSpec } from "./command-spec.js";
import { UsageError } from "./errors.js";
import { CONFIG_FLAGS, ENV_VAR_FLAG, INFO_FLAGS, MAX_FILE_SIZE_FLAG, pathsOrCwd, resolveEnvVar, resolveMaxFileSize, STAGED_FLAG, type FlagTable, type RawFlags } from "./flags.js";

const FIX_FLAGS = {
  "dry-run": { type: "boolean", help: "print the diff (values redacted), write nothing" },
  dotenv: { type: "string", value: "<file>", help: "where the values go (default: .env at the repository root)" },
  "env-file": { type: "string", value: "<file>", help: "the same as --dotenv, which Node.js itself refuses when <file> does not exist yet" },
  ...ENV_VAR_FLAG,
  ...STAGED_FLAG,
  ...CONFIG_FLAGS,
  ...MAX_FILE_SIZE_FLAG,
  ...INFO_FLAGS,
} as const satisfies FlagTable;

export interface FixOptions extends SourcePick {
  /** Print a diff (values redacted) and write nothing. */
  dryRun: boolean;
  /** Where the values go, relative to `cwd`, and the flag that named it; default `.env` at the repository root (the cwd outside one). */
  envFile?: { path: string; flag: "--dotenv" | "--env-file" };
  config: LoadedConfig;
  /** `--env-var`: the one variable every value goes to. */
  envVar?: string;
}

export const FIX_COMMAND: CommandSpec<typeof FIX_FLAGS> = {
  name: "fix",
  usage: [{ line: "fix [paths...] [--dry-run] [--dotenv .env] [--staged]", what: "rewrite tokens into env lookups, move the values to .env" }],
  flags: FIX_FLAGS,
  exitCodes: "0 nothing left to fix, 1 findings fix cannot rewrite (listed), 2 usage, config or I/O error (or a write stopped part-way).",
  docs: `${DOCS_URL}#fixing-findings`,
  async run(flags, { cwd, stdout }) {
    const options = resolveFixOptions(flags, loadCommandConfig(flags.values, cwd), cwd);
    const { runFix } = await import("./fix-command.js");
    return runFix(options, stdout);
  },
};

export function resolveFixOptions({ values, positionals }: RawFlags<typeof FIX_FLAGS>, config: LoadedConfig, cwd: string): FixOptions {
  if (values.dotenv !== undefined && values["env-file"] !== undefined) throw new UsageError("--dotenv and --env-file are the same option: give one");
  const envFile = values.dotenv !== undefined ? { path: values.dotenv, flag: "--dotenv" as const } : values["env-file"] !== undefined ? { path: values["env-file"], flag: "--env-file" as const } : undefined;
  const envVar = resolveEnvVar(values["env-var"]);
  if (envFile?.path === "") throw new UsageError(`${envFile.flag} needs a file name, such as .env`);
  return {
    cwd,
    paths: pathsOrCwd(positionals),
    staged: values.staged === true,
    dryRun: values["dry-run"] === true,
    envFile,
    maxFileSize: resolveMaxFileSize(values["max-file-size"], config),
    ignore: config.config.ignore ?? [],
    config,
    ...(envVar === undefined ? {} : { envVar }),
  };
}
