// Front end for Makefiles: variable assignments (every flavour, `define` blocks),
// `$(VAR)` references as named parts, rule lines, and recipes through the shell lexer.

import { CharacterCodes } from "../shared/character-codes.js";
import { isBlankOrCR, skipWhile, trimEnd } from "../shared/scanner.js";
import { ShellLexer } from "../shared/shell-lexer.js";
import type { LexResult, StringPart, StringToken } from "../shared/tokens.js";

/** Assignment operators, longest first; all are emitted as `=` (the range keeps the one written). */
const ASSIGNMENT_OPERATORS = [":::=", "::=", ":=", "?=", "+=", "!=", "="];

/** Words that may precede an assignment or `define`. */
const ASSIGNMENT_PREFIXES = new Set(["export", "override", "private"]);

/** Directives that leave a rule's recipe going on. */
const CONDITIONALS = new Set(["ifeq", "ifneq", "ifdef", "ifndef", "else", "endif"]);

/** Characters of a variable name we recognise (make allows more; these are the ones people write). */
function isVariableChar(code: number): boolean {
  return (code >= CharacterCodes.a && code <= CharacterCodes.z) || (code >= CharacterCodes.A && code <= CharacterCodes.Z) || (code >= CharacterCodes._0 && code <= CharacterCodes._9) || code === CharacterCodes.underscore || code === CharacterCodes.dot || code === CharacterCodes.minus;
}

function isPlainWordChar(code: number): boolean {
  return (code >= CharacterCodes.a && code <= CharacterCodes.z) || (code >= CharacterCodes.A && code <= CharacterCodes.Z) || (code >= CharacterCodes._0 && code <= CharacterCodes._9) || code === CharacterCodes.underscore || code === CharacterCodes.minus;
}

/** Single characters that separate words on a rule line. */
function isRulePunct(code: number): boolean {
  return code === CharacterCodes.colon || code === CharacterCodes.semicolon || code === CharacterCodes.bar || code === CharacterCodes.openParen || code === CharacterCodes.closeParen || code === CharacterCodes.comma || code === CharacterCodes.equals || code === CharacterCodes.ampersand;
}

/** OR-ed into an ASCII letter, gives the letter in lower case. */
const LOWER_CASE_BIT = CharacterCodes.a - CharacterCodes.A;

/** End of the word of `[A-Za-z]` at `pos`. */
function letters(text: string, pos: number, end: number): number {
  while (pos < end && ((text.charCodeAt(pos) | LOWER_CASE_BIT) >= CharacterCodes.a && (text.charCodeAt(pos) | LOWER_CASE_BIT) <= CharacterCodes.z)) pos++;
  return pos;
}

/** Where the logical line at `pos` ends (a backslash right before the line break continues it). */
function logicalLineEnd(text: string, pos: number, end: number): number {
  for (;;) {
    let lineFeed = pos;
    while (lineFeed < end && text.charCodeAt(lineFeed) !== CharacterCodes.lineFeed) lineFeed++;
    const lineEnd = lineFeed > pos && text.charCodeAt(lineFeed - 1) === CharacterCodes.carriageReturn ? lineFeed - 1 : lineFeed;
    if (lineFeed >= end || lineEnd === pos || text.charCodeAt(lineEnd - 1) !== CharacterCodes.backslash) return lineEnd;
    pos = lineFeed + 1;
  }
}

/** The start of the line after the line break at `pos` (or `pos` at the end). */
function afterLineBreak(text: string, pos: number, end: number): number {
  if (pos < end && text.charCodeAt(pos) === CharacterCodes.carriageReturn) pos++;
  if (pos < end && text.charCodeAt(pos) === CharacterCodes.lineFeed) pos++;
  return pos;
}

export function lexMakefile(text: string, start = 0, end = text.length): LexResult {
  const lexer = new MakefileLexer(text, start, end);
  lexer.run();
  return { tokens: lexer.shell.tokens, embedded: lexer.shell.embedded };
}

