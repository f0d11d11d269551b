// Front end for PHP: HTML outside `<?php … ?>` / `<?= … ?>` (lexed by the HTML front
// end), and inside them variables, strings with their interpolations, heredocs and comments.

import { CharacterCodes } from "../shared/character-codes.js";
import { lexHtml } from "../shared/markup-lexer.js";
import {
  BracketBudget,
  findLineEnd,
  interpolatedParts,
  type Interpolation,
  type InterpolationScanner,
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
  skipPlainIdentChars,
  skipWhile,
  textParts,
} from "../shared/scanner.js";
import type { EmbeddedRegion, LexResult, StringToken, Token } from "../shared/tokens.js";

/** Operators emitted as one token, longest first. */
const operatorAt = operatorMatcher([
  "<=>", "===", "!==", "??=", "?->", "**=", "...", "<<=", ">>=",
  "=>", "->", "::", "??", "?:", ".=", "==", "!=", "<>", "<=", ">=", "&&", "||", "++", "--",
  "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>",
]);

/** A PHP file: HTML until an open tag, PHP code until `?>`, and so on. */
export function lexPhp(text: string, start = 0, end = text.length): LexResult {
  return lexFrom(text, start, end, false);
}

/**
 * PHP code with no open tag in front, as in a Markdown fence or a `php -r` argument;
 * a `?>` in it still switches to HTML.
 */
export function lexPhpCode(text: string, start = 0, end = text.length): LexResult {
  return lexFrom(text, start, end, true);
}

function lexFrom(text: string, start: number, end: number, inCode: boolean): LexResult {
  const tokens: Token[] = [];
  const embedded: EmbeddedRegion[] = [];
  // One budget for every PHP block of the file, so that many short blocks cannot add up to quadratic look-ahead.
  const interpolation = interpolations(new BracketBudget(text, start, end));
  let pos = start;
  while (pos < end) {
    if (inCode) {
      pos = lexCode(text, pos, end, tokens, interpolation);
      inCode = false;
      continue;
    }
    const tag = findOpenTag(text, pos, end);
    const htmlEnd = tag ? tag.start : end;
    if (htmlEnd > pos) {
      const html = lexHtml(text, pos, htmlEnd);
      // A loop, not push(...): a long page can have more tokens than a call has arguments.
      for (const token of html.tokens) tokens.push(token);
      for (const region of html.embedded) embedded.push(region);
    }
    if (!tag) break;
    pos = tag.codeStart;
    inCode = true;
  }
  return { tokens, embedded };
}

/** The next `<?php`, `<?=` or short `<? ` at or after `pos`. */
function findOpenTag(text: string, pos: number, end: number): { start: number; codeStart: number } | undefined {
  for (let p = pos; p + 1 < end; p++) {
    if (text.charCodeAt(p) !== CharacterCodes.lessThan || text.charCodeAt(p + 1) !== CharacterCodes.question) continue;
    const after = p + 2 < end ? text.charCodeAt(p + 2) : -1;
    if (after === CharacterCodes.equals) return { start: p, codeStart: p + 3 };
    if (p + 5 <= end && text.slice(p + 2, p + 5).toLowerCase() === "php") {
      if (p + 5 === end || isSpace(text.charCodeAt(p + 5)) || isLineBreak(text.charCodeAt(p + 5))) return { start: p, codeStart: p + 5 };
    }
    // `<?xml` is markup; `<?` before whitespace is a short open tag in legacy code.
    if (after === -1 || isSpace(after) || isLineBreak(after)) return { start: p, codeStart: p + 2 };
  }
  return undefined;
}

