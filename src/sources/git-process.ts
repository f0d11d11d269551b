// The one way token-guard starts git. A scanned repository is untrusted: its
// .git/config can name programs git would run (core.fsmonitor, hooks, external
// diff and textconv drivers) and remotes a partial clone would fetch from. Every
// git call goes through `spawnGit`, which turns those off and cleans the
// environment, so scanning a repository never runs its code or touches the network.

import { spawn, spawnSync, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";

/**
 * Repository-local variables git exports to hooks (`git rev-parse --local-env-vars`).
 * They pin git to one repository; we locate repositories by directory instead, so
 * a scan run from a hook, or a test run from one, must not inherit them.
 */
const REPOSITORY_ENV_VARS = [
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_CONFIG",
  "GIT_CONFIG_PARAMETERS",
  "GIT_CONFIG_COUNT",
  "GIT_OBJECT_DIRECTORY",
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_IMPLICIT_WORK_TREE",
  "GIT_GRAFT_FILE",
  "GIT_INDEX_FILE",
  "GIT_NO_REPLACE_OBJECTS",
  "GIT_REPLACE_REF_BASE",
  "GIT_PREFIX",
  "GIT_INTERNAL_SUPER_PREFIX",
  "GIT_SHALLOW_FILE",
  "GIT_COMMON_DIR",
] as const;

/** Pathspec switches a user may export; we choose pathspec handling per command instead. */
const PATHSPEC_ENV_VARS = ["GIT_LITERAL_PATHSPECS", "GIT_GLOB_PATHSPECS", "GIT_NOGLOB_PATHSPECS", "GIT_ICASE_PATHSPECS"] as const;

/**
 * Settings given on git's command line, which outrank every config file the
 * repository controls (including files it `include`s).
 */
const NEUTRAL_CONFIG = [
  // A program git runs on every index or work-tree read (3 runs per scan before this).
  "core.fsmonitor=false",
  // No transport at all: a partial clone would otherwise fetch each missing blob
  // from its promisor remote. GIT_NO_LAZY_FETCH below says the same to git >= 2.44;
  // this setting is what stops the fetch on older git (2.39 here): the fetch
  // child inherits it and refuses every protocol, so the blob reads as missing.
  "protocol.allow=never",
  // A user's log.showSignature would run gpg and print its output into the log stream.
  "log.showSignature=false",
] as const;

/**
 * Hooks such as post-index-change run when git refreshes the index. Not for the
 * two subcommands that run no hook and through which `init` reads where hooks live.
 */
const NO_HOOKS = "core.hooksPath=/dev/null";
const READS_HOOKS_PATH = new Set(["rev-parse", "config"]);

/** Subcommand flags that keep diff drivers from running: external diff commands and textconv filters. */
const NO_DRIVERS: Readonly<Record<string, readonly string[]>> = {
  diff: ["--no-ext-diff", "--no-textconv"],
  log: ["--no-ext-diff", "--no-textconv"],
  show: ["--no-ext-diff", "--no-textconv"],
  grep: ["--no-textconv"],
};

/** What a caller may keep from its environment. */
export interface GitEnvironmentOptions {
  /**
   * Keep GIT_INDEX_FILE: inside a pre-commit hook, `git commit -a` or `git
   * commit <paths>` points it at a temporary index, and that index is exactly
   * what will be committed.
   */
  keepIndexFile?: boolean;
  /** Variables to add (e.g. LC_ALL for a byte-pattern grep). */
  extra?: NodeJS.ProcessEnv;
}

/** The environment every git process gets: the user's, without anything that pins or reconfigures a repository. */
export function gitEnvironment(options: GitEnvironmentOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REPOSITORY_ENV_VARS) {
    if (name === "GIT_INDEX_FILE" && options.keepIndexFile === true) continue;
    delete env[name];
  }
  for (const name of PATHSPEC_ENV_VARS) delete env[name];
  // Never stop to ask for credentials or open a pager: we are not interactive.
  env.GIT_TERMINAL_PROMPT = "0";
  env.GIT_PAGER = "cat";
  // git >= 2.44: never fetch a partial clone's missing objects (older git ignores it; see protocol.allow).
  env.GIT_NO_LAZY_FETCH = "1";
  return { ...env, ...options.extra };
}

/**
 * `git <args>` with the neutral settings in front and the driver-disabling
 * flags after the subcommand. `args` may start with global options (`-c k=v`,
 * `--literal-pathspecs`); the subcommand is the first other word.
 */
export function neutralGitArguments(args: readonly string[]): string[] {
  let at = 0;
  while (at < args.length && args[at]!.startsWith("-")) at += args[at] === "-c" ? 2 : 1;
  const subcommand = args[at];
  const extra = subcommand === undefined ? [] : (NO_DRIVERS[subcommand] ?? []);
  const settings = subcommand !== undefined && READS_HOOKS_PATH.has(subcommand) ? NEUTRAL_CONFIG : [...NEUTRAL_CONFIG, NO_HOOKS];
  return [...settings.flatMap((setting) => ["-c", setting]), "--no-pager", ...args.slice(0, at + 1), ...extra, ...args.slice(at + 1)];
}

/** Starts `git <args>` in `cwd` without a shell, neutralised (see the top of this file). */
export function spawnGit(args: readonly string[], cwd: string, options: GitEnvironmentOptions = {}): ChildProcessByStdio<null, Readable, Readable> {
  return spawn("git", neutralGitArguments(args), { cwd, env: gitEnvironment(options), stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
}

/** Like spawnGit, for a git that reads its stdin (cat-file --batch, grep -f -). */
export function spawnGitWithInput(args: readonly string[], cwd: string, options: GitEnvironmentOptions = {}): ChildProcessByStdio<Writable, Readable, Readable> {
  return spawn("git", neutralGitArguments(args), { cwd, env: gitEnvironment(options), stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
}

/** Runs `git <args>` to completion, neutralised; for a few small reads where the caller must stay synchronous. */
export function runGitSync(args: readonly string[], cwd: string): { code: number | null; stdout: Buffer } {
  const result = spawnSync("git", neutralGitArguments(args), { cwd, env: gitEnvironment(), stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 30, windowsHide: true });
  return { code: result.error === undefined ? result.status : null, stdout: result.stdout ?? Buffer.alloc(0) };
}
