// Asks git which files a repository holds: the repository root, and the tracked
// plus untracked-but-not-ignored files under some directories (git's own ignore rules).

import { lstatSync } from "node:fs";
import { availableParallelism } from "node:os";
import { sep } from "node:path";
import { spawnGit, spawnGitWithInput, type GitEnvironmentOptions } from "./git-process.js";
import { isPrintableAscii } from "./keyword-sieve.js";
import { NulFields } from "./nul-fields.js";
import { SourceError } from "./source-error.js";

/** What a finished git process produced. */
export interface GitResult {
  /** Exit code; null when git was killed by a signal. */
  code: number | null;
  /** Everything git wrote to stdout (no size limit: listings of 100k files are megabytes). */
  stdout: Buffer;
  /** The start of stderr, for error messages. */
  stderr: string;
}

const STDERR_LIMIT = 64 * 1024;

/**
 * Runs `git <args>` in `cwd` without a shell and collects its output in full.
 * Rejects only when git cannot be started (not installed: error code ENOENT);
 * a non-zero exit resolves with its code.
 */
export async function runGit(args: readonly string[], cwd: string, options?: GitEnvironmentOptions): Promise<GitResult> {
  const stream = streamGit(args, cwd, options);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream.stdout) chunks.push(chunk);
  } catch {
    // git could not start: `done` says why.
  }
  const { code, stderr } = await stream.done;
  return { code, stdout: Buffer.concat(chunks), stderr };
}

/** A git process whose output is read as it comes. */
export interface GitStream {
  stdout: AsyncIterable<Buffer>;
  /** Resolves when git has exited: its code and the start of stderr. Rejects when git cannot be started. */
  done: Promise<{ code: number | null; stderr: string }>;
  /** Stops git (a reader that leaves early). */
  stop(): void;
}

/** How to start a streamed git: its environment, and what to write to its stdin. */
export interface GitStreamOptions extends GitEnvironmentOptions {
  /** Written to git's stdin, which is then closed (`grep -f -`); without it git's stdin is closed from the start. */
  input?: Uint8Array;
}

/** Runs `git <args>` like runGit, but hands stdout over as a stream: for output too large to hold (history). */
export function streamGit(args: readonly string[], cwd: string, options: GitStreamOptions = {}): GitStream {
  const child = options.input === undefined ? spawnGit(args, cwd, options) : spawnGitWithInput(args, cwd, options);
  if (options.input !== undefined) {
    // git exiting early (not a repository) surfaces through `done`; a broken pipe here adds nothing.
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(options.input);
  }
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    if (stderr.length < STDERR_LIMIT) stderr += chunk;
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stderr }));
  });
  done.catch(() => undefined); // the reader awaits it; a start failure also ends stdout
  return {
    stdout: child.stdout,
    done,
    stop: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}

/** The first line git wrote to stderr, for a one-line message. */
function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim() !== "");
  return line === undefined ? "" : line.trim();
}

/** What `git ls-files` listed. */
export interface GitListing {
  /** POSIX paths relative to the root, decoded as UTF-8: tracked files first, then untracked ones. */
  files: string[];
  /** The untracked files among `files`: `git grep` without `--untracked` does not search them. */
  untracked: Set<string>;
  /**
   * Tracked files among `files` marked assume-unchanged or skip-worktree (and
   * unmerged ones): `git grep` searches their index blob, not the file on disk,
   * which is where such flags keep local settings, secrets included.
   */
  searchedInIndex: Set<string>;
  /** The raw bytes of listed names that are not valid UTF-8, by their decoded form. */
  rawNames: Map<string, Buffer>;
}

/**
 * Files under `subdirs` (POSIX, relative to `root`; "" or "." = everything) that
 * git would consider part of the work tree: tracked files, plus untracked files
 * that .gitignore, .git/info/exclude and core.excludesFile do not ignore.
 * Returns POSIX paths relative to `root`, in git's order, possibly with
 * duplicates (unmerged entries). Tracked files deleted from disk are still
 * listed; readers report them as vanished. Skip-worktree entries missing from
 * disk (the folders a sparse checkout leaves out) are not in the work tree and
 * are left out. Untracked nested repositories are left out too (git shows
 * them as `dir/` and would not commit their contents).
 *
 * Tracked and untracked files are listed by two git processes at once: the
 * untracked ones take a walk of the work tree, the tracked ones only the index,
 * and `grepGitFiles` needs to know which are which.
 */
