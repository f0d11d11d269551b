// The pre-commit door: what `git commit` is about to record — the blobs in the
// index for every added, copied or modified file — never the working tree.

import { isAbsolute, relative, resolve } from "node:path";
import type { Finding, Source } from "../detect/types.js";
import { textOf } from "./bytes-to-text.js";
import { runGit, type GitResult } from "./git.js";
import { readBlobs } from "./git-objects.js";
import { compileGitignorePatterns, GitignoreMatcher } from "./gitignore.js";
import type { KeywordSieve } from "./keyword-sieve.js";
import { toCwdPath, toPosix } from "./paths.js";
import { requireWorkTree } from "./repository-root.js";
import { SourceError } from "./source-error.js";
import { workTreeCopy } from "./work-tree-copy.js";

/** One staged file. */
export interface StagedEntry {
  /** Path relative to the repository root (POSIX, as git prints it). */
  repoPath: string;
  /** Path relative to the working directory, for reports. */
  path: string;
  oid: string;
  mode: string;
}

export type StagedResult =
  | { kind: "source"; source: Source; blobId: string }
  | { kind: "keyword-free"; path: string; size: number }
  // Not read: `StagedOptions.recall` knew the findings of this blob at this path.
  | { kind: "recalled"; path: string; findings: Finding[] }
  | { kind: "skipped"; path: string; reason: "binary" | "too-large" | "submodule" | "symlink" | "vanished" | "ignored" };

const SUBMODULE = "160000";
const SYMLINK = "120000";

/** The repository root containing `cwd`; a one-line error outside a repository. */
export function gitRoot(cwd: string): Promise<string> {
  return requireWorkTree(cwd, "--staged scans the git index");
}

/**
 * Lists the index entries that differ from HEAD (or every entry on the first
 * commit), without renames so a renamed file is scanned as added.
 */
export async function listStaged(cwd: string): Promise<{ root: string; entries: StagedEntry[] }> {
  // Inside a hook, `git commit -a` or `git commit <paths>` points GIT_INDEX_FILE
  // at a temporary index, and that index is exactly what will be committed.
  // diff.relative=false: the paths are the root's whatever the user's config says.
  const args = ["-c", "diff.relative=false", "diff", "--cached", "--raw", "-z", "--no-renames", "--no-abbrev", "--diff-filter=ACMT", "--ignore-submodules=none"];
  // git diff needs no root to list the index: started beside rev-parse, not after
  // it (a hook's run is mostly waiting on git). Not with a relative
  // GIT_INDEX_FILE, which git reads against the directory it runs in.
  const indexFile = process.env.GIT_INDEX_FILE;
  const early = indexFile === undefined || isAbsolute(indexFile) ? runGit(args, cwd, { keepIndexFile: true }) : undefined;
  early?.catch(() => undefined); // a start failure is reported once the root is known
  const root = await gitRoot(cwd);
  let result: GitResult;
  try {
    result = await (early ?? runGit(args, root, { keepIndexFile: true }));
  } catch (error) {
    throw new SourceError("GIT_FAILED", root, `git is not installed or not on PATH: --staged needs git (${(error as Error).message})`);
  }
  if (result.code !== 0) throw new SourceError("GIT_FAILED", root, `git diff --cached failed: ${firstLine(result.stderr)}`);
  const stdout = result.stdout.toString("utf8");
  const entries: StagedEntry[] = [];
  const fields = stdout.split("\0");
  for (let index = 0; index + 1 < fields.length; index += 2) {
    // `:oldmode newmode oldoid newoid status` then the path.
    const [, newMode, , newOid] = fields[index]!.slice(1).split(" ");
    const repoPath = fields[index + 1]!;
    if (!newMode || !newOid) continue;
    entries.push({ repoPath, path: toCwdPath(root, cwd, repoPath), oid: newOid, mode: newMode });
  }
  return { root, entries };
}

/** Which staged files to read. */
export interface StagedOptions {
  cwd: string;
  maxFileSize: number;
  /** Only staged files at or below these paths (as typed; lint-staged passes absolute ones); all when empty. */
  paths: readonly string[];
  /** The config's `ignore` globs (gitignore syntax, relative to `cwd`). */
  ignore: readonly string[];
  /** Leaves blobs without a required word undecoded (`keyword-free`). */
  sieve?: KeywordSieve;
  /** The findings already known for a blob at a path (see PickListener.recall): such a blob is never fetched. */
  recall?: (path: string, blobId: string, gitIgnored: boolean) => Promise<Finding[] | undefined>;
}

