// Lists the files a scan reads, for the paths the user named: git's own listing
// inside a repository, a fast-glob walk filtered by .gitignore files outside one.

// Rules, in the order they are applied to each file found under a named root:
//  1. built-in skips (SKIPPED_DIRECTORIES anywhere below the root, LOCKFILES);
//  2. .gitignore: git applies them inside a repository (plus .git/info/exclude
//     and core.excludesFile); outside one, every .gitignore in the walked tree
//     and in the directories between the working directory and the root;
//  3. the config's `ignore` globs (gitignore syntax, relative to the cwd).
// A path the user names is never judged itself: a named file is always listed
// (as ripgrep does), and for a named directory, rules that would ignore it,
// one of its ancestors or everything directly inside it are set aside, so
// `scan examples` scans what `ignore: ["examples"]` hides from `scan .`.
// A named directory git ignores as a whole is walked like one outside git.

import { readdirSync as readdirSyncNode, type Dirent } from "node:fs";
import { access, constants, lstat, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type fg from "fast-glob";
import { grepGitFiles, isGitIgnored, listGitFiles } from "./git.js";
import { compileGitignorePatterns, GitignoreMatcher } from "./gitignore.js";
import { findGitRoot } from "./repository-root.js";
import { errorCode } from "./error-code.js";
import { toPosix } from "./paths.js";
import { escapeRegExp } from "../languages/shared/escape-regexp.js";
import { SourceError } from "./source-error.js";

/** Directory names never entered below a named root: VCS data, dependencies, build output. */
export const SKIPPED_DIRECTORIES = [
  ".git",
  "node_modules",
  "dist",
  "build",
  "coverage",
  ".next",
  ".nuxt",
  "__pycache__",
  ".venv",
  "venv",
  ".tox",
] as const;

/** File names never listed below a named root: generated lockfiles full of hashes. */
export const LOCKFILES = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "composer.lock",
  "Pipfile.lock",
  "poetry.lock",
  "Cargo.lock",
  "Gemfile.lock",
  "go.sum",
  "bun.lockb",
] as const;

const SKIPPED_DIRECTORY_SET: ReadonlySet<string> = new Set(SKIPPED_DIRECTORIES);

/** What to list. */
export interface WalkOptions {
  /** Directory the paths are resolved against and reported relative to. */
  cwd: string;
  /** Paths as the user typed them (files or directories); empty means ["."]. */
  paths: readonly string[];
  /** The config's `ignore` globs: gitignore syntax, relative to `cwd`. */
  ignore: readonly string[];
  /**
   * The detector's keywords (lower case). Inside a repository, `git grep` then
   * marks the files holding none of them, which need not be read at all.
   */
  keywords?: readonly string[];
  /** Walk every directory as outside a repository (`scan --no-git`): the walk's rules, never git's listing. */
  noGit?: boolean;
}

/** A file to read. */
export interface WalkedFile {
  /** POSIX path relative to `cwd`, without a leading `./` (`../x` when outside it). */
  path: string;
  /** Absolute native path to open. */
  absolutePath: string;
  /** True when git searched the file and found none of the keywords: it cannot match. */
  keywordFree?: boolean;
  /** True when the walk saw a regular file (not a symlink, FIFO or device): the reader may open it without an lstat first. */
  regularFile?: boolean;
  /**
   * The absolute path as raw bytes, when the name is not valid UTF-8: `path`
   * and `absolutePath` then show U+FFFD for the bad bytes and cannot be opened.
   */
  rawPath?: Buffer;
}

/** What was left out, by mechanism (a file dropped by several counts once, for the first). */
export interface IgnoredCounts {
  /**
   * Directories on SKIPPED_DIRECTORIES (and `.git` pointer files) left out: not
   * entered by a walk, or dropped from git's listing when committed. Their files
   * are not counted one by one, since a walk never sees them.
   */
  directories: number;
  /** Files named in LOCKFILES that were dropped. */
  lockfiles: number;
  /** Dropped by .gitignore rules during a walk outside git (inside a repository, git drops them unseen). */
  gitignore: number;
  /** Dropped by the config's `ignore` globs. */
  config: number;
}

