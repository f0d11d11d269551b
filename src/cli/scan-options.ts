// `token-guard scan`: its option table, and step two of its command line: the
// flags and the config resolved into one validated ScanOptions, the only thing
// the scan command reads.

import { resolveCacheFile } from "../cache/cache-location.js";
import { defaultThreads } from "../parallel/threads.js";
import { FORMAT_NAMES, type FormatName } from "../report/formats.js";
import type { LoadedConfig } from "../config/load-config.js";
import type { SourcePick } from "../sources/pick-sources.js";
import { resolveColor } from "./color.js";
import { loadCommandConfig } from "./command-config.js";
import { DOCS_URL, type CommandSpec } from "./command-spec.js";
import { UsageError } from "./errors.js";
import { CONFIG_FLAGS, ENV_VAR_FLAG, INFO_FLAGS, MAX_FILE_SIZE_FLAG, parseThreads, pathsOrCwd, resolveEnvVar, resolveMaxFileSize, STAGED_FLAG, THREADS_FLAG, type FlagTable, type RawFlags } from "./flags.js";

const SCAN_FLAGS = {
  format: { type: "string", short: "f", value: "<name>", help: "stylish (default), json, sarif or github (Actions annotations)" },
  output: { type: "string", short: "o", value: "<file>", help: "write the report to a file (folders created) instead of stdout; a summary line still goes to stderr" },
  ...CONFIG_FLAGS,
  ...MAX_FILE_SIZE_FLAG,
  ...STAGED_FLAG,
  history: { type: "boolean", help: "scan every blob ever committed in REV-RANGE (default: all refs), with its commit" },
  "replace-text": { type: "string", value: "<file>", help: "with --history: write the values found, as git filter-repo --replace-text lines, to a new file (mode 0600)" },
  "no-git": { type: "boolean", help: "list files by walking the folders, even inside a git repository (.gitignore files still apply)" },
  baseline: { type: "string", value: "<file>", help: "accepted findings (default: .token-guard-baseline.json when present)" },
  "no-baseline": { type: "boolean", help: "report every finding, ignoring any baseline" },
  "exit-zero": { type: "boolean", help: "exit 0 even when there are findings (report only)" },
  ...ENV_VAR_FLAG,
  ...THREADS_FLAG,
  cache: { type: "boolean", help: "reuse the findings of files unchanged since the last --cache scan (not with --history)" },
  "cache-location": { type: "string", value: "<path>", help: "the cache file, or a directory for it (default: node_modules/.cache/token-guard/)" },
  color: { type: "boolean", help: "force colours on (even with --output)" },
  "no-color": { type: "boolean", help: "force colours off (default: FORCE_COLOR, then NO_COLOR, then on for a terminal)" },
  ...INFO_FLAGS,
} as const satisfies FlagTable;

type ScanFlags = RawFlags<typeof SCAN_FLAGS>;

/** Where `token-guard baseline` writes and `scan` looks by default. */
export const DEFAULT_BASELINE_FILE = ".token-guard-baseline.json";

/** What finding the sources' tokens takes: which sources, which rules, how many threads. */
export interface CollectOptions extends SourcePick {
  config: LoadedConfig;
  /** Threads that scan beside the main thread once a scan proves large (0: the main thread does all). */
  threads: number;
  /** `--cache`: the absolute path of the cache file; undefined without `--cache`. */
  cacheFile?: string;
  /** `--env-var`: the variable every finding reads (as `fix --env-var` writes it). */
  envVar?: string;
}

export interface ScanOptions extends CollectOptions {
  format: FormatName;
  /** Report file; undefined for stdout. */
  output?: string;
  color: boolean;
  /**
   * The baseline file (relative to `cwd`): `--baseline`, else the config's `baseline`,
   * else the default name, which is used only when it exists (`required` false).
   * Undefined with `--no-baseline`.
   */
  baseline?: { path: string; required: boolean };
  /** `--exit-zero`: report findings but exit 0 (errors still exit 2). */
  exitZero: boolean;
  /** `--replace-text FILE` (history scans): where to write git filter-repo's replacement lines, relative to `cwd`. */
  replaceText?: string;
  /**
   * A staged scan run by git's pre-commit hook (git sets GIT_INDEX_FILE for its
   * hooks; a hand-run `scan --staged` has none), whose findings block the commit.
   */
  fromCommitHook: boolean;
}

