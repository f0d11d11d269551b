// The one source picker every command reads through (`scan`, `fix`, `baseline`):
// the paths named (git's listing inside a repository, a walk outside one, with
// the ignore rules), the git index (`--staged`) or git history (`--history`),
// each file read once and every `.env` file told whether git ignores it.

import { dirname, relative } from "node:path";
import { isDotEnvFile } from "../detect/dot-env-file.js";
import type { Finding, Source } from "../detect/types.js";
import type { HistoryFields } from "./history.js";
import { realTarget, toPosix } from "./paths.js";

/** Which sources to read: the same arguments give every command the same files. */
export interface SourcePick {
  /** Directory paths are resolved against and reported relative to. */
  cwd: string;
  /** Paths as typed (["."] when none). With `staged`, only staged files at or below them. */
  paths: readonly string[];
  /** Read the blobs in the git index (what `git commit` records) instead of the files. */
  staged: boolean;
  /** Read every blob committed in the range (all refs when `range` is absent) instead of the files. */
  history?: { range?: string };
  /** Larger files are skipped as "too-large". */
  maxFileSize: number;
  /** The config's `ignore` globs: gitignore syntax, relative to `cwd`. */
  ignore: readonly string[];
  /** `scan --no-git`: list files by walking the folders, as outside a repository. */
  noGit?: boolean;
}

/** One picked source, in the order read. */
export type PickedSource =
  | {
      kind: "source";
      source: Source;
      /** Absolute path of the working-tree file read (files only; index and history blobs have none). */
      file?: string;
      /** Git's object id of the bytes read (index blobs always; files when `PickListener.blobIds` asks). */
      blobId?: string;
      /** History: turns the blob's findings into reported ones (commit, date, one report per token and file). */
      report?: (findings: readonly Finding[]) => (Finding & HistoryFields)[];
    }
  // Read (or searched by git) and found to hold none of the required words: scanned, with nothing to find.
  | { kind: "keyword-free"; path: string; size: number }
  // Not read (`--staged`): the listener's `recall` knew the findings of this blob at this path.
  | { kind: "recalled"; path: string; findings: Finding[] }
  | { kind: "skipped"; path: string; reason: string };

/** What the picker tells its caller besides the sources. */
export interface PickListener {
  /** The detector's required words (lower case): files holding none are `keyword-free`, never decoded. */
  keywords: readonly string[];
  /** Counts every file listed (the walk's whole listing, or each staged or history blob). */
  tally?: { filesListed: number };
  /** Give each file read its git blob id (`blobId`): the scan cache's key. */
  blobIds?: boolean;
  /**
   * The findings already known for the bytes `blobId` at `path` (with this
   * `.env` state, see Source.gitIgnored), or undefined. Asked, before reading,
   * for every staged blob (`--staged`): git lists their ids, and a blob it
   * knows is never fetched.
   */
  recall?: (path: string, blobId: string, gitIgnored: boolean) => Promise<Finding[] | undefined>;
  /** Called once when a file listing proves large enough for scanning threads to start loading while files are read. */
  onLargeListing?: () => void;
}

/**
 * Listings this long call `onLargeListing` before the first candidate is read.
 * Below it, a folder is done before a scanning thread would be ready.
 */
export const LARGE_LISTING_FILES = 1000;

/**
 * The sources `pick` names, in reading order: inside a repository, the files
 * git grep finds a required word in come first, while git lists the rest, so
 * callers that report files in path order sort by path themselves.
 */
export async function* pickSources(pick: SourcePick, listener: PickListener): AsyncGenerator<PickedSource> {
  const { KeywordSieve } = await import("./keyword-sieve.js");
  const sieve = new KeywordSieve(listener.keywords);
  if (pick.history) {
    const { readHistorySources } = await import("./history.js");
    for await (const result of readHistorySources({ cwd: pick.cwd, range: pick.history.range, maxFileSize: pick.maxFileSize, ignore: pick.ignore, sieve })) {
      if (listener.tally) listener.tally.filesListed++;
      yield result;
    }
    return;
  }
  if (pick.staged) {
    const { readStagedSources } = await import("./staged.js");
    for await (const result of readStagedSources({ cwd: pick.cwd, maxFileSize: pick.maxFileSize, paths: pick.paths, ignore: pick.ignore, sieve, recall: listener.recall })) {
      if (listener.tally) listener.tally.filesListed++;
      yield result;
    }
    return;
  }
  const { listFilesEarly } = await import("./walk.js");
  const { readSource } = await import("./read-source.js");
  const { early, listing } = listFilesEarly({ cwd: pick.cwd, paths: pick.paths, ignore: pick.ignore, keywords: listener.keywords, noGit: pick.noGit });
  const read = async (file: { path: string; absolutePath: string }, result = readSource(file, pick.maxFileSize, sieve, listener.blobIds)): Promise<PickedSource> =>
    result.kind === "source" ? { kind: "source", source: await withDotEnvState(result.source, file.absolutePath), file: file.absolutePath, blobId: result.blobId } : result;
  // Inside a repository, the files git grep finds are read while git lists the rest.
  const readEarly = new Set<string>();
  for await (const file of early) {
    readEarly.add(file.path);
    yield read(file);
  }
  const { files } = await listing;
  if (listener.tally) listener.tally.filesListed = files.length;
  if (files.length >= LARGE_LISTING_FILES) listener.onLargeListing?.();
  for (const file of files) {
    if (!readEarly.has(file.path)) yield read(file);
  }
}

/**
 * A working-tree `.env` file's findings depend on whether git ignores it (the
 * place a token belongs, as long as it is never committed): the source with
 * `gitIgnored` set, or unchanged for any other file and outside a repository.
 */
export async function withDotEnvState(source: Source, absolutePath: string): Promise<Source> {
  if (!isDotEnvFile(source.path)) return source;
  const [{ findGitRoot }, { isGitIgnored }] = await Promise.all([import("./repository-root.js"), import("./git.js")]);
  const root = await findGitRoot(dirname(absolutePath));
  if (root === null) return source;
  return { ...source, gitIgnored: await isGitIgnored(root, toPosix(relative(root, await realTarget(absolutePath)))) };
}
