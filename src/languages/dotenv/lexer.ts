// Front end for dotenv files (.env, .env.local, prod.env): `KEY=value` (or `KEY: value`)
// lines with optional `export`, quoted (possibly multi-line) or bare values, `${OTHER}`
// interpolations, comments. `fix` reads existing entries through it too (src/fix/env-file.ts).

import { CharacterCodes } from "../shared/character-codes.js";
import {
  BracketBudget,
  findLineEnd,
  type Interpolation,
  type InterpolationScanner,
  isDigit,
  isLineBreak,
  isSpace,
  nextLine,
  scanLineComment,
  scanQuoted,
  skipSpaces,
  skipWhile,
  trimEnd,
} from "../shared/scanner.js";
import type { LexResult, QuoteStyle, StringToken, Token } from "../shared/tokens.js";

/** A default's end: dotenv defaults do not nest, so the first `}` closes one, and a `{`, `$` or line break before it means none does. */
function endsDefault(code: number): boolean {
  return code === CharacterCodes.closeBrace || code === CharacterCodes.openBrace || code === CharacterCodes.dollar || isLineBreak(code);
}

/**
 * `${NAME}`; `${NAME:-default}`, `${NAME-default}`, `${NAME:=default}` carry the
 * default as a fallback. The default is looked through within one lexing pass's budget.
 */
function braceInterpolation(budget: BracketBudget): readonly Interpolation[] {
  const scan: InterpolationScanner = (text, pos, end) => {
    if (pos + 3 >= end || text.charCodeAt(pos + 1) !== CharacterCodes.openBrace || !isKeyStart(text.charCodeAt(pos + 2))) return undefined;
    const nameEnd = skipWhile(text, pos + 3, end, isNameChar);
    const name = text.slice(pos + 2, nameEnd);
    if (nameEnd >= end) return undefined;
    if (text.charCodeAt(nameEnd) === CharacterCodes.closeBrace) return { kind: "interpolation", start: pos, end: nameEnd + 1, name };
    const colon = text.charCodeAt(nameEnd) === CharacterCodes.colon && nameEnd + 1 < end ? 1 : 0;
    const operator = text.charCodeAt(nameEnd + colon);
    if (operator !== CharacterCodes.minus && operator !== CharacterCodes.equals && operator !== CharacterCodes.question && operator !== CharacterCodes.plus) return undefined;
    const argumentStart = nameEnd + colon + 1;
    const close = budget.until(argumentStart, end, endsDefault);
    if (close < 0 || text.charCodeAt(close) !== CharacterCodes.closeBrace) return undefined;
    // `:?` fails and `:+` substitutes only when NAME is set: neither is a fallback value.
    if (operator === CharacterCodes.question || operator === CharacterCodes.plus) return { kind: "interpolation", start: pos, end: close + 1, name };
    return { kind: "interpolation", start: pos, end: close + 1, name, fallback: { start: argumentStart, end: close } };
  };
  return [{ trigger: CharacterCodes.dollar, scan }];
}