/** How one named path was listed. */
export interface WalkedRoot {
  /** The path as the user typed it. */
  path: string;
  /** `file`: named file, listed as is; `git`: listed by git ls-files; `directory`: walked with fast-glob. */
  kind: "file" | "git" | "directory";
}

/** The result of a walk. */
export interface WalkListing {
  /** Each file once (overlapping roots), sorted by `path` in UTF-16 code unit order (locale-independent). */
  files: WalkedFile[];
  ignored: IgnoredCounts;
  /** One entry per named path, in the order given. */
  roots: WalkedRoot[];
}

type IgnoreMechanism = "lockfiles" | "gitignore" | "config";

interface ResolvedRoot {
  typed: string;
  absolute: string;
  /** POSIX, relative to cwd; "" for the cwd itself. */
  relative: string;
  isDirectory: boolean;
}

function fromPosix(p: string): string {
  return path.sep === "/" ? p : p.split("/").join(path.sep);
}

function joinPosix(a: string, b: string): string {
  if (a === "") return b;
  if (b === "") return a;
  return `${a}/${b}`;
}

async function resolveRoot(cwd: string, typed: string): Promise<ResolvedRoot> {
  const absolute = path.resolve(cwd, typed);
  const relative = toPosix(path.relative(cwd, absolute));
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(absolute)).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    if (code !== "ENOENT" && code !== "ENOTDIR") {
      throw new SourceError("UNREADABLE_PATH", typed, `token-guard: cannot read path: ${typed} (${code ?? String(error)})`);
    }
    // A dangling symlink exists as a name: list it, and the reader skips it as not a file.
    try {
      await lstat(absolute);
      isDirectory = false;
    } catch {
      throw new SourceError("ENOENT_PATH", typed, `token-guard: path not found: ${typed}`);
    }
  }
  if (isDirectory) {
    try {
      await access(absolute, constants.R_OK | constants.X_OK);
    } catch (error) {
      throw new SourceError(
        "UNREADABLE_PATH",
        typed,
        `token-guard: cannot read directory: ${typed} (${errorCode(error) ?? String(error)})`,
      );
    }
  }
  return { typed, absolute, relative, isDirectory };
}

// One regular expression test per listed path instead of a slice and a set lookup
// per folder of it: on 100,000 paths the loop was 90 ms of a 850 ms listing.
/** The first skipped directory a path lies in (its whole name, then `/`). */
const SKIPPED_DIRECTORY_IN_PATH = new RegExp(`(?:^|/)(?:${SKIPPED_DIRECTORIES.map(escapeRegExp).join("|")})/`);
/** A lockfile's name, or `.git` (a file too in worktrees and submodules: a pointer, never content), as the last segment. */
const SKIPPED_FILE_NAME = new RegExp(`(?:^|/)(?:(\\.git)|${LOCKFILES.map(escapeRegExp).join("|")})$`);

/**
 * Whether a path below a root (POSIX, relative to it) is skipped by the built-in
 * lists: the skipped directory it lies in (relative to the root), "lockfile", or null.
 */
function builtInSkip(belowRoot: string): { directory: string } | "lockfile" | null {
  const directory = SKIPPED_DIRECTORY_IN_PATH.exec(belowRoot);
  if (directory !== null) return { directory: belowRoot.slice(0, directory.index + directory[0].length - 1) };
  const file = SKIPPED_FILE_NAME.exec(belowRoot);
  if (file === null) return null;
  return file[1] === undefined ? "lockfile" : { directory: belowRoot };
}

