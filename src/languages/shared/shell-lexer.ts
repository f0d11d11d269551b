// Front end for POSIX sh, bash and zsh: each word split into adjacent quoted and
// bare pieces, assignments, `$` expansions with their names and defaults, heredocs.

import { CharacterCodes } from "./character-codes.js";
import {
  BracketBudget,
  bareString,
  appendInterpolation,
  appendText,
  isBlankOrCR,
  operatorMatcher,
  plainName,
  scanLineComment,
  scanQuoted,
  textParts,
  type InterpolationScanner,
} from "./scanner.js";
import type { EmbeddedRegion, InterpolationPart, LanguageId, LexResult, StringPart, StringToken, Token } from "./tokens.js";

/**
 * Shell operators emitted as one token, longest first. `<<` is here only for
 * when no heredoc delimiter follows it.
 */
const operatorAt = operatorMatcher([";;&", "&>>", "<<<", ";;", ";&", "&&", "||", "|&", "&>", ">>", ">&", ">|", "<&", "<>", "<<"]);

/** Operators after which the next word is in command position again. */
const COMMAND_SEPARATORS = new Set([";", ";;", ";&", ";;&", "&&", "||", "|", "|&", "&", "(", ")", "{", "}"]);

/** Builtins whose arguments are assignments wherever they stand (`export A=1 B=2`). */
const DECLARATION_BUILTINS = new Set(["export", "local", "declare", "typeset", "readonly"]);

/** Reserved words after which a command (and so a prefix assignment) may follow. */
const COMMAND_PREFIX_WORDS = new Set(["if", "then", "else", "elif", "do", "while", "until", "time", "!"]);

/** `$0`…`$9`, `$@`, `$*`, `$#`, `$?`, `$$`, `$!`, `$-`. */
function isSpecialParameter(code: number): boolean {
  return (code >= CharacterCodes._0 && code <= CharacterCodes._9) || code === CharacterCodes.at || code === CharacterCodes.asterisk || code === CharacterCodes.hash || code === CharacterCodes.question || code === CharacterCodes.dollar || code === CharacterCodes.exclamation || code === CharacterCodes.minus;
}

function isNameStart(code: number): boolean {
  return (code >= CharacterCodes.a && code <= CharacterCodes.z) || (code >= CharacterCodes.A && code <= CharacterCodes.Z) || code === CharacterCodes.underscore;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= CharacterCodes._0 && code <= CharacterCodes._9);
}

/** Characters of a word emitted as an identifier (`curl`, `-X`, `--data-raw`, `export`). */
function isPlainWordChar(code: number): boolean {
  return isNameChar(code) || code === CharacterCodes.minus;
}

/** `; & | ( ) < >`: end a word wherever they stand unquoted. */
function isMeta(code: number): boolean {
  return code === CharacterCodes.semicolon || code === CharacterCodes.ampersand || code === CharacterCodes.bar || code === CharacterCodes.openParen || code === CharacterCodes.closeParen || code === CharacterCodes.lessThan || code === CharacterCodes.greaterThan;
}

/** Length of the backslash-newline (CRLF too) at `pos`, or 0. */
function continuationLength(text: string, pos: number, end: number): number {
  if (text.charCodeAt(pos) !== CharacterCodes.backslash || pos + 1 >= end) return 0;
  const next = text.charCodeAt(pos + 1);
  if (next === CharacterCodes.lineFeed) return 2;
  if (next === CharacterCodes.carriageReturn && pos + 2 < end && text.charCodeAt(pos + 2) === CharacterCodes.lineFeed) return 3;
  return 0;
}

