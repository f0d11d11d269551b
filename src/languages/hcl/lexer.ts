// Front end for HCL (Terraform `.tf`, `.tfvars`, Packer and Nomad `.hcl`): block
// types and labels, `key = value` attributes, strings whose `${…}` and `%{…}`
// template sequences are interpolations (not literal text), heredocs `<<EOT` and
// `<<-EOT`, and `#`, `//` and `/* */` comments.

import { CharacterCodes } from "../shared/character-codes.js";
import {
  BracketBudget,
  type Interpolation,
  type InterpolationScanner,
  findLineEnd,
  interpolatedParts,
  isLineBreak,
  isPlainIdentChar,
  isPlainIdentStart,
  isSpace,
  nextLine,
  operatorMatcher,
  plainName,
  pushNumberOrOperator,
  pushToken,
  scanBlockComment,
  scanLineComment,
  scanQuoted,
  skipWhile,
} from "../shared/scanner.js";
import type { LexResult, StringToken, Token } from "../shared/tokens.js";

/** Operators emitted as one token, longest first. */
const operatorAt = operatorMatcher(["...", "=>", "==", "!=", "<=", ">=", "&&", "||"]);

/** `${…}` and `%{…}`: an expression or a directive, never literal text. */
function templateSequences(budget: BracketBudget): readonly Interpolation[] {
  const scan: InterpolationScanner = (text, pos, end) => {
    if (pos + 1 >= end || text.charCodeAt(pos + 1) !== CharacterCodes.openBrace) return undefined;
    const close = budget.closing(pos + 2, end, CharacterCodes.openBrace, CharacterCodes.closeBrace);
    if (close < 0) return undefined;
    const name = text.charCodeAt(pos) === CharacterCodes.dollar ? plainName(text.slice(pos + 2, close)) : undefined;
    return { kind: "interpolation", start: pos, end: close + 1, name };
  };
  return [
    { trigger: CharacterCodes.dollar, scan },
    { trigger: CharacterCodes.percent, scan },
  ];
}

/** HCL identifiers (Unicode letters, digits, `_`) may also hold dashes (`aws-region`). */
function isNameChar(code: number): boolean {
  return isPlainIdentChar(code) || code === CharacterCodes.minus;
}

export function lexHcl(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  const templates = templateSequences(new BracketBudget(text, start, end));
  let pos = start;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isSpace(code) || isLineBreak(code)) {
      pos++;
      continue;
    }
    const next = pos + 1 < end ? text.charCodeAt(pos + 1) : Number.NaN;
    if (code === CharacterCodes.hash || (code === CharacterCodes.slash && next === CharacterCodes.slash)) {
      pos = pushToken(tokens, scanLineComment(text, pos, end, code === CharacterCodes.hash ? 1 : 2));
      continue;
    }
    if (code === CharacterCodes.slash && next === CharacterCodes.asterisk) {
      pos = pushToken(tokens, scanBlockComment(text, pos, end, "/*", "*/"));
      continue;
    }
    if (code === CharacterCodes.doubleQuote) {
      pos = pushToken(tokens, scanQuoted(text, pos + 1, end, { close: '"', quote: "double", backslashEscapes: true, endsAtLineBreak: true, interpolation: templates }));
      continue;
    }
    if (code === CharacterCodes.lessThan && next === CharacterCodes.lessThan) {
      const heredoc = scanHeredoc(text, pos, end, templates);
      if (heredoc) {
        pos = pushToken(tokens, heredoc);
        continue;
      }
    }
    if (isPlainIdentStart(code)) {
      const nameEnd = skipWhile(text, pos + 1, end, isNameChar);
      tokens.push({ kind: "identifier", start: pos, end: nameEnd, text: text.slice(pos, nameEnd) });
      pos = nameEnd;
      continue;
    }
    pos = pushNumberOrOperator(tokens, text, pos, end, operatorAt, false);
  }
  return { tokens, embedded: [] };
}

/**
 * `<<EOT` or `<<-EOT` at `pos`, its body from the next line up to the line that
 * holds only the marker (indented or not); undefined when no marker follows `<<`.
 * An unterminated heredoc runs to `end`.
 */
function scanHeredoc(text: string, pos: number, end: number, templates: readonly Interpolation[]): StringToken | undefined {
  const markerStart = pos + (text.charCodeAt(pos + 2) === CharacterCodes.minus ? 3 : 2);
  const markerEnd = skipWhile(text, markerStart, end, isNameChar);
  if (markerEnd === markerStart || !isPlainIdentStart(text.charCodeAt(markerStart))) return undefined;
  const marker = text.slice(markerStart, markerEnd);
  const contentStart = nextLine(text, findLineEnd(text, markerEnd, end), end);
  let lineStart = contentStart;
  while (lineStart < end) {
    const lineEnd = findLineEnd(text, lineStart, end);
    const first = skipWhile(text, lineStart, lineEnd, isSpace);
    if (lineEnd - first >= marker.length && text.startsWith(marker, first) && skipWhile(text, first + marker.length, lineEnd, isSpace) === lineEnd) {
      return heredocToken(text, pos, contentStart, lineStart, first + marker.length, templates);
    }
    lineStart = nextLine(text, lineEnd, end);
  }
  return heredocToken(text, pos, contentStart, end, end, templates);
}

function heredocToken(text: string, start: number, contentStart: number, contentEnd: number, end: number, templates: readonly Interpolation[]): StringToken {
  // No escapes in a heredoc body: a backslash is literal (no code point is the escape).
  return { kind: "string", start, end, contentStart, contentEnd, quote: "heredoc", prefix: "", parts: interpolatedParts(text, contentStart, contentEnd, Number.NaN, templates) };
}