/** Characters fast-glob's patterns never match (its regexes use `.`), so paths holding them go missing. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** fast-glob's view of the file system, tapped (see readdirTap). */
interface ReaddirTap {
  readdirSync: fg.FileSystemAdapter["readdirSync"];
  /** Skipped directories (absolute) that were not entered. */
  skipped: Set<string>;
  /** Files whose path fast-glob cannot match (a line terminator in a name), POSIX relative to the root. */
  unmatchable: string[];
  /** Absolute raw paths of files whose names are not valid UTF-8, by their decoded path relative to the root. */
  rawPaths: Map<string, Buffer>;
}

/** The names in `directory` that are not valid UTF-8, decoded → absolute raw path. */
function rawNamesIn(directory: string): Map<string, Buffer> {
  const names = new Map<string, Buffer>();
  const prefix = Buffer.from(directory.endsWith(path.sep) ? directory : directory + path.sep);
  for (const raw of readdirSyncNode(directory, { encoding: "buffer" })) {
    const decoded = raw.toString("utf8");
    if (!Buffer.from(decoded).equals(raw)) names.set(decoded, Buffer.concat([prefix, raw]));
  }
  return names;
}

// fs.readdirSync for fast-glob, with two repairs:
// - skipped directories below the root read as empty (and are recorded):
//   fast-glob's ignore globs cannot say "directory only" (`**/build/**` also
//   drops a script named `build`), nor report what they left out;
// - files with a line terminator in their path are recorded, because
//   fast-glob's `**` never matches them although it walks into such folders.
// The walk is synchronous: on 10,000 files in 1,800 folders fast-glob's sync
// API took 70-110 ms against 150-180 ms for its async one (thread-pool trips).
function readdirTap(root: string): ReaddirTap {
  const skipped = new Set<string>();
  const unmatchable: string[] = [];
  const rawPaths = new Map<string, Buffer>();
  function readdirSync(directory: string, options: { withFileTypes: true }): Dirent[];
  function readdirSync(directory: string): string[];
  function readdirSync(directory: string, options?: { withFileTypes: true }): Dirent[] | string[] {
    if (directory !== root && SKIPPED_DIRECTORY_SET.has(path.basename(directory))) {
      skipped.add(directory);
      return [];
    }
    // Only used by fast-glob on Node versions without withFileTypes (older than ours).
    if (options === undefined) return readdirSyncNode(directory);
    const entries = readdirSyncNode(directory, { withFileTypes: true });
    const prefix = directory === root ? "" : toPosix(path.relative(root, directory));
    let rawByName: Map<string, Buffer> | undefined;
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const relative = joinPosix(prefix, entry.name);
      if (LINE_TERMINATOR.test(relative)) unmatchable.push(relative);
      if (entry.name.includes("\uFFFD")) {
        rawByName ??= rawNamesIn(directory);
        const raw = rawByName.get(entry.name);
        if (raw !== undefined) rawPaths.set(relative, raw);
      }
    }
    return entries;
  }
  return { readdirSync, skipped, unmatchable, rawPaths };
}

/** Reads a .gitignore if it is a regular file; a missing or odd one contributes nothing. */
async function readGitignore(file: string): Promise<string | null> {
  try {
    // git does not follow a symlinked .gitignore either.
    if (!(await lstat(file)).isFile()) return null;
    return await readFile(file, "utf8");
  } catch {
    return null;
  }
}

interface DirectoryListing {
  kind: "git" | "directory";
  /** POSIX paths relative to the root. */
  entries: string[];
  /** .gitignore rules to apply (walks only), bases relative to cwd. */
  gitignore: GitignoreMatcher | null;
  /** Absolute paths of skipped directories the walk did not enter. */
  skippedDirectories: string[];
  /** Entries (relative to the root) that may hold a keyword: tracked files git grep found one in, and every file it did not search on disk; null when git did not search. */
  keywordHits: Set<string> | null;
  /** Absolute raw paths of entries whose names are not valid UTF-8, by entry. */
  rawPaths: Map<string, Buffer>;
}

/** Hears of an entry (relative to the root) git grep found a keyword in, as git finds it. */
type HitListener = (entry: string) => void;

