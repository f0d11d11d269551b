// Shared lexing primitives: the pieces every front end is built from, so that
// quoting, comments and interpolation are scanned one way everywhere.
// Every function is linear in what it consumes and never reads past `end`.

import { CharacterCodes } from "./character-codes.js";
import type { CommentToken, InterpolationPart, QuoteStyle, StringPart, StringToken, Token } from "./tokens.js";

export function isIdentStart(code: number): boolean {
  return (
    (code >= CharacterCodes.a && code <= CharacterCodes.z) || // a-z
    (code >= CharacterCodes.A && code <= CharacterCodes.Z) || // A-Z
    code === CharacterCodes.underscore || // _
    code === CharacterCodes.dollar || // $ (JS identifiers; PHP/shell lexers handle their sigils before calling)
    code > CharacterCodes.maxAscii
  );
}

export function isIdentChar(code: number): boolean {
  return isIdentStart(code) || (code >= CharacterCodes._0 && code <= CharacterCodes._9);
}

/** isIdentStart without `$`: for Python, where `$` is an error, and PHP, where it is the sigil read before the name. */
export function isPlainIdentStart(code: number): boolean {
  return code !== CharacterCodes.dollar && isIdentStart(code);
}

/** isIdentChar without `$` (see isPlainIdentStart). */
export function isPlainIdentChar(code: number): boolean {
  return code !== CharacterCodes.dollar && isIdentChar(code);
}

export function isDigit(code: number): boolean {
  return code >= CharacterCodes._0 && code <= CharacterCodes._9;
}

export function isSpace(code: number): boolean {
  return code === CharacterCodes.space || code === CharacterCodes.tab || code === CharacterCodes.verticalTab || code === CharacterCodes.formFeed || code === CharacterCodes.byteOrderMark || code === CharacterCodes.nonBreakingSpace;
}

export function isLineBreak(code: number): boolean {
  return code === CharacterCodes.lineFeed || code === CharacterCodes.carriageReturn || code === CharacterCodes.lineSeparator || code === CharacterCodes.paragraphSeparator;
}

/**
 * Space, tab, vertical tab, form feed and CR: what separates words on a shell,
 * Dockerfile or Makefile line (CR too, so CRLF files lex like LF ones).
 */
export function isBlankOrCR(code: number): boolean {
  return code === CharacterCodes.space || code === CharacterCodes.tab || code === CharacterCodes.carriageReturn || code === CharacterCodes.verticalTab || code === CharacterCodes.formFeed;
}

/** Index of the first character at or after `pos` for which `test` is false (or `end`). */
export function skipWhile(text: string, pos: number, end: number, test: (code: number) => boolean): number {
  while (pos < end && test(text.charCodeAt(pos))) pos++;
  return pos;
}

// skipWhile with the three predicates the lexers' hot loops use: skipWhile's
// call site sees every front end's predicate, so V8 cannot inline any of them
// there, while a loop of its own calls one predicate it can inline (profiles
// showed isIdentChar, isPlainIdentChar and isSpace as separate calls, a tenth
// of lexing time).

/** skipWhile(text, pos, end, isIdentChar). */
export function skipIdentChars(text: string, pos: number, end: number): number {
  while (pos < end && isIdentChar(text.charCodeAt(pos))) pos++;
  return pos;
}

/** skipWhile(text, pos, end, isPlainIdentChar). */
export function skipPlainIdentChars(text: string, pos: number, end: number): number {
  while (pos < end && isPlainIdentChar(text.charCodeAt(pos))) pos++;
  return pos;
}

