// Front end for INI-style files (.ini, .cfg, .conf, .properties, .npmrc): sections,
// `key = value` / `key: value` / `key value` lines, whole-line comments.

import { CharacterCodes } from "../shared/character-codes.js";
import { findLineEnd, isSpace, nextLine, scanLineComment, skipSpaces, skipWhile, textParts, trimEnd } from "../shared/scanner.js";
import type { LexResult, StringToken, Token } from "../shared/tokens.js";

export function lexIni(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  let pos = start;
  while (pos < end) {
    const lineEnd = findLineEnd(text, pos, end);
    const first = skipSpaces(text, pos, lineEnd);
    pos = nextLine(text, lineEnd, end);
    if (first === lineEnd) continue;
    const code = text.charCodeAt(first);
    if (code === CharacterCodes.semicolon || code === CharacterCodes.hash || code === CharacterCodes.exclamation) {
      // `;` and `#` (INI), `!` (.properties): comments only at a line's start, since values hold them (`url = a#b`).
      tokens.push(scanLineComment(text, first, lineEnd, 1));
      continue;
    }
    if (code === CharacterCodes.openBracket) {
      lexSection(tokens, text, first, lineEnd);
      continue;
    }
    pos = lexEntry(tokens, text, first, lineEnd, end);
  }
  return { tokens, embedded: [] };
}

/** `[section]`, `[section.sub]`, `[remote "origin"]`: the name as one identifier, then an optional comment. */
function lexSection(tokens: Token[], text: string, open: number, lineEnd: number): void {
  tokens.push({ kind: "punct", start: open, end: open + 1, text: "[" });
  const close = skipWhile(text, open + 1, lineEnd, (code) => code !== CharacterCodes.closeBracket);
  const nameStart = skipSpaces(text, open + 1, close);
  const nameEnd = trimEnd(text, nameStart, close);
  if (nameEnd > nameStart) tokens.push({ kind: "identifier", start: nameStart, end: nameEnd, text: text.slice(nameStart, nameEnd) });
  if (close === lineEnd) return;
  tokens.push({ kind: "punct", start: close, end: close + 1, text: "]" });
  const rest = skipSpaces(text, close + 1, lineEnd);
  const code = text.charCodeAt(rest);
  if (rest < lineEnd && (code === CharacterCodes.semicolon || code === CharacterCodes.hash)) tokens.push(scanLineComment(text, rest, lineEnd, 1));
}

/**
 * A key and its value from `first` (the line's first non-blank character).
 * The separator is the first unescaped `=` or `:`; when the text before a `:`
 * holds whitespace, the line is a .properties `key value` whose value has a
 * colon (`url http://…`), so the key ends at the whitespace instead.
 * Returns where the next line starts (after any continuation lines).
 */
function lexEntry(tokens: Token[], text: string, first: number, lineEnd: number, end: number): number {
  let separator = -1;
  let space = -1;
  for (let pos = first; pos < lineEnd; pos++) {
    const code = text.charCodeAt(pos);
    if (code === CharacterCodes.backslash) {
      pos++;
      continue;
    }
    if (code === CharacterCodes.equals || code === CharacterCodes.colon) {
      separator = pos;
      break;
    }
    if (space < 0 && isSpace(code)) space = pos;
  }
  let keyEnd: number;
  let valueStart: number;
  if (separator >= 0 && (space < 0 || text.charCodeAt(separator) === CharacterCodes.equals || skipSpaces(text, space, separator) === separator)) {
    keyEnd = trimEnd(text, first, separator);
    valueStart = separator + 1;
  } else if (space >= 0) {
    keyEnd = space;
    valueStart = space;
    separator = -1;
  } else {
    tokens.push({ kind: "identifier", start: first, end: lineEnd, text: text.slice(first, lineEnd) });
    return nextLine(text, lineEnd, end);
  }
  if (keyEnd > first) tokens.push({ kind: "identifier", start: first, end: keyEnd, text: text.slice(first, keyEnd) });
  if (separator >= 0) tokens.push({ kind: "punct", start: separator, end: separator + 1, text: text[separator]! });
  // A .properties `key value` separator is whitespace; it binds like `=`, so it is emitted as one.
  else tokens.push({ kind: "punct", start: keyEnd, end: skipSpaces(text, keyEnd, lineEnd), text: "=" });
  const value = skipSpaces(text, valueStart, lineEnd);
  // .properties continues a value whose line ends in an odd number of backslashes.
  let valueEnd = trimEnd(text, value, lineEnd);
  let valueLineEnd = lineEnd;
  while (endsWithContinuation(text, value, valueEnd) && valueLineEnd < end) {
    const next = nextLine(text, valueLineEnd, end);
    valueLineEnd = findLineEnd(text, next, end);
    const nextEnd = trimEnd(text, next, valueLineEnd);
    if (nextEnd > next) valueEnd = nextEnd;
    else break;
  }
  tokens.push(valueString(text, value, valueEnd, valueLineEnd === lineEnd));
  return nextLine(text, valueLineEnd, end);
}

/** The value as one string: quoted when it is wholly one `"…"` or `'…'`, else bare. */
function valueString(text: string, start: number, end: number, singleLine: boolean): StringToken {
  const open = text.charCodeAt(start);
  const quoted = singleLine && end - start >= 2 && (open === CharacterCodes.doubleQuote || open === CharacterCodes.singleQuote) && text.charCodeAt(end - 1) === open;
  const contentStart = quoted ? start + 1 : start;
  const contentEnd = quoted ? end - 1 : end;
  return {
    kind: "string",
    start,
    end,
    contentStart,
    contentEnd,
    quote: quoted ? (open === CharacterCodes.doubleQuote ? "double" : "single") : "bare",
    prefix: "",
    parts: textParts(contentStart, contentEnd),
  };
}

function endsWithContinuation(text: string, start: number, end: number): boolean {
  let backslashes = 0;
  while (end - backslashes > start && text.charCodeAt(end - backslashes - 1) === CharacterCodes.backslash) backslashes++;
  return backslashes % 2 === 1;
}
