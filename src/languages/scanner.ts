// Shared lexing primitives: the pieces every front end is built from, so that
// quoting, comments and interpolation are scanned one way everywhere.
// Every function is linear in what it consumes and never reads past `end`.

import type { CommentToken, InterpolationPart, QuoteStyle, StringPart, StringToken } from "./tokens.js";

export const CR = 13;
export const LF = 10;

export function isIdentStart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    code === 95 || // _
    code === 36 || // $ (JS identifiers; PHP/shell lexers handle their sigils before calling)
    code > 127
  );
}

export function isIdentChar(code: number): boolean {
  return isIdentStart(code) || (code >= 48 && code <= 57);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 0xfeff || code === 0xa0;
}

export function isLineBreak(code: number): boolean {
  return code === LF || code === CR || code === 0x2028 || code === 0x2029;
}

/** Index of the first character at or after `pos` for which `test` is false (or `end`). */
export function skipWhile(text: string, pos: number, end: number, test: (code: number) => boolean): number {
  while (pos < end && test(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Index of the next line break at or after `pos`, or `end`. */
export function findLineEnd(text: string, pos: number, end: number): number {
  while (pos < end && !isLineBreak(text.charCodeAt(pos))) pos++;
  return pos;
}

/** `// …` or `# …` style comment starting at `pos` with a marker of `markerLength` characters. */
export function scanLineComment(text: string, pos: number, end: number, markerLength: number): CommentToken {
  const lineEnd = findLineEnd(text, pos + markerLength, end);
  return { kind: "comment", start: pos, end: lineEnd, contentStart: pos + markerLength, contentEnd: lineEnd };
}

/** `/* … *\/`, `<!-- … -->`, `<# … #>`; an unterminated comment runs to `end`. */
export function scanBlockComment(text: string, pos: number, end: number, open: string, close: string): CommentToken {
  const contentStart = pos + open.length;
  const closeAt = indexOfWithin(text, close, contentStart, end);
  if (closeAt < 0) {
    return { kind: "comment", start: pos, end, contentStart, contentEnd: end };
  }
  return { kind: "comment", start: pos, end: closeAt + close.length, contentStart, contentEnd: closeAt };
}

/**
 * Reads an interpolation at `pos` inside a string (the lexer has seen its opening
 * character). Returns the part, or undefined when `pos` does not start one, in
 * which case the character is literal text.
 */
export type InterpolationScanner = (text: string, pos: number, end: number) => InterpolationPart | undefined;

export interface QuotedOptions {
  /** The closing delimiter (`"`, `'''`, `` ` ``). */
  close: string;
  quote: QuoteStyle;
  /** Python prefix (lower case) or "". */
  prefix?: string;
  /** Whether a backslash escapes the next character. */
  backslashEscapes: boolean;
  /** Whether a line break ends the string unterminated (error tolerance for '…' and "…"). */
  endsAtLineBreak: boolean;
  /** Character codes that may start an interpolation, tried in order, with their scanner. */
  interpolation?: { trigger: number; scan: InterpolationScanner }[];
  /** Where the token starts (before any prefix); defaults to `openEnd - close.length`. */
  tokenStart?: number;
}

/**
 * A quoted string whose opening delimiter ends at `openEnd`. Unterminated strings
 * end at the line break (when `endsAtLineBreak`) or at `end`, so one stray quote
 * cannot swallow a file.
 */
export function scanQuoted(text: string, openEnd: number, end: number, options: QuotedOptions): StringToken {
  const { close, backslashEscapes, endsAtLineBreak, interpolation } = options;
  const closeFirst = close.charCodeAt(0);
  const parts: StringPart[] = [];
  let textStart = openEnd;
  let pos = openEnd;
  let contentEnd = end;
  let tokenEnd = end;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (backslashEscapes && code === 92) {
      // A backslash before CRLF continues the line: skip both characters.
      pos += text.charCodeAt(pos + 1) === CR && text.charCodeAt(pos + 2) === LF ? 3 : 2;
      continue;
    }
    if (code === closeFirst && text.startsWith(close, pos)) {
      contentEnd = pos;
      tokenEnd = pos + close.length;
      break;
    }
    if (endsAtLineBreak && isLineBreak(code)) {
      contentEnd = pos;
      tokenEnd = pos;
      break;
    }
    if (interpolation) {
      const rule = interpolation.find((candidate) => candidate.trigger === code);
      const part = rule?.scan(text, pos, end);
      if (part) {
        if (pos > textStart) parts.push({ kind: "text", start: textStart, end: pos });
        parts.push(part);
        pos = part.end;
        textStart = pos;
        continue;
      }
    }
    pos++;
  }
  if (pos >= end) {
    contentEnd = end;
    tokenEnd = end;
  }
  if (contentEnd > textStart) parts.push({ kind: "text", start: textStart, end: Math.min(contentEnd, end) });
  return {
    kind: "string",
    start: options.tokenStart ?? openEnd - close.length,
    end: Math.min(tokenEnd, end),
    contentStart: openEnd,
    contentEnd: Math.min(contentEnd, end),
    quote: options.quote,
    prefix: options.prefix ?? "",
    parts,
  };
}

/** Longest interpolation we look into; a longer one is read as literal text. */
export const MAX_INTERPOLATION_LENGTH = 4096;

/**
 * Finds the bracket that closes the one opened just before `pos`, counting nested
 * `open`/`close` pairs and skipping over quoted runs; returns its index or -1.
 * Used for `${ … }` and `{ … }` interpolations, which may nest.
 */
export function findClosingBracket(text: string, pos: number, end: number, open: number, close: number): number {
  // Bounded so that many unclosed `${` cannot make a file quadratic.
  end = Math.min(end, pos + MAX_INTERPOLATION_LENGTH);
  let depth = 1;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (code === 92) {
      pos += 2;
      continue;
    }
    if (code === 34 || code === 39 || code === 96) {
      const quoteEnd = indexOfWithin(text, String.fromCharCode(code), pos + 1, end);
      if (quoteEnd < 0) return -1;
      pos = quoteEnd + 1;
      continue;
    }
    if (code === open) depth++;
    else if (code === close && --depth === 0) return pos;
    else if (isLineBreak(code) && depth > 8) return -1;
    pos++;
  }
  return -1;
}

/** `text.indexOf(needle, from)` that never looks at or past `end` (keeps sub-range lexing linear). */
export function indexOfWithin(text: string, needle: string, from: number, end: number): number {
  const limit = end - needle.length;
  const first = needle.charCodeAt(0);
  for (let at = from; at <= limit; at++) {
    if (text.charCodeAt(at) === first && text.startsWith(needle, at)) return at;
  }
  return -1;
}

/** A simple name (optionally dotted, with a leading sigil) for InterpolationPart.name. */
export function plainName(expression: string): string | undefined {
  const trimmed = expression.trim();
  return /^[$@]?[A-Za-z_][A-Za-z0-9_]*(?:(?:\.|->|::)[A-Za-z_][A-Za-z0-9_]*)*$/.test(trimmed) ? trimmed : undefined;
}