export const SCAN_COMMAND: CommandSpec<typeof SCAN_FLAGS> = {
  name: "scan",
  usage: [
    { line: "scan [paths...] [options]", what: "scan files and folders (default: .)" },
    { line: "scan --staged [paths...]", what: "scan what git commit is about to record (pre-commit hook)" },
    { line: "scan --history [REV-RANGE]", what: "scan every blob ever committed (default: all refs), with its commit" },
  ],
  flags: SCAN_FLAGS,
  exitCodes: "0 no findings, 1 findings (baselined ones do not count), 2 usage, config or I/O error.",
  docs: `${DOCS_URL}#command-line`,
  async run(flags, { cwd, stdout }) {
    const options = resolveScanOptions(flags, loadCommandConfig(flags.values, cwd), cwd, stdout.isTTY === true, process.env);
    const { runScan } = await import("./scan-command.js");
    return runScan(options, stdout);
  },
};

export function resolveScanOptions({ values, positionals }: ScanFlags, config: LoadedConfig, cwd: string, stdoutIsTty: boolean, env: NodeJS.ProcessEnv): ScanOptions {
  const format = values.format ?? "stylish";
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (formats: ${FORMAT_NAMES.join(", ")})`);
  }
  validateModes({ values, positionals });
  const baseline = values["no-baseline"] ? undefined : { path: baselineFile(values.baseline, config), required: values.baseline !== undefined || config.config.baseline !== undefined };
  const maxFileSize = resolveMaxFileSize(values["max-file-size"], config);
  const history = values.history === true;
  return {
    cwd,
    // --history's positional is its range, not a path.
    paths: history ? ["."] : pathsOrCwd(positionals),
    format: format as FormatName,
    output: values.output,
    maxFileSize,
    ignore: config.config.ignore ?? [],
    color: resolveColor({ color: values.color, noColor: values["no-color"], toFile: values.output !== undefined, stdoutIsTty }, env),
    config,
    staged: values.staged === true,
    noGit: values["no-git"] === true,
    history: history ? { range: positionals[0] } : undefined,
    baseline,
    exitZero: values["exit-zero"] === true,
    threads: resolveThreads(values.threads),
    replaceText: values["replace-text"],
    fromCommitHook: values.staged === true && env.GIT_INDEX_FILE !== undefined,
    cacheFile: values.cache === true ? resolveCacheFile(cwd, values["cache-location"]) : undefined,
    envVar: resolveEnvVar(values["env-var"]),
  };
}

/** `--threads`, else one per core beyond the first (see defaultThreads). */
export function resolveThreads(flag: string | undefined): number {
  return flag === undefined ? defaultThreads() : parseThreads(flag);
}

/** The baseline file to read or write: `--baseline`, else the config's `baseline`, else the default name. */
export function baselineFile(flag: string | undefined, config: LoadedConfig): string {
  if (flag === "") throw new UsageError("--baseline needs a file name");
  return flag ?? config.config.baseline ?? DEFAULT_BASELINE_FILE;
}

/** Flags that cannot go together, each refused with what to do instead. */
function validateModes({ values, positionals }: ScanFlags): void {
  if (values.history && values.staged) throw new UsageError("--history and --staged scan different things: use one of them");
  if (values.history && positionals.length > 1) {
    throw new UsageError(`--history takes one revision range such as main..HEAD (got ${positionals.length} arguments); to scan paths, drop --history`);
  }
  const range = values.history ? positionals[0] : undefined;
  if (range !== undefined && (range === "" || range.startsWith("-"))) throw new UsageError(`--history needs a revision range such as main..HEAD, not "${range}"`);
  if (values["no-git"] && (values.staged || values.history)) throw new UsageError(`--no-git lists files without git; ${values.staged ? "--staged" : "--history"} reads git itself: use one of them`);
  const replaceText = values["replace-text"];
  if (replaceText !== undefined && !values.history) throw new UsageError("--replace-text writes the values a history scan finds: add --history");
  if (replaceText === "") throw new UsageError("--replace-text needs a file name, such as ../token-guard-replacements.txt");
  if (values.cache && values.history) throw new UsageError("--cache remembers the files of scan and scan --staged, not --history: drop --cache");
  if (values["cache-location"] !== undefined && !values.cache) throw new UsageError("--cache-location says where --cache keeps its file: add --cache");
  if (values["cache-location"] === "") throw new UsageError("--cache-location needs a file or directory name");
  if (values.baseline !== undefined && values["no-baseline"]) throw new UsageError("--baseline and --no-baseline contradict each other: use one of them");
}
