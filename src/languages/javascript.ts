// Front end for JavaScript, TypeScript, JSX and JSON: strings with their quote
// kind, template literals with `${}` parts, comments, regex literals (so a quote
// inside a regex does not open a string), identifiers and operators.

import {
  findClosingBracket,
  isDigit,
  isIdentChar,
  isIdentStart,
  isLineBreak,
  isSpace,
  plainName,
  pushToken,
  scanBlockComment,
  scanLineComment,
  scanQuoted,
  skipWhile,
  type Interpolation,
  type InterpolationScanner,
} from "./scanner.js";
import type { LexResult, Token } from "./tokens.js";

/** Operators emitted as one token, longest first, grouped by first character (a lookup per punctuator is hot). */
const OPERATORS_BY_FIRST = groupByFirstCharacter(["??=", "||=", "&&=", "...", "===", "!==", "=>", "??", "||", "&&", "==", "!=", "<=", ">=", "?.", "+=", "-="]);

function groupByFirstCharacter(operators: string[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const operator of operators) {
    const code = operator.charCodeAt(0);
    groups.set(code, [...(groups.get(code) ?? []), operator]);
  }
  return groups;
}

function operatorAt(text: string, pos: number, code: number): string {
  const candidates = OPERATORS_BY_FIRST.get(code);
  if (candidates) {
    for (const candidate of candidates) if (text.startsWith(candidate, pos)) return candidate;
  }
  return text[pos]!;
}

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_KEYWORDS = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"]);

const templateInterpolation: InterpolationScanner = (text, pos, end) => {
  if (text.charCodeAt(pos + 1) !== 123) return undefined; // `${`
  const close = findClosingBracket(text, pos + 2, end, 123, 125);
  if (close < 0) return undefined;
  return { kind: "interpolation", start: pos, end: close + 1, name: plainName(text.slice(pos + 2, close)) };
};

const TEMPLATE: readonly Interpolation[] = [{ trigger: 36, scan: templateInterpolation }];

export function lexJavaScript(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  let pos = start;
  // Whether the previous significant token ends an operand (then `/` divides).
  let afterOperand = false;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isSpace(code) || isLineBreak(code)) {
      pos++;
      continue;
    }
    const next = text.charCodeAt(pos + 1);
    if (code === 47 && next === 47) {
      pos = pushToken(tokens, scanLineComment(text, pos, end, 2));
      continue;
    }
    if (code === 47 && next === 42) {
      pos = pushToken(tokens, scanBlockComment(text, pos, end, "/*", "*/"));
      continue;
    }
    if (code === 34 || code === 39) {
      const quote = code === 34 ? "double" : "single";
      pos = pushToken(tokens, scanQuoted(text, pos + 1, end, { close: text[pos]!, quote, backslashEscapes: true, endsAtLineBreak: true }));
      afterOperand = true;
      continue;
    }
    if (code === 96) {
      pos = pushToken(tokens, scanQuoted(text, pos + 1, end, { close: "`", quote: "backtick", backslashEscapes: true, endsAtLineBreak: false, interpolation: TEMPLATE }));
      afterOperand = true;
      continue;
    }
    if (code === 47 && !afterOperand) {
      pos = skipRegex(text, pos, end);
      afterOperand = true;
      continue;
    }
    if (isIdentStart(code) || code === 35 /* #private */) {
      const identEnd = skipWhile(text, pos + 1, end, isIdentChar);
      const word = text.slice(pos, identEnd);
      tokens.push({ kind: "identifier", start: pos, end: identEnd, text: word });
      pos = identEnd;
      afterOperand = !REGEX_AFTER_KEYWORDS.has(word);
      continue;
    }
    if (isDigit(code)) {
      let numberEnd = pos + 1;
      while (numberEnd < end && (isIdentChar(text.charCodeAt(numberEnd)) || text.charCodeAt(numberEnd) === 46)) numberEnd++;
      tokens.push({ kind: "number", start: pos, end: numberEnd });
      pos = numberEnd;
      afterOperand = true;
      continue;
    }
    const operator = operatorAt(text, pos, code);
    const operatorEnd = Math.min(pos + operator.length, end);
    tokens.push({ kind: "punct", start: pos, end: operatorEnd, text: operator });
    pos = operatorEnd;
    afterOperand = operator === ")" || operator === "]" || operator === "}";
  }
  return { tokens, embedded: [] };
}

/** Skips a regex literal `/…/flags`; a line break ends an unterminated one. */
function skipRegex(text: string, pos: number, end: number): number {
  let inClass = false;
  pos++;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isLineBreak(code)) return pos;
    if (code === 92) {
      pos += 2;
      continue;
    }
    if (code === 91) inClass = true;
    else if (code === 93) inClass = false;
    else if (code === 47 && !inClass) {
      pos++;
      while (pos < end && isIdentChar(text.charCodeAt(pos))) pos++;
      return pos;
    }
    pos++;
  }
  return end;
}
