// Where fix may write: only inside the repository (the current directory
// outside one), judged on real paths so a symlink cannot lead a write out, and
// the env file only as a plain file in a directory that exists.

import type { Stats } from "node:fs";
import { lstat, stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, sep } from "node:path";
import { realTarget } from "../sources/paths.js";

/** Whether `target` (which may not exist yet) lies strictly below `root` (a real path). */
export async function isInside(root: string, target: string): Promise<boolean> {
  const path = relative(root, await realTarget(target));
  return path !== "" && !path.startsWith(`..${sep}`) && path !== ".." && !isAbsolute(path);
}

/** How the env file is named in messages. */
export interface EnvTargetNaming {
  /** The flag that named it (`--dotenv` when it is the default). */
  flag: string;
  inRepository: boolean;
  /** A path as shown to the user. */
  show(absolute: string): string;
}

/** The env file may be written (`info`: its lstat, undefined when new), or the one-line reason it may not. */
export type EnvTargetCheck = { ok: true; info: Stats | undefined } | { ok: false; problem: string };

/** Checks the env file fix would write values to, before anything is planned. */
export async function checkEnvTarget(root: string, envPath: string, naming: EnvTargetNaming): Promise<EnvTargetCheck> {
  if (!(await isInside(root, envPath))) {
    return { ok: false, problem: `${naming.flag} ${envPath} is outside the ${naming.inRepository ? "repository" : "current directory"} (${root}): fix writes only inside it` };
  }
  const envDir = dirname(envPath);
  if (!(await isDirectory(envDir))) return { ok: false, problem: `cannot create ${naming.show(envPath)}: directory ${naming.show(envDir)} does not exist` };
  const info = await lstat(envPath).catch(() => undefined);
  if (info !== undefined && !info.isFile()) {
    return { ok: false, problem: `${naming.show(envPath)} is not a regular file (a symlink or directory): fix writes values only to a plain file` };
  }
  return { ok: true, info };
}

/**
 * Whether fix may add `lines` to the repository's `.gitignore`, or the one-line
 * reason it may not. A symlink is refused, not written through: git does not
 * follow a symlinked `.gitignore` in the working tree, so a rule written to its
 * target would ignore nothing while fix said it did.
 */
export async function checkGitignoreTarget(gitignore: string, lines: readonly string[], show: (absolute: string) => string): Promise<string | undefined> {
  const info = await lstat(gitignore).catch(() => undefined);
  if (info === undefined || info.isFile()) return undefined;
  const what = info.isSymbolicLink() ? "a symlink, which git does not read" : "not a regular file";
  return `${show(gitignore)} is ${what}: make it a regular file, or add ${lines.join(" and ")} to .git/info/exclude, then run token-guard fix again`;
}

/** A file's permission bits, or `fallback` for a file that does not exist yet. */
export async function modeOf(path: string, fallback: number): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  return info === undefined ? fallback : info.mode & 0o7777;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}
