// One front end for the code languages that need no lexer of their own (Java,
// Kotlin, Scala, Groovy, Dart, C#, Swift, Go, Rust, CUE, Jsonnet, Ruby, Perl,
// Elixir, Lua): they differ only in comment markers, string delimiters, string
// prefixes and how strings interpolate, which a CodeSyntax names. Identifiers,
// numbers and operators read alike in all of them.

import { CharacterCodes } from "./character-codes.js";
import {
  BracketBudget,
  findLineEnd,
  interpolatedParts,
  nextLine,
  textParts,
  type Interpolation,
  type InterpolationScanner,
  isDigit,
  isIdentStart,
  isLineBreak,
  isPlainIdentStart,
  isSpace,
  operatorMatcher,
  plainName,
  pushToken,
  scanBlockComment,
  scanLineComment,
  scanNumber,
  scanQuoted,
  skipIdentChars,
  skipPlainIdentChars,
} from "./scanner.js";
import { skipRegex } from "./script-lexer.js";
import type { LexResult, Lexer, QuoteStyle, StringToken, Token } from "./tokens.js";

/**
 * How a string reads a value into itself: `$x` and `${x}` (Kotlin, Groovy, Dart, Scala,
 * Perl), `#{x}` (Ruby, Elixir), `\(x)` (Swift, CUE), `{x}` (C# `$"…"`).
 */
export type InterpolationStyle = "dollar" | "hash-brace" | "backslash-paren" | "brace";

/** One way the language quotes a string. */
export interface StringForm {
  /** The opening delimiter: `"`, `"""`, `'`, `` ` ``, `[[`, `|||`. */
  open: string;
  close: string;
  quote: QuoteStyle;
  /** A backslash escapes the next character. */
  escapes: boolean;
  /** The string may span lines; otherwise a line break ends it unterminated (one stray quote cannot swallow a file). */
  multiline: boolean;
  interpolation?: InterpolationStyle;
}

/** Letters written right before a quote that change how its string reads: Scala's `s"…"`, Dart's `r'…'`, C#'s `$"…"` and `@"…"`. */
export interface StringPrefix {
  text: string;
  /** The interpolation the prefixed string has instead of its form's ("none": a raw string). */
  interpolation?: InterpolationStyle | "none";
  /** Whether backslashes escape in the prefixed string, when the prefix decides it. */
  escapes?: boolean;
  multiline?: boolean;
}

export interface CodeSyntax {
  /** Line comment markers (`//`, `#`, `--`). */
  lineComments: readonly string[];
  /** Block comments, tried before line comments (`/* *\/`, Lua's `--[[ ]]`). */
  blockComments: readonly { open: string; close: string }[];
  /** String forms, longest opener first (`"""` before `"`). */
  strings: readonly StringForm[];
  prefixes: readonly StringPrefix[];
  /**
   * `'x'`, `'\n'`, `'\u{1F600}'` are character literals (Java, Kotlin, C#, Go, Rust, Scala,
   * Swift); any other `'` is punctuation (a Rust lifetime `'a`, a Scala symbol).
   */
  charLiterals: boolean;
  /** `/…/` where an operand is expected is a regular expression (Ruby, Perl, Groovy's slashy strings). */
  regexLiterals: boolean;
  /** Rust's raw strings: `r"…"`, `r#"…"#`, `br"…"`. */
  rawHashStrings: boolean;
  /** Elixir's sigils: `~s(…)`, `~r/…/`, `~S"…"`. */
  sigils: boolean;
  /** Ruby's and Perl's heredocs (`<<~EOS`, `<<-EOS`, `<<EOS`, `<<'EOS'`): the body interpolates this way unless the word is single-quoted. */
  heredocs?: InterpolationStyle;
  /**
   * Words and operators emitted as the operator the matchers read for them: `or` as `||`
   * (Lua, Ruby, Perl; Perl's `//` too), Kotlin's infix `to` as the pair arrow `->`.
   */
  aliases: Readonly<Record<string, string>>;
}

