// The history door: every blob that entered git history in a range (default:
// all reachable commits), each unique blob once, read through one `git cat-file --batch`.

import { readFileSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import type { Finding, Source } from "../detect/types.js";
import { runGit } from "./git.js";
import { readBlobs } from "./git-objects.js";
import { compileGitignorePatterns, GitignoreMatcher } from "../config/gitignore.js";
import { SourceError } from "./source-error.js";

/** Which history to read. */
export interface HistoryOptions {
  cwd: string;
  /** A revision range as `git log` takes it (`main..feature`, `v1.0..`, a SHA); all refs when absent. */
  range?: string;
  maxFileSize: number;
  /** The config's `ignore` globs (gitignore syntax, relative to `cwd`), matched against each blob's path. */
  ignore: readonly string[];
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
  | { kind: "skipped"; path: string; reason: "binary" | "too-large" | "submodule" | "symlink" | "vanished" | "ignored" };

const SUBMODULE = "160000";
const SYMLINK = "120000";
const NUL_SNIFF_BYTES = 8000;
/** Starts each commit's header in the log, a byte no path or SHA holds. */
const COMMIT_MARK = "\u0001";

/** The repository root containing `cwd`; a one-line error outside a repository. */
async function repositoryRoot(cwd: string): Promise<string> {
  let result;
  try {
    result = await runGit(["rev-parse", "--show-toplevel"], cwd);
  } catch (error) {
    throw new SourceError("GIT_FAILED", cwd, `git is not installed or not on PATH: --history needs git (${(error as Error).message})`);
  }
  if (result.code !== 0) throw new SourceError("GIT_FAILED", cwd, "not inside a git repository: --history scans git history, run it in a repository");
  return result.stdout.toString("utf8").replace(/\r?\n$/, "");
}

/**
 * Lists each blob once, with the first commit (oldest first, parents before
 * children) that added it. Merges are diffed against each parent (`-m`), so a
 * blob made only while resolving a conflict is listed too; renames are plain
 * add + delete, so a renamed but unchanged file is not listed again.
 */
export async function listHistoryBlobs(cwd: string, range?: string): Promise<{ root: string; blobs: HistoryBlob[] }> {
  const root = await repositoryRoot(cwd);
  const revisions = range === undefined ? ["--all"] : [range];
  const result = await runGit(
    // A user's log.showSignature would print GPG output into the stream; --root lists a root commit's files.
    ["-c", "log.showSignature=false", "log", "--raw", "--root", "--no-abbrev", "-z", "-m", "--no-renames", "--topo-order", "--reverse", "--no-color", `--format=${COMMIT_MARK}%H %cI`, ...revisions, "--"],
    root,
  );
  if (result.code !== 0) {
    const reason = result.stderr.split("\n").find((line) => line.trim() !== "")?.trim() ?? `exit code ${String(result.code)}`;
    // A repository without commits has no history to read (`--all` is then empty, a named range is not).
    if (/does not have any commits|bad default revision/.test(result.stderr)) return { root, blobs: [] };
    throw new SourceError("GIT_FAILED", root, `git log failed for ${range === undefined ? "--all" : `"${range}"`}: ${reason}`);
  }
  return { root, blobs: parseRawLog(result.stdout.toString("utf8"), (repoPath) => toCwdPath(root, cwd, repoPath)) };
}

/**
 * Parses `git log --raw -z --format=<COMMIT_MARK>%H %cI` output: a header per
 * commit (per parent, for merges), then `:oldmode newmode oldoid newoid status`
 * and the path, each NUL-terminated. Keeps the first appearance of each blob.
 */
export function parseRawLog(output: string, toPath: (repoPath: string) => string = (repoPath) => repoPath): HistoryBlob[] {
  const fields = output.split("\0");
  const seen = new Set<string>();
  const blobs: HistoryBlob[] = [];
  let commit = "";
  let date = "";
  for (let index = 0; index < fields.length; index++) {
    // Headers and status lines may follow a newline git puts between sections; paths are taken as they are.
    const field = fields[index]!.replace(/^\n+/, "");
    if (field.startsWith(COMMIT_MARK)) {
      [commit = "", date = ""] = field.slice(1).split(" ");
      continue;
    }
    if (!field.startsWith(":")) continue;
    const repoPath = fields[++index];
    const [, newMode, , newOid] = field.slice(1).split(" ");
    if (repoPath === undefined || newMode === undefined || newOid === undefined) continue;
    // Deletions (zero oid) add nothing; a blob seen before was scanned under its first path.
    if (/^0+$/.test(newOid) || seen.has(newOid)) continue;
    seen.add(newOid);
    blobs.push({ oid: newOid, repoPath, path: toPath(repoPath), commit, date, mode: newMode });
  }
  return blobs;
}

/** Reads every blob of the range, oldest first, as Sources with their commit. */
export async function* readHistorySources(options: HistoryOptions): AsyncGenerator<HistoryResult> {
  const { root, blobs } = await listHistoryBlobs(options.cwd, options.range);
  const ignored = options.ignore.length === 0 ? null : new GitignoreMatcher(compileGitignorePatterns(options.ignore));
  const readable: HistoryBlob[] = [];
  for (const blob of blobs) {
    if (ignored?.isIgnored(blob.path, false) === true) yield { kind: "skipped", path: blob.path, reason: "ignored" };
    else if (blob.mode === SUBMODULE) yield { kind: "skipped", path: blob.path, reason: "submodule" };
    else if (blob.mode === SYMLINK) yield { kind: "skipped", path: blob.path, reason: "symlink" };
    else readable.push(blob);
  }
  /** Finding key → the blob that first reported it. */
  const reported = new Map<string, string>();
  const present = new WorkingTreeCheck(root);
  const requests = readable.map((blob) => ({ oid: blob.oid, tag: blob }));
  for await (const result of readBlobs(root, requests, options.maxFileSize)) {
    const blob = result.tag;
    if (result.kind === "too-large") yield { kind: "skipped", path: blob.path, reason: "too-large" };
    else if (result.kind === "missing") yield { kind: "skipped", path: blob.path, reason: "vanished" };
    else if (result.content.subarray(0, NUL_SNIFF_BYTES).includes(0)) yield { kind: "skipped", path: blob.path, reason: "binary" };
    else {
      const text = result.content.toString("utf8");
      const report = (findings: readonly Finding[]): (Finding & HistoryFields)[] =>
        findings.flatMap((finding) => {
          const key = `${finding.ruleId}\0${finding.fingerprint}\0${blob.path}`;
          const first = reported.get(key);
          if (first !== undefined && first !== blob.oid) return [];
          reported.set(key, blob.oid);
          const removed = !present.holds(blob.repoPath, text.slice(finding.start, finding.end));
          return [{ ...finding, commit: blob.commit, date: blob.date, removed }];
        });
      // A committed `.env` is in history whatever .gitignore says now.
      yield { kind: "source", source: { path: blob.path, text, gitIgnored: false }, report };
    }
  }
}

/** Whether the working tree's copy of a file still holds a value; each file is read at most once. */
class WorkingTreeCheck {
  private readonly texts = new Map<string, string | null>();

  constructor(private readonly root: string) {}

  holds(repoPath: string, value: string): boolean {
    let text = this.texts.get(repoPath);
    if (text === undefined) {
      try {
        text = readFileSync(join(this.root, repoPath), "utf8");
      } catch {
        text = null; // deleted, or not a readable file: the value is not there
      }
      this.texts.set(repoPath, text);
    }
    return text !== null && value !== "" && text.includes(value);
  }
}

function toCwdPath(root: string, cwd: string, repoPath: string): string {
  const fromCwd = relative(cwd, `${root}/${repoPath}`);
  return sep === "/" ? fromCwd : fromCwd.split(sep).join(posix.sep);
}