export function lexDotenv(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  const interpolation = braceInterpolation(new BracketBudget(text, start, end));
  // After one double-quoted value ran to the end unclosed, later ones are read on
  // one line: there is no closing quote left to find, and rescanning would be quadratic.
  let multiline = true;
  let pos = start;
  while (pos < end) {
    const lineEnd = findLineEnd(text, pos, end);
    let at = skipSpaces(text, pos, lineEnd);
    pos = nextLine(text, lineEnd, end);
    if (at === lineEnd) continue;
    if (text.charCodeAt(at) === CharacterCodes.hash) {
      tokens.push(scanLineComment(text, at, lineEnd, 1));
      continue;
    }
    if (text.startsWith("export", at) && at + 6 < lineEnd && isSpace(text.charCodeAt(at + 6))) {
      const name = skipSpaces(text, at + 6, lineEnd);
      if (name < lineEnd && isKeyStart(text.charCodeAt(name))) {
        tokens.push({ kind: "identifier", start: at, end: at + 6, text: "export" });
        at = name;
      }
    }
    if (!isKeyStart(text.charCodeAt(at))) continue;
    const keyEnd = skipWhile(text, at + 1, lineEnd, isKeyChar);
    tokens.push({ kind: "identifier", start: at, end: keyEnd, text: text.slice(at, keyEnd) });
    const equals = skipSpaces(text, keyEnd, lineEnd);
    if (!isSeparator(text, keyEnd, equals, lineEnd)) {
      pushTrailingComment(tokens, text, equals, lineEnd);
      continue;
    }
    tokens.push({ kind: "punct", start: equals, end: equals + 1, text: text[equals]! });
    const value = skipSpaces(text, equals + 1, lineEnd);
    const quote = value < lineEnd ? QUOTES.get(text.charCodeAt(value)) : undefined;
    if (quote !== undefined) {
      // Quoted values may span lines (util.parseEnv and dotenv read them so).
      let token = scanQuoted(text, value + 1, end, { ...quote, endsAtLineBreak: !multiline, ...(quote.backslashEscapes && { interpolation }) });
      if (multiline && token.end === token.contentEnd) {
        multiline = false;
        token = scanQuoted(text, value + 1, end, { ...quote, endsAtLineBreak: true, ...(quote.backslashEscapes && { interpolation }) });
      }
      tokens.push(token);
      const tokenLineEnd = token.end > lineEnd ? findLineEnd(text, token.end, end) : lineEnd;
      pushTrailingComment(tokens, text, token.end, tokenLineEnd);
      pos = nextLine(text, tokenLineEnd, end);
      continue;
    }
    // A bare value runs to a ` #` comment or the line's end.
    let comment = value;
    while (comment < lineEnd && !(text.charCodeAt(comment) === CharacterCodes.hash && comment > value && isSpace(text.charCodeAt(comment - 1)))) comment++;
    tokens.push(bareValue(text, value, trimEnd(text, value, comment), interpolation));
    if (comment < lineEnd) tokens.push(scanLineComment(text, comment, lineEnd, 1));
  }
  return { tokens, embedded: [] };
}

/**
 * An unquoted value with its `${…}` parts. scanQuoted splits the parts; its
 * closing "quote" is a line break, which a value (ending before its line's
 * break) never contains, so it reads to `end`.
 */
function bareValue(text: string, start: number, end: number, interpolation: readonly Interpolation[]): StringToken {
  return scanQuoted(text, start, end, { close: "\n", quote: "bare", backslashEscapes: false, endsAtLineBreak: false, interpolation, tokenStart: start });
}

/** The quotes a value may open with: double interpolates and takes escapes, single and backtick are literal. */
const QUOTES = new Map<number, { close: string; quote: QuoteStyle; backslashEscapes: boolean }>([
  [CharacterCodes.doubleQuote, { close: '"', quote: "double", backslashEscapes: true }],
  [CharacterCodes.singleQuote, { close: "'", quote: "single", backslashEscapes: false }],
  [CharacterCodes.backtick, { close: "`", quote: "backtick", backslashEscapes: false }],
]);

/** `KEY=value`, or `KEY: value` (a colon right after the key and a space after it), as dotenv reads. */
function isSeparator(text: string, keyEnd: number, at: number, lineEnd: number): boolean {
  if (at === lineEnd) return false;
  if (text.charCodeAt(at) === CharacterCodes.equals) return true;
  return at === keyEnd && text.charCodeAt(at) === CharacterCodes.colon && at + 1 < lineEnd && isSpace(text.charCodeAt(at + 1));
}

function pushTrailingComment(tokens: Token[], text: string, pos: number, lineEnd: number): void {
  const comment = skipSpaces(text, pos, lineEnd);
  if (comment < lineEnd && text.charCodeAt(comment) === CharacterCodes.hash) tokens.push(scanLineComment(text, comment, lineEnd, 1));
}

function isKeyStart(code: number): boolean {
  return (code >= CharacterCodes.a && code <= CharacterCodes.z) || (code >= CharacterCodes.A && code <= CharacterCodes.Z) || code === CharacterCodes.underscore;
}

function isNameChar(code: number): boolean {
  return isKeyStart(code) || isDigit(code);
}

/** Dots and dashes appear in keys some loaders accept (`spring.datasource.password`, `API-KEY`). */
function isKeyChar(code: number): boolean {
  return isKeyStart(code) || isDigit(code) || code === CharacterCodes.dot || code === CharacterCodes.minus;
}