async function listWithGit(root: ResolvedRoot, keywords: readonly string[] | undefined, onHit?: HitListener): Promise<DirectoryListing | null> {
  const top = await findGitRoot(root.absolute);
  if (top === null) return null;
  // git reports the top with symlinks resolved; compare like with like.
  const real = await realpath(root.absolute);
  const spec = toPosix(path.relative(top, real));
  if (spec === ".." || spec.startsWith("../") || path.isAbsolute(spec)) return null;
  const underRoot = (file: string): string => (spec === "" ? file : file.slice(spec.length + 1));
  // Hits are told at once, before git says whether the root is ignored: git
  // calls a directory ignored only when it holds no tracked file, and git grep
  // searches tracked files only, so an ignored root (walked instead) has none.
  const heard = onHit === undefined ? undefined : (name: string): void => onHit(underRoot(name));
  const [{ files, untracked, searchedInIndex, rawNames }, ignored, hits] = await Promise.all([
    listGitFiles(top, [spec]),
    spec === "" ? Promise.resolve(false) : isGitIgnored(top, spec),
    keywords === undefined || keywords.length === 0 ? Promise.resolve(null) : grepGitFiles(top, [spec], keywords, heard),
  ]);
  if (ignored) return null;
  // git grep searched the tracked files only, and flagged ones in the index: any other file is a hit until read.
  const keywordHits = hits === null ? null : new Set([...hits, ...untracked, ...searchedInIndex].map(underRoot));
  const topPrefix = Buffer.from(top + path.sep);
  const rawPaths = new Map([...rawNames].map(([name, raw]) => [underRoot(name), Buffer.concat([topPrefix, raw])]));
  return { kind: "git", entries: files.map(underRoot), gitignore: null, skippedDirectories: [], keywordHits, rawPaths };
}

async function listWithFastGlob(root: ResolvedRoot, cwd: string): Promise<DirectoryListing> {
  const tap = readdirTap(root.absolute);
  // Not following symlinks (and onlyFiles) means symlinks are never listed and loops cannot occur.
  // Loaded here, not at the top: inside a repository git lists the files, and
  // fast-glob's ~30 modules were 30 ms of every such scan's start-up.
  const { default: fastGlob } = await import("fast-glob");
  const found = fastGlob.sync("**", {
    cwd: root.absolute,
    dot: true,
    followSymbolicLinks: false,
    onlyFiles: true,
    suppressErrors: true,
    // Entries are unique per root already; listFiles dedupes across roots. (fast-glob's own Set was ~10% of the walk.)
    unique: false,
    fs: { readdirSync: tap.readdirSync },
  });
  const entries = tap.unmatchable.length === 0 ? found : [...new Set([...found, ...tap.unmatchable])];
  // Every .gitignore in the walked tree, and those between the cwd and the root
  // so that `scan src` drops what `scan .` drops under src/.
  const gitignoreFiles: { file: string; base: string }[] = [];
  for (const entry of entries) {
    if (entry === ".gitignore" || entry.endsWith("/.gitignore")) {
      gitignoreFiles.push({
        file: path.join(root.absolute, entry),
        base: joinPosix(root.relative, entry.slice(0, -".gitignore".length - 1)),
      });
    }
  }
  if (root.relative !== "" && root.relative !== ".." && !root.relative.startsWith("../")) {
    const parts = root.relative.split("/");
    for (let depth = 0; depth < parts.length; depth++) {
      const base = parts.slice(0, depth).join("/");
      gitignoreFiles.push({ file: path.join(cwd, base, ".gitignore"), base });
    }
  }
  const texts = await Promise.all(gitignoreFiles.map(({ file }) => readGitignore(file)));
  const matcher = new GitignoreMatcher();
  gitignoreFiles.forEach(({ base }, i) => {
    const text = texts[i];
    if (text !== null && text !== undefined) matcher.addFile(text, base);
  });
  return { kind: "directory", entries, gitignore: matcher.size === 0 ? null : matcher, skippedDirectories: [...tap.skipped], keywordHits: null, rawPaths: tap.rawPaths };
}