/** skipWhile(text, pos, end, isSpace). */
export function skipSpaces(text: string, pos: number, end: number): number {
  while (pos < end && isSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Index just after the last character before `end` (and not before `start`) for which `test` is false: skipWhile backwards. */
export function trimEnd(text: string, start: number, end: number, test: (code: number) => boolean = isSpace): number {
  while (end > start && test(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Index of the next line break at or after `pos`, or `end`. */
export function findLineEnd(text: string, pos: number, end: number): number {
  while (pos < end && !isLineBreak(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Start of the line after the break at `lineEnd` (CRLF is one break), or `end`. */
export function nextLine(text: string, lineEnd: number, end: number): number {
  if (lineEnd >= end) return end;
  return text.charCodeAt(lineEnd) === CharacterCodes.carriageReturn && lineEnd + 1 < end && text.charCodeAt(lineEnd + 1) === CharacterCodes.lineFeed ? lineEnd + 2 : lineEnd + 1;
}

/**
 * End of the number starting at `pos` (a digit, or `.` before one) in Python and PHP:
 * digits, `_`, `.`, radix and suffix letters (`0x1F`, `10j`), and the sign of a decimal
 * exponent (`1e-5`, but not in `0xE-1`, which is a subtraction).
 */
export function scanNumber(text: string, pos: number, end: number): number {
  const radix = text.charCodeAt(pos) === CharacterCodes._0 && pos + 1 < end && /[xob]/i.test(text.charAt(pos + 1));
  let numberEnd = pos + 1;
  while (numberEnd < end) {
    const code = text.charCodeAt(numberEnd);
    const previous = text.charCodeAt(numberEnd - 1);
    const exponentSign = (code === CharacterCodes.plus || code === CharacterCodes.minus) && (previous === CharacterCodes.e || previous === CharacterCodes.E) && !radix;
    if (!isPlainIdentChar(code) && code !== CharacterCodes.dot && !exponentSign) break;
    numberEnd++;
  }
  return numberEnd;
}

/**
 * The last case of a code lexer's loop: a number at `pos` (`.5` too where
 * `leadingDot` says a language writes one), else the longest operator there.
 * Returns where the token ends.
 */
export function pushNumberOrOperator(tokens: Token[], text: string, pos: number, end: number, operatorAt: OperatorMatcher, leadingDot: boolean): number {
  const code = text.charCodeAt(pos);
  if (isDigit(code) || (leadingDot && code === CharacterCodes.dot && pos + 1 < end && isDigit(text.charCodeAt(pos + 1)))) {
    return pushToken(tokens, { kind: "number", start: pos, end: scanNumber(text, pos, end) });
  }
  const operator = operatorAt(text, pos, end);
  return pushToken(tokens, { kind: "punct", start: pos, end: pos + operator.length, text: operator });
}

/** Reads the operator at `pos`: see operatorMatcher. */
export type OperatorMatcher = (text: string, pos: number, end: number) => string;

/**
 * A lookup for a language's multi-character operators (given longest first): the
 * first of them at `pos` that ends by `end`, else the single character at `pos`.
 * Operators are grouped by first character, so most characters cost one map read.
 */
export function operatorMatcher(operators: readonly string[]): OperatorMatcher {
  const byFirst = new Map<number, string[]>();
  for (const operator of operators) {
    const code = operator.charCodeAt(0);
    const group = byFirst.get(code);
    if (group) group.push(operator);
    else byFirst.set(code, [operator]);
  }
  return (text, pos, end) => {
    const candidates = byFirst.get(text.charCodeAt(pos));
    if (candidates) {
      for (const candidate of candidates) if (pos + candidate.length <= end && text.startsWith(candidate, pos)) return candidate;
    }
    return text.charAt(pos);
  };
}

/** Appends `token` to `tokens` and returns its end, where lexing goes on: `pos = pushToken(tokens, scanLineComment(…))`. */
export function pushToken(tokens: Token[], token: Token): number {
  tokens.push(token);
  return token.end;
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

/** `start..end` as the one text part of a string, or no part when it is empty. */
export function textParts(start: number, end: number): StringPart[] {
  return end > start ? [{ kind: "text", start, end }] : [];
}

/**
 * An unquoted string over `start..end`, its text one part unless `parts` splits out
 * interpolations (a shell word, a `{{var}}` in a request file). Where it ends is each
 * syntax's own business (a YAML plain scalar, Markdown prose, an HTML attribute value).
 */
export function bareString(start: number, end: number, parts: StringPart[] = textParts(start, end)): StringToken {
  return { kind: "string", start, end, contentStart: start, contentEnd: end, quote: "bare", prefix: "", parts };
}

/** Appends the text part `start..end` to `parts` unless it is empty. */
export function appendText(parts: StringPart[], start: number, end: number): void {
  if (end > start) parts.push({ kind: "text", start, end });
}

/**
 * Appends an interpolation found while splitting a string, after the text since
 * `textStart`; returns the part's end, where the next text starts.
 */
export function appendInterpolation(parts: StringPart[], textStart: number, part: InterpolationPart): number {
  appendText(parts, textStart, part.start);
  parts.push(part);
  return part.end;
}

/**
 * Reads an interpolation at `pos` inside a string (the lexer has seen its opening
 * character). Returns the part, or undefined when `pos` does not start one, in
 * which case the character is literal text.
 */
export type InterpolationScanner = (text: string, pos: number, end: number) => InterpolationPart | undefined;

/** A character that may start an interpolation, with the scanner that reads one there. */
export interface Interpolation {
  trigger: number;
  scan: InterpolationScanner;
}

/**
 * The interpolation at `pos` (whose character is `code`) by the first rule with that
 * trigger, or undefined. A plain loop: this runs for every character of a string.
 */
function interpolationAt(rules: readonly Interpolation[], code: number, text: string, pos: number, end: number): InterpolationPart | undefined {
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]!;
    if (rule.trigger === code) return rule.scan(text, pos, end);
  }
  return undefined;
}

/**
 * Text and interpolation parts of `from..to`, a string body whose end is already
 * known (a heredoc or here-string: there is no closing quote to look for). The
 * character after `escape` is literal.
 */
export function interpolatedParts(text: string, from: number, to: number, escape: number, interpolation: readonly Interpolation[]): StringPart[] {
  const parts: StringPart[] = [];
  let textStart = from;
  let pos = from;
  while (pos < to) {
    const code = text.charCodeAt(pos);
    if (code === escape) {
      pos += 2;
      continue;
    }
    const part = interpolationAt(interpolation, code, text, pos, to);
    if (part) {
      pos = textStart = appendInterpolation(parts, textStart, part);
      continue;
    }
    pos++;
  }
  appendText(parts, textStart, to);
  return parts;
}

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
  interpolation?: readonly Interpolation[];
  /** Where the token starts (before any prefix); defaults to `openEnd - close.length`. */
  tokenStart?: number;
}

/**
 * A string quoted at `open` (single, double or backtick quote) in which that
 * quote is doubled to stand for itself (SQL's `'it''s'`, CSV's `""`); line
 * breaks are its text, and an unclosed one runs to `end`.
 */
export function scanDoubledQuote(text: string, open: number, end: number): StringToken {
  const quote = text.charCodeAt(open);
  let pos = open + 1;
  while (pos < end) {
    if (text.charCodeAt(pos) !== quote) pos++;
    else if (pos + 1 < end && text.charCodeAt(pos + 1) === quote) pos += 2;
    else break;
  }
  const style = quote === CharacterCodes.singleQuote ? "single" : quote === CharacterCodes.doubleQuote ? "double" : "backtick";
  return { kind: "string", start: open, end: Math.min(pos + 1, end), contentStart: open + 1, contentEnd: pos, quote: style, prefix: "", parts: textParts(open + 1, pos) };
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
    if (backslashEscapes && code === CharacterCodes.backslash) {
      // Swift and CUE interpolate `\(x)`: an interpolation a backslash opens comes before the escape.
      const interpolated = interpolation === undefined ? undefined : interpolationAt(interpolation, code, text, pos, end);
      if (interpolated) {
        pos = textStart = appendInterpolation(parts, textStart, interpolated);
        continue;
      }
      // A backslash before CRLF continues the line: skip both characters.
      pos += pos + 2 < end && text.charCodeAt(pos + 1) === CharacterCodes.carriageReturn && text.charCodeAt(pos + 2) === CharacterCodes.lineFeed ? 3 : 2;
      continue;
    }
    if (code === closeFirst && pos + close.length <= end && text.startsWith(close, pos)) {
      contentEnd = pos;
      tokenEnd = pos + close.length;
      break;
    }
    if (endsAtLineBreak && isLineBreak(code)) {
      contentEnd = pos;
      tokenEnd = pos;
      break;
    }
    // A comparison or two per character: no closure, no allocation (this loop is hot).
    const part = interpolation === undefined ? undefined : interpolationAt(interpolation, code, text, pos, end);
    if (part) {
      pos = textStart = appendInterpolation(parts, textStart, part);
      continue;
    }
    pos++;
  }
  if (pos >= end) {
    contentEnd = end;
    tokenEnd = end;
  }
  appendText(parts, textStart, Math.min(contentEnd, end));
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
 * The one way front ends look ahead for the end of an interpolation (`${…}`, `{…}`,
 * `$(…)`, `` `…` ``), shared by every search of one lexing pass over `start..end`.
 *
 * Each search looks at most MAX_INTERPOLATION_LENGTH characters ahead, which alone
 * would still let a file full of unclosed `${` cost 4096 reads per opener. So every
 * failed search is also charged to a budget of 4 characters per character lexed (plus
 * room for a few failures in a short text); once it is spent, searches fail at once
 * and the openers read as literal text. Successful searches are not charged: the lexer
 * resumes after the closer, so what they read is not read again.
 */
export class BracketBudget {
  private remaining: number;

  constructor(
    private readonly text: string,
    start: number,
    end: number,
  ) {
    this.remaining = 4 * Math.max(0, end - start) + 16 * MAX_INTERPOLATION_LENGTH;
  }

  /**
   * Index of the `close` bracket that closes the one opened just before `from`, or -1.
   * Nested `open`/`close` pairs are counted; quoted runs and backslash escapes skipped.
   */
  closing(from: number, end: number, open: number, close: number): number {
    if (this.remaining <= 0) return -1;
    const windowEnd = Math.min(end, from + MAX_INTERPOLATION_LENGTH);
    return this.charge(from, windowEnd, findClosingBracket(this.text, from, windowEnd, open, close));
  }

  /** Index of the next `code` from `from` that `escape` (a backslash by default) does not escape, or -1. */
  next(from: number, end: number, code: number, escape: number = CharacterCodes.backslash): number {
    if (this.remaining <= 0) return -1;
    const windowEnd = Math.min(end, from + MAX_INTERPOLATION_LENGTH);
    let found = -1;
    for (let pos = from; pos < windowEnd; pos++) {
      const here = this.text.charCodeAt(pos);
      if (here === escape) pos++;
      else if (here === code) {
        found = pos;
        break;
      }
    }
    return this.charge(from, windowEnd, found);
  }

  /** Index of the first character from `from` for which `stop` holds (for closers that cannot nest), or -1. */
  until(from: number, end: number, stop: (code: number) => boolean): number {
    if (this.remaining <= 0) return -1;
    const windowEnd = Math.min(end, from + MAX_INTERPOLATION_LENGTH);
    const found = skipWhile(this.text, from, windowEnd, (code) => !stop(code));
    return this.charge(from, windowEnd, found < windowEnd ? found : -1);
  }

  /** Charges a failed search of `from..windowEnd` and passes `found` on. */
  private charge(from: number, windowEnd: number, found: number): number {
    if (found < 0) this.remaining -= Math.max(0, windowEnd - from);
    return found;
  }
}

/**
 * The bracket that closes the one opened just before `pos`, counting nested
 * `open`/`close` pairs and skipping over quoted runs, before `end`; or -1.
 * Unbounded: only BracketBudget calls it, with a bounded window.
 */
function findClosingBracket(text: string, pos: number, end: number, open: number, close: number): number {
  let depth = 1;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (code === CharacterCodes.backslash) {
      pos += 2;
      continue;
    }
    if (code === CharacterCodes.doubleQuote || code === CharacterCodes.singleQuote || code === CharacterCodes.backtick) {
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
