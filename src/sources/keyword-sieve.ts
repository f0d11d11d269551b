// The byte-level first pass of a scan: most files hold none of the words every
// match needs, and telling so from the raw bytes skips decoding them as UTF-8.

import { anyOf } from "../detect/rule.js";

/** Letters from the most to the least frequent in code and prose: a word is searched for by its rarest. */
const LETTERS_BY_FREQUENCY = "etaoinsrhldcumfpgwybvkxjqz";
const ASCII_CASE_BIT = 0x20;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;

/**
 * A keyword found in bytes without decoding them, case folded as the detector's
 * /i folds it (ASCII letters only), and one that fits on a `git grep -f` line.
 */
export function isPrintableAscii(word: string): boolean {
  return /^[\x20-\x7e]+$/.test(word);
}

/** An ASCII word as the sieve searches for it. */
interface AnchoredWord {
  /** The word's bytes, letters in lower case. */
  lower: Uint8Array;
  /** Per byte of the word: ASCII_CASE_BIT for a letter (compared in either case), 0 for anything else. */
  fold: Uint8Array;
  /** Offset in the word of the byte searched for (its rarest letter). */
  anchor: number;
  /** The anchor's byte values: both cases of a letter, or the one byte. */
  anchorBytes: readonly number[];
}

function anchored(word: string): AnchoredWord {
  const lower = Uint8Array.from(word.toLowerCase(), (char) => char.charCodeAt(0));
  const fold = lower.map((byte) => (byte >= LOWER_A && byte <= LOWER_Z ? ASCII_CASE_BIT : 0));
  let anchor = 0;
  for (let i = 1; i < lower.length; i++) {
    if (LETTERS_BY_FREQUENCY.indexOf(String.fromCharCode(lower[i]!)) > LETTERS_BY_FREQUENCY.indexOf(String.fromCharCode(lower[anchor]!))) anchor = i;
  }
  const byte = lower[anchor]!;
  return { lower, fold, anchor, anchorBytes: fold[anchor] === 0 ? [byte] : [byte, byte & ~ASCII_CASE_BIT] };
}

/**
 * Whether a file's bytes may hold one of the detector's required words
 * (`Detection.requiredWords`, lower case, compared case-insensitively as the
 * detector does). May over-report, never miss: a file it rejects cannot match.
 */
export class KeywordSieve {
  /** Non-ASCII words: the bytes are decoded and searched with the detector's own pattern. */
  private readonly pattern: RegExp | null;
  /**
   * ASCII words are found in the bytes themselves, with no string made: the
   * detector's /i folds ASCII letters only to ASCII letters (U+212A KELVIN SIGN
   * is not K), and a UTF-8 multi-byte sequence holds no ASCII byte. Decoding
   * every file to search it was a tenth of a 100,000-file scan's garbage.
   */
  private readonly words: readonly AnchoredWord[] | null;

  constructor(words: readonly string[]) {
    const ascii = words.every(isPrintableAscii);
    this.words = ascii ? words.map(anchored) : null;
    this.pattern = ascii || words.length === 0 ? null : anyOf(words);
  }

  mayMatch(bytes: Buffer): boolean {
    if (this.pattern !== null) return this.pattern.test(bytes.toString("utf8"));
    for (const word of this.words ?? []) if (holds(bytes, word)) return true;
    return false;
  }
}

/** Linear in the bytes: one native search per occurrence of the anchor byte, each checked against the word's other bytes. */
function holds(bytes: Buffer, word: AnchoredWord): boolean {
  const { lower, fold, anchor } = word;
  for (const anchorByte of word.anchorBytes) {
    for (let at = bytes.indexOf(anchorByte, anchor); at !== -1; at = bytes.indexOf(anchorByte, at + 1)) {
      const start = at - anchor;
      if (start + lower.length > bytes.length) break;
      let i = 0;
      while (i < lower.length && (bytes[start + i]! | fold[i]!) === lower[i]) i++;
      if (i === lower.length) return true;
    }
  }
  return false;
}