/**
 * Lists the files to scan under `options.paths`. Throws SourceError for a path
 * that does not exist (ENOENT_PATH) or cannot be inspected (UNREADABLE_PATH),
 * and when git fails inside a repository (GIT_FAILED).
 */
export async function listFiles(options: WalkOptions, onCandidate?: (file: WalkedFile) => void): Promise<WalkListing> {
  const cwd = path.resolve(options.cwd);
  const typedPaths = options.paths.length === 0 ? ["."] : options.paths;
  const configMatcher = new GitignoreMatcher(compileGitignorePatterns(options.ignore));

  // Settle every root before listing anything, then report the first bad path in typed order.
  const settled = await Promise.allSettled(typedPaths.map((typed) => resolveRoot(cwd, typed)));
  const roots: ResolvedRoot[] = [];
  for (const outcome of settled) {
    if (outcome.status === "rejected") throw outcome.reason;
    roots.push(outcome.value);
  }
  const rules = roots.map((root) => rootRules(root, configMatcher));

  // Candidates are told early only from a single root: with several, a file
  // under two of them is judged by each, and only the full listing can say.
  const onHit =
    onCandidate === undefined || roots.length !== 1
      ? undefined
      : (entry: string): void => {
          const judged = judgeEntry(rules[0]!, null, entry);
          if ("file" in judged && judged.mechanism === null) onCandidate(judged.file);
        };
  const listings = await Promise.all(
    roots.map(async (root): Promise<DirectoryListing | null> => {
      if (!root.isDirectory) return null;
      const listedByGit = options.noGit === true ? null : await listWithGit(root, options.keywords, onHit);
      return listedByGit ?? (await listWithFastGlob(root, cwd));
    }),
  );

  // Collected as offered and deduplicated once sorted: a Map keyed by path was
  // 76 ms of a 100,000-file listing, for the rare file offered twice.
  const accepted: WalkedFile[] = [];
  const dropped = new Map<string, IgnoreMechanism>();
  const skippedDirectories = new Set<string>();
  const walkedRoots: WalkedRoot[] = [];
  // A file can sit under several named roots (or be listed twice by git when
  // unmerged): listed once, if any root keeps it; dropped (counted once, for
  // the first mechanism) only if none does.
  const offer = (file: WalkedFile, mechanism: IgnoreMechanism | null): void => {
    if (mechanism === null) accepted.push(file);
    else if (!dropped.has(file.path)) dropped.set(file.path, mechanism);
  };

  roots.forEach((root, i) => {
    const listing = listings[i];
    if (listing === null || listing === undefined) {
      walkedRoots.push({ path: root.typed, kind: "file" });
      offer({ path: root.relative, absolutePath: root.absolute }, null);
      return;
    }
    walkedRoots.push({ path: root.typed, kind: listing.kind });
    for (const directory of listing.skippedDirectories) skippedDirectories.add(directory);
    const gitignore = listing.gitignore?.exceptRulesCovering(root.relative) ?? null;
    for (const entry of listing.entries) {
      const judged = judgeEntry(rules[i]!, { listing, gitignore }, entry);
      if ("skippedDirectory" in judged) skippedDirectories.add(judged.skippedDirectory);
      else offer(judged.file, judged.mechanism);
    }
  });

  // Stable: of a path offered twice, the last offer is kept.
  accepted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: WalkedFile[] = [];
  for (let i = 0; i < accepted.length; i++) {
    const file = accepted[i]!;
    if (i + 1 < accepted.length && accepted[i + 1]!.path === file.path) continue;
    files.push(file);
    if (dropped.size > 0) dropped.delete(file.path);
  }
  const ignored: IgnoredCounts = { directories: skippedDirectories.size, lockfiles: 0, gitignore: 0, config: 0 };
  for (const mechanism of dropped.values()) ignored[mechanism]++;
  return { files, ignored, roots: walkedRoots };
}

