// A staged blob is usually, byte for byte, the file beside it in the work tree
// (`git add`, then `git commit`). Read from there it costs no git process: the
// `git cat-file` a pre-commit hook otherwise starts was a fifth of its run.
// The copy counts only when its object id is the index's, so what is scanned is
// exactly what the commit records; a file changed since staging, rewritten by a
// clean filter or line-ending conversion, swapped for a symlink, FIFO or
// device, or larger than the limit is read from git instead.

import { closeSync, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { gitBlobId } from "./blob-id.js";
import { READ_LISTED_FILE } from "./open-flags.js";

/** Hex digits of a SHA-1 object id: the only format gitBlobId computes (a SHA-256 repository reads from git). */
const SHA1_HEX_LENGTH = 40;

/**
 * The bytes of `root/repoPath` when they are the blob `oid` and no larger than
 * `maxSize`, else undefined (never throws: any doubt means "read it from git").
 */
export function workTreeCopy(root: string, repoPath: string, oid: string, maxSize: number): Buffer | undefined {
  if (oid.length !== SHA1_HEX_LENGTH) return undefined;
  const path = join(root, repoPath);
  let fd: number;
  try {
    // Told before opening: O_NOFOLLOW guards the last name only, and a folder
    // swapped for a symlink (to /dev, say) must not get a device opened.
    const listed = lstatSync(path);
    if (!listed.isFile() || listed.size > maxSize) return undefined;
    fd = openSync(path, READ_LISTED_FILE);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxSize) return undefined;
    const bytes = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) return undefined; // truncated meanwhile
      filled += read;
    }
    return gitBlobId(bytes) === oid ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