class MakefileLexer {
  readonly shell: ShellLexer;
  /** After a rule line, tab-indented lines are its recipe. */
  private inRule = false;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.shell = new ShellLexer(text, start, end);
  }

  run(): void {
    const { text, end } = this;
    let pos = this.start;
    while (pos < end) {
      const lineEnd = logicalLineEnd(text, pos, end);
      const emitted = this.shell.tokens.length;
      let next = lineEnd;
      if (text.charCodeAt(pos) === CharacterCodes.tab && this.inRule) {
        this.recipe(pos + 1, lineEnd);
      } else {
        const first = skipWhile(text, pos, lineEnd, isBlankOrCR);
        if (first < lineEnd && text.charCodeAt(first) === CharacterCodes.hash) {
          this.shell.emit({ kind: "comment", start: first, end: lineEnd, contentStart: first + 1, contentEnd: lineEnd });
        } else if (first < lineEnd) {
          next = this.statement(first, lineEnd);
        }
      }
      const lineBreak = next < end && text.charCodeAt(next) === CharacterCodes.carriageReturn ? next + 1 : next;
      if (this.endsStatement(emitted) && lineBreak < end && text.charCodeAt(lineBreak) === CharacterCodes.lineFeed) {
        this.shell.emit({ kind: "punct", start: lineBreak, end: lineBreak + 1, text: ";" });
      }
      pos = Math.max(afterLineBreak(text, next, end), pos + 1);
    }
  }

  /** Whether the tokens from `from` on hold code, not already closed by a `;`. */
  private endsStatement(from: number): boolean {
    const tokens = this.shell.tokens;
    let code = false;
    for (let index = from; index < tokens.length; index++) code ||= tokens[index]!.kind !== "comment";
    if (!code) return false;
    // Found among this line's tokens, since one of them is code.
    const last = tokens.findLast((token) => token.kind !== "comment");
    return !(last?.kind === "punct" && last.text === ";");
  }

  /** A recipe line after its tab: `@`, `-` and `+` prefixes are make's, the rest is shell. */
  private recipe(pos: number, lineEnd: number): void {
    const text = this.text;
    while (pos < lineEnd && (isBlankOrCR(text.charCodeAt(pos)) || text.charCodeAt(pos) === CharacterCodes.at || text.charCodeAt(pos) === CharacterCodes.minus || text.charCodeAt(pos) === CharacterCodes.plus)) pos++;
    if (pos < lineEnd) this.shell.command(pos, lineEnd, { make: true });
  }

  /** A non-recipe line at `pos` (past its indentation); returns the end of what it consumed. */
  private statement(pos: number, lineEnd: number): number {
    const text = this.text;
    // Prefixes (`export`, `override`) before an assignment or `define`.
    const prefixes: { start: number; end: number }[] = [];
    let at = pos;
    for (;;) {
      const wordEnd = letters(text, at, lineEnd);
      if (wordEnd === at || !ASSIGNMENT_PREFIXES.has(text.slice(at, wordEnd)) || wordEnd >= lineEnd || !isBlankOrCR(text.charCodeAt(wordEnd))) break;
      prefixes.push({ start: at, end: wordEnd });
      at = skipWhile(text, wordEnd, lineEnd, isBlankOrCR);
    }
    const wordEnd = letters(text, at, lineEnd);
    if (text.slice(at, wordEnd) === "define" && (wordEnd >= lineEnd || isBlankOrCR(text.charCodeAt(wordEnd)))) {
      this.emitPrefixes(prefixes);
      this.inRule = false;
      return this.define(at, wordEnd, lineEnd);
    }
    if (this.assignment(at, lineEnd, prefixes)) {
      this.inRule = false;
      return lineEnd;
    }
    const directive = text.slice(pos, letters(text, pos, lineEnd));
    const isRule = this.ruleLine(pos, lineEnd);
    if (isRule) this.inRule = true;
    else if (!CONDITIONALS.has(directive)) this.inRule = false;
    return lineEnd;
  }

  private emitPrefixes(prefixes: { start: number; end: number }[]): void {
    for (const prefix of prefixes) this.shell.emit({ kind: "identifier", start: prefix.start, end: prefix.end, text: this.text.slice(prefix.start, prefix.end) });
  }

  /**
   * `NAME = value`, `NAME := value`, `NAME ?= value`, … at `pos`: identifier, `=`,
   * and the value as one string to the comment or the line's end. Returns false
   * (emitting nothing) when the line is no assignment.
   */
  private assignment(pos: number, lineEnd: number, prefixes: { start: number; end: number }[]): boolean {
    const text = this.text;
    let nameEnd = pos;
    while (nameEnd < lineEnd && isVariableChar(text.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === pos) return false;
    const operatorStart = skipWhile(text, nameEnd, lineEnd, isBlankOrCR);
    const operator = ASSIGNMENT_OPERATORS.find((candidate) => text.startsWith(candidate, operatorStart));
    if (operator === undefined || operatorStart + operator.length > lineEnd) return false;
    this.emitPrefixes(prefixes);
    this.shell.emit({ kind: "identifier", start: pos, end: nameEnd, text: text.slice(pos, nameEnd) });
    const operatorEnd = operatorStart + operator.length;
    this.shell.emit({ kind: "punct", start: operatorStart, end: operatorEnd, text: "=" });
    const valueStart = skipWhile(text, operatorEnd, lineEnd, isBlankOrCR);
    // `#` starts a comment except inside `$(…)`, which the part scanner steps over.
    const value = this.shell.bareString(valueStart, lineEnd, true, (code) => code === CharacterCodes.hash);
    const token = trimmed(text, value);
    if (token) this.shell.emit(token);
    if (value.end < lineEnd) this.shell.emit({ kind: "comment", start: value.end, end: lineEnd, contentStart: value.end + 1, contentEnd: lineEnd });
    return true;
  }

  /**
   * `define NAME [op]` … `endef`: the body is the value, one string from the line
   * after `define` to the line before `endef`. Without an operator the `=` stands
   * for the line break that separates name and body.
   */
  private define(pos: number, keywordEnd: number, lineEnd: number): number {
    const { text, end } = this;
    this.shell.emit({ kind: "identifier", start: pos, end: keywordEnd, text: "define" });
    const nameStart = skipWhile(text, keywordEnd, lineEnd, isBlankOrCR);
    let nameEnd = nameStart;
    while (nameEnd < lineEnd && isVariableChar(text.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd > nameStart) this.shell.emit({ kind: "identifier", start: nameStart, end: nameEnd, text: text.slice(nameStart, nameEnd) });
    const operatorStart = skipWhile(text, nameEnd, lineEnd, isBlankOrCR);
    const operator = ASSIGNMENT_OPERATORS.find((candidate) => text.startsWith(candidate, operatorStart));
    const bodyStart = afterLineBreak(text, lineEnd, end);
    // Find `endef` at depth 0, counting nested `define`s.
    let depth = 0;
    let lineStart = bodyStart;
    let endefStart = -1;
    while (lineStart < end) {
      let lineFeed = lineStart;
      while (lineFeed < end && text.charCodeAt(lineFeed) !== CharacterCodes.lineFeed) lineFeed++;
      const first = skipWhile(text, lineStart, lineFeed, isBlankOrCR);
      const word = text.slice(first, letters(text, first, lineFeed));
      if (word === "define") depth++;
      else if (word === "endef" && depth-- === 0) {
        endefStart = first;
        break;
      }
      lineStart = lineFeed + 1;
    }
    let contentEnd = endefStart < 0 ? end : lineStart;
    if (endefStart >= 0 && contentEnd > bodyStart) {
      contentEnd--;
      if (contentEnd > bodyStart && text.charCodeAt(contentEnd - 1) === CharacterCodes.carriageReturn) contentEnd--;
    }
    if (nameEnd > nameStart) {
      if (operator !== undefined && operatorStart + operator.length <= lineEnd) {
        this.shell.emit({ kind: "punct", start: operatorStart, end: operatorStart + operator.length, text: "=" });
      } else if (bodyStart > nameEnd && contentEnd > bodyStart) {
        this.shell.emit({ kind: "punct", start: nameEnd, end: bodyStart, text: "=" });
      }
    }
    if (contentEnd > bodyStart) this.shell.emit(this.shell.bareString(bodyStart, contentEnd, true));
    if (endefStart < 0) return end;
    const endefEnd = endefStart + 5;
    this.shell.emit({ kind: "identifier", start: endefStart, end: endefEnd, text: "endef" });
    let lineFeed = endefEnd;
    while (lineFeed < end && text.charCodeAt(lineFeed) !== CharacterCodes.lineFeed) lineFeed++;
    return lineFeed > endefEnd && text.charCodeAt(lineFeed - 1) === CharacterCodes.carriageReturn ? lineFeed - 1 : lineFeed;
  }

  /**
   * Any other line, word by word: a rule (`target: prereqs`), a directive
   * (`include`, `ifeq (a,b)`), a target-specific assignment after the colon, and
   * a recipe after `;`. Returns whether it was a rule.
   */
  private ruleLine(pos: number, lineEnd: number): boolean {
    const text = this.text;
    let sawColon = false;
    while (pos < lineEnd) {
      const code = text.charCodeAt(pos);
      if (isBlankOrCR(code) || code === CharacterCodes.lineFeed) {
        pos++;
        continue;
      }
      if (code === CharacterCodes.backslash && pos + 1 < lineEnd && (text.charCodeAt(pos + 1) === CharacterCodes.lineFeed || text.charCodeAt(pos + 1) === CharacterCodes.carriageReturn)) {
        pos += 2;
        continue;
      }
      if (code === CharacterCodes.hash) {
        this.shell.emit({ kind: "comment", start: pos, end: lineEnd, contentStart: pos + 1, contentEnd: lineEnd });
        break;
      }
      if (isRulePunct(code)) {
        const double = code === CharacterCodes.colon && text.charCodeAt(pos + 1) === CharacterCodes.colon && pos + 2 <= lineEnd;
        const length = double ? 2 : 1;
        this.shell.emit({ kind: "punct", start: pos, end: pos + length, text: text.slice(pos, pos + length) });
        pos += length;
        if (code === CharacterCodes.colon && !sawColon) {
          sawColon = true;
          // `target: NAME = value` sets NAME for that target only.
          const at = skipWhile(text, pos, lineEnd, isBlankOrCR);
          if (this.assignment(at, lineEnd, [])) return false;
        } else if (code === CharacterCodes.semicolon && sawColon) {
          const recipeStart = skipWhile(text, pos, lineEnd, isBlankOrCR);
          if (recipeStart < lineEnd) this.shell.command(recipeStart, lineEnd, { make: true });
          return true;
        }
        continue;
      }
      const word = this.shell.bareString(pos, lineEnd, true, (here) => isBlankOrCR(here) || here === CharacterCodes.lineFeed || here === CharacterCodes.hash || isRulePunct(here));
      if (word.end === pos) {
        pos++;
        continue;
      }
      let plain = word.parts.length === 1 && word.parts[0]!.kind === "text";
      for (let index = pos; plain && index < word.end; index++) plain = isPlainWordChar(text.charCodeAt(index));
      if (plain) this.shell.emit({ kind: "identifier", start: pos, end: word.end, text: text.slice(pos, word.end) });
      else this.shell.emit(word);
      pos = word.end;
    }
    return sawColon;
  }
}

/**
 * The value without trailing blanks (make keeps them; nobody means them); a value
 * wholly inside one pair of quotes becomes a quoted string, as people mean it.
 */
function trimmed(text: string, value: StringToken): StringToken | undefined {
  const end = trimEnd(text, value.start, value.end, isBlankOrCR);
  if (end <= value.start) return undefined;
  const parts: StringPart[] = [];
  for (const part of value.parts) {
    if (part.start >= end) break;
    parts.push(part.kind === "text" ? { ...part, end: Math.min(part.end, end) } : part);
  }
  const quote = text.charCodeAt(value.start);
  if (end - value.start >= 2 && (quote === CharacterCodes.doubleQuote || quote === CharacterCodes.singleQuote) && text.charCodeAt(end - 1) === quote && text.indexOf(text[value.start]!, value.start + 1) === end - 1) {
    const inner: StringPart[] = [];
    for (const part of parts) {
      const start = Math.max(part.start, value.start + 1);
      const partEnd = Math.min(part.end, end - 1);
      if (partEnd > start) inner.push({ ...part, start, end: partEnd });
    }
    return { ...value, end, contentStart: value.start + 1, contentEnd: end - 1, quote: quote === CharacterCodes.doubleQuote ? "double" : "single", parts: inner };
  }
  return { ...value, end, contentEnd: end, parts };
}