/** What decides the fate of the entries under one named root, but its listing. */
interface RootRules {
  root: ResolvedRoot;
  /** The config's `ignore` rules, less those covering the root; null when there are none. */
  config: GitignoreMatcher | null;
  /** Plain concatenation: entries are clean relative paths, and path.join's normalizing shows up in profiles. */
  absolutePrefix: string;
  relativePrefix: string;
}

function rootRules(root: ResolvedRoot, configMatcher: GitignoreMatcher): RootRules {
  return {
    root,
    config: configMatcher.size === 0 ? null : configMatcher.exceptRulesCovering(root.relative),
    absolutePrefix: root.absolute.endsWith(path.sep) ? root.absolute : root.absolute + path.sep,
    relativePrefix: root.relative === "" ? "" : `${root.relative}/`,
  };
}

/**
 * One listed entry (relative to its root) as a file and the mechanism that
 * drops it (null: kept), or the skipped directory it lies in. `listed` is the
 * root's listing with its .gitignore rules less those covering the root (walks
 * only); without it, the entry is one git grep found a keyword in, told early
 * (git applies .gitignore itself).
 */
function judgeEntry(
  rules: RootRules,
  listed: { listing: DirectoryListing; gitignore: GitignoreMatcher | null } | null,
  entry: string,
): { file: WalkedFile; mechanism: IgnoreMechanism | null } | { skippedDirectory: string } {
  const listing = listed?.listing ?? null;
  const { root } = rules;
  const builtIn = builtInSkip(entry);
  if (builtIn !== null && builtIn !== "lockfile") return { skippedDirectory: path.join(root.absolute, builtIn.directory) };
  const relative = rules.relativePrefix + entry;
  const file: WalkedFile = { path: relative, absolutePath: rules.absolutePrefix + fromPosix(entry) };
  if (listing !== null) {
    if (listing.keywordHits !== null && !listing.keywordHits.has(entry)) file.keywordFree = true;
    // fast-glob lists only what readdir's file type says is a regular file (onlyFiles, symlinks not followed).
    if (listing.kind === "directory") file.regularFile = true;
    const rawPath = listing.rawPaths.get(entry);
    if (rawPath !== undefined) file.rawPath = rawPath;
  }
  let mechanism: IgnoreMechanism | null = null;
  if (builtIn === "lockfile") mechanism = "lockfiles";
  else if (listed?.gitignore?.isIgnored(relative, false, root.relative) === true) mechanism = "gitignore";
  else if (rules.config?.isIgnored(relative, false, root.relative) === true) mechanism = "config";
  return { file, mechanism };
}

/** A listing whose likeliest candidates are told before it is complete. */
export interface EarlyListing {
  /**
   * Files git grep found a keyword in, as it finds them, judged by the
   * listing's rules; each is in the listing too. Nothing when the paths are
   * not one directory of a repository, or no keywords are given.
   */
  early: AsyncIterable<WalkedFile>;
  /** The whole listing, as listFiles returns it (its rejection ends `early` first). */
  listing: Promise<WalkListing>;
}

/**
 * listFiles, with the files git grep finds told as it finds them: a scan reads
 * and matches those while git is still searching and listing the rest.
 */
export function listFilesEarly(options: WalkOptions): EarlyListing {
  let queue: WalkedFile[] = [];
  let next = 0;
  let finished = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const listing = listFiles(options, (file) => {
    queue.push(file);
    notify();
  });
  const finish = (): void => {
    finished = true;
    notify();
  };
  listing.then(finish, finish);
  async function* early(): AsyncGenerator<WalkedFile> {
    for (;;) {
      if (next < queue.length) yield queue[next++]!;
      else if (finished) return;
      else {
        queue = [];
        next = 0;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  }
  return { early: early(), listing };
}
