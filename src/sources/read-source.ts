// Turns listed files into Sources for the pure core: one read per file, text
// told from binary, and every way a file can fail to be read reported, not thrown.

import { closeSync, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import type { Source } from "../detect/types.js";
import { gitBlobId } from "./blob-id.js";
import { textOf } from "./bytes-to-text.js";
import { errorCode } from "./error-code.js";
import type { KeywordSieve } from "./keyword-sieve.js";
import { READ_LISTED_FILE } from "./open-flags.js";
import type { WalkedFile } from "./walk.js";

/** Why a listed file was not scanned. */
export type SkipReason =
  | "binary" // a NUL byte in the first BINARY_SNIFF_BYTES (UTF-16 with a byte-order mark is read), or a UTF-32 byte-order mark
  | "too-large" // larger than the size limit; read no further than FIRST_READ_BYTES
  | "not-a-file" // symlink, directory, FIFO, socket or device; never opened
  | "unreadable" // permission denied or another I/O error
  | "vanished"; // listed, then gone (deleted meanwhile, or deleted but still in git's index)

/** The outcome of reading one file. */
export type ReadResult =
  | {
      /** None of the detector's required words is in the file (git grep or the keyword sieve said so): nothing to find. */
      kind: "keyword-free";
      path: string;
      /** Bytes read, when the file was read to tell (0 when git searched it). */
      size: number;
    }
  | {
      kind: "source";
      source: Source;
      /** Bytes read. */
      size: number;
      /** Git's object id of the bytes read, when asked for (the scan cache's key). */
      blobId?: string;
    }
  | {
      kind: "skipped";
      /** The file's `path` (POSIX, relative to the cwd). */
      path: string;
      reason: SkipReason;
      /** File size in bytes, when it was learnt before skipping. */
      size?: number;
      /** The system error code behind "unreadable" (EACCES, EIO, ...). */
      code?: string;
    };

export { BINARY_SNIFF_BYTES } from "./bytes-to-text.js";

function failure(path: string, error: unknown): ReadResult {
  const code = errorCode(error);
  // ENOTDIR: a parent directory was replaced by a file; the file is gone all the same.
  if (code === "ENOENT" || code === "ENOTDIR") return { kind: "skipped", path, reason: "vanished" };
  // Swapped in since listing: ELOOP, a symlink (O_NOFOLLOW); EISDIR, a directory;
  // ESPIPE or EAGAIN, a FIFO or socket (positional and non-blocking reads). Not regular files.
  if (code === "ELOOP" || code === "EISDIR" || code === "ESPIPE" || code === "EAGAIN") return { kind: "skipped", path, reason: "not-a-file" };
  return code === undefined
    ? { kind: "skipped", path, reason: "unreadable" }
    : { kind: "skipped", path, reason: "unreadable", code };
}

/** A first read this large answers most files in one call; a file that fills it is fstat-ed for its size. */
export const FIRST_READ_BYTES = 64 * 1024;

// One buffer for every read of the run: the text is decoded out of it before
// the next read, so files cost no allocation of their own (a fresh buffer per
// file was a tenth of a 10,000-file scan, in the garbage collector).
let shared = Buffer.allocUnsafe(FIRST_READ_BYTES);

/** The shared buffer, at least `size` bytes long, with its first `keep` bytes kept. */
function bufferOf(size: number, keep = 0): Buffer {
  if (shared.length < size) {
    const grown = Buffer.allocUnsafe(Math.max(size, shared.length * 2));
    shared.copy(grown, 0, 0, keep);
    shared = grown;
  }
  return shared;
}

/** Reads `fd` into the shared buffer: the whole file, or `{ tooLarge }` with its size past `maxFileSize`. */
function readAll(fd: number, maxFileSize: number): Buffer | { tooLarge: number } {
  let buffer = bufferOf(FIRST_READ_BYTES);
  let filled = readSync(fd, buffer, 0, Math.min(buffer.length, maxFileSize + 1), 0);
  if (filled < Math.min(buffer.length, maxFileSize + 1)) return buffer.subarray(0, filled);
  // Filled the first read: learn the size instead of reading on blindly.
  const { size } = fstatSync(fd);
  if (size > maxFileSize) return { tooLarge: size };
  buffer = bufferOf(size, filled);
  // Read the size fstat saw: a file still being appended to yields a consistent prefix.
  while (filled < size) {
    const bytesRead = readSync(fd, buffer, filled, size - filled, filled);
    if (bytesRead === 0) break; // truncated meanwhile
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/**
 * Reads one listed file as a Source, or says why not. Never throws: a file that
 * cannot be read is a skipped result, so one bad file never stops a scan.
 * Not a regular file → "not-a-file" without opening it (a FIFO would block, a
 * device could be endless); over `maxFileSize` bytes → "too-large" (a file the
 * walk saw as regular is opened and fstat-ed to tell, others are lstat-ed
 * first). With a `sieve`, a file holding none of the required words is
 * "keyword-free" and never decoded. The text is UTF-8 with invalid bytes as
 * U+FFFD, or UTF-16 when a byte-order mark says so (see textOf); a leading BOM
 * is kept as U+FEFF so offsets line up with the file.
 *
 * Synchronous on purpose: measured on 10,000 small files, each asynchronous
 * lstat/open/read/close is a thread-pool round trip, and those trips cost more
 * than all the reading (2.5 s profile: 1.1 s in them; a synchronous loop read
 * the same tree in 0.23 s). The detector runs between reads anyway.
 */
export function readSource(file: WalkedFile, maxFileSize: number, sieve?: KeywordSieve, withBlobId = false): ReadResult {
  if (file.keywordFree === true) return { kind: "keyword-free", path: file.path, size: 0 };
  if (file.regularFile !== true) {
    // Not seen by a walk (named on the command line, listed by git): it may be
    // a FIFO or a device, which must not be opened at all.
    try {
      const info = lstatSync(file.rawPath ?? file.absolutePath);
      if (!info.isFile()) return { kind: "skipped", path: file.path, reason: "not-a-file" };
      if (info.size > maxFileSize) return { kind: "skipped", path: file.path, reason: "too-large", size: info.size };
    } catch (error) {
      return failure(file.path, error);
    }
  }

  let read: Buffer | { tooLarge: number };
  try {
    // The open flags stop a symlink or FIFO swapped in since it was listed (a
    // swapped-in FIFO reads as empty, without waiting).
    const fd = openSync(file.rawPath ?? file.absolutePath, READ_LISTED_FILE);
    try {
      read = readAll(fd, maxFileSize);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return failure(file.path, error);
  }
  if ("tooLarge" in read) return { kind: "skipped", path: file.path, reason: "too-large", size: read.tooLarge };

  const text = textOf(read, sieve);
  if (text.kind === "binary") return { kind: "skipped", path: file.path, reason: "binary", size: read.length };
  if (text.kind === "keyword-free") return { kind: "keyword-free", path: file.path, size: read.length };
  const source = text.encoding === undefined ? { path: file.path, text: text.text } : { path: file.path, text: text.text, encoding: text.encoding };
  // Hashed here: the bytes live in the shared buffer only until the next read.
  return withBlobId ? { kind: "source", source, size: read.length, blobId: gitBlobId(read) } : { kind: "source", source, size: read.length };
}

/**
 * Reads `files` one at a time, lazily, in input order: only one file's text is
 * held at once however large the tree, and `files` may be any iterable.
 */
export function* readSources(files: Iterable<WalkedFile>, maxFileSize: number, sieve?: KeywordSieve): Generator<ReadResult, void, undefined> {
  for (const file of files) yield readSource(file, maxFileSize, sieve);
}
