// Which repository a directory is in, as git sees it — told apart from a
// repository git refuses to use (another user's, "dubious ownership"), which must
// never pass for "not a repository": a scan would then walk the tree without
// git's ignore rules, and the hook would let a commit through unscanned.

import { statSync } from "node:fs";
import path from "node:path";
import { runGit, type GitResult } from "./git.js";
import { SourceError } from "./source-error.js";

/** What `git rev-parse` found for a directory. */
export type RepositoryLookup =
  | { kind: "work-tree"; root: string }
  /** A bare repository (or inside `.git`): history, but no work tree. */
  | { kind: "bare"; gitDir: string }
  | { kind: "none" }
  /** git is not installed. */
  | { kind: "no-git"; reason: string };

/**
 * Finds the repository holding `dir`. Throws a one-line SourceError when git
 * finds one but refuses it, saying what git said and how to fix it.
 */
export async function lookUpRepository(dir: string): Promise<RepositoryLookup> {
  let result: GitResult;
  try {
    result = await runGit(["rev-parse", "--absolute-git-dir", "--show-toplevel"], dir);
  } catch (error) {
    return { kind: "no-git", reason: (error as Error).message };
  }
  // Only the final newline is output framing; a path may end in spaces.
  const [gitDir = "", top = ""] = result.stdout.toString("utf8").replace(/\r?\n$/, "").split("\n");
  if (result.code === 0 && top !== "") return { kind: "work-tree", root: top };
  // Bare, or inside `.git`: git answers the first question, then dies on --show-toplevel.
  if (gitDir !== "" && /must be run in a work tree/.test(result.stderr)) return { kind: "bare", gitDir };
  if (/not a git repository/i.test(result.stderr)) return { kind: "none" };
  throw refusal(dir, result);
}

/** git's refusal as one line, with the fix for the one refusal users meet: another owner. */
function refusal(dir: string, result: GitResult): SourceError {
  const said = result.stderr.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const first = (said[0] ?? `exit code ${String(result.code)}`).replace(/^fatal: /, "");
  const fix = said.find((line) => line.startsWith("git config --global --add safe.directory"));
  const hint = fix === undefined ? "" : `; if you trust it, run: ${fix}`;
  return new SourceError("GIT_FAILED", dir, `git refuses the repository: ${first}${hint}`);
}

/**
 * The work tree's root for a command that needs one (`purpose`: why, for the
 * message); a one-line SourceError outside a repository or without git.
 */
export async function requireWorkTree(cwd: string, purpose: string): Promise<string> {
  const found = await lookUpRepository(cwd);
  if (found.kind === "work-tree") return found.root;
  if (found.kind === "no-git") throw new SourceError("GIT_FAILED", cwd, `git is not installed or not on PATH: ${purpose} needs git (${found.reason})`);
  if (found.kind === "bare") throw new SourceError("GIT_FAILED", cwd, `this is a bare repository (no work tree): ${purpose} needs one`);
  throw new SourceError("GIT_FAILED", cwd, `not inside a git repository: ${purpose}, run it in a repository`);
}

/**
 * The top directory of the work tree containing `dir` (absolute, symlinks
 * resolved, as git reports it), or null outside a repository, inside `.git` or
 * a bare repository, or when git is not installed: the caller then walks the
 * directory itself. A repository git refuses to use (e.g. "dubious ownership")
 * throws instead: walking it would drop git's ignore rules without a word.
 */
export async function findGitRoot(dir: string): Promise<string | null> {
  if (!mayBeInRepository(dir)) return null;
  const found = await lookUpRepository(dir);
  return found.kind === "work-tree" ? found.root : null;
}

/**
 * Whether git could find a work tree for `dir`: a `.git` entry in it or in an
 * ancestor git would search (it never moves up into a GIT_CEILING_DIRECTORIES
 * entry). False means git would say "not a repository", told without the
 * ~20 ms of starting it — the whole cost of git on a plain directory.
 */
function mayBeInRepository(dir: string): boolean {
  const ceilings = new Set(
    (process.env.GIT_CEILING_DIRECTORIES ?? "")
      .split(path.delimiter)
      .filter((entry) => path.isAbsolute(entry))
      .map((entry) => path.resolve(entry)),
  );
  for (let current = path.resolve(dir); ; ) {
    if (statSync(path.join(current, ".git"), { throwIfNoEntry: false }) !== undefined) return true;
    const parent = path.dirname(current);
    if (parent === current || ceilings.has(parent)) return false;
    current = parent;
  }
}
