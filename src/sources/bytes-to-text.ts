// One decision for every door that holds a file's bytes (working tree, index,
// history): is it text, and could it hold a credential at all. The inverse
// (text to bytes in the file's own encoding) is here too, for `fix`.

import type { TextEncoding } from "../detect/types.js";
import type { KeywordSieve } from "./keyword-sieve.js";

/** How much of the start of a file is searched for a NUL byte (git and ripgrep look at about as much). */
export const BINARY_SNIFF_BYTES = 8000;

export type TextOf = { kind: "text"; text: string; encoding?: TextEncoding } | { kind: "binary" } | { kind: "keyword-free" };

/**
 * The UTF-16 encoding a byte-order mark announces (Windows PowerShell 5 and
 * Notepad write UTF-16 LE with one), or undefined. UTF-32 LE starts with the
 * UTF-16 LE mark and two NUL bytes: it stays binary.
 */
function wideEncodingOf(bytes: Buffer): TextEncoding | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.length >= 4 && bytes[2] === 0 && bytes[3] === 0 ? undefined : "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** UTF-16 bytes as text; the mark stays as U+FEFF, as it does for UTF-8, and an odd last byte is dropped. */
function decodeWide(bytes: Buffer, encoding: TextEncoding): string {
  const even = bytes.subarray(0, bytes.length & ~1);
  if (encoding === "utf-16le") return even.toString("utf16le");
  // Node decodes little-endian only: swap a copy (never the caller's buffer, which may be shared).
  return Buffer.from(even).swap16().toString("utf16le");
}

/** `text` as the bytes of a file in `encoding` (UTF-8 when undefined): what `fix` writes back. */
export function bytesOf(text: string, encoding?: TextEncoding): Buffer {
  if (encoding === undefined) return Buffer.from(text, "utf8");
  const bytes = Buffer.from(text, "utf16le");
  return encoding === "utf-16le" ? bytes : bytes.swap16();
}

/**
 * Binary (a NUL byte early on, or a UTF-32 byte-order mark), keyword-free
 * (the sieve rejects it), or the text: UTF-16 when a byte-order mark says so
 * (with its `encoding`), else UTF-8 — invalid bytes as U+FFFD, and a leading BOM
 * kept as U+FEFF so offsets line up with the file.
 */
export function textOf(bytes: Buffer, sieve?: KeywordSieve): TextOf {
  const wide = wideEncodingOf(bytes);
  if (wide !== undefined) {
    // Decoded before the sieve: its words are bytes of UTF-8 text.
    const text = decodeWide(bytes, wide);
    if (sieve !== undefined && !sieve.mayMatch(Buffer.from(text, "utf8"))) return { kind: "keyword-free" };
    return { kind: "text", text, encoding: wide };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: "binary" };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) !== -1) return { kind: "binary" };
  if (sieve !== undefined && !sieve.mayMatch(bytes)) return { kind: "keyword-free" };
  // Buffer#toString keeps a BOM (TextDecoder would drop it) and replaces bad bytes with U+FFFD.
  return { kind: "text", text: bytes.toString("utf8") };
}
