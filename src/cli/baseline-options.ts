// `token-guard baseline`: its option table, and its flags resolved into the
// BaselineOptions the baseline command reads: the files a plain scan of the
// same paths reads, and the file to write.

import type { LoadedConfig } from "../config/load-config.js";
import { loadCommandConfig } from "./command-config.js";
import { DOCS_URL, type CommandSpec } from "./command-spec.js";
import { CONFIG_FLAGS, INFO_FLAGS, MAX_FILE_SIZE_FLAG, pathsOrCwd, resolveMaxFileSize, THREADS_FLAG, type FlagTable, type RawFlags } from "./flags.js";
import { baselineFile, resolveThreads, type CollectOptions } from "./scan-options.js";

const BASELINE_FLAGS = {
  baseline: { type: "string", value: "<file>", help: "the file to write (default: the config's baseline, else .token-guard-baseline.json)" },
  ...CONFIG_FLAGS,
  ...MAX_FILE_SIZE_FLAG,
  ...THREADS_FLAG,
  ...INFO_FLAGS,
} as const satisfies FlagTable;

export interface BaselineOptions extends CollectOptions {
  /** The baseline file to write, relative to `cwd`. */
  file: string;
  /** Named with --baseline by the user; otherwise the repository's config (or the default) chose it, and it must stay inside. */
  typed: boolean;
}

export const BASELINE_COMMAND: CommandSpec<typeof BASELINE_FLAGS> = {
  name: "baseline",
  usage: [{ line: "baseline [paths...]", what: "accept today's findings: write .token-guard-baseline.json" }],
  flags: BASELINE_FLAGS,
  exitCodes: "0 baseline written, 2 usage, config or I/O error.",
  docs: `${DOCS_URL}#baseline`,
  async run(flags, { cwd, stdout }) {
    const options = resolveBaselineOptions(flags, loadCommandConfig(flags.values, cwd), cwd);
    const { runBaseline } = await import("./baseline-command.js");
    return runBaseline(options, stdout);
  },
};

export function resolveBaselineOptions({ values, positionals }: RawFlags<typeof BASELINE_FLAGS>, config: LoadedConfig, cwd: string): BaselineOptions {
  const file = baselineFile(values.baseline, config);
  return {
    cwd,
    paths: pathsOrCwd(positionals),
    staged: false,
    maxFileSize: resolveMaxFileSize(values["max-file-size"], config),
    ignore: config.config.ignore ?? [],
    config,
    threads: resolveThreads(values.threads),
    file,
    typed: values.baseline !== undefined,
  };
}