/** Bytes of work-tree copies read before the rest is left to git. */
const WORK_TREE_COPY_BUDGET_BYTES = 32 * 1024 * 1024;
/**
 * Work-tree files found not to be their staged blob before the rest is left to
 * git: where a line-ending setting or a filter converts every file (Git for
 * Windows' core.autocrlf), each read would be hashed in vain.
 */
const WORK_TREE_MISMATCHES = 8;

/**
 * Reads the staged blobs in the order listed: from the work tree where the file
 * there is the staged blob (see workTreeCopy), the rest through one
 * `git cat-file --batch`. Blobs `recall` knows are not read at all; with
 * nothing left for git, git is not started.
 */
export async function* readStagedSources(options: StagedOptions): AsyncGenerator<StagedResult> {
  const { cwd, maxFileSize } = options;
  const { root, entries } = await listStaged(cwd);
  const selected = selectPaths(cwd, options.paths);
  const ignored = options.ignore.length === 0 ? null : new GitignoreMatcher(compileGitignorePatterns(options.ignore));
  const readable: StagedEntry[] = [];
  for (const entry of entries) {
    if (!selected(entry.path)) continue;
    if (ignored?.isIgnored(entry.path, false) === true) {
      yield { kind: "skipped", path: entry.path, reason: "ignored" };
      continue;
    }
    if (entry.mode === SUBMODULE) yield { kind: "skipped", path: entry.path, reason: "submodule" };
    else if (entry.mode === SYMLINK) yield { kind: "skipped", path: entry.path, reason: "symlink" };
    else if (/^0+$/.test(entry.oid)) yield { kind: "skipped", path: entry.path, reason: "vanished" };
    else readable.push(entry);
  }
  // A staged `.env` is about to be committed, so it is not ignored whatever .gitignore says.
  const known = await Promise.all(readable.map((entry) => options.recall?.(entry.path, entry.oid, false)));
  // Work-tree copies wait in memory for their turn, so only up to a budget: the
  // first commit of a large tree streams the rest from git.
  let budget = WORK_TREE_COPY_BUDGET_BYTES;
  let mismatches = 0;
  const requests = readable.map((entry, index) => {
    const findings = known[index];
    const tryCopy = findings === undefined && budget > 0 && mismatches < WORK_TREE_MISMATCHES;
    const copy = tryCopy ? workTreeCopy(root, entry.repoPath, entry.oid, Math.min(maxFileSize, budget)) : undefined;
    if (copy !== undefined) budget -= copy.length;
    else if (tryCopy) mismatches++;
    return { oid: findings === undefined && copy === undefined ? entry.oid : null, tag: { entry, findings, copy } };
  });
  const results = requests.some((request) => request.oid !== null)
    ? readBlobs(root, requests, maxFileSize)
    : requests.map((request) => ({ kind: "not-read" as const, tag: request.tag }));
  for await (const blob of results) {
    const { entry, findings, copy } = blob.tag;
    const content = blob.kind === "blob" ? blob.content : copy;
    if (findings !== undefined) yield { kind: "recalled", path: entry.path, findings };
    else if (blob.kind === "too-large") yield { kind: "skipped", path: entry.path, reason: "too-large" };
    else if (content !== undefined) {
      const text = textOf(content, options.sieve);
      if (text.kind === "binary") yield { kind: "skipped", path: entry.path, reason: "binary" };
      else if (text.kind === "keyword-free") yield { kind: "keyword-free", path: entry.path, size: content.length };
      else yield { kind: "source", source: { path: entry.path, text: text.text, gitIgnored: false }, blobId: entry.oid };
    } else yield { kind: "skipped", path: entry.path, reason: "vanished" };
  }
}

/** A test for cwd-relative POSIX paths: at or below one of `paths`. */
function selectPaths(cwd: string, paths: readonly string[]): (path: string) => boolean {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((typed) => toPosix(relative(cwd, resolve(cwd, typed))));
  return (path) => prefixes.some((prefix) => prefix === "" || path === prefix || path.startsWith(`${prefix}/`));
}


function firstLine(text: string | undefined): string {
  return (text ?? "").trim().split("\n")[0] ?? "";
}
