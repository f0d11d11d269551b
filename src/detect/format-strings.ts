// Format strings: `sprintf("…auth_token=%s…", a, "v")`, `"auth_token={}".format("v")`,
// `"auth_token=%(t)s" % {"t": "v"}`, `"auth_token={0}" -f "v"`, `printf 'auth_token=%s' v`.
// The placeholder right after a key's separator is the token; the argument bound to it is
// what the code hardcodes. One reading for every language: the language's hints only say
// how its format calls look (operators, methods on the string, word arguments).
//
// How: parse the placeholder at the value's position, count the placeholders of the same
// family before it in the format string (`%%` and `{{` are text, `%2$s` and `{1}` name
// their index, `%(t)s` and `{t}` their name), then read the arguments that follow the
// string (call arguments after a comma, an operator's operand, a method call's arguments,
// or the following words) and pick the one bound to the placeholder. Every read is
// bounded by a constant number of tokens, so a candidate costs the same in any file.

import { withoutComments } from "../languages/shared/code-tokens.js";
import { CharacterCodes } from "../languages/shared/character-codes.js";
import { bareString } from "../languages/shared/scanner.js";
import type { FormatSyntax, MatcherHints } from "../languages/shared/language-definition.js";
import type { StringToken, Token } from "../languages/shared/tokens.js";

/** What a placeholder is bound to: the k-th argument, or the argument named so. */
type Binding = { index: number } | { name: string };

/** The argument bound to a placeholder: a literal to report, or a name whose definition is. */
export type FormatArgument = { literal: StringToken } | { reference: string };

/** How far the reader looks: past this many tokens, a call is not one a person wrote by hand. */
const MAX_ARGUMENT_TOKENS = 200;
/** How far back from a format string the call's `(` may stand (`fmt.Fprintf(w, "…")`, `String.format(Locale.ROOT, "…")`). */
const MAX_LEADING_TOKENS = 12;
/** How long a format string may run before its placeholder: longer ones are templates, not format calls. */
const MAX_FORMAT_PREFIX = 2_000;
/** How much text around the placeholder the relexed window of a text file holds, at most, each way. */
const RELEX_WINDOW = 2_000;
/** How many lines before the placeholder's line the relexed window starts. */
const RELEX_LINES_BEFORE = 2;