export async function listGitFiles(root: string, subdirs: readonly string[]): Promise<GitListing> {
  const pathspecs = pathspecsOf(subdirs);
  const [tracked, untracked] = await Promise.all([
    // -v: each name after a tag telling plain entries (`H`) from flagged ones.
    lsFiles(root, ["--cached", "-v"], pathspecs),
    lsFiles(root, ["--others", "--exclude-standard"], pathspecs),
  ]);
  const listing: GitListing = { files: [], untracked: new Set(), searchedInIndex: new Set(), rawNames: new Map() };
  addNames(listing, tracked, { untracked: false, rootPrefix: Buffer.from(root + sep) });
  addNames(listing, untracked, { untracked: true });
  return listing;
}

function pathspecsOf(subdirs: readonly string[]): string[] {
  return subdirs.length === 0 || subdirs.some((d) => d === "" || d === ".") ? ["."] : [...subdirs];
}

/** Whether anything is at `path` (a symlink or another non-file counts: the reader tells those). */
function onDisk(path: Buffer): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** `git ls-files -z <selection> -- <pathspecs>`'s raw output. */
async function lsFiles(root: string, selection: readonly string[], pathspecs: readonly string[]): Promise<Buffer> {
  let result: GitResult;
  try {
    // --literal-pathspecs: a directory named `[abc]` or `*` means itself, not a glob.
    result = await runGit(["--literal-pathspecs", "ls-files", "-z", ...selection, "--", ...pathspecs], root);
  } catch (error) {
    throw new SourceError("GIT_FAILED", root, `token-guard: cannot run git in ${root}: ${(error as Error).message}`);
  }
  if (result.code !== 0) {
    throw new SourceError(
      "GIT_FAILED",
      root,
      `token-guard: git ls-files failed in ${root}: ${firstLine(result.stderr) || `exit code ${String(result.code)}`}`,
    );
  }
  return result.stdout;
}

/** `ls-files -v`'s tag of a plain cached entry; a lower-case tag is assume-unchanged, `S` skip-worktree, `M` unmerged. */
const PLAIN_ENTRY_TAG = "H".charCodeAt(0);
const SKIP_WORKTREE_TAGS = new Set(["S".charCodeAt(0), "s".charCodeAt(0)]);
/** The tag and the space after it. */
const TAG_WIDTH = 2;

/**
 * Which names an `ls-files` output holds: untracked ones, or tracked ones after
 * their `-v` tag, with the root's path and a separator as bytes (`rootPrefix`)
 * to find skip-worktree entries on disk.
 */
type NameList = { untracked: true } | { untracked: false; rootPrefix: Buffer };

/** Appends the NUL-terminated names of `stdout` to `listing`. */
function addNames(listing: GitListing, stdout: Buffer, list: NameList): void {
  // -z: NUL-terminated and unquoted, so spaces, newlines and non-ASCII names arrive intact.
  for (let start = 0, nul = stdout.indexOf(0); nul !== -1; start = nul + 1, nul = stdout.indexOf(0, start)) {
    const from = list.untracked ? start : start + TAG_WIDTH;
    const name = stdout.toString("utf8", from, nul);
    if (name === "" || name.endsWith("/")) continue;
    if (!list.untracked && SKIP_WORKTREE_TAGS.has(stdout[start]!) && !onDisk(Buffer.concat([list.rootPrefix, stdout.subarray(from, nul)]))) continue;
    listing.files.push(name);
    if (list.untracked) listing.untracked.add(name);
    else if (stdout[start] !== PLAIN_ENTRY_TAG) listing.searchedInIndex.add(name);
    // Not valid UTF-8: the decoded name holds U+FFFD and names no file; keep the bytes to open it by.
    if (name.includes("\uFFFD") && !Buffer.from(name).equals(stdout.subarray(from, nul))) listing.rawNames.set(name, Buffer.from(stdout.subarray(from, nul)));
  }
}

/**
 * Whether git ignores `path` (POSIX, relative to `root`), itself or through an
 * ignored parent directory. Used for a directory the user names explicitly, which
 * `ls-files --exclude-standard` would otherwise return (nearly) empty.
 */
export async function isGitIgnored(root: string, path: string): Promise<boolean> {
  let result: GitResult;
  try {
    // check-ignore takes paths literally and rejects --literal-pathspecs.
    result = await runGit(["check-ignore", "-q", "--", path], root);
  } catch {
    return false;
  }
  // 0: ignored, 1: not ignored, 128: error (treated as not ignored: list it normally).
  return result.code === 0;
}