/** Lexes PHP code from `pos` to `?>` (emitted as the `;` it implies); returns the index after it. */
function lexCode(text: string, pos: number, end: number, tokens: Token[], interpolation: readonly Interpolation[]): number {
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isSpace(code) || isLineBreak(code)) {
      pos++;
      continue;
    }
    const next = pos + 1 < end ? text.charCodeAt(pos + 1) : -1;
    if (code === CharacterCodes.question && next === CharacterCodes.greaterThan) {
      tokens.push({ kind: "punct", start: pos, end: pos + 2, text: ";" });
      return pos + 2;
    }
    if (code === CharacterCodes.hash && next === CharacterCodes.openBracket) {
      tokens.push({ kind: "punct", start: pos, end: pos + 2, text: "#[" });
      pos += 2;
      continue;
    }
    if (code === CharacterCodes.hash || (code === CharacterCodes.slash && next === CharacterCodes.slash)) {
      const marker = code === CharacterCodes.hash ? 1 : 2;
      pos = pushToken(tokens, scanLineComment(text, pos, lineCommentEnd(text, pos + marker, end), marker));
      continue;
    }
    if (code === CharacterCodes.slash && next === CharacterCodes.asterisk) {
      pos = pushToken(tokens, scanBlockComment(text, pos, end, "/*", "*/"));
      continue;
    }
    if (code === CharacterCodes.singleQuote) {
      // Only \\ and \' are escapes here, but skipping any escaped character finds the same end.
      pos = pushToken(tokens, scanQuoted(text, pos + 1, end, { close: "'", quote: "single", backslashEscapes: true, endsAtLineBreak: false }));
      continue;
    }
    if (code === CharacterCodes.doubleQuote || code === CharacterCodes.backtick) {
      pos = pushToken(
        tokens,
        scanQuoted(text, pos + 1, end, {
          close: text.charAt(pos),
          quote: code === CharacterCodes.doubleQuote ? "double" : "backtick",
          backslashEscapes: true,
          endsAtLineBreak: false,
          interpolation,
        }),
      );
      continue;
    }
    if (code === CharacterCodes.lessThan && pos + 3 <= end && text.startsWith("<<<", pos)) {
      const heredoc = scanHeredoc(text, pos, end, interpolation);
      if (heredoc) {
        pos = pushToken(tokens, heredoc);
        continue;
      }
    }
    // `$` is the variable sigil: `$name` is one identifier, and names themselves hold no `$`.
    if ((code === CharacterCodes.dollar && isPlainIdentStart(next)) || isPlainIdentStart(code)) {
      const identEnd = skipPlainIdentChars(text, pos + 1, end);
      tokens.push({ kind: "identifier", start: pos, end: identEnd, text: text.slice(pos, identEnd) });
      pos = identEnd;
      continue;
    }
    pos = pushNumberOrOperator(tokens, text, pos, end, operatorAt, true);
  }
  return end;
}

/** A `//` or `#` comment ends at the line break or at a `?>`, which leaves PHP even there. */
function lineCommentEnd(text: string, pos: number, end: number): number {
  for (; pos < end; pos++) {
    const code = text.charCodeAt(pos);
    if (isLineBreak(code) || (code === CharacterCodes.question && pos + 1 < end && text.charCodeAt(pos + 1) === CharacterCodes.greaterThan)) return pos;
  }
  return end;
}

/** The interpolations of `"…"`, `` `…` `` and heredocs, looking ahead within one lexing pass's budget. */
function interpolations(budget: BracketBudget): readonly Interpolation[] {
  /** `$name`, `$name->prop`, `$name[key]` (PHP's simple syntax) and `${name}`. */
  const dollar: InterpolationScanner = (text, pos, end) => {
    const next = pos + 1 < end ? text.charCodeAt(pos + 1) : -1;
    if (next === CharacterCodes.openBrace) {
      const close = budget.closing(pos + 2, end, CharacterCodes.openBrace, CharacterCodes.closeBrace);
      if (close < 0) return undefined;
      // `${name}` reads `$name`; anything else inside is an expression.
      const inner = text.slice(pos + 2, close).trim();
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(inner) ? `$${inner}` : undefined;
      return { kind: "interpolation", start: pos, end: close + 1, name };
    }
    if (!isPlainIdentStart(next)) return undefined;
    const nameEnd = skipPlainIdentChars(text, pos + 2, end);
    let partEnd = nameEnd;
    if (nameEnd + 2 < end && text.startsWith("->", nameEnd) && isPlainIdentStart(text.charCodeAt(nameEnd + 2))) {
      partEnd = skipPlainIdentChars(text, nameEnd + 3, end);
    } else if (nameEnd < end && text.charCodeAt(nameEnd) === CharacterCodes.openBracket) {
      partEnd = offsetEnd(text, nameEnd, end) ?? nameEnd;
    }
    return { kind: "interpolation", start: pos, end: partEnd, name: plainName(text.slice(pos, partEnd)) };
  };
  /** `{$expr}`: any expression that starts with a variable. */
  const brace: InterpolationScanner = (text, pos, end) => {
    if (pos + 1 >= end || text.charCodeAt(pos + 1) !== CharacterCodes.dollar) return undefined;
    const close = budget.closing(pos + 1, end, CharacterCodes.openBrace, CharacterCodes.closeBrace);
    if (close < 0) return undefined;
    return { kind: "interpolation", start: pos, end: close + 1, name: plainName(text.slice(pos + 1, close)) };
  };
  return [
    { trigger: CharacterCodes.dollar, scan: dollar },
    { trigger: CharacterCodes.openBrace, scan: brace },
  ];
}