const PERCENT_FLAGS = /[-+ #0]/;
const PERCENT_LENGTH = /[hlLqjzt]/;
const CONVERSION = /[a-zA-Z]/;
const IDENT_CHAR = /\w/;

/**
 * The argument bound to the placeholder at `at` inside the string `code[index]`, when
 * the string is a format string applied to arguments the reader can see.
 */
export function formatArgumentAt(
  text: string,
  code: readonly Token[],
  index: number,
  at: number,
  hints: Pick<MatcherHints, "formatStrings" | "commandLines">,
): FormatArgument | undefined {
  const placeholder = placeholderAt(text, at);
  if (placeholder === undefined) return undefined;
  const syntax: ReadSyntax = { ...hints.formatStrings, wordArguments: hints.commandLines };
  if (syntax.relex) return relexed(text, at, placeholder.family, syntax);
  const format = code[index];
  if (format?.kind !== "string") return undefined;
  const binding = bindingOf(text, format.contentStart, at, placeholder.family);
  return binding && argumentFor(text, code, index, binding, syntax);
}

/** A language's format syntax, and whether its arguments may be the words after the format (`printf 'fmt' a b`). */
interface ReadSyntax extends FormatSyntax {
  wordArguments: boolean;
}

/**
 * Files whose front end sees no strings (code in a language without a front end, read by the text fallback):
 * lex the lines around the placeholder with the language's code lexer, and read the
 * format call there.
 */
function relexed(text: string, at: number, family: Family, syntax: ReadSyntax): FormatArgument | undefined {
  // A call often opens on the line before its format string (`String.format(Locale.ROOT,⏎ "…"`).
  let windowStart = at;
  for (let lines = 0; windowStart > 0 && windowStart > at - RELEX_WINDOW; windowStart--) {
    if (text.charCodeAt(windowStart - 1) === CharacterCodes.lineFeed && ++lines > RELEX_LINES_BEFORE) break;
  }
  const tokens = withoutComments(syntax.relex!(text, windowStart, Math.min(text.length, at + RELEX_WINDOW)).tokens);
  const index = tokens.findIndex((token) => token.kind === "string" && token.contentStart <= at && at < token.contentEnd);
  const format = tokens[index];
  if (format?.kind !== "string") return undefined;
  const binding = bindingOf(text, format.contentStart, at, family);
  return binding && argumentFor(text, tokens, index, binding, { ...syntax, relex: undefined });
}

type Family = "percent" | "brace";

/** The placeholder starting at `at`: its family, its explicit index or name, and its end. */
function placeholderAt(text: string, at: number): { family: Family; end: number; binding?: Binding } | undefined {
  const code = text.charCodeAt(at);
  if (code === CharacterCodes.percent) return percentPlaceholder(text, at);
  if (code === CharacterCodes.openBrace) return bracePlaceholder(text, at);
  return undefined;
}

/** `%s`, `%-8.3f`, `%1$s`, `%(name)s`, `%v`, `%q`; undefined for `%%` and for `%` followed by no conversion. */
function percentPlaceholder(text: string, at: number): { family: Family; end: number; binding?: Binding } | undefined {
  let pos = at + 1;
  let binding: Binding | undefined;
  if (text.charCodeAt(pos) === CharacterCodes.openParen) {
    const close = text.indexOf(")", pos);
    if (close < 0 || close - pos > 64) return undefined;
    binding = { name: text.slice(pos + 1, close) };
    pos = close + 1;
  } else {
    const digits = digitsEnd(text, pos);
    // `%2$s`, or `%2\$s` where `$` would interpolate (Kotlin, PHP double quotes).
    const dollar = text.charCodeAt(digits) === CharacterCodes.backslash ? digits + 1 : digits;
    if (digits > pos && text.charCodeAt(dollar) === CharacterCodes.dollar) {
      binding = { index: Number(text.slice(pos, digits)) - 1 };
      pos = dollar + 1;
    }
  }
  while (pos < text.length && PERCENT_FLAGS.test(text[pos]!)) pos++;
  pos = digitsEnd(text, pos);
  if (text.charCodeAt(pos) === CharacterCodes.dot) pos = digitsEnd(text, pos + 1);
  while (pos < text.length && PERCENT_LENGTH.test(text[pos]!) && CONVERSION.test(text[pos + 1] ?? "")) pos++;
  if (!CONVERSION.test(text[pos] ?? "")) return undefined;
  return { family: "percent", end: pos + 1, binding };
}

/** `{}`, `{0}`, `{name}`, `{0:>8}`, `{name!r}`, `{:?}`; undefined for `{{` and for braces holding anything else. */
function bracePlaceholder(text: string, at: number): { family: Family; end: number; binding?: Binding } | undefined {
  let pos = at + 1;
  while (pos < text.length && IDENT_CHAR.test(text[pos]!)) pos++;
  const field = text.slice(at + 1, pos);
  const code = text.charCodeAt(pos);
  if (code === CharacterCodes.exclamation || code === CharacterCodes.colon) {
    const close = text.indexOf("}", pos);
    if (close < 0 || close - pos > 32 || text.slice(pos, close).includes("{")) return undefined;
    pos = close;
  }
  if (text.charCodeAt(pos) !== CharacterCodes.closeBrace) return undefined;
  const binding = field === "" ? undefined : /^\d+$/.test(field) ? { index: Number(field) } : { name: field };
  return { family: "brace", end: pos + 1, binding };
}

function digitsEnd(text: string, pos: number): number {
  while (pos < text.length && text.charCodeAt(pos) >= CharacterCodes._0 && text.charCodeAt(pos) <= CharacterCodes._9) pos++;
  return pos;
}

/**
 * The binding of the placeholder at `at`: its own index or name, else its position among
 * the automatically numbered placeholders of its family before it in the string (counted
 * over a bounded prefix, so a string holding many keys is not read once per key).
 */
function bindingOf(text: string, from: number, at: number, family: Family): Binding | undefined {
  const own = placeholderAt(text, at)!;
  if (own.binding) return own.binding;
  if (at - from > MAX_FORMAT_PREFIX) return undefined;
  const opener = family === "percent" ? CharacterCodes.percent : CharacterCodes.openBrace;
  let count = 0;
  for (let pos = from; pos < at; ) {
    if (text.charCodeAt(pos) !== opener) {
      pos++;
      continue;
    }
    // `%%` and `{{` stand for the character itself.
    if (text.charCodeAt(pos + 1) === opener) {
      pos += 2;
      continue;
    }
    const placeholder = placeholderAt(text, pos);
    if (placeholder === undefined) {
      pos++;
      continue;
    }
    if (placeholder.binding === undefined) count++;
    pos = placeholder.end;
  }
  return { index: count };
}

/** One argument: its tokens, and the name it is passed under (`token="v"`, `"t": "v"`, `t: "v"`). */
interface Argument {
  tokens: Token[];
  name?: string;
}

/** The argument bound to `binding` among those the format string at `index` is applied to. */
function argumentFor(text: string, code: readonly Token[], index: number, binding: Binding, syntax: ReadSyntax): FormatArgument | undefined {
  const args = new ArgumentReader(text, code, syntax).argumentsOf(index);
  if (args === undefined) return undefined;
  const bound = "name" in binding ? args.find((arg) => arg.name === binding.name) : args.filter((arg) => arg.name === undefined)[binding.index];
  return bound === undefined ? undefined : valueOf(bound.tokens, syntax.wordArguments);
}

/** Reads what a format string is applied to, in one language's tokens. */
class ArgumentReader {
  constructor(
    private readonly text: string,
    private readonly code: readonly Token[],
    private readonly syntax: ReadSyntax,
  ) {}

  /** The arguments applied to the format string at `index`, in order; undefined when it is applied to none. */
  argumentsOf(index: number): Argument[] | undefined {
    const { code, syntax } = this;
    const next = code[index + 1];
    const nextText = next?.kind === "punct" ? next.text : undefined;
    // `f(…, "fmt", a, b)`: the rest of the call's arguments; `vsprintf("fmt", [a, b])`: the list's items.
    if (nextText === ",") return this.insideCall(index) ? this.spread(this.listAt(index + 2, false)) : undefined;
    // `"fmt" % (a, b)`, `"fmt" % {"t": v}`, `"fmt" % v`, `"fmt" -f a, b`.
    if (nextText !== undefined && syntax.operators.has(nextText)) return this.operand(index + 2);
    // `"fmt".format(a, t=b)`.
    const method = code[index + 2];
    if (nextText === "." && method?.kind === "identifier" && syntax.methods.has(method.text) && isPunct(code[index + 3], "(")) {
      return this.spread(this.listAt(index + 4, false));
    }
    // `printf 'fmt' a b`: the words up to the end of the command.
    if (syntax.wordArguments && next !== undefined && next.kind !== "punct" && !this.lineBreakBefore(index + 1)) return this.wordsAt(index + 1);
    return undefined;
  }

  /** Whether the string at `index` is an argument of a call: the `(` of the list it stands in follows a name. */
  private insideCall(index: number): boolean {
    let depth = 0;
    for (let probe = index - 1; probe >= 0 && probe >= index - MAX_LEADING_TOKENS; probe--) {
      const token = this.code[probe]!;
      if (token.kind !== "punct") continue;
      if (CLOSERS.has(token.text)) depth++;
      else if (OPENERS.has(token.text)) {
        if (depth-- > 0) continue;
        const callee = this.code[probe - 1];
        return token.text === "(" && (callee?.kind === "identifier" || isPunct(callee, "!"));
      } else if (depth === 0 && (token.text === ";" || token.text === "=")) return false;
    }
    return false;
  }

  /** One bracketed list or dict standing for all the arguments (`vsprintf`, `.format(**{…})`-free maps): its items. */
  private spread(args: Argument[]): Argument[] {
    const only = args.length === 1 && args[0]!.name === undefined ? args[0]!.tokens : undefined;
    const first = only?.[0];
    const last = only?.[only.length - 1];
    if (only && ((isPunct(first, "[") && isPunct(last, "]")) || (isPunct(first, "{") && isPunct(last, "}")))) {
      return new ArgumentReader(this.text, only, this.syntax).listAt(1, false);
    }
    return args;
  }

  /** The operand of a format operator: a bracketed tuple, list or dict, or a comma list to the end of the expression. */
  private operand(index: number): Argument[] {
    const first = this.code[index];
    if (first?.kind === "punct" && OPENERS.has(first.text)) return this.listAt(index + 1, false);
    return this.listAt(index, true);
  }

  /**
   * The comma-separated items from `index` to the bracket that closes the list, or, when
   * `toLineEnd`, also to a line break outside brackets (an operand without brackets).
   */
  listAt(index: number, toLineEnd: boolean): Argument[] {
    const args: Argument[] = [];
    let current: Token[] = [];
    let depth = 0;
    const limit = Math.min(this.code.length, index + MAX_ARGUMENT_TOKENS);
    for (let probe = index; probe < limit; probe++) {
      const token = this.code[probe]!;
      if (toLineEnd && depth === 0 && probe > index && this.lineBreakBefore(probe)) break;
      if (token.kind === "punct") {
        if (OPENERS.has(token.text)) depth++;
        else if (CLOSERS.has(token.text)) {
          if (depth-- === 0) break;
        } else if (depth === 0 && token.text === ",") {
          args.push(this.named(current));
          current = [];
          continue;
        } else if (depth === 0 && token.text === ";") break;
      }
      current.push(token);
    }
    if (current.length > 0) args.push(this.named(current));
    return args;
  }

  /** `t="v"`, `t: "v"`, `"t": "v"`, `'t' => 'v'`: the name an argument is passed under. */
  private named(tokens: Token[]): Argument {
    const [first, separator] = tokens;
    if (tokens.length < 3 || separator?.kind !== "punct" || !NAMING_OPS.has(separator.text)) return { tokens };
    if (first?.kind === "identifier") return { tokens: tokens.slice(2), name: first.text.replace(/^\$/, "") };
    if (first?.kind === "string") return { tokens: tokens.slice(2), name: this.text.slice(first.contentStart, first.contentEnd) };
    return { tokens };
  }

  /** Shell words after `printf 'fmt'`, one argument each, to the end of the command. */
  private wordsAt(index: number): Argument[] {
    const args: Argument[] = [];
    for (let probe = index; probe < this.code.length && probe < index + MAX_ARGUMENT_TOKENS; probe++) {
      const token = this.code[probe]!;
      if (token.kind === "punct") break;
      args.push({ tokens: [token] });
    }
    return args;
  }

  private lineBreakBefore(index: number): boolean {
    const previous = this.code[index - 1];
    const token = this.code[index];
    if (!previous || !token) return false;
    for (let pos = previous.end; pos < token.start; pos++) {
      const code = this.text.charCodeAt(pos);
      if (code === CharacterCodes.lineFeed || code === CharacterCodes.carriageReturn) return true;
    }
    return false;
  }
}

const OPENERS = new Set(["(", "[", "{", "@("]);
const CLOSERS = new Set([")", "]", "}"]);
/** Operators that pass an argument under a name: keyword arguments and dict entries. */
const NAMING_OPS = new Set(["=", ":", "=>"]);
const CHAIN_PUNCT = new Set([".", "->", "::", "?."]);

/**
 * A lone literal, or a lone name or member chain (`token`, `$this->token`, `self.token`) whose
 * definition may be a literal; anything computed is not followed. A shell word is a literal
 * even unquoted, unless it expands a variable.
 */
function valueOf(tokens: readonly Token[], words: boolean): FormatArgument | undefined {
  const [token] = tokens;
  if (tokens.length === 1 && token?.kind === "string") {
    return token.contentEnd > token.contentStart && token.parts.every((part) => part.kind === "text") ? { literal: token } : undefined;
  }
  if (tokens.length === 1 && token?.kind === "identifier" && words && !token.text.startsWith("$")) return { literal: bareString(token.start, token.end) };
  let name = "";
  for (const [at, part] of tokens.entries()) {
    const fits = at % 2 === 0 ? part.kind === "identifier" : part.kind === "punct" && CHAIN_PUNCT.has(part.text);
    if (!fits || !("text" in part)) return undefined;
    name += part.text;
  }
  return tokens.length % 2 === 1 ? { reference: name } : undefined;
}

function isPunct(token: Token | undefined, text: string): token is Token & { kind: "punct"; text: string } {
  return token?.kind === "punct" && token.text === text;
}
