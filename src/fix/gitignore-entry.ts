// The lines fix adds to `.gitignore`, pure. A file name is not a pattern: `[`,
// `*`, `?` and `\` are wildcards or escapes, a leading `#` or `!` changes the
// line's meaning and trailing spaces are dropped, so each is escaped and the
// line matches exactly the one file (what `git check-ignore` then confirms).

/** Characters escaped with a backslash wherever they stand (git's wildmatch reads `\x` as x). */
const SPECIAL = /[[\]\\*?!#]/g;

/** A repository path (POSIX, relative to the root) that cannot be written as a gitignore line. */
export function unignorablePath(repoPath: string): boolean {
  return /[\r\n]/.test(repoPath);
}

/**
 * The anchored line that ignores exactly `repoPath`, followed by `wildcardTail`
 * (already a glob, not escaped). The path must not hold a line break (see unignorablePath).
 */
export function gitignoreLine(repoPath: string, wildcardTail = ""): string {
  const escaped = repoPath.replace(SPECIAL, (char) => `\\${char}`);
  // Git strips unescaped trailing spaces; only a tail (which ends in a glob) makes them inner ones.
  let body = escaped.length;
  if (wildcardTail === "") while (body > 0 && escaped[body - 1] === " ") body--;
  return `/${escaped.slice(0, body)}${"\\ ".repeat(escaped.length - body)}${wildcardTail}`;
}
