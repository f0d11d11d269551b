// JSON string contents decoded with a map back to the file: a notebook keeps
// each line of a cell as one JSON string, and findings must point at the
// characters in the file, escapes (`\"`, `\n`, `\u00e9`) included.

import { CharacterCodes } from "./character-codes.js";
import type { DecodedText, StringToken } from "./tokens.js";

/** What a one-letter JSON escape stands for. */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

const HEX4 = /^[0-9A-Fa-f]{4}$/;

/**
 * The decoded contents of `strings`, one after another (a cell's lines), with the
 * host offsets of every decoded character. Linear in the strings' lengths.
 */
export function decodeJsonStrings(text: string, strings: readonly StringToken[]): DecodedText {
  let decoded = "";
  const starts: number[] = [];
  const ends: number[] = [];
  for (const token of strings) {
    let pos = token.contentStart;
    while (pos < token.contentEnd) {
      let char = text.charAt(pos);
      let width = 1;
      if (text.charCodeAt(pos) === CharacterCodes.backslash && pos + 1 < token.contentEnd) {
        const letter = text.charAt(pos + 1);
        const hex = text.slice(pos + 2, pos + 6);
        if (letter === "u" && HEX4.test(hex)) {
          char = String.fromCharCode(Number.parseInt(hex, 16));
          width = 6;
        } else {
          char = SIMPLE_ESCAPES[letter] ?? letter;
          width = 2;
        }
      }
      decoded += char;
      starts.push(pos);
      ends.push(pos + width);
      pos += width;
    }
  }
  return { text: decoded, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** A JSON string's decoded value (names and short fields: `"code"`, `"python"`). */
export function jsonStringValue(text: string, token: StringToken): string {
  return decodeJsonStrings(text, [token]).text;
}