/**
 * The end of `[key]` after a variable in a string: a bare word, number or variable,
 * or (tolerated, though PHP rejects it there) a single-quoted key on one line.
 */
function offsetEnd(text: string, open: number, end: number): number | undefined {
  let pos = open + 1;
  if (pos < end && text.charCodeAt(pos) === CharacterCodes.singleQuote) {
    pos = skipWhile(text, pos + 1, end, (code) => code !== CharacterCodes.singleQuote && !isLineBreak(code)) + 1;
  } else {
    if (pos < end && (text.charCodeAt(pos) === CharacterCodes.minus || text.charCodeAt(pos) === CharacterCodes.dollar)) pos++;
    const keyEnd = skipPlainIdentChars(text, pos, end);
    if (keyEnd === pos) return undefined;
    pos = keyEnd;
  }
  return pos < end && text.charCodeAt(pos) === CharacterCodes.closeBracket ? pos + 1 : undefined;
}

/**
 * `<<<EOT`, `<<<"EOT"` (heredoc) or `<<<'EOT'` (nowdoc) at `pos`; undefined when the
 * opener is not well formed, so the `<<<` is read as operators. The body runs to the
 * first line holding only the (possibly indented) identifier, which may be followed by
 * punctuation such as `;` or `)` (PHP 7.3+); unterminated, it runs to `end`.
 */
function scanHeredoc(text: string, pos: number, end: number, interpolation: readonly Interpolation[]): StringToken | undefined {
  let idStart = skipWhile(text, pos + 3, end, (code) => code === CharacterCodes.space || code === CharacterCodes.tab);
  const quoteCode = idStart < end ? text.charCodeAt(idStart) : -1;
  const quoted = quoteCode === CharacterCodes.doubleQuote || quoteCode === CharacterCodes.singleQuote;
  if (quoted) idStart++;
  if (idStart >= end || !isPlainIdentStart(text.charCodeAt(idStart))) return undefined;
  const idEnd = skipPlainIdentChars(text, idStart + 1, end);
  const id = text.slice(idStart, idEnd);
  let openerEnd = idEnd;
  if (quoted) {
    if (openerEnd >= end || text.charCodeAt(openerEnd) !== quoteCode) return undefined;
    openerEnd++;
  }
  if (openerEnd >= end || !isLineBreak(text.charCodeAt(openerEnd))) return undefined;
  const bodyStart = nextLine(text, openerEnd, end);
  let contentEnd = end;
  let tokenEnd = end;
  let lineStart = bodyStart;
  let previousLineEnd = bodyStart;
  while (lineStart < end) {
    const markerStart = skipWhile(text, lineStart, end, (code) => code === CharacterCodes.space || code === CharacterCodes.tab);
    const markerEnd = markerStart + id.length;
    if (markerEnd <= end && text.startsWith(id, markerStart) && (markerEnd === end || !isPlainIdentChar(text.charCodeAt(markerEnd)))) {
      contentEnd = previousLineEnd;
      tokenEnd = markerEnd;
      break;
    }
    const lineEnd = findLineEnd(text, markerStart, end);
    previousLineEnd = lineEnd;
    lineStart = nextLine(text, lineEnd, end);
  }
  const nowdoc = quoteCode === CharacterCodes.singleQuote;
  return {
    kind: "string",
    start: pos,
    end: tokenEnd,
    contentStart: bodyStart,
    contentEnd,
    quote: nowdoc ? "nowdoc" : "heredoc",
    prefix: "",
    parts: nowdoc ? textParts(bodyStart, contentEnd) : interpolatedParts(text, bodyStart, contentEnd, CharacterCodes.backslash, interpolation),
  };
}
