// Front end for PowerShell: `$scope:name` variables as one identifier, expandable
// and literal strings and here-strings, comments, cmdlets, parameters and operators.

import { CharacterCodes } from "../shared/character-codes.js";
import {
  BracketBudget,
  appendInterpolation,
  appendText,
  bareString,
  interpolatedParts,
  isDigit,
  operatorMatcher,
  plainName,
  scanBlockComment,
  scanLineComment,
  skipWhile,
  textParts,
  trimEnd,
  type Interpolation,
} from "../shared/scanner.js";
import type { InterpolationPart, LexResult, StringPart, StringToken, Token } from "../shared/tokens.js";

/** Operators emitted as one token, longest first. */
const operatorAt = operatorMatcher(["??=", "::", "..", "??", "?.", "&&", "||", "+=", "-=", "*=", "/=", "%=", "++", "--", ">>", "*>", "@{", "@(", "$("]);

/** `-eq`, `-like`, … (lower case, without the dash): operators, where other `-words` are parameters. */
const DASH_OPERATORS = new Set(
  [
    ...["eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "contains", "notcontains", "in", "notin", "replace", "split"].flatMap(
      (operator) => [operator, `c${operator}`, `i${operator}`],
    ),
    ..."is isnot as and or xor not band bor bxor bnot shl shr f join".split(" "),
  ],
);

/** A line break ends a statement only after one of these (an operand), not after an operator. */
const OPERAND_PUNCT = new Set([")", "}", "]", "++", "--"]);

/** `"` and the typographic double quotes PowerShell accepts in their place. */
function isDoubleQuote(code: number): boolean {
  return code === CharacterCodes.doubleQuote || code === CharacterCodes.leftDoubleQuote || code === CharacterCodes.rightDoubleQuote || code === CharacterCodes.doubleLow9Quote;
}

/** `'` and the typographic single quotes PowerShell accepts in their place. */
function isSingleQuote(code: number): boolean {
  return code === CharacterCodes.singleQuote || code === CharacterCodes.leftSingleQuote || code === CharacterCodes.rightSingleQuote || code === CharacterCodes.singleLow9Quote || code === CharacterCodes.singleHighReversed9Quote;
}

function isBlank(code: number): boolean {
  return code === CharacterCodes.space || code === CharacterCodes.tab || code === CharacterCodes.carriageReturn || code === CharacterCodes.verticalTab || code === CharacterCodes.formFeed || code === CharacterCodes.nonBreakingSpace || code === CharacterCodes.byteOrderMark;
}

function isNameStart(code: number): boolean {
  return (code >= CharacterCodes.a && code <= CharacterCodes.z) || (code >= CharacterCodes.A && code <= CharacterCodes.Z) || code === CharacterCodes.underscore || (code > CharacterCodes.maxAscii && !isDoubleQuote(code) && !isSingleQuote(code) && !isBlank(code));
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || isDigit(code);
}

/** Characters of a variable name after `$` (`$_`, `$?` and `$true` included). */
function isVariableChar(code: number): boolean {
  return isNameChar(code) || code === CharacterCodes.question;
}

/** `$name`, `$scope:name` in an expression: what a subexpression reads when it is only that. */
const SCOPED_VARIABLE = /^\$[A-Za-z_][A-Za-z0-9_]*:[A-Za-z_][A-Za-z0-9_]*$/;

export function lexPowerShell(text: string, start = 0, end = text.length): LexResult {
  return new PowerShellLexer(text, start, end).run();
}

