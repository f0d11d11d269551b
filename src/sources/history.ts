// The history door: every blob that entered git history in a range (default:
// all reachable commits), each unique blob once, read through one `git cat-file --batch`.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding, Source } from "../detect/types.js";
import { textOf } from "./bytes-to-text.js";
import { runGit, streamGit } from "./git.js";
import { runGitSync } from "./git-process.js";
import { NulFields } from "./nul-fields.js";
import { readBlobs, type BlobRequest } from "./git-objects.js";
import { compileGitignorePatterns, GitignoreMatcher } from "./gitignore.js";
import type { KeywordSieve } from "./keyword-sieve.js";
import { toCwdPath } from "./paths.js";
import { lookUpRepository } from "./repository-root.js";
import { SourceError } from "./source-error.js";

/** Which history to read. */
export interface HistoryOptions {
  cwd: string;
  /** A revision range as `git log` takes it (`main..feature`, `v1.0..`, a SHA); all refs when absent. */
  range?: string;
  maxFileSize: number;
  /** The config's `ignore` globs (gitignore syntax, relative to `cwd`), matched against each blob's path. */
  ignore: readonly string[];
  /** Leaves blobs without a required word undecoded (`keyword-free`). */
  sieve?: KeywordSieve;
}

/** A blob as it first entered history. */
export interface HistoryBlob {
  oid: string;
  /** Path in the commit, relative to the repository root (POSIX). */
  repoPath: string;
  /** The same path relative to the working directory, for reports. */
  path: string;
  /** The commit that introduced the blob (full SHA) and its committer date (ISO 8601). */
  commit: string;
  date: string;
  mode: string;
}

/** What a history finding adds: where it entered history, and whether the working tree still holds it. */
export interface HistoryFields {
  commit: string;
  date: string;
  /** The value is no longer in the working tree's file at this path (or the file is gone). */
  removed: boolean;
}

export type HistoryResult =
  | {
      kind: "source";
      source: Source;
      /**
       * Turns the blob's findings into reported ones: adds the history fields and
       * drops a finding already reported from an earlier blob of the same file
       * (every later edit of a file makes a new blob that still holds the token).
       */
      report: (findings: readonly Finding[]) => (Finding & HistoryFields)[];
    }
  | { kind: "keyword-free"; path: string; size: number }
  /** `not-in-clone`: a blob a partial clone was made without (never fetched: no network). */
  | { kind: "skipped"; path: string; reason: "binary" | "too-large" | "submodule" | "symlink" | "vanished" | "ignored" | "not-in-clone" };

const SUBMODULE = "160000";
const SYMLINK = "120000";
/** Starts each commit's header in the log, a byte no path or SHA holds. */
const COMMIT_MARK = "\u0001";

/** Where history is read: a work tree's root, or a bare repository's git directory (no work tree). */
interface HistoryRepository {
  root: string;
  bare: boolean;
  /**
   * A partial clone's blobs it was cloned without: missing by design, never
   * fetched (cat-file would try, and die when the fetch is refused); null for a full repository.
   */
  notInClone: Set<string> | null;
}

/** The repository containing `cwd`; a one-line error outside one. */
async function historyRepository(cwd: string, range: string | undefined): Promise<HistoryRepository> {
  const found = await lookUpRepository(cwd);
  if (found.kind === "no-git") throw new SourceError("GIT_FAILED", cwd, `git is not installed or not on PATH: --history needs git (${found.reason})`);
  if (found.kind === "none") throw new SourceError("GIT_FAILED", cwd, "not inside a git repository: --history scans git history, run it in a repository");
  const root = found.kind === "work-tree" ? found.root : found.gitDir;
  // A partial clone: a promisor remote, or the older extensions.partialClone.
  const promisor = await runGit(["config", "--get-regexp", "^(extensions\\.partialclone|remote\\..*\\.promisor)$"], root);
  return { root, bare: found.kind === "bare", notInClone: promisor.code === 0 ? await missingObjects(root, range) : null };
}

