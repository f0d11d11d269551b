// Real temporary directories and git repositories for the sources tests.

import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** A fresh directory under the OS temp dir, symlinks resolved (git reports real paths). */
export async function makeTempDir(prefix = "token-guard-sources-"): Promise<string> {
  return realpath(await mkdtemp(path.join(tmpdir(), prefix)));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Writes `files` (POSIX paths relative to `root`), creating directories as needed. */
export async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, ...name.split("/"));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** The environment for git in tests: no repository pinned by an outer hook, no global excludes. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY"]) {
    delete env[name];
  }
  return env;
}

/** Runs git synchronously in `cwd` and returns stdout. */
export function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, env: gitEnv(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** `git init` with a local identity and no user-level excludes, so results do not depend on the machine. */
export function initRepo(dir: string): void {
  git(dir, ["init", "-q"]);
  git(dir, ["config", "user.name", "Token Guard Test"]);
  git(dir, ["config", "user.email", "test@example.com"]);
  git(dir, ["config", "commit.gpgsign", "false"]);
  git(dir, ["config", "core.excludesFile", "/dev/null"]);
}

export function commitAll(dir: string, message = "test"): void {
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", message]);
}