class PowerShellLexer {
  private readonly tokens: Token[] = [];
  private readonly embedded: LexResult["embedded"] = [];
  private readonly budget: BracketBudget;
  private lastCode: Token | undefined;
  /** `$` expansions in an expandable string or here-string. */
  private readonly expansions: readonly Interpolation[];

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.budget = new BracketBudget(text, start, end);
    this.expansions = [{ trigger: CharacterCodes.dollar, scan: (_text, pos, scanEnd) => this.expansion(pos, scanEnd) }];
  }

  /** Appends `token` and returns its end, where lexing goes on. */
  private emit(token: Token): number {
    this.tokens.push(token);
    if (token.kind !== "comment") this.lastCode = token;
    return token.end;
  }

  run(): LexResult {
    const { text, end } = this;
    let pos = this.start;
    while (pos < end) {
      const code = text.charCodeAt(pos);
      const next = pos + 1 < end ? text.charCodeAt(pos + 1) : -1;
      if (isBlank(code)) {
        pos++;
        continue;
      }
      if (code === CharacterCodes.lineFeed) {
        const last = this.lastCode;
        if (last !== undefined && (last.kind !== "punct" || OPERAND_PUNCT.has(last.text))) this.emit({ kind: "punct", start: pos, end: pos + 1, text: ";" });
        pos++;
        continue;
      }
      if (code === CharacterCodes.backtick) {
        // Backtick-newline continues the line; elsewhere it escapes one character.
        pos += next === CharacterCodes.carriageReturn && pos + 2 < end && text.charCodeAt(pos + 2) === CharacterCodes.lineFeed ? 3 : 2;
        continue;
      }
      if (code === CharacterCodes.lessThan && next === CharacterCodes.hash) {
        pos = this.emit(scanBlockComment(text, pos, end, "<#", "#>"));
        continue;
      }
      if (code === CharacterCodes.hash) {
        pos = this.emit(scanLineComment(text, pos, end, 1));
        continue;
      }
      if (code === CharacterCodes.at && (next === CharacterCodes.doubleQuote || next === CharacterCodes.singleQuote)) {
        const hereString = this.hereString(pos, next === CharacterCodes.doubleQuote);
        if (hereString) {
          pos = this.emit(hereString);
          continue;
        }
      }
      if (code === CharacterCodes.at && isNameStart(next)) {
        // Splatting: `@params`.
        let nameEnd = pos + 2;
        while (nameEnd < end && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
        this.emit({ kind: "identifier", start: pos, end: nameEnd, text: text.slice(pos, nameEnd) });
        pos = nameEnd;
        continue;
      }
      if (code === CharacterCodes.dollar) {
        const variableEnd = this.variableEnd(pos, end);
        if (variableEnd > pos) {
          this.emit({ kind: "identifier", start: pos, end: variableEnd, text: text.slice(pos, variableEnd) });
          pos = variableEnd;
          continue;
        }
      }
      if (isDoubleQuote(code) || isSingleQuote(code)) {
        pos = this.emit(this.quoted(pos, isDoubleQuote(code)));
        continue;
      }
      if (isDigit(code) || (code === CharacterCodes.dot && isDigit(next))) {
        let numberEnd = pos + 1;
        for (; numberEnd < end; numberEnd++) {
          const here = text.charCodeAt(numberEnd);
          if (isNameChar(here)) continue;
          // `1.5` but not the range `1..5`.
          if (here === CharacterCodes.dot && isDigit(text.charCodeAt(numberEnd + 1)) && numberEnd + 1 < end) continue;
          break;
        }
        this.emit({ kind: "number", start: pos, end: numberEnd });
        pos = numberEnd;
        continue;
      }
      if (code === CharacterCodes.minus && next === CharacterCodes.minus && text.charCodeAt(pos + 2) === CharacterCodes.percent && pos + 2 < end) {
        pos = this.stopParsing(pos);
        continue;
      }
      if ((code === CharacterCodes.minus || code === CharacterCodes.enDash || code === CharacterCodes.emDash) && isNameStart(next)) {
        // `-Uri` is a parameter, `-eq` an operator (en and em dashes work as `-` too).
        let wordEnd = pos + 2;
        while (wordEnd < end && isNameChar(text.charCodeAt(wordEnd))) wordEnd++;
        const word = text.slice(pos, wordEnd);
        const kind = DASH_OPERATORS.has(word.slice(1).toLowerCase()) ? "punct" : "identifier";
        this.emit(kind === "punct" ? { kind, start: pos, end: wordEnd, text: word } : { kind, start: pos, end: wordEnd, text: word });
        pos = wordEnd;
        continue;
      }
      if (isNameStart(code)) {
        pos = this.word(pos);
        continue;
      }
      const operator = operatorAt(text, pos, end);
      pos = this.emit({ kind: "punct", start: pos, end: pos + operator.length, text: operator });
    }
    return { tokens: this.tokens, embedded: this.embedded };
  }

  /**
   * A command or keyword (`Invoke-RestMethod`, `function`), an identifier. A word
   * glued to `://` or `#` is an unquoted argument (a URL, `a#b`): a bare string
   * to the next blank.
   */
  private word(pos: number): number {
    const { text, end } = this;
    let wordEnd = pos + 1;
    while (wordEnd < end && (isNameChar(text.charCodeAt(wordEnd)) || text.charCodeAt(wordEnd) === CharacterCodes.minus)) wordEnd++;
    if ((text.startsWith("://", wordEnd) && wordEnd + 3 <= end) || (wordEnd < end && text.charCodeAt(wordEnd) === CharacterCodes.hash)) {
      let urlEnd = wordEnd + 1;
      for (; urlEnd < end; urlEnd++) {
        const code = text.charCodeAt(urlEnd);
        if (isBlank(code) || code === CharacterCodes.lineFeed || code === CharacterCodes.semicolon || code === CharacterCodes.bar || code === CharacterCodes.closeParen || code === CharacterCodes.closeBrace || isDoubleQuote(code) || isSingleQuote(code)) break;
      }
      return this.emit(bareString(pos, urlEnd));
    }
    this.emit({ kind: "identifier", start: pos, end: wordEnd, text: text.slice(pos, wordEnd) });
    return wordEnd;
  }

  /** `--%` passes the rest of the line to the program as written: one bare string. */
  private stopParsing(pos: number): number {
    const { text, end } = this;
    this.emit({ kind: "punct", start: pos, end: pos + 3, text: "--%" });
    const valueStart = skipWhile(text, pos + 3, end, isBlank);
    const lineEnd = skipWhile(text, valueStart, end, (code) => code !== CharacterCodes.lineFeed);
    const valueEnd = trimEnd(text, valueStart, lineEnd, isBlank);
    if (valueEnd > valueStart) this.emit(bareString(valueStart, valueEnd));
    return lineEnd;
  }

  /**
   * End of the variable at `pos` (`$name`, `$env:NAME`, `${any name}`, `$$`,
   * `$?`, `$^`), or `pos` when `$` starts none (`$(` is then an operator).
   */
  private variableEnd(pos: number, end: number): number {
    const text = this.text;
    const next = pos + 1 < end ? text.charCodeAt(pos + 1) : -1;
    if (next === CharacterCodes.openBrace) {
      const close = this.budget.next(pos + 2, end, CharacterCodes.closeBrace, CharacterCodes.backtick);
      return close < 0 ? pos : close + 1;
    }
    if (next === CharacterCodes.dollar || next === CharacterCodes.caret || next === CharacterCodes.question) return pos + 2;
    if (!isVariableChar(next)) return pos;
    let nameEnd = pos + 2;
    while (nameEnd < end && isVariableChar(text.charCodeAt(nameEnd))) nameEnd++;
    // `$env:NAME`, `$script:x`: a scope or drive qualifier, not `$x::Member`.
    if (text.charCodeAt(nameEnd) === CharacterCodes.colon && nameEnd + 1 < end && isNameStart(text.charCodeAt(nameEnd + 1))) {
      nameEnd += 2;
      while (nameEnd < end && isVariableChar(text.charCodeAt(nameEnd))) nameEnd++;
    }
    return nameEnd;
  }

  /**
   * `"…"` (backtick escapes, `""` a quote, `$` expansions) or `'…'` (`''` a
   * quote, nothing else). Both may span lines; an unterminated one runs to the end.
   */
  private quoted(pos: number, expandable: boolean): StringToken {
    const { text, end } = this;
    const isQuote = expandable ? isDoubleQuote : isSingleQuote;
    const contentStart = pos + 1;
    const parts: StringPart[] = [];
    let textStart = contentStart;
    let contentEnd = end;
    let tokenEnd = end;
    let at = contentStart;
    while (at < end) {
      const code = text.charCodeAt(at);
      if (isQuote(code)) {
        if (at + 1 < end && isQuote(text.charCodeAt(at + 1))) {
          at += 2;
          continue;
        }
        contentEnd = at;
        tokenEnd = at + 1;
        break;
      }
      if (expandable && code === CharacterCodes.backtick) {
        at += 2;
        continue;
      }
      if (expandable && code === CharacterCodes.dollar) {
        const part = this.expansion(at, end);
        if (part) {
          at = textStart = appendInterpolation(parts, textStart, part);
          continue;
        }
      }
      at++;
    }
    contentEnd = Math.min(contentEnd, end);
    appendText(parts, textStart, contentEnd);
    return { kind: "string", start: pos, end: Math.min(tokenEnd, end), contentStart, contentEnd, quote: expandable ? "double" : "single", prefix: "", parts };
  }

  /**
   * `@"…"@` / `@'…'@` at `pos`: the opener must end its line and the closer
   * start one. Returns undefined when `@"` is not followed by a line break.
   */
  private hereString(pos: number, expandable: boolean): StringToken | undefined {
    const { text, end } = this;
    let bodyStart = pos + 2;
    while (bodyStart < end && isBlank(text.charCodeAt(bodyStart))) bodyStart++;
    if (bodyStart >= end || text.charCodeAt(bodyStart) !== CharacterCodes.lineFeed) return undefined;
    bodyStart++;
    const closer = expandable ? '"@' : "'@";
    let contentEnd = end;
    let tokenEnd = end;
    let lineStart = bodyStart;
    while (lineStart < end) {
      if (text.startsWith(closer, lineStart) && lineStart + 2 <= end) {
        contentEnd = lineStart;
        if (contentEnd > bodyStart) contentEnd--;
        if (contentEnd > bodyStart && text.charCodeAt(contentEnd - 1) === CharacterCodes.carriageReturn) contentEnd--;
        tokenEnd = lineStart + 2;
        break;
      }
      while (lineStart < end && text.charCodeAt(lineStart) !== CharacterCodes.lineFeed) lineStart++;
      lineStart++;
    }
    // A backtick escapes the character after it.
    const parts = expandable ? interpolatedParts(text, bodyStart, contentEnd, CharacterCodes.backtick, this.expansions) : textParts(bodyStart, contentEnd);
    return { kind: "string", start: pos, end: tokenEnd, contentStart: bodyStart, contentEnd, quote: expandable ? "heredoc" : "nowdoc", prefix: "", parts };
  }

  /**
   * `$var`, `$env:NAME`, `${name}` and `$(…)` inside an expandable string. Names
   * keep the sigil as a variable token does (`$env:NAME`); `${env:NAME}` names
   * `$env:NAME`; a subexpression names what it reads when it reads one variable.
   */
  private expansion(pos: number, end: number): InterpolationPart | undefined {
    const text = this.text;
    const next = pos + 1 < end ? text.charCodeAt(pos + 1) : -1;
    if (next === CharacterCodes.openParen) {
      const close = this.budget.closing(pos + 2, end, CharacterCodes.openParen, CharacterCodes.closeParen);
      if (close < 0) return undefined;
      if (close > pos + 2) this.embedded.push({ language: "powershell", start: pos + 2, end: close });
      const inner = text.slice(pos + 2, close).trim();
      return { kind: "interpolation", start: pos, end: close + 1, name: variableName(inner) };
    }
    if (next === CharacterCodes.openBrace) {
      const close = this.budget.next(pos + 2, end, CharacterCodes.closeBrace, CharacterCodes.backtick);
      if (close < 0) return undefined;
      return { kind: "interpolation", start: pos, end: close + 1, name: variableName(`$${text.slice(pos + 2, close)}`) };
    }
    if (!isNameStart(next) && next !== CharacterCodes.underscore) return undefined;
    const variableEnd = this.variableEnd(pos, end);
    return { kind: "interpolation", start: pos, end: variableEnd, name: text.slice(pos, variableEnd) };
  }
}

/** `$t`, `$t.Prop`, `$env:NAME` as a name; anything else (a pipeline, a call) none. */
function variableName(expression: string): string | undefined {
  if (!expression.startsWith("$")) return undefined;
  return plainName(expression) ?? (SCOPED_VARIABLE.test(expression) ? expression : undefined);
}