/** The objects of the range a partial clone lacks; `--missing=print` lists them without fetching. */
async function missingObjects(root: string, range: string | undefined): Promise<Set<string>> {
  const result = await runGit(["rev-list", "--objects", "--missing=print", ...(range === undefined ? ["--all"] : [range]), "--"], root);
  if (result.code !== 0) throw new SourceError("GIT_FAILED", root, `git rev-list failed: ${result.stderr.trim().split("\n")[0] ?? ""}`);
  const missing = new Set<string>();
  for (const line of result.stdout.toString("utf8").split("\n")) if (line.startsWith("?")) missing.add(line.slice(1));
  return missing;
}

/** The `git log` that lists every blob of the range with the commit that added it. */
function logArguments(range: string | undefined): string[] {
  const revisions = range === undefined ? ["--all"] : [range];
  // --root lists a root commit's files.
  return ["log", "--raw", "--root", "--no-abbrev", "-z", "-m", "--no-renames", "--topo-order", "--reverse", "--no-color", `--format=${COMMIT_MARK}%H %cI`, ...revisions, "--"];
}

/**
 * Streams each blob once, with the first commit (oldest first, parents before
 * children) that added it, as `git log` prints them: the log is never held
 * whole. Merges are diffed against each parent (`-m`), so a blob made only
 * while resolving a conflict is listed too; renames are plain add + delete, so
 * a renamed but unchanged file is not listed again.
 */
async function* historyBlobs(root: string, cwd: string, range: string | undefined): AsyncGenerator<HistoryBlob> {
  const git = streamGit(logArguments(range), root);
  const parser = new RawLogParser((repoPath) => toCwdPath(root, cwd, repoPath));
  try {
    const fields = new NulFields();
    for await (const chunk of git.stdout) {
      for (const field of fields.push(chunk)) {
        const blob = parser.field(field);
        if (blob !== undefined) yield blob;
      }
    }
    const last = parser.field(fields.rest());
    if (last !== undefined) yield last;
  } finally {
    git.stop();
  }
  let outcome;
  try {
    outcome = await git.done;
  } catch (error) {
    throw new SourceError("GIT_FAILED", cwd, `git is not installed or not on PATH: --history needs git (${(error as Error).message})`);
  }
  if (outcome.code === 0) return;
  // A repository without commits has no history to read (`--all` is then empty, a named range is not).
  if (/does not have any commits|bad default revision/.test(outcome.stderr)) return;
  const reason = outcome.stderr.split("\n").find((line) => line.trim() !== "")?.trim() ?? `exit code ${String(outcome.code)}`;
  throw new SourceError("GIT_FAILED", root, `git log failed for ${range === undefined ? "--all" : `"${range}"`}: ${reason}`);
}

/**
 * Incremental parser of `git log --raw -z --format=<COMMIT_MARK>%H %cI`
 * output, one NUL-terminated field at a time: a header per commit (per parent,
 * for merges), then `:oldmode newmode oldoid newoid status` and the path. Hands
 * back the first appearance of each blob.
 */
class RawLogParser {
  private readonly seen = new Set<string>();
  private commit = "";
  private date = "";
  /** The status field whose path comes next. */
  private status: string | null = null;

  constructor(private readonly toPath: (repoPath: string) => string) {}

  field(raw: string): HistoryBlob | undefined {
    if (this.status !== null) {
      const status = this.status;
      this.status = null;
      return this.entry(status, raw);
    }
    // Headers and status lines may follow a newline git puts between sections; paths are taken as they are.
    const field = raw.replace(/^\n+/, "");
    if (field.startsWith(COMMIT_MARK)) [this.commit = "", this.date = ""] = field.slice(1).split(" ");
    else if (field.startsWith(":")) this.status = field;
    return undefined;
  }

  private entry(status: string, repoPath: string): HistoryBlob | undefined {
    const [, mode, , oid] = status.slice(1).split(" ");
    if (mode === undefined || oid === undefined) return undefined;
    // Deletions (zero oid) add nothing; a blob seen before was scanned under its first path.
    if (/^0+$/.test(oid) || this.seen.has(oid)) return undefined;
    this.seen.add(oid);
    return { oid, repoPath, path: this.toPath(repoPath), commit: this.commit, date: this.date, mode };
  }
}

/** Parses a whole `git log --raw -z` output (see RawLogParser). */
export function parseRawLog(output: string, toPath: (repoPath: string) => string = (repoPath) => repoPath): HistoryBlob[] {
  const parser = new RawLogParser(toPath);
  const blobs: HistoryBlob[] = [];
  for (const field of output.split("\0")) {
    const blob = parser.field(field);
    if (blob !== undefined) blobs.push(blob);
  }
  return blobs;
}