/** Operators emitted as one token, longest first. */
const operatorAt = operatorMatcher(["===", "!==", "<=>", "||=", "&&=", "??=", "?:", "??", "?.", "=>", ":=", "::", "->", "||", "&&", "==", "!=", "<=", ">=", "+=", "-=", "//"]);

/** The longest character literal body after its escape (`'\u{10FFFF}'`). */
const MAX_ESCAPED_CHAR = 12;

/** Characters that may delimit an Elixir sigil, and what closes each. */
const SIGIL_CLOSERS = new Map<number, number>([
  [CharacterCodes.openParen, CharacterCodes.closeParen],
  [CharacterCodes.openBracket, CharacterCodes.closeBracket],
  [CharacterCodes.openBrace, CharacterCodes.closeBrace],
  [CharacterCodes.lessThan, CharacterCodes.greaterThan],
  [CharacterCodes.slash, CharacterCodes.slash],
  [CharacterCodes.bar, CharacterCodes.bar],
  [CharacterCodes.doubleQuote, CharacterCodes.doubleQuote],
  [CharacterCodes.singleQuote, CharacterCodes.singleQuote],
]);

/** A heredoc whose opener was read on the current line. */
interface PendingHeredoc {
  /** The word on the line that closes it. */
  word: string;
  /** `<<'EOS'`: no interpolation. */
  literal: boolean;
}

