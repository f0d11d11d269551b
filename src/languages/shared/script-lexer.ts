// Front end for JavaScript, TypeScript, JSX and JSON: strings with their quote
// kind, template literals with `${}` parts, comments, regex literals (so a quote
// inside a regex does not open a string), identifiers and operators.

import { CharacterCodes } from "./character-codes.js";
import {
  BracketBudget,
  type Interpolation,
  type InterpolationScanner,
  isDigit,
  isIdentChar,
  isIdentStart,
  isLineBreak,
  isSpace,
  operatorMatcher,
  plainName,
  pushToken,
  scanBlockComment,
  scanLineComment,
  scanQuoted,
  skipIdentChars,
} from "./scanner.js";
import type { LexResult, Token } from "./tokens.js";

/** Operators emitted as one token, longest first. */
const operatorAt = operatorMatcher(["??=", "||=", "&&=", "...", "===", "!==", "=>", "??", "||", "&&", "==", "!=", "<=", ">=", "?.", "+=", "-="]);

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_KEYWORDS = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"]);

/** A template literal's `${…}` parts, found within one lexing pass's budget. */
function templateInterpolation(budget: BracketBudget): readonly Interpolation[] {
  const scan: InterpolationScanner = (text, pos, end) => {
    if (pos + 1 >= end || text.charCodeAt(pos + 1) !== CharacterCodes.openBrace) return undefined; // `${`
    const close = budget.closing(pos + 2, end, CharacterCodes.openBrace, CharacterCodes.closeBrace);
    if (close < 0) return undefined;
    return { kind: "interpolation", start: pos, end: close + 1, name: plainName(text.slice(pos + 2, close)) };
  };
  return [{ trigger: CharacterCodes.dollar, scan }];
}

export function lexJavaScript(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  const template = templateInterpolation(new BracketBudget(text, start, end));
  let pos = start;
  // Whether the previous significant token ends an operand (then `/` divides).
  let afterOperand = false;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isSpace(code) || isLineBreak(code)) {
      pos++;
      continue;
    }
    // Never look past `end`: a range may cut `//` or `/*` in half.
    const next = pos + 1 < end ? text.charCodeAt(pos + 1) : Number.NaN;
    if (code === CharacterCodes.slash && next === CharacterCodes.slash) {
      pos = pushToken(tokens, scanLineComment(text, pos, end, 2));
      continue;
    }
    if (code === CharacterCodes.slash && next === CharacterCodes.asterisk) {
      pos = pushToken(tokens, scanBlockComment(text, pos, end, "/*", "*/"));
      continue;
    }
    if (code === CharacterCodes.doubleQuote || code === CharacterCodes.singleQuote) {
      const quote = code === CharacterCodes.doubleQuote ? "double" : "single";
      pos = pushToken(tokens, scanQuoted(text, pos + 1, end, { close: text[pos]!, quote, backslashEscapes: true, endsAtLineBreak: true }));
      afterOperand = true;
      continue;
    }
    if (code === CharacterCodes.backtick) {
      pos = pushToken(tokens, scanQuoted(text, pos + 1, end, { close: "`", quote: "backtick", backslashEscapes: true, endsAtLineBreak: false, interpolation: template }));
      afterOperand = true;
      continue;
    }
    if (code === CharacterCodes.slash && !afterOperand) {
      pos = skipRegex(text, pos, end);
      afterOperand = true;
      continue;
    }
    if (isIdentStart(code) || code === CharacterCodes.hash /* #private */) {
      const identEnd = skipIdentChars(text, pos + 1, end);
      const word = text.slice(pos, identEnd);
      tokens.push({ kind: "identifier", start: pos, end: identEnd, text: word });
      pos = identEnd;
      afterOperand = !REGEX_AFTER_KEYWORDS.has(word);
      continue;
    }
    if (isDigit(code)) {
      let numberEnd = pos + 1;
      while (numberEnd < end && (isIdentChar(text.charCodeAt(numberEnd)) || text.charCodeAt(numberEnd) === CharacterCodes.dot)) numberEnd++;
      tokens.push({ kind: "number", start: pos, end: numberEnd });
      pos = numberEnd;
      afterOperand = true;
      continue;
    }
    const operator = operatorAt(text, pos, end);
    pos = pushToken(tokens, { kind: "punct", start: pos, end: pos + operator.length, text: operator });
    afterOperand = operator === ")" || operator === "]" || operator === "}";
  }
  return { tokens, embedded: [] };
}

/** Skips a regex literal `/…/flags`; a line break ends an unterminated one (JavaScript, and Ruby, Perl, Groovy in code-lexer.ts). */
export function skipRegex(text: string, pos: number, end: number): number {
  let inClass = false;
  pos++;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isLineBreak(code)) return pos;
    if (code === CharacterCodes.backslash) {
      pos += 2;
      continue;
    }
    if (code === CharacterCodes.openBracket) inClass = true;
    else if (code === CharacterCodes.closeBracket) inClass = false;
    else if (code === CharacterCodes.slash && !inClass) {
      pos++;
      while (pos < end && isIdentChar(text.charCodeAt(pos))) pos++;
      return pos;
    }
    pos++;
  }
  return end;
}
