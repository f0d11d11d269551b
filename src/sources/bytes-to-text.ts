// One decision for every door that holds a file's bytes (working tree, index,
// history): is it text, and could it hold a credential at all.

import type { KeywordSieve } from "./keyword-sieve.js";

/** How much of the start of a file is searched for a NUL byte (git and ripgrep look at about as much). */
export const BINARY_SNIFF_BYTES = 8000;

export type TextOf = { kind: "text"; text: string } | { kind: "binary" } | { kind: "keyword-free" };

/** UTF-16 and UTF-32 byte-order marks. UTF-16 text is reported as binary: the core reads UTF-8 only. */
function hasWideBom(bytes: Buffer): boolean {
  const b0 = bytes[0];
  const b1 = bytes[1];
  return (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff);
}

/**
 * Binary (a NUL byte early on, or a UTF-16/32 byte-order mark), keyword-free
 * (the sieve rejects it; never decoded), or the UTF-8 text — invalid bytes as
 * U+FFFD, and a leading BOM kept as U+FEFF so offsets line up with the file.
 */
export function textOf(bytes: Buffer, sieve?: KeywordSieve): TextOf {
  if (hasWideBom(bytes) || bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) !== -1) return { kind: "binary" };
  if (sieve !== undefined && !sieve.mayMatch(bytes)) return { kind: "keyword-free" };
  // Buffer#toString keeps a BOM (TextDecoder would drop it) and replaces bad bytes with U+FFFD.
  return { kind: "text", text: bytes.toString("utf8") };
}