/** Where a piece of a word stops: a blank, a metacharacter, a quote, `$'`/`$"`, or a line continuation. */
function endsPiece(text: string, pos: number, end: number, code: number): boolean {
  if (isBlankOrCR(code) || code === CharacterCodes.lineFeed || isMeta(code) || code === CharacterCodes.singleQuote || code === CharacterCodes.doubleQuote) return true;
  if (code === CharacterCodes.dollar) {
    const next = pos + 1 < end ? text.charCodeAt(pos + 1) : -1;
    return next === CharacterCodes.singleQuote || next === CharacterCodes.doubleQuote;
  }
  return code === CharacterCodes.backslash && continuationLength(text, pos, end) > 0;
}

/** Whether a word ends at `pos`: at `end`, or where a piece ends and no quoted piece (`'`, `"`, `$'`, `$"`) follows. */
function endsWord(text: string, pos: number, end: number): boolean {
  if (pos >= end) return true;
  const code = text.charCodeAt(pos);
  return code !== CharacterCodes.singleQuote && code !== CharacterCodes.doubleQuote && code !== CharacterCodes.dollar && endsPiece(text, pos, end, code);
}

/** A heredoc whose operator has been read and whose body starts after the current line. */
interface PendingHeredoc {
  /** Offset of `<<`. */
  start: number;
  /** After the delimiter word. */
  openerEnd: number;
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
}

export interface ShellCommandOptions {
  /**
   * How far heredoc bodies may run. A Dockerfile instruction ends at its line
   * break, but `RUN <<EOF` takes the following lines too. Defaults to `end`.
   */
  bodyLimit?: number;
  /** A Makefile recipe: `$(VAR)` and `${VAR}` are make references and `$$` is the shell's `$`. */
  make?: boolean;
}

/**
 * Shell lexing state shared across the calls a host makes for one file: the
 * token list, the embedded regions, and one look-ahead budget (so that many
 * short calls cannot add up to quadratic time). The Dockerfile and Makefile
 * front ends drive it for their shell parts.
 */
export class ShellLexer {
  readonly tokens: Token[] = [];
  readonly embedded: EmbeddedRegion[] = [];
  private readonly budget: BracketBudget;
  /** The last token that is not a comment; decides whether a line break ends a command. */
  private lastCode: Token | undefined;
  private readonly shellDollar: InterpolationScanner;
  private readonly makeDollar: InterpolationScanner;
  private readonly backtick: InterpolationScanner;

  constructor(
    private readonly text: string,
    start: number,
    end: number,
  ) {
    this.budget = new BracketBudget(text, start, end);
    this.shellDollar = (_text, pos, scanEnd) => this.dollar(pos, scanEnd);
    this.makeDollar = (_text, pos, scanEnd) => this.makeReference(pos, scanEnd);
    this.backtick = (_text, pos, scanEnd) => this.commandSubstitution(pos, scanEnd);
  }

  /** Appends `token` and returns its end, where lexing goes on. */
  emit(token: Token): number {
    this.tokens.push(token);
    if (token.kind !== "comment") this.lastCode = token;
    return token.end;
  }