/** Why a blob of the range is not read. */
type Unread = "submodule" | "symlink" | "ignored" | "not-in-clone";

/** Reads every blob of the range, oldest first, as Sources with their commit. */
export async function* readHistorySources(options: HistoryOptions): AsyncGenerator<HistoryResult> {
  const repository = await historyRepository(options.cwd, options.range);
  const { root } = repository;
  const ignored = options.ignore.length === 0 ? null : new GitignoreMatcher(compileGitignorePatterns(options.ignore));
  const unread = (blob: HistoryBlob): Unread | null =>
    ignored?.isIgnored(blob.path, false) === true
      ? "ignored"
      : blob.mode === SUBMODULE
        ? "submodule"
        : blob.mode === SYMLINK
          ? "symlink"
          : repository.notInClone?.has(blob.oid) === true
            ? "not-in-clone"
            : null;
  async function* requests(): AsyncGenerator<BlobRequest<HistoryBlob>> {
    for await (const blob of historyBlobs(root, options.cwd, options.range)) yield { oid: unread(blob) === null ? blob.oid : null, tag: blob };
  }
  /** Finding key → the blob that first reported it. */
  const reported = new Map<string, string>();
  const present = new WorkingTreeCheck(root, repository.bare);
  for await (const result of readBlobs(root, requests(), options.maxFileSize)) {
    const blob = result.tag;
    if (result.kind === "not-read") yield { kind: "skipped", path: blob.path, reason: unread(blob) ?? "vanished" };
    else if (result.kind === "too-large") yield { kind: "skipped", path: blob.path, reason: "too-large" };
    else if (result.kind === "missing") {
      // Every blob git log names must be readable (a partial clone's absent ones are not asked for).
      throw new SourceError("GIT_FAILED", root, `git object ${blob.oid} (${blob.path} in commit ${blob.commit}) is missing or corrupt: run \`git fsck\``);
    } else {
      const text = textOf(result.content, options.sieve);
      if (text.kind === "binary") yield { kind: "skipped", path: blob.path, reason: "binary" };
      else if (text.kind === "keyword-free") yield { kind: "keyword-free", path: blob.path, size: result.content.length };
      else {
        const report = (findings: readonly Finding[]): (Finding & HistoryFields)[] =>
          findings.flatMap((finding) => {
            const key = `${finding.ruleId}\0${finding.fingerprint}\0${blob.path}`;
            const first = reported.get(key);
            if (first !== undefined && first !== blob.oid) return [];
            reported.set(key, blob.oid);
            const removed = !present.holds(blob.repoPath, text.text.slice(finding.start, finding.end));
            return [{ ...finding, commit: blob.commit, date: blob.date, removed }];
          });
        // A committed `.env` is in history whatever .gitignore says now.
        yield { kind: "source", source: { path: blob.path, text: text.text, gitIgnored: false }, report };
      }
    }
  }
}

/**
 * Whether the working tree's copy of a file still holds a value (in a bare
 * repository, HEAD's copy: it has no work tree); each file is read at most once.
 */
class WorkingTreeCheck {
  private readonly texts = new Map<string, string | null>();

  constructor(
    private readonly root: string,
    private readonly bare: boolean,
  ) {}

  holds(repoPath: string, value: string): boolean {
    let text = this.texts.get(repoPath);
    if (text === undefined) {
      // Decoded as a scan decodes it: a UTF-16 file holds the value too.
      const bytes = this.bare ? this.headCopy(repoPath) : this.workingCopy(repoPath);
      const read = bytes === null ? null : textOf(bytes);
      text = read?.kind === "text" ? read.text : null;
      this.texts.set(repoPath, text);
    }
    return text !== null && value !== "" && text.includes(value);
  }

  private workingCopy(repoPath: string): Buffer | null {
    try {
      return readFileSync(join(this.root, repoPath));
    } catch {
      return null; // deleted, or not a readable file: the value is not there
    }
  }

  /** Once per file with findings, so a synchronous read keeps `report` synchronous. */
  private headCopy(repoPath: string): Buffer | null {
    const result = runGitSync(["cat-file", "blob", `HEAD:${repoPath}`], this.root);
    return result.code === 0 ? result.stdout : null;
  }
}