/**
 * Tracked files under `subdirs` in which git finds any of `keywords`
 * (case-insensitive, fixed strings), and tracked files holding a UTF-16
 * byte-order mark: the tracked files `listGitFiles` lists, narrowed by git's C
 * byte search. Every other tracked file provably holds no keyword, so the
 * detector's own prefilter would reject it: this may only over-report, never
 * miss. Untracked files are not searched: `--untracked` walks the work tree once
 * more (a third of git grep's time on 100,000 files), and `listGitFiles` has
 * walked it already. `onHit` hears of each hit as git finds it (names that are
 * valid UTF-8 only), so a scan can read candidates while git searches on.
 *
 * UTF-16 text is binary to git (it holds NUL bytes), so a keyword search that
 * skips binary files (-I) never sees it. One fixed-string search finds both,
 * reading every file once: the keywords and the two byte-order marks are its
 * patterns, given as raw bytes on stdin (an argument cannot carry them on every
 * platform) and searched in the C locale (a UTF-8 one rejects those bytes). A
 * mark found anywhere, not only at the start, makes a hit: reading decodes the
 * candidate and judges it anyway, as it does binary files holding a keyword
 * (they are skipped as binary, as a walk skips them). This is as fast as the
 * keyword search alone, where one PCRE alternation of keywords and an anchored
 * mark was 1.6 times slower. Keywords that are not printable ASCII need the
 * user's locale to fold their case: they get a search of their own, beside one
 * for the marks.
 */
export async function grepGitFiles(
  root: string,
  subdirs: readonly string[],
  keywords: readonly string[],
  onHit?: (name: string) => void,
): Promise<Set<string>> {
  const pathspecs = pathspecsOf(subdirs);
  // Every core, though the scan reads and matches the hits as they come: the
  // search is what the scan waits for first. On 2 cores (Node 26, 10,000 files,
  // interleaved medians) a thread of its own for the scan cost 414 vs 388 ms and
  // 463 vs 440 ms where 0.55 % of files hold a keyword, and was a wash (790 vs
  // 754, 903 vs 928 ms) where 4.8 % do.
  const cores = availableParallelism();
  const grep = (threads: number, ...patterns: string[]): string[] =>
    ["--literal-pathspecs", "grep", "--threads", String(threads), "-l", "-z", "--no-color", "--full-name", "-F", ...patterns, "--", ...pathspecs];
  const hits = new Set<string>();
  if (keywords.every(isPrintableAscii)) {
    const patterns = patternLines([...keywords.map((keyword) => Buffer.from(keyword, "latin1")), ...WIDE_MARKS]);
    await grepNames(grep(cores, "-i", "-f", "-"), root, hits, onHit, { ...C_LOCALE, input: patterns });
    return hits;
  }
  await Promise.all([
    grepNames(grep(cores, "-I", "-i", ...keywords.flatMap((keyword) => ["-e", keyword])), root, hits, onHit),
    // One thread: it runs beside the keyword search, which gets the cores.
    grepNames(grep(1, "-f", "-"), root, hits, onHit, { ...C_LOCALE, input: patternLines(WIDE_MARKS) }),
  ]);
  return hits;
}

/** Byte patterns need the C locale: in a UTF-8 one, git's matcher rejects the bytes of a byte-order mark. */
const C_LOCALE: GitEnvironmentOptions = { extra: { LC_ALL: "C" } };

/** The UTF-16 byte-order marks, little- and big-endian. */
const WIDE_MARKS: readonly Buffer[] = [Buffer.from("\uFEFF", "utf16le"), Buffer.from("\uFEFF", "utf16le").swap16()];

/** `grep -f` input: one pattern per line. */
function patternLines(patterns: readonly Buffer[]): Buffer {
  const newline = Buffer.from("\n");
  return Buffer.concat(patterns.flatMap((pattern) => [pattern, newline]));
}

/**
 * Runs a `git grep -l -z`, adding the names it prints to `hits` and telling
 * `onHit` of each new one as git finds it (names that are valid UTF-8 only).
 */
async function grepNames(args: readonly string[], root: string, hits: Set<string>, onHit?: (name: string) => void, options?: GitStreamOptions): Promise<void> {
  const stream = streamGit(args, root, options);
  const names = new NulFields();
  try {
    for await (const chunk of stream.stdout) {
      for (const name of names.push(chunk)) {
        if (name === "" || hits.has(name)) continue;
        hits.add(name);
        // A name that is not valid UTF-8 cannot be opened by its decoded form: the full listing holds its bytes.
        if (onHit !== undefined && !name.includes("\uFFFD")) onHit(name);
      }
    }
  } catch {
    // git could not start: `done` says why.
  }
  let outcome: { code: number | null; stderr: string };
  try {
    outcome = await stream.done;
  } catch (error) {
    throw new SourceError("GIT_FAILED", root, `token-guard: cannot run git in ${root}: ${(error as Error).message}`);
  }
  // 1: no file matched.
  if (outcome.code !== 0 && outcome.code !== 1) {
    throw new SourceError("GIT_FAILED", root, `token-guard: git grep failed in ${root}: ${firstLine(outcome.stderr) || `exit code ${String(outcome.code)}`}`);
  }
}