  /**
   * Lexes shell commands in `start..end` and returns where lexing stopped: `end`,
   * or later when heredoc bodies opened before `end` run on up to `bodyLimit`.
   */
  command(start: number, end: number, options: ShellCommandOptions = {}): number {
    const text = this.text;
    const make = options.make === true;
    const bodyLimit = Math.max(end, options.bodyLimit ?? end);
    const pending: PendingHeredoc[] = [];
    this.lastCode = undefined;
    // Whether the next word stands where a command (or a prefix assignment) may start.
    let commandPosition = true;
    // Inside `export …`: every NAME=value argument is an assignment.
    let declaration = false;
    let pos = start;
    while (pos < end) {
      const code = text.charCodeAt(pos);
      if (isBlankOrCR(code)) {
        pos++;
        continue;
      }
      if (code === CharacterCodes.lineFeed) {
        pos = pending.length > 0 ? this.heredocBodies(pending, pos + 1, bodyLimit, end) : this.lineBreak(pos);
        commandPosition = true;
        declaration = false;
        continue;
      }
      const continuation = continuationLength(text, pos, end);
      if (continuation > 0) {
        pos += continuation;
        continue;
      }
      if (code === CharacterCodes.hash) {
        // Only reached at a word's start: `a#b` is read whole by the word scanner.
        pos = this.emit(scanLineComment(text, pos, end, 1));
        continue;
      }
      if (isMeta(code)) {
        if (code === CharacterCodes.lessThan && text.startsWith("<<", pos) && !text.startsWith("<<<", pos)) {
          const heredoc = this.heredocOpener(pos, end);
          if (heredoc) {
            pending.push(heredoc);
            pos = heredoc.openerEnd;
            continue;
          }
        }
        const operator = operatorAt(text, pos, end);
        pos = this.emit({ kind: "punct", start: pos, end: pos + operator.length, text: operator });
        if (COMMAND_SEPARATORS.has(operator)) {
          commandPosition = true;
          declaration = false;
        }
        continue;
      }
      if ((code === CharacterCodes.openBrace || code === CharacterCodes.closeBrace) && (pos + 1 >= end || endsPiece(text, pos + 1, end, text.charCodeAt(pos + 1)))) {
        this.emit({ kind: "punct", start: pos, end: pos + 1, text: text[pos]! });
        pos++;
        commandPosition = true;
        declaration = false;
        continue;
      }
      const word = this.word(pos, end, make, commandPosition || declaration);
      pos = word.end;
      if (word.assignment) continue;
      if (word.identifier !== undefined && commandPosition && DECLARATION_BUILTINS.has(word.identifier)) declaration = true;
      commandPosition = commandPosition && COMMAND_PREFIX_WORDS.has(word.identifier ?? (word.end - word.start === 1 ? text[word.start]! : ""));
    }
    if (pending.length === 0) return pos;
    // The host's line break at `end` (Dockerfile `RUN <<EOF`) opens the bodies.
    let bodyStart = end;
    if (text.charCodeAt(bodyStart) === CharacterCodes.carriageReturn) bodyStart++;
    if (bodyStart < bodyLimit && text.charCodeAt(bodyStart) === CharacterCodes.lineFeed) return this.heredocBodies(pending, bodyStart + 1, bodyLimit, end);
    for (const heredoc of pending) this.emptyHeredoc(heredoc);
    return pos;
  }

  /** A line break that ends a command is `;`; one after an operator or at the start continues. */
  private lineBreak(pos: number): number {
    const last = this.lastCode;
    if (last !== undefined && (last.kind !== "punct" || last.text === ")" || last.text === "}")) {
      this.emit({ kind: "punct", start: pos, end: pos + 1, text: ";" });
    }
    return pos + 1;
  }