/** `<<` and a heredoc's word: group 1 the `~` or `-`, group 2 the quote, group 3 the word. */
const HEREDOC_OPENER = /^<<([~-]?)(["'`]?)([A-Za-z_]\w*)\2/;
/** The longest heredoc opener read (`<<~` and a word of a few dozen characters). */
const MAX_HEREDOC_OPENER = 64;

/** The interpolation scanners of one lexing pass, sharing its look-ahead budget. */
function interpolationRules(budget: BracketBudget): Record<InterpolationStyle, readonly Interpolation[]> {
  const bracketed = (openerLength: number, open: number, close: number, at: number, end: number, text: string) => {
    const closeAt = budget.closing(at + openerLength, end, open, close);
    if (closeAt < 0) return undefined;
    return { kind: "interpolation" as const, start: at, end: closeAt + 1, name: plainName(text.slice(at + openerLength, closeAt)) };
  };
  const dollar: InterpolationScanner = (text, pos, end) => {
    const next = pos + 1 < end ? text.charCodeAt(pos + 1) : Number.NaN;
    if (next === CharacterCodes.openBrace) return bracketed(2, CharacterCodes.openBrace, CharacterCodes.closeBrace, pos, end, text);
    if (!isPlainIdentStart(next)) return undefined;
    const nameEnd = skipPlainIdentChars(text, pos + 1, end);
    return { kind: "interpolation", start: pos, end: nameEnd, name: text.slice(pos + 1, nameEnd) };
  };
  const opened = (second: number, open: number, close: number): InterpolationScanner => (text, pos, end) =>
    pos + 1 < end && text.charCodeAt(pos + 1) === second ? bracketed(2, open, close, pos, end, text) : undefined;
  // C#'s `{{` is a literal brace, the second one too.
  const brace: InterpolationScanner = (text, pos, end) => {
    if ((pos + 1 < end && text.charCodeAt(pos + 1) === CharacterCodes.openBrace) || text.charCodeAt(pos - 1) === CharacterCodes.openBrace) return undefined;
    return bracketed(1, CharacterCodes.openBrace, CharacterCodes.closeBrace, pos, end, text);
  };
  return {
    dollar: [{ trigger: CharacterCodes.dollar, scan: dollar }],
    "hash-brace": [{ trigger: CharacterCodes.hash, scan: opened(CharacterCodes.openBrace, CharacterCodes.openBrace, CharacterCodes.closeBrace) }],
    "backslash-paren": [{ trigger: CharacterCodes.backslash, scan: opened(CharacterCodes.openParen, CharacterCodes.openParen, CharacterCodes.closeParen) }],
    brace: [{ trigger: CharacterCodes.openBrace, scan: brace }],
  };
}

/** A lexer for `syntax`. */
export function codeLexer(syntax: CodeSyntax): Lexer {
  const firstChars = new Set([...syntax.lineComments, ...syntax.blockComments.map((comment) => comment.open), ...syntax.strings.map((form) => form.open), ...syntax.prefixes.map((prefix) => prefix.text)].map((marker) => marker.charCodeAt(0)));
  const prefixes = [...syntax.prefixes].sort((a, b) => b.text.length - a.text.length);
  const aliases = new Map(Object.entries(syntax.aliases));
  return (text, start = 0, end = text.length) => new CodeScan(syntax, firstChars, prefixes, aliases, text, start, end).run();
}

class CodeScan {
  private readonly tokens: Token[] = [];
  private readonly interpolation: Record<InterpolationStyle, readonly Interpolation[]>;
  private pos: number;
  /** Whether the last significant token ends an operand (then `/` divides). */
  private afterOperand = false;
  /** Heredocs opened on the current line, whose bodies start on the next one. */
  private pending: PendingHeredoc[] = [];

  constructor(
    private readonly syntax: CodeSyntax,
    private readonly firstChars: ReadonlySet<number>,
    private readonly prefixes: readonly StringPrefix[],
    private readonly aliases: ReadonlyMap<string, string>,
    private readonly text: string,
    start: number,
    private readonly end: number,
  ) {
    this.pos = start;
    this.interpolation = interpolationRules(new BracketBudget(text, start, end));
  }

  run(): LexResult {
    const { text, end } = this;
    while (this.pos < end) {
      const code = text.charCodeAt(this.pos);
      if (isLineBreak(code) && this.pending.length > 0) {
        this.heredocBodies();
        continue;
      }
      if (isSpace(code) || isLineBreak(code)) {
        this.pos++;
        continue;
      }
      if (code === CharacterCodes.lessThan && this.syntax.heredocs !== undefined && this.heredocOpener()) continue;
      if (this.firstChars.has(code) && this.delimited()) continue;
      if (code === CharacterCodes.singleQuote && this.syntax.charLiterals) {
        this.charLiteralOrQuote();
        continue;
      }
      if (code === CharacterCodes.slash && this.syntax.regexLiterals && !this.afterOperand) {
        this.pos = skipRegex(text, this.pos, end);
        this.afterOperand = true;
        continue;
      }
      if (code === CharacterCodes.tilde && this.syntax.sigils && this.sigil()) continue;
      if (isIdentStart(code)) {
        if (this.syntax.rawHashStrings && this.rawHashString()) continue;
        const wordEnd = skipIdentChars(text, this.pos + 1, end);
        const word = text.slice(this.pos, wordEnd);
        const alias = this.aliases.size === 0 ? undefined : this.aliases.get(word);
        this.tokens.push(alias === undefined ? { kind: "identifier", start: this.pos, end: wordEnd, text: word } : { kind: "punct", start: this.pos, end: wordEnd, text: alias });
        this.pos = wordEnd;
        this.afterOperand = alias === undefined;
        continue;
      }
      if (isDigit(code)) {
        this.pos = pushToken(this.tokens, { kind: "number", start: this.pos, end: scanNumber(text, this.pos, end) });
        this.afterOperand = true;
        continue;
      }
      const operator = operatorAt(text, this.pos, end);
      this.pos = pushToken(this.tokens, { kind: "punct", start: this.pos, end: this.pos + operator.length, text: this.aliases.get(operator) ?? operator });
      this.afterOperand = operator === ")" || operator === "]" || operator === "}";
    }
    return { tokens: this.tokens, embedded: [] };
  }

  /** A comment, a string, or a prefixed string at `pos`; false when none starts there. */
  private delimited(): boolean {
    const { text, pos, end, syntax } = this;
    for (const comment of syntax.blockComments) {
      if (!startsWithin(text, comment.open, pos, end)) continue;
      this.pos = pushToken(this.tokens, scanBlockComment(text, pos, end, comment.open, comment.close));
      return true;
    }
    for (const marker of syntax.lineComments) {
      if (!startsWithin(text, marker, pos, end)) continue;
      this.pos = pushToken(this.tokens, scanLineComment(text, pos, end, marker.length));
      return true;
    }
    for (const prefix of this.prefixes) {
      if (!startsWithin(text, prefix.text, pos, end)) continue;
      const form = this.formAt(pos + prefix.text.length);
      if (form) return this.string(form, pos, pos + prefix.text.length, prefix);
    }
    const form = this.formAt(pos);
    return form !== undefined && this.string(form, pos, pos);
  }

  /** The string form whose opener starts at `at`, if any. */
  private formAt(at: number): StringForm | undefined {
    for (const form of this.syntax.strings) if (startsWithin(this.text, form.open, at, this.end)) return form;
    return undefined;
  }

  /** Scans a string of `form` opening at `openAt`, its prefix (if any) from `tokenStart`. */
  private string(form: StringForm, tokenStart: number, openAt: number, prefix?: StringPrefix): true {
    const style = prefix?.interpolation ?? form.interpolation;
    const escapes = prefix?.escapes ?? form.escapes;
    const token = scanQuoted(this.text, openAt + form.open.length, this.end, {
      close: form.close,
      quote: form.quote,
      prefix: this.text.slice(tokenStart, openAt).toLowerCase(),
      backslashEscapes: escapes,
      endsAtLineBreak: !(prefix?.multiline ?? form.multiline),
      interpolation: style === undefined || style === "none" ? undefined : this.interpolation[style],
      tokenStart,
    });
    this.push(token);
    return true;
  }

  /**
   * `<<~EOS`, `<<-EOS`, `<<"EOS"`, `<<'EOS'`, or `<<EOS` with a capitalised word (so `a <<b`
   * stays an operator): the opener is skipped, its body read at the line's end.
   */
  private heredocOpener(): boolean {
    if (this.pos + 1 >= this.end || this.text.charCodeAt(this.pos + 1) !== CharacterCodes.lessThan) return false;
    const opener = HEREDOC_OPENER.exec(this.text.slice(this.pos, Math.min(this.end, this.pos + MAX_HEREDOC_OPENER)));
    if (!opener || (opener[1] === "" && opener[2] === "" && !/^[A-Z]/.test(opener[3]!))) return false;
    this.pending.push({ word: opener[3]!, literal: opener[2] === "'" });
    this.pos += opener[0].length;
    this.afterOperand = true;
    return true;
  }

  /** The bodies of the pending heredocs, one after the other from the line after the opener's; each ends at a line holding only its word. */
  private heredocBodies(): void {
    const { text, end } = this;
    let lineStart = nextLine(text, this.pos, end);
    for (const heredoc of this.pending.splice(0)) {
      const bodyStart = lineStart;
      let bodyEnd = end;
      while (lineStart < end) {
        const lineEnd = findLineEnd(text, lineStart, end);
        const next = nextLine(text, lineEnd, end);
        if (text.slice(lineStart, lineEnd).trim() === heredoc.word) {
          bodyEnd = lineStart;
          lineStart = next;
          break;
        }
        lineStart = next;
      }
      const style = heredoc.literal ? undefined : this.syntax.heredocs;
      const parts = style === undefined ? textParts(bodyStart, bodyEnd) : interpolatedParts(text, bodyStart, bodyEnd, CharacterCodes.backslash, this.interpolation[style]);
      if (bodyEnd > bodyStart) this.push({ kind: "string", start: bodyStart, end: bodyEnd, contentStart: bodyStart, contentEnd: bodyEnd, quote: heredoc.literal ? "nowdoc" : "heredoc", prefix: "", parts });
    }
    this.pos = lineStart;
  }

  /** `'a'`, `'\''`, `'\u{41}'` as a string; any other `'` as punctuation. */
  private charLiteralOrQuote(): void {
    const { text, pos, end } = this;
    let close = -1;
    if (pos + 1 < end && text.charCodeAt(pos + 1) === CharacterCodes.backslash) {
      for (let at = pos + 3; at < Math.min(end, pos + MAX_ESCAPED_CHAR); at++) {
        const code = text.charCodeAt(at);
        if (isLineBreak(code)) break;
        if (code === CharacterCodes.singleQuote) {
          close = at;
          break;
        }
      }
    } else {
      // One character, or one surrogate pair.
      const next = text.charCodeAt(pos + 1);
      const width = pos + 1 < end && next >= CharacterCodes.highSurrogateFirst && next <= CharacterCodes.highSurrogateLast ? 2 : 1;
      const at = pos + 1 + width;
      if (at < end && text.charCodeAt(at) === CharacterCodes.singleQuote && !isLineBreak(text.charCodeAt(pos + 1))) close = at;
    }
    if (close < 0) {
      this.pos = pushToken(this.tokens, { kind: "punct", start: pos, end: pos + 1, text: "'" });
      this.afterOperand = false;
      return;
    }
    this.push({ kind: "string", start: pos, end: close + 1, contentStart: pos + 1, contentEnd: close, quote: "single", prefix: "", parts: textParts(pos + 1, close) });
  }

  /** Elixir's `~s(…)`, `~r/…/`: a letter and a delimiter; the body ends at the delimiter's closer on its line. */
  private sigil(): boolean {
    const { text, pos, end } = this;
    if (pos + 2 >= end || !/[A-Za-z]/.test(text[pos + 1]!)) return false;
    const closer = SIGIL_CLOSERS.get(text.charCodeAt(pos + 2));
    if (closer === undefined) return false;
    const lowerCase = text.charCodeAt(pos + 1) >= CharacterCodes.a;
    this.push(
      scanQuoted(text, pos + 3, end, {
        close: String.fromCharCode(closer),
        // Its delimiters are no quotes: named as the literal or interpolating text block it is.
        quote: lowerCase ? "heredoc" : "nowdoc",
        prefix: text.slice(pos, pos + 2).toLowerCase(),
        backslashEscapes: lowerCase,
        endsAtLineBreak: true,
        interpolation: lowerCase ? this.interpolation["hash-brace"] : undefined,
        tokenStart: pos,
      }),
    );
    return true;
  }

  /** Rust's `r"…"`, `r#"…"#`, `br"…"`, `b"…"` (the `b` alone is an ordinary prefix): false when the word is a name (`r#type`, `rust`). */
  private rawHashString(): boolean {
    const { text, pos, end } = this;
    let at = pos;
    if (text.charCodeAt(at) === CharacterCodes.b && text.charCodeAt(at + 1) === CharacterCodes.r) at++;
    if (text.charCodeAt(at) !== CharacterCodes.r) return false;
    let hashes = at + 1;
    while (hashes < end && text.charCodeAt(hashes) === CharacterCodes.hash) hashes++;
    if (hashes >= end || text.charCodeAt(hashes) !== CharacterCodes.doubleQuote) return false;
    this.push(
      scanQuoted(text, hashes + 1, end, {
        close: `"${"#".repeat(hashes - at - 1)}`,
        // `r#"…"#` closes with more than a quote: a literal text block.
        quote: hashes > at + 1 ? "nowdoc" : "double",
        prefix: text.slice(pos, hashes).toLowerCase(),
        backslashEscapes: false,
        endsAtLineBreak: false,
        tokenStart: pos,
      }),
    );
    return true;
  }

  private push(token: StringToken): void {
    this.pos = pushToken(this.tokens, token);
    this.afterOperand = true;
  }
}

/** `text.startsWith(marker, pos)` for a marker that ends by `end` (a range may cut a marker in half). */
function startsWithin(text: string, marker: string, pos: number, end: number): boolean {
  return pos + marker.length <= end && text.startsWith(marker, pos);
}
