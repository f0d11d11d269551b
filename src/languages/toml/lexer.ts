// Front end for TOML (pyproject.toml, Cargo.toml, app configs): keys, the four
// string kinds, table headers, inline tables and arrays, numbers and dates.

import { CharacterCodes } from "../shared/character-codes.js";
import { isDigit, isLineBreak, isSpace, pushToken, scanLineComment, scanQuoted, skipSpaces, skipWhile } from "../shared/scanner.js";
import type { LexResult, StringToken, Token } from "../shared/tokens.js";

const OPEN_ARRAY = CharacterCodes.openBracket;
const OPEN_TABLE = CharacterCodes.openBrace;

export function lexToml(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  /** Open `[` arrays and `{` inline tables in value position, innermost last. */
  const containers: number[] = [];
  // Keys come at a line's start, inside `[header]`, and after `{` or `,` in an inline table.
  let expectKey = true;
  let header: "" | "[" | "[[" = "";
  let pos = start;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isLineBreak(code)) {
      pos++;
      header = "";
      if (containers.length === 0) expectKey = true;
      else if (containers.at(-1) === OPEN_ARRAY && startsKeyValue(text, pos, end)) {
        // `key = …` cannot appear inside an array: the array was left unclosed, so recover here.
        containers.length = 0;
        expectKey = true;
      }
      continue;
    }
    if (isSpace(code)) {
      pos++;
      continue;
    }
    if (code === CharacterCodes.hash) {
      pos = pushToken(tokens, scanLineComment(text, pos, end, 1));
      continue;
    }
    if (code === CharacterCodes.doubleQuote || code === CharacterCodes.singleQuote) {
      pos = pushToken(tokens, scanTomlString(text, pos, end));
      continue;
    }
    if (code === CharacterCodes.openBracket && containers.length === 0 && expectKey && header === "") {
      header = text.charCodeAt(pos + 1) === CharacterCodes.openBracket && pos + 1 < end ? "[[" : "[";
      tokens.push({ kind: "punct", start: pos, end: pos + header.length, text: header });
      pos += header.length;
      continue;
    }
    if (code === CharacterCodes.closeBracket && header !== "") {
      const close = header === "[[" && pos + 1 < end && text.charCodeAt(pos + 1) === CharacterCodes.closeBracket ? "]]" : "]";
      tokens.push({ kind: "punct", start: pos, end: pos + close.length, text: close });
      pos += close.length;
      header = "";
      continue;
    }
    if (expectKey || header !== "") {
      // A dotted key is emitted part by part (`a` `.` `b`), like a JavaScript member
      // chain: quoted parts stay strings, and the last part names the value.
      if (isBareKeyChar(code)) {
        const keyEnd = skipWhile(text, pos + 1, end, isBareKeyChar);
        tokens.push({ kind: "identifier", start: pos, end: keyEnd, text: text.slice(pos, keyEnd) });
        pos = keyEnd;
        continue;
      }
    } else if (isDigit(code) || code === CharacterCodes.plus || code === CharacterCodes.minus) {
      pos = pushNumber(tokens, text, pos, end);
      continue;
    } else if (isBareKeyChar(code)) {
      const wordEnd = skipWhile(text, pos + 1, end, isBareKeyChar);
      const word = text.slice(pos, wordEnd);
      tokens.push(word === "inf" || word === "nan" ? { kind: "number", start: pos, end: wordEnd } : { kind: "identifier", start: pos, end: wordEnd, text: word });
      pos = wordEnd;
      continue;
    }
    tokens.push({ kind: "punct", start: pos, end: pos + 1, text: text[pos]! });
    pos++;
    if (code === CharacterCodes.equals) expectKey = false;
    else if (code === OPEN_TABLE || code === OPEN_ARRAY) {
      containers.push(code);
      expectKey = code === OPEN_TABLE;
    } else if (code === CharacterCodes.closeBrace || code === CharacterCodes.closeBracket) {
      if (containers.at(-1) === code - 2) containers.pop();
      expectKey = false;
    } else if (code === CharacterCodes.comma) expectKey = containers.at(-1) === OPEN_TABLE;
  }
  return { tokens, embedded: [] };
}

/** `"…"`, `'…'`, `"""…"""` or `'''…'''` opening at `pos`. */
function scanTomlString(text: string, pos: number, end: number): StringToken {
  const quote = text[pos]!;
  const double = quote === '"';
  const triple = quote.repeat(3);
  if (!text.startsWith(triple, pos) || pos + 3 > end) {
    return scanQuoted(text, pos + 1, end, { close: quote, quote: double ? "double" : "single", backslashEscapes: double, endsAtLineBreak: true });
  }
  const token = scanQuoted(text, pos + 3, end, {
    close: triple,
    quote: double ? "triple-double" : "triple-single",
    backslashEscapes: double,
    endsAtLineBreak: false,
  });
  // Up to two quotes may end the content right before the closing delimiter: `"""a""""` holds `a"`.
  if (token.end !== token.contentEnd + 3) return token;
  let extra = 0;
  while (extra < 2 && token.end + extra < end && text[token.end + extra] === quote) extra++;
  if (extra === 0) return token;
  const contentEnd = token.contentEnd + extra;
  const last = token.parts.at(-1);
  const parts = last && last.end === token.contentEnd ? [...token.parts.slice(0, -1), { ...last, end: contentEnd }] : [...token.parts, { kind: "text" as const, start: token.contentEnd, end: contentEnd }];
  return { ...token, end: token.end + extra, contentEnd, parts };
}

/** A number, `+inf`/`-nan`, or a date/time (`1979-05-27T07:32:00Z`, also with a space before the time). */
function pushNumber(tokens: Token[], text: string, pos: number, end: number): number {
  let numberEnd = skipWhile(text, pos + 1, end, isNumberChar);
  // A local date followed by ` 07:32:00` is one date-time.
  if (
    numberEnd - pos === 10 &&
    numberEnd + 3 < end &&
    text.charCodeAt(numberEnd) === CharacterCodes.space &&
    isDigit(text.charCodeAt(numberEnd + 1)) &&
    isDigit(text.charCodeAt(numberEnd + 2)) &&
    text.charCodeAt(numberEnd + 3) === CharacterCodes.colon
  ) {
    numberEnd = skipWhile(text, numberEnd + 1, end, isNumberChar);
  }
  tokens.push({ kind: "number", start: pos, end: numberEnd });
  return numberEnd;
}

/** Whether the line at `pos` begins with a bare (possibly dotted) key and `=`. */
function startsKeyValue(text: string, pos: number, end: number): boolean {
  const keyStart = skipSpaces(text, pos, end);
  const keyEnd = skipWhile(text, keyStart, end, (code) => isBareKeyChar(code) || code === CharacterCodes.dot);
  if (keyEnd === keyStart) return false;
  const equals = skipSpaces(text, keyEnd, end);
  return equals < end && text.charCodeAt(equals) === CharacterCodes.equals && text.charCodeAt(equals + 1) !== CharacterCodes.equals;
}

function isBareKeyChar(code: number): boolean {
  return (code >= CharacterCodes.a && code <= CharacterCodes.z) || (code >= CharacterCodes.A && code <= CharacterCodes.Z) || isDigit(code) || code === CharacterCodes.underscore || code === CharacterCodes.minus;
}

function isNumberChar(code: number): boolean {
  return isBareKeyChar(code) || code === CharacterCodes.dot || code === CharacterCodes.plus || code === CharacterCodes.colon;
}