  /**
   * One word at `pos`. In command position `NAME=value` and `NAME+=value` are
   * assignments: identifier, `=` (whatever the operator), then the value's
   * pieces. A word of only `[A-Za-z0-9_-]` is an identifier; any other word is
   * its pieces.
   */
  private word(pos: number, end: number, make: boolean, assignable: boolean): { start: number; end: number; assignment: boolean; identifier?: string } {
    const text = this.text;
    if (assignable && isNameStart(text.charCodeAt(pos))) {
      let nameEnd = pos + 1;
      while (nameEnd < end && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
      const operatorLength = text.charCodeAt(nameEnd) === CharacterCodes.equals ? 1 : text.startsWith("+=", nameEnd) ? 2 : 0;
      if (operatorLength > 0 && nameEnd + operatorLength <= end) {
        this.emit({ kind: "identifier", start: pos, end: nameEnd, text: text.slice(pos, nameEnd) });
        this.emit({ kind: "punct", start: nameEnd, end: nameEnd + operatorLength, text: "=" });
        const value = this.wordPieces(nameEnd + operatorLength, end, make);
        for (const piece of value.pieces) this.emit(piece);
        return { start: pos, end: value.end, assignment: true };
      }
    }
    // Most words are plain (`curl`, `-X`, `--data-raw`): read them whole, without
    // building the pieces that would only be thrown away below.
    let plainEnd = pos;
    while (plainEnd < end && isPlainWordChar(text.charCodeAt(plainEnd))) plainEnd++;
    if (plainEnd > pos && endsWord(text, plainEnd, end)) {
      const identifier = text.slice(pos, plainEnd);
      this.emit({ kind: "identifier", start: pos, end: plainEnd, text: identifier });
      return { start: pos, end: plainEnd, assignment: false, identifier };
    }
    const { pieces, end: wordEnd } = this.wordPieces(pos, end, make);
    if (pieces.length === 0) return { start: pos, end: pos + 1, assignment: false };
    let plain = pieces.length === 1 && pieces[0]!.quote === "bare";
    for (let index = pos; plain && index < wordEnd; index++) plain = isPlainWordChar(text.charCodeAt(index));
    if (plain) {
      const identifier = text.slice(pos, wordEnd);
      this.emit({ kind: "identifier", start: pos, end: wordEnd, text: identifier });
      return { start: pos, end: wordEnd, assignment: false, identifier };
    }
    for (const piece of pieces) this.emit(piece);
    return { start: pos, end: wordEnd, assignment: false };
  }

  /**
   * The pieces of the word at `pos`: each quoted segment is its own string and
   * each unquoted run a "bare" one, so `'a='"$T"` is two adjacent strings.
   */
  wordPieces(pos: number, end: number, make = false): { pieces: StringToken[]; end: number } {
    const text = this.text;
    const dollar = make ? this.makeDollar : this.shellDollar;
    const pieces: StringToken[] = [];
    while (pos < end) {
      const code = text.charCodeAt(pos);
      const next = pos + 1 < end ? text.charCodeAt(pos + 1) : -1;
      let piece: StringToken;
      if (code === CharacterCodes.singleQuote) {
        // Make expands `$(VAR)` before the shell sees the quotes.
        const interpolation = make ? [{ trigger: CharacterCodes.dollar, scan: dollar }] : undefined;
        piece = scanQuoted(text, pos + 1, end, { close: "'", quote: "single", backslashEscapes: false, endsAtLineBreak: false, interpolation });
      } else if (code === CharacterCodes.doubleQuote || (code === CharacterCodes.dollar && next === CharacterCodes.doubleQuote)) {
        // `$"…"` is bash's locale-translated string: a double-quoted one for our purposes.
        const openEnd = code === CharacterCodes.doubleQuote ? pos + 1 : pos + 2;
        piece = scanQuoted(text, openEnd, end, {
          close: '"',
          quote: "double",
          backslashEscapes: true,
          endsAtLineBreak: false,
          interpolation: [
            { trigger: CharacterCodes.dollar, scan: dollar },
            { trigger: CharacterCodes.backtick, scan: this.backtick },
          ],
          tokenStart: pos,
        });
      } else if (code === CharacterCodes.dollar && next === CharacterCodes.singleQuote) {
        piece = scanQuoted(text, pos + 2, end, { close: "'", quote: "single", backslashEscapes: true, endsAtLineBreak: false, tokenStart: pos });
      } else if (endsPiece(text, pos, end, code)) {
        break;
      } else {
        piece = this.bareString(pos, end, make, (here, at) => endsPiece(text, at, end, here));
      }
      pieces.push(piece);
      pos = piece.end;
    }
    return { pieces, end: pos };
  }

  /**
   * An unquoted run from `from` as a "bare" string with its expansions as parts,
   * ending at `to` or where `stop` says (checked outside escapes and expansions).
   */
  bareString(from: number, to: number, make = false, stop?: (code: number, pos: number) => boolean): StringToken {
    const { parts, end } = this.parts(from, to, make, stop);
    return bareString(from, end, parts);
  }

  /** Text and expansion parts of an unquoted run or a heredoc body. */
  private parts(from: number, to: number, make: boolean, stop?: (code: number, pos: number) => boolean): { parts: StringPart[]; end: number } {
    const text = this.text;
    const parts: StringPart[] = [];
    let textStart = from;
    let pos = from;
    while (pos < to) {
      const code = text.charCodeAt(pos);
      if (stop?.(code, pos)) break;
      if (code === CharacterCodes.backslash) {
        pos = Math.min(pos + 2, to);
        continue;
      }
      if (code === CharacterCodes.dollar || code === CharacterCodes.backtick) {
        const part = code === CharacterCodes.dollar ? (make ? this.makeReference(pos, to) : this.dollar(pos, to)) : this.commandSubstitution(pos, to);
        if (part) {
          pos = textStart = appendInterpolation(parts, textStart, part);
          continue;
        }
        // A `$$` make leaves alone must not have its second `$` read as a reference.
        if (make && code === CharacterCodes.dollar && text.charCodeAt(pos + 1) === CharacterCodes.dollar) {
          pos = Math.min(pos + 2, to);
          continue;
        }
      }
      pos++;
    }
    appendText(parts, textStart, pos);
    return { parts, end: pos };
  }

  /** `$NAME`, `${NAME…}`, `$(…)`, `$((…))`, `$1`, `$@`; undefined when `$` is literal. */
  private dollar(pos: number, end: number): InterpolationPart | undefined {
    const text = this.text;
    const next = pos + 1 < end ? text.charCodeAt(pos + 1) : -1;
    if (next === CharacterCodes.openBrace) {
      const close = this.budget.closing(pos + 2, end, CharacterCodes.openBrace, CharacterCodes.closeBrace);
      return close < 0 ? undefined : this.parameterExpansion(pos, close);
    }
    if (next === CharacterCodes.openParen) {
      const close = this.budget.closing(pos + 2, end, CharacterCodes.openParen, CharacterCodes.closeParen);
      if (close < 0) return undefined;
      // `$((…))` is arithmetic; `$(…)` runs commands whose words the dispatcher lexes too.
      if (text.charCodeAt(pos + 2) !== CharacterCodes.openParen) this.embed("shell", pos + 2, close);
      return { kind: "interpolation", start: pos, end: close + 1 };
    }
    if (isNameStart(next)) {
      let nameEnd = pos + 2;
      while (nameEnd < end && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
      return { kind: "interpolation", start: pos, end: nameEnd, name: text.slice(pos + 1, nameEnd) };
    }
    if (isSpecialParameter(next)) return { kind: "interpolation", start: pos, end: pos + 2 };
    return undefined;
  }

  /**
   * `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:=default}`,
   * `${NAME=default}` and `${NAME:?message}` read NAME; the `-`/`=` forms carry a
   * hardcoded fallback. Other operators (`:+`, `%`, `/`, `#NAME`) transform the
   * value, so they name nothing.
   */
  private parameterExpansion(pos: number, close: number): InterpolationPart {
    const text = this.text;
    const part: InterpolationPart = { kind: "interpolation", start: pos, end: close + 1 };
    const nameStart = pos + 2;
    if (!isNameStart(text.charCodeAt(nameStart))) return part;
    let nameEnd = nameStart + 1;
    while (nameEnd < close && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
    const name = text.slice(nameStart, nameEnd);
    if (nameEnd === close) return { ...part, name };
    const operatorIndex = text.charCodeAt(nameEnd) === CharacterCodes.colon ? nameEnd + 1 : nameEnd;
    const operator = text.charCodeAt(operatorIndex);
    if (operator === CharacterCodes.minus || operator === CharacterCodes.equals) {
      return operatorIndex + 1 < close ? { ...part, name, fallback: { start: operatorIndex + 1, end: close } } : { ...part, name };
    }
    return operator === CharacterCodes.question ? { ...part, name } : part;
  }

  /** Make's `$(VAR)`, `${VAR}`, `$V`, `$@`; `$$…` is the shell's expansion once make is done. */
  private makeReference(pos: number, end: number): InterpolationPart | undefined {
    const text = this.text;
    const next = pos + 1 < end ? text.charCodeAt(pos + 1) : -1;
    if (next === CharacterCodes.dollar) {
      const shell = this.dollar(pos + 1, end);
      return shell ? { ...shell, start: pos } : undefined;
    }
    if (next === CharacterCodes.openParen || next === CharacterCodes.openBrace) {
      const close = this.budget.closing(pos + 2, end, next, next === CharacterCodes.openParen ? CharacterCodes.closeParen : CharacterCodes.closeBrace);
      if (close < 0) return undefined;
      const inner = text.slice(pos + 2, close);
      // `$(shell …)` runs a command: its words are shell.
      if (/^shell[ \t]/.test(inner)) this.embed("shell", pos + 8, close);
      return { kind: "interpolation", start: pos, end: close + 1, name: plainName(inner) };
    }
    if (isNameChar(next)) {
      return { kind: "interpolation", start: pos, end: pos + 2, name: isNameStart(next) ? text[pos + 1] : undefined };
    }
    // Automatic variables: `$@ $< $^ $? $* $% $+ $|`.
    if (next === CharacterCodes.at || next === CharacterCodes.lessThan || next === CharacterCodes.caret || next === CharacterCodes.question || next === CharacterCodes.asterisk || next === CharacterCodes.percent || next === CharacterCodes.plus || next === CharacterCodes.bar) {
      return { kind: "interpolation", start: pos, end: pos + 2 };
    }
    return undefined;
  }

  /** `` `…` `` command substitution. */
  private commandSubstitution(pos: number, end: number): InterpolationPart | undefined {
    const close = this.budget.next(pos + 1, end, CharacterCodes.backtick);
    if (close < 0) return undefined;
    this.embed("shell", pos + 1, close);
    return { kind: "interpolation", start: pos, end: close + 1 };
  }

  private embed(language: LanguageId, start: number, end: number): void {
    if (end > start) this.embedded.push({ language, start, end });
  }

  /** `<<EOF`, `<<-EOF`, `<<'EOF'`, `<<"EOF"`, `<<\EOF` at `pos`; undefined when no delimiter follows. */
  private heredocOpener(pos: number, end: number): PendingHeredoc | undefined {
    const text = this.text;
    let p = pos + 2;
    const stripTabs = text.charCodeAt(p) === CharacterCodes.minus;
    if (stripTabs) p++;
    while (p < end && (text.charCodeAt(p) === CharacterCodes.space || text.charCodeAt(p) === CharacterCodes.tab)) p++;
    const pieces: string[] = [];
    let quoted = false;
    while (p < end) {
      const code = text.charCodeAt(p);
      if (isBlankOrCR(code) || code === CharacterCodes.lineFeed || isMeta(code)) break;
      if (code === CharacterCodes.singleQuote || code === CharacterCodes.doubleQuote) {
        quoted = true;
        let close = p + 1;
        while (close < end && text.charCodeAt(close) !== code && text.charCodeAt(close) !== CharacterCodes.lineFeed) close++;
        pieces.push(text.slice(p + 1, close));
        p = close < end && text.charCodeAt(close) === code ? close + 1 : close;
        continue;
      }
      if (code === CharacterCodes.backslash) {
        quoted = true;
        if (p + 1 < end && text.charCodeAt(p + 1) !== CharacterCodes.lineFeed) pieces.push(text[p + 1]!);
        p = Math.min(p + 2, end);
        continue;
      }
      pieces.push(text[p]!);
      p++;
    }
    const delimiter = pieces.join("");
    if (delimiter === "" && !quoted) return undefined;
    return { start: pos, openerEnd: p, delimiter, stripTabs, quoted };
  }

  /**
   * Reads the bodies of the pending heredocs from `bodyStart` (the line after the
   * one that opened them) and returns where lexing goes on. The line break after
   * the last closing delimiter is the command's `;` when it lies before `end`.
   */
  private heredocBodies(pending: PendingHeredoc[], bodyStart: number, limit: number, end: number): number {
    let pos = bodyStart;
    for (let index = 0; index < pending.length; index++) {
      if (index > 0) {
        // The next body starts on the line after the previous closing line.
        if (pos < limit && this.text.charCodeAt(pos) === CharacterCodes.carriageReturn) pos++;
        if (pos < limit && this.text.charCodeAt(pos) === CharacterCodes.lineFeed) pos++;
      }
      pos = this.heredocBody(pending[index]!, pos, limit);
    }
    pending.length = 0;
    let lineBreak = pos;
    if (lineBreak < end && this.text.charCodeAt(lineBreak) === CharacterCodes.carriageReturn) lineBreak++;
    if (lineBreak < end && this.text.charCodeAt(lineBreak) === CharacterCodes.lineFeed) {
      this.emit({ kind: "punct", start: lineBreak, end: lineBreak + 1, text: ";" });
      return lineBreak + 1;
    }
    return pos;
  }

  /** One heredoc body from `bodyStart`; returns the end of its closing line (before the line break). */
  private heredocBody(heredoc: PendingHeredoc, bodyStart: number, limit: number): number {
    const text = this.text;
    const { delimiter } = heredoc;
    let contentEnd = limit;
    let tokenEnd = limit;
    let lineStart = bodyStart;
    while (lineStart < limit) {
      let lineEnd = lineStart;
      while (lineEnd < limit && text.charCodeAt(lineEnd) !== CharacterCodes.lineFeed) lineEnd++;
      const visibleEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === CharacterCodes.carriageReturn ? lineEnd - 1 : lineEnd;
      let first = lineStart;
      if (heredoc.stripTabs) while (first < visibleEnd && text.charCodeAt(first) === CharacterCodes.tab) first++;
      if (visibleEnd - first === delimiter.length && text.startsWith(delimiter, first)) {
        // The body excludes the line break before the closing line.
        contentEnd = lineStart;
        if (contentEnd > bodyStart) contentEnd--;
        if (contentEnd > bodyStart && text.charCodeAt(contentEnd - 1) === CharacterCodes.carriageReturn) contentEnd--;
        tokenEnd = visibleEnd;
        break;
      }
      lineStart = lineEnd + 1;
    }
    contentEnd = Math.max(bodyStart, Math.min(contentEnd, limit));
    const parts = heredoc.quoted ? textParts(bodyStart, contentEnd) : this.parts(bodyStart, contentEnd, false).parts;
    // Tokens stay in order: when words followed `<<EOF` on its line, the token starts at the body.
    const previousEnd = this.tokens.length > 0 ? this.tokens[this.tokens.length - 1]!.end : -1;
    const start = heredoc.start >= previousEnd ? heredoc.start : Math.min(bodyStart, contentEnd);
    this.emit({
      kind: "string",
      start,
      end: Math.max(tokenEnd, contentEnd),
      contentStart: Math.min(bodyStart, contentEnd),
      contentEnd,
      quote: heredoc.quoted ? "nowdoc" : "heredoc",
      prefix: "",
      parts,
    });
    return Math.max(tokenEnd, contentEnd);
  }

  /** A heredoc opened on the input's last line has an empty body. */
  private emptyHeredoc(heredoc: PendingHeredoc): void {
    const previousEnd = this.tokens.length > 0 ? this.tokens[this.tokens.length - 1]!.end : -1;
    if (heredoc.start < previousEnd) return;
    const at = heredoc.openerEnd;
    this.emit({ kind: "string", start: heredoc.start, end: at, contentStart: at, contentEnd: at, quote: heredoc.quoted ? "nowdoc" : "heredoc", prefix: "", parts: [] });
  }
}

export function lexShell(text: string, start = 0, end = text.length): LexResult {
  const lexer = new ShellLexer(text, start, end);
  lexer.command(start, end);
  return { tokens: lexer.tokens, embedded: lexer.embedded };
}
