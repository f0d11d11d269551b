// Front end for Python: strings with their prefix and quote kind (f-strings split
// into text and `{}` parts), `#` comments, identifiers, `or` as `||`, and operators.

import { CharacterCodes } from "../shared/character-codes.js";
import {
  BracketBudget,
  findLineEnd,
  type InterpolationScanner,
  isLineBreak,
  isPlainIdentStart,
  isSpace,
  operatorMatcher,
  plainName,
  pushNumberOrOperator,
  pushToken,
  scanLineComment,
  scanQuoted,
  skipPlainIdentChars,
} from "../shared/scanner.js";
import type { LexResult, StringToken, Token } from "../shared/tokens.js";

/** Operators emitted as one token, longest first. */
const operatorAt = operatorMatcher([
  "**=", "//=", ">>=", "<<=", "...",
  ":=", "==", "!=", "<=", ">=", "->", "**", "//", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<<", ">>",
]);

/** String prefixes (lower case); `t` is Python 3.14's template string, which interpolates like `f`. */
const STRING_PREFIXES = new Set(["r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt"]);

export function lexPython(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  const lineEndAt = lineEndFinder(text, end);
  const budget = new BracketBudget(text, start, end);
  let pos = start;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isSpace(code) || isLineBreak(code)) {
      pos++;
      continue;
    }
    if (code === CharacterCodes.hash) {
      pos = pushToken(tokens, scanLineComment(text, pos, end, 1));
      continue;
    }
    if (code === CharacterCodes.doubleQuote || code === CharacterCodes.singleQuote) {
      pos = pushToken(tokens, scanString(text, pos, pos, "", end, lineEndAt, budget));
      continue;
    }
    // A backslash before a line break joins lines; it is layout, not an operator.
    if (code === CharacterCodes.backslash && pos + 1 < end && isLineBreak(text.charCodeAt(pos + 1))) {
      pos += 2;
      continue;
    }
    // `$` is an identifier character in JavaScript but an error in Python.
    if (isPlainIdentStart(code)) {
      const identEnd = skipPlainIdentChars(text, pos + 1, end);
      const word = text.slice(pos, identEnd);
      const after = identEnd < end ? text.charCodeAt(identEnd) : -1;
      const prefix = word.toLowerCase();
      if ((after === CharacterCodes.doubleQuote || after === CharacterCodes.singleQuote) && STRING_PREFIXES.has(prefix)) {
        pos = pushToken(tokens, scanString(text, pos, identEnd, prefix, end, lineEndAt, budget));
        continue;
      }
      tokens.push(word === "or" ? { kind: "punct", start: pos, end: identEnd, text: "||" } : { kind: "identifier", start: pos, end: identEnd, text: word });
      pos = identEnd;
      continue;
    }
    pos = pushNumberOrOperator(tokens, text, pos, end, operatorAt, true);
  }
  return { tokens, embedded: [] };
}

/** The string whose opening quote is at `quoteAt` (after any prefix starting at `tokenStart`). */
function scanString(
  text: string,
  tokenStart: number,
  quoteAt: number,
  prefix: string,
  end: number,
  lineEndAt: (pos: number) => number,
  budget: BracketBudget,
): StringToken {
  const quoteChar = text.charAt(quoteAt);
  const triple = quoteAt + 3 <= end && text.startsWith(quoteChar.repeat(3), quoteAt);
  const interpolates = prefix.includes("f") || prefix.includes("t");
  const close = triple ? quoteChar.repeat(3) : quoteChar;
  return scanQuoted(text, quoteAt + close.length, end, {
    close,
    quote: triple ? (quoteChar === "'" ? "triple-single" : "triple-double") : quoteChar === "'" ? "single" : "double",
    prefix,
    // Raw strings keep their backslashes, but a backslash still stops the quote after it
    // from closing the string, so the extent is found exactly as for escaped strings.
    backslashEscapes: true,
    endsAtLineBreak: !triple,
    interpolation: interpolates ? [{ trigger: CharacterCodes.openBrace, scan: replacementField(budget, triple ? undefined : lineEndAt) }] : undefined,
    tokenStart,
  });
}

/**
 * Scans `{expr!conv:spec}` fields of one f-string. `{{` is a literal brace: scanQuoted
 * offers each `{` in order, so the second brace of a pair is remembered and passed over.
 * In a one-line string a field must close on its line, so a stray `{` cannot swallow code.
 */
function replacementField(budget: BracketBudget, lineEndAt: ((pos: number) => number) | undefined): InterpolationScanner {
  let literalBraceAt = -1;
  return (text, pos, end) => {
    if (pos === literalBraceAt) return undefined;
    if (pos + 1 < end && text.charCodeAt(pos + 1) === CharacterCodes.openBrace) {
      literalBraceAt = pos + 1;
      return undefined;
    }
    const limit = lineEndAt ? Math.min(end, lineEndAt(pos)) : end;
    const close = budget.closing(pos + 1, limit, CharacterCodes.openBrace, CharacterCodes.closeBrace);
    if (close < 0) return undefined;
    return { kind: "interpolation", start: pos, end: close + 1, name: fieldName(text.slice(pos + 1, close)) };
  };
}

/**
 * The plain name a replacement field reads. Cutting at the first `:` or `!` is safe:
 * one nested in brackets or quotes leaves a prefix plainName rejects anyway.
 */
function fieldName(expression: string): string | undefined {
  const cut = expression.search(/:|!(?!=)/);
  let field = (cut < 0 ? expression : expression.slice(0, cut)).trim();
  // `{name=}` prints its own source before the value; the name is still what it reads.
  if (field.endsWith("=") && !/[=!<>]=$/.test(field)) field = field.slice(0, -1);
  return plainName(field);
}

/**
 * The line end at or after `pos`, remembered between calls: a lexer asks with rising
 * positions, so a long line is walked once however many strings sit on it.
 */
function lineEndFinder(text: string, end: number): (pos: number) => number {
  let from = Number.POSITIVE_INFINITY;
  let lineEnd = -1;
  return (pos) => {
    if (pos < from || pos > lineEnd) {
      from = pos;
      lineEnd = findLineEnd(text, pos, end);
    }
    return lineEnd;
  };
}
