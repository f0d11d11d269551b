// Path helpers every door shares: findings name files in POSIX form relative to
// the working directory, whatever the platform and however git named them.

import { basename, dirname, join, relative, sep } from "node:path";
import { realpath } from "node:fs/promises";

/** A native relative path in POSIX form (`a\b` → `a/b` on Windows; unchanged elsewhere). */
export function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/** A path git printed relative to the repository `root`, made relative to `cwd` (POSIX). */
export function toCwdPath(root: string, cwd: string, repoPath: string): string {
  return toPosix(relative(cwd, `${root}/${repoPath}`));
}

/**
 * The real path of `target`'s directory joined with its name: the file may not
 * exist yet, and a symlinked directory on the way must not make it look
 * outside (or inside) a repository. An unresolvable directory is kept as given.
 */
export async function realTarget(target: string): Promise<string> {
  const directory = await realpath(dirname(target)).catch(() => dirname(target));
  return join(directory, basename(target));
}
