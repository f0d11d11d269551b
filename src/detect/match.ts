// The matchers, shared by every language: they read a unit's tokens and report
// candidates where a literal is bound to a credential's key name.
//
// One left-to-right pass over the code tokens recognises, at each key-named
// token K (identifier, dotted name, `$var`, or a name-like string):
//   K = "v"   K: "v"   K => "v"   K := "v"   K: type = "v"     (assignment)
//   K ?? "v"  K || "v"  K ?: "v"  K or "v"                      (fallback)
//   f("K", "v")   getenv("K", "v")   f("K", default="v")       (argument)
//   { name: "K", value: "v" }   - name: K / value: v           (name-value, in
//                                              any record: name-value-records.ts)
//   K = other_name                                             (reference)
// and inside every string, comment and prose text run, `K=v`, `K: v`,
// `"K": "v"`, ending a string that is concatenated with "v" or ${name}.
// References (a name, a call `f(…)`, an entry `m.get(k)`) and the arguments of
// functions with key-named parameters are resolved at the end by the unit's
// value flow (value-flow.ts: what it follows, and what crosses functions),
// collected then, only when there is something to resolve; the literal is reported.

import { splitComments, withoutComments } from "../languages/shared/code-tokens.js";
import { lexDecodedRange } from "../languages/decoded-region.js";
import { snippetLexer, type LexedUnit } from "../languages/lex-source.js";
import { CharacterCodes } from "../languages/shared/character-codes.js";
import { languageById } from "../languages/registry.js";
import type { MatcherHints } from "../languages/shared/language-definition.js";
import { lexHtml } from "../languages/shared/markup-lexer.js";
import type { CommentToken, InterpolationPart, Lexer, StringToken, TableGrid, Token } from "../languages/shared/tokens.js";
import { lexShell } from "../languages/shared/shell-lexer.js";
import { columnValues } from "./column-values.js";
import { commandValues } from "./command-flags.js";
import { firstAtOrAfter } from "../languages/shared/first-not-before.js";
import { formatArgumentAt } from "./format-strings.js";
import { templateDefaults } from "./template-defaults.js";
import { NameValueRecords } from "./name-value-records.js";
import { NameValueRows } from "./name-value-rows.js";
import { tableBindings } from "./table-cells.js";
import { elementValue } from "./markup-elements.js";
import { CodeView } from "./code-view.js";
import { environmentMapValues, singularName } from "./environment-token-maps.js";
import { keyNamedValue } from "./key-named-code.js";
import { ExpressionReader, interpolatedRead, isValueWrapper, normaliseName, skipAnnotation, UnitFlow, type FlowValues } from "./value-flow.js";
import type { Candidate } from "./candidate.js";
import { nameMatch, type CompiledRule } from "./rule.js";
import { spansOf, type WordSpans } from "./word-spans.js";
import { namesNonCredential } from "./not-a-credential.js";
import { splitWords } from "./key-names.js";

/**
 * Words that, alone before `token`, say the value is the API's own credential
 * (`token`, `api_token`, `accessToken`, a table column headed `Token`) rather than
 * another token a name would qualify (`BUILD_TOKEN`, `CACHE_TOKEN`, `PAGE_TOKEN`).
 */
const API_CREDENTIAL_WORDS = new Set(["api", "access", "bearer", "secret", "private", "account", "service", "app"]);

/**
 * In a file that talks to the provider, a weak name made of the last word of one
 * of the rule's key names (`token`) and credential words only names its credential.
 */
function namesTheApiCredential(name: string, compiled: CompiledRule): boolean {
  const words = splitWords(name);
  const last = words.at(-1);
  return compiled.keyWords.some((key) => key.at(-1) === last) && words.slice(0, -1).every((word) => API_CREDENTIAL_WORDS.has(word));
}

/** An assignment operator, then a quote after it, in `start..end`: commented-out code that may define a literal (one pass, no copy). */
function holdsAssignedLiteral(text: string, start: number, end: number): boolean {
  let assigned = false;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === CharacterCodes.equals || code === CharacterCodes.colon) assigned = true;
    else if (assigned && (code === CharacterCodes.doubleQuote || code === CharacterCodes.singleQuote || code === CharacterCodes.backtick)) return true;
  }
  return false;
}

/** Last words of a callee that constructs a provider's client (`ConvosoClient`, `convoso_api`, `ConvosoSdk`). */
const CLIENT_WORDS = new Set(["client", "service", "api", "sdk", "connector", "gateway", "connection"]);

/** How a name relates to a rule. */
export interface KeyMatch {
  rule: CompiledRule;
  weak: boolean;
  /** A weak name that holds one of the rule's context words (`convosoReportingToken`). */
  providerNamed?: boolean;
}

/** Per-file matching state shared by the units of one source. */
export interface MatchContext {
  text: string;
  rules: readonly CompiledRule[];
  /** Rules whose context words occur in the file: weak names count for them. */
  contextRules: ReadonlySet<CompiledRule>;
  /** Classifications of names, shared by every matcher of the file. */
  keyCache: Map<string, KeyMatch | null>;
  /**
   * Where the last words of the rules' key names (`token`) occur in the text,
   * ASCII case ignored, by start: a name can be a key only around one.
   */
  lastWordSpans: WordSpans;
  /**
   * Where each marker (`<`, `{{`) occurs in the text, found on the first
   * question: every unit's matcher asks, and searching on from each unit's
   * strings to the next marker anywhere after them read the rest of the file
   * once per embedded unit.
   */
  markerOffsets: Map<string, number[]>;
}

/** The per-file context for `rules`. */
export function createMatchContext(text: string, rules: readonly CompiledRule[], contextRules: ReadonlySet<CompiledRule>): MatchContext {
  const lastWords = rules.length === 1 ? rules[0]!.lastWords : [...new Set(rules.flatMap((compiled) => compiled.lastWords))];
  return { text, rules, contextRules, keyCache: new Map(), lastWordSpans: spansOf(text, lastWords), markerOffsets: new Map() };
}

/** Every offset of `char` in `text`, ascending. */
function offsetsOf(text: string, char: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) offsets.push(at);
  return offsets;
}


const ASSIGN_OPS = new Set(["=", ":=", "?=", "??=", "||="]);
const PAIR_OPS = new Set([":", "=>"]);
const FALLBACK_OPS = new Set(["??", "||", "?:"]);
const CONCAT_OPS = new Set(["+", "."]);
/** Words before a constructor's parameter (`private readonly authToken`). */
const PARAMETER_MODIFIERS = new Set(["private", "public", "protected", "readonly"]);
/** Keyword arguments that carry a default value for an option named by the first argument. */
const DEFAULT_ARGS = new Set(["default", "defaultvalue", "envvar_default"]);
/** Words of a C# auto-property's accessor list (`{ get; private set; }`, `{ get; init; }`). */
const ACCESSOR_WORDS = new Set(["get", "set", "init", "private", "protected", "internal"]);
/** The longest accessor list read: `{ get; protected internal set; }`. */
const MAX_ACCESSOR_TOKENS = 10;
/** Methods whose argument is the value when what they are called on is missing: `.default("v")` (zod), Rust's `.unwrap_or("v")`, Java's and Scala's `.orElse("v")`, `.getOrElse("v")`. */
const FALLBACK_METHODS = new Set(["default", "unwrap_or", "unwrap_or_else", "orElse", "getOrElse"]);
/** Calls that turn a literal into another string type without changing it: Rust's `.to_string()`, `.into()`, `.to_owned()`. */
const CONVERSIONS = new Set(["to_string", "into", "to_owned", "toString"]);
/** Calls whose first argument names an environment variable (`System.get_env("K", "v")` in Elixir, `getOrDefault` on Java's `System.getenv()`, Scala's `sys.env.getOrElse`). */
const ENV_CALLS = new Set(["getenv", "get", "setdefault", "env", "getEnv", "Getenv", "fetch", "get_env", "getOrDefault", "getOrElse"]);
/** A string used as a key must look like a name, not a sentence. */
const NAME_LIKE = /^[-$@A-Za-z_][-\w$.:]*$/;
/** A table cell may name a key as a title too (`Auth Token`, `Convoso API Token`). */
const TITLE_LIKE = /^[A-Za-z_][-\w$.: ]*$/;
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A word on a command line that may name a key: a variable, a flag, a path (`/prod/convoso/auth_token`). */
const COMMAND_WORD = /^[-\w./]+$/;
/** Characters a credential value is made of, inside text. */
const VALUE_CHAR = /[A-Za-z0-9._~+/=%-]/;
const RUN_CHAR = /[A-Za-z0-9_$-]/;

/** A `K = name` seen before its definition may be known: resolved at the end. */
interface Reference {
  /** A name, `f()` for a call's result, `m[k]` / `m[]` for a collection's entry. */
  name: string;
  key: KeyMatch;
  inComment: boolean;
  /** The code token index it is read at, when known: a parameter's name means the parameter only inside its function. */
  at?: number;
}

export function matchUnit(unit: LexedUnit, context: MatchContext): Candidate[] {
  return new UnitMatcher(unit, context).run();
}

/**
 * Code inside a comment or markup inside a string, matched by a nested matcher
 * whose candidates are reported in the host unit: the comment's or string's.
 */
interface Nesting {
  host: LexedUnit;
  inComment: boolean;
  /** The host string holding the markup; its quoting decides the replacement. */
  hostToken?: StringToken;
}

class UnitMatcher {
  private readonly text: string;
  private readonly code: readonly Token[];
  /** The unit's comments, in order. */
  private readonly comments: readonly CommentToken[];
  private readonly candidates: Candidate[] = [];
  private readonly references: Reference[] = [];
  private readonly view: CodeView;
  private readonly reader: ExpressionReader;
  /** A key-named parameter was seen: calls of its function may send the token. */
  private keyParameterSeen = false;
  private readonly keyCache: Map<string, KeyMatch | null>;
  /** What the unit's language tells the matcher (nested matchers read their host's). */
  private readonly hints: MatcherHints;
  /** Name/value records open at the token being matched. */
  private readonly records: NameValueRecords<KeyMatch>;
  /** Name/value records stored as SQL rows; made at the first key literal that needs them. */
  private rows: NameValueRows | undefined;
  /** Where firstSpanFrom's last answer was. */
  private spanCursor = 0;
  /** The first `<` at or after the last string `holdsMarkup` looked at (2^32 - 1 when there is none). */
  private nextLessThan = -1;
  /** Comments already lexed as code (commentCode). */
  private readonly lexedComments = new Map<CommentToken, Token[]>();
  /** The last run of value characters read: `K=K=K=…` holds one run, read once, not once per key. */
  private readonly valueRuns = new ValueRuns();
  /** The first `{{` at or after the last string part `holdsTemplate` looked at (2^32 - 1 when there is none). */
  private nextTemplate = -1;

  constructor(
    private readonly unit: LexedUnit,
    private readonly context: MatchContext,
    private readonly nesting?: Nesting,
  ) {
    this.text = context.text;
    ({ code: this.code, comments: this.comments } = splitComments(unit.tokens));
    this.view = new CodeView(this.text, this.code);
    this.reader = new ExpressionReader(this.view);
    this.keyCache = context.keyCache;
    this.hints = languageById(unit.language).matcherHints;
    const reader = { fieldName: (index: number) => this.fieldName(index), keyAt: (index: number) => this.recordKeyAt(index) };
    this.records = new NameValueRecords(this.code, this.text, this.hints.records, reader, (key, index) => this.bindRecordValue(key, index));
  }

  run(): Candidate[] {
    if (!this.nesting) {
      for (let index = 0; index < this.comments.length; index++) {
        const token = this.comments[index]!;
        if (!(this.mayHoldKey(token.contentStart, token.contentEnd) || this.namesProvider(token.contentStart, token.contentEnd))) continue;
        this.matchText(token.contentStart, token.contentEnd, true);
        this.matchNested(this.commentCode(token), token.contentStart, token.contentEnd, { host: this.unit, inComment: true });
        // A commented-out command is shell whatever the file's language (`// gh secret set K --body v`);
        // where code is commands already, the nested matcher reads it so.
        if (!this.hints.commandLines) this.matchCommandLines(lexShell(this.text, token.contentStart, token.contentEnd).tokens, true);
      }
    }
    for (let index = 0; index < this.code.length; index++) {
      const token = this.code[index]!;
      if (token.kind === "string") {
        this.matchString(index, token);
        if (!this.nesting && this.holdsMarkup(token)) {
          this.matchNested(this.lexRange(lexHtml, token.contentStart, token.contentEnd), token.contentStart, token.contentEnd, { host: this.unit, inComment: false, hostToken: token });
        }
      }
      const key = this.keyAt(index);
      if (key) this.matchBinding(index, key);
      else if (token.kind === "identifier") {
        this.matchEnvironmentMap(index, token.text);
        this.matchProviderClient(index, token.text);
      }
      this.records.visit(index);
    }
    if (this.hints.commandLines) this.matchCommandLines(this.code, false);
    for (const table of this.unit.tables ?? []) this.matchTable(table);
    this.resolveReferences();
    return this.candidates;
  }

  // --- nesting -----------------------------------------------------------------

  /** Commented-out code and markup in strings are code too: lexed (`tokens`), they are matched once more. */
  private matchNested(tokens: Token[], start: number, end: number, nesting: Nesting): void {
    const { decoded } = this.unit;
    const nested = new UnitMatcher({ language: this.unit.language, start, end, tokens, ...(decoded && { decoded }) }, this.context, nesting);
    this.candidates.push(...nested.run());
  }

  /** `start..end` of the unit lexed by `lexer`, through the unit's decoding when it has one (a notebook cell). */
  private lexRange(lexer: Lexer, start: number, end: number): Token[] {
    const { decoded } = this.unit;
    return (decoded ? lexDecodedRange(lexer, decoded, this.text, start, end) : lexer(this.text, start, end)).tokens;
  }

  /** A comment's text lexed as the unit's language, once: the nested match and the commented-out definitions both read it. */
  private commentCode(comment: CommentToken): Token[] {
    let tokens = this.lexedComments.get(comment);
    if (tokens === undefined) this.lexedComments.set(comment, (tokens = this.lexRange(snippetLexer(this.unit.language), comment.contentStart, comment.contentEnd)));
    return tokens;
  }


  /** `'<input name="auth_token" value="…">'`: a string holding a tag that names a key. */
  private holdsMarkup(token: StringToken): boolean {
    if (!this.hints.stringsMayHoldMarkup) return false;
    // Strings come in text order: search on from the last `<` found, not from
    // each string to the next `<` anywhere after it (the whole file, string
    // after string, in a file with none).
    if (this.nextLessThan < token.contentStart) this.nextLessThan = this.firstMarkerFrom("<", token.contentStart);
    return this.nextLessThan < token.contentEnd && this.mayHoldKey(token.contentStart, token.contentEnd);
  }

  /** The first `marker` at or after `start`; 2^32 - 1 when there is none. */
  private firstMarkerFrom(marker: string, start: number): number {
    let offsets = this.context.markerOffsets.get(marker);
    if (offsets === undefined) this.context.markerOffsets.set(marker, (offsets = offsetsOf(this.text, marker)));
    return offsets[firstAtOrAfter(offsets, start)] ?? 2 ** 32 - 1;
  }

  // --- names -----------------------------------------------------------------

  /** Classifies a name against the rules (memoised per file, and per rule for the run). */
  private classify(name: string): KeyMatch | undefined {
    const cached = this.keyCache.get(name);
    if (cached !== undefined) return cached ?? undefined;
    let result: KeyMatch | undefined;
    for (const compiled of this.context.rules) {
      const match = nameMatch(compiled, name);
      if (match === "key") {
        result = { rule: compiled, weak: false };
        break;
      }
      if ((match === "qualified" || match === "last-word") && !result && this.context.contextRules.has(compiled) && !namesNonCredential(name)) {
        result = { rule: compiled, weak: true, providerNamed: compiled.contextPattern?.test(name) === true || namesTheApiCredential(name, compiled) };
      }
    }
    this.keyCache.set(name, result ?? null);
    return result;
  }

  /** The key match of the token at `index` when it can name a credential. */
  private keyAt(index: number): KeyMatch | undefined {
    const token = this.code[index]!;
    // Nearly every token lies far from a last word: telling so by offset skips classifying its text.
    if (token.kind === "identifier") return this.mayHoldKey(token.start, token.end) ? this.classify(token.text) : undefined;
    return token.kind === "string" ? this.stringKey(token, NAME_LIKE) : undefined;
  }

  /** The key a string names when its content has `shape` (a name; a table's title too). */
  private stringKey(token: StringToken, shape: RegExp): KeyMatch | undefined {
    if (!this.mayHoldKey(token.contentStart, token.contentEnd)) return undefined;
    const name = this.literalContent(token);
    return name !== undefined && name.length <= 100 && shape.test(name) ? this.classify(name) : undefined;
  }

  /** A record's name may be a parameter path (`/dialer/prod/CONVOSO_AUTH_TOKEN`): its last segment names it. */
  private recordKeyAt(index: number): KeyMatch | undefined {
    const token = this.code[index];
    if (token?.kind !== "string") return this.keyAt(index);
    const name = this.literalContent(token);
    const segment = name?.slice(name.lastIndexOf("/") + 1);
    if (segment === undefined || segment.length > 100 || !NAME_LIKE.test(segment)) return undefined;
    return this.mayHoldKey(token.contentEnd - segment.length, token.contentEnd) ? this.classify(segment) : undefined;
  }

  /** Whether one of the last words lies wholly inside `start..end`; a name elsewhere cannot be a key. */
  private mayHoldKey(start: number, end: number): boolean {
    const { starts, ends } = this.context.lastWordSpans;
    for (let at = this.firstSpanFrom(start); at < starts.length && starts[at]! < end; at++) {
      if (ends[at]! <= end) return true;
    }
    return false;
  }

  /**
   * The first last-word span starting at or after `start`. Tokens are asked
   * about in text order, so the answer is the last one or a few spans on: walk
   * on from it, and bisect only when sent back or far ahead (a bisection with
   * its closure for every token was a fifth of the matcher's own time; a
   * closure here at all allocates its context on every call).
   */
  private firstSpanFrom(start: number): number {
    const { starts } = this.context.lastWordSpans;
    let at = this.spanCursor;
    const sentBack = at > 0 && starts[at - 1]! >= start;
    for (const limit = Math.min(starts.length, at + 8); !sentBack && at < limit && starts[at]! < start; ) at++;
    if (sentBack || (at < starts.length && starts[at]! < start)) at = firstAtOrAfter(starts, start);
    this.spanCursor = at;
    return at;
  }

  private literalContent(token: StringToken): string | undefined {
    return this.view.literalContent(token);
  }

  private punctAt(index: number): string | undefined {
    return this.view.punctAt(index);
  }

  private identAt(index: number): string | undefined {
    return this.view.identAt(index);
  }

  private readChain(index: number): { name: string; next: number } | undefined {
    return this.view.readChain(index);
  }

  private chainStart(index: number): number {
    return this.view.chainStart(index);
  }

  /**
   * The env var read at key position `index`, when K is one: `process.env.K`,
   * `$env:K`, `os.environ["K"]`, `$_ENV['K']`, `getenv("K")`, `os.environ.get("K")`.
   */
  private envReadName(index: number): string | undefined {
    const token = this.code[index]!;
    if (token.kind === "identifier") {
      const variable = this.hints.envVariable?.exec(token.text);
      if (variable) return variable[1];
      if (this.punctAt(index - 1) === "." && this.identAt(index - 2) === "env") return token.text;
      return undefined;
    }
    if (token.kind !== "string") return undefined;
    const name = this.literalContent(token);
    if (name === undefined || !ENV_VAR_NAME.test(name)) return undefined;
    const opener = this.punctAt(index - 1);
    const owner = this.identAt(index - 2);
    if (opener === "[" && owner !== undefined && this.hints.envObjects.has(owner)) return name;
    if (opener === "(" && owner !== undefined && ENV_CALLS.has(owner)) return name;
    return undefined;
  }

  // --- bindings --------------------------------------------------------------

  private matchBinding(index: number, key: KeyMatch): void {
    const token = this.code[index]!;
    if (token.kind === "identifier" && this.mayBeParameter(index)) this.keyParameterSeen = true;
    // PowerShell's `Invoke-Api -AuthToken $t`: a named parameter's value is the word after it
    // (where code is command lines, command-flags.ts reads flags).
    if (token.kind === "identifier" && token.text.startsWith("-") && !this.hints.commandLines) {
      this.matchFlow(this.reader.operand(index + 1)?.values ?? { literals: [], names: [] }, key, "argument", index + 1);
      return;
    }
    // `INSERT INTO t (slug, auth_token) VALUES ('a', '…')`: the column's position binds each row's value.
    const before = this.punctAt(index - 1);
    if (before === "(" || before === ",") {
      const rows = columnValues(this.view, index);
      for (const literal of rows) this.add(key, literal, "assignment", {});
      if (rows.length > 0) return;
    }
    // `VALUES ('auth_token', '…')` under `(name, value)`, `UPDATE … SET value = '…' WHERE name = 'auth_token'`.
    if (token.kind === "string" && (before === "(" || before === "," || before === "=")) {
      const value = (this.rows ??= new NameValueRows(this.view)).valueFor(index);
      if (value) this.add(key, value, "name-value", {});
      if (value !== undefined) return;
    }
    // `<authToken>…</authToken>`, `<key>K</key><string>…</string>`, `<entry key="K">…</entry>` (markup-elements.ts).
    if (before === "<" || before === ">" || before === "=") {
      const element = elementValue(this.view, index);
      if (element) {
        this.add(key, element.value, element.context, {});
        return;
      }
    }
    // `f("K", …)`: the key is an argument; the value is the next argument or a default= keyword.
    // A Ruby symbol or an Elixir atom names a key as a string does, in any argument position:
    // `fetch(:auth_token, "…")`, `Application.get_env(:app, :auth_token, "…")`.
    const symbolArgument = this.hints.symbolNames && this.isSymbol(index) && (this.punctAt(index - 2) === "(" || this.punctAt(index - 2) === ",");
    if ((symbolArgument || (token.kind === "string" && this.isArgumentKey(index))) && this.punctAt(index + 1) === ",") {
      this.matchArgumentValue(index, key);
      return;
    }
    let next = index + 1;
    const closer = this.punctAt(next);
    // `env["K"] ||`, `getenv("K") ?:`, Perl's `$ENV{'K'} //`.
    if (token.kind === "string" && (closer === "]" || closer === ")" || closer === "}")) next++;
    next = this.skipAnnotation(token, next);
    if (this.hints.propertyAccessors) next = this.skipAccessors(next);
    // A pair `"K" -> v` in any language: Scala's maps, Kotlin's `when` and Elixir's `case`
    // branches, and prose that shows a value (`"auth_token" -> "…"`); after a name, `->` is a lambda or a method call.
    const arrow = this.punctAt(next) === "->" && token.kind === "string";
    const op = arrow ? ":" : (this.punctAt(next) ?? "");
    const envVar = this.envReadName(index);
    if (FALLBACK_OPS.has(op)) {
      const literal = this.literalAt(next + 1);
      if (literal) {
        const exprEnd = this.code[next - 1]!.end;
        this.add(key, literal, "env-fallback", { envVar, removal: { start: exprEnd, end: literal.end } });
      }
      return;
    }
    if (token.kind === "identifier" && !ASSIGN_OPS.has(op) && !PAIR_OPS.has(op)) {
      // `.withAuthToken("v")`, `def auth_token(): return "v"`, `Set-Item Env:AUTH_TOKEN "v"` (key-named-code.ts).
      const named = keyNamedValue(this.view, this.reader, index, key.rule.keyWords, key.weak, this.hints);
      if (named) {
        this.matchFlow(named.values, key, named.context, index);
        return;
      }
    }
    // Otherwise K may be a name/value record's name: the records see every token.
    if (!ASSIGN_OPS.has(op) && !PAIR_OPS.has(op)) return;
    this.matchValue(next + 1, key, envVar, token.kind === "identifier" ? this.statementStart(index) : undefined, token);
  }

  /** A key-named column's cells, and the value cells of name/value rows (table-cells.ts). */
  private matchTable(table: TableGrid): void {
    const reader = { text: (cell: StringToken) => this.literalContent(cell), keyOf: (cell: StringToken) => this.cellKey(cell) };
    for (const { key, value, context } of tableBindings(table, reader)) this.add(key, value, context, {});
  }

  /** The key a table cell names: a name or a title (`Auth Token`). */
  private cellKey(cell: StringToken): KeyMatch | undefined {
    return this.stringKey(cell, TITLE_LIKE);
  }

  /** `AUTH_TOKENS = { dev: "v", prod: "w" }`: a key's plural, one token per environment (environment-token-maps.ts). */
  private matchEnvironmentMap(index: number, name: string): void {
    const token = this.code[index]!;
    // The offset test first: nearly every identifier fails it, and the singular is a copy.
    const singular = this.mayHoldKey(token.start, token.end) ? singularName(name) : undefined;
    const key = singular === undefined ? undefined : this.classify(singular);
    if (key) for (const literal of environmentMapValues(this.view, index)) this.add(key, literal, "assignment", {});
  }

  /** Whether `start..end` names a provider the file talks to (a commented-out `new ConvosoClient('…')`). */
  private namesProvider(start: number, end: number): boolean {
    // Most files talk to no provider: no comment is copied to find out.
    if (this.context.contextRules.size === 0) return false;
    const slice = this.text.slice(start, end);
    for (const compiled of this.context.contextRules) if (compiled.contextPattern?.test(slice) === true) return true;
    return false;
  }

  /**
   * `new ConvosoClient("…")`, `ConvosoService('…')`, `createConvosoApi("…")`: a client
   * named for the provider, constructed with a literal first argument. Weak evidence
   * (the argument may be an account or a URL), so the value must look random; a client
   * imported under another name is not assumed to take the token.
   */
  private matchProviderClient(index: number, name: string): void {
    if (this.context.contextRules.size === 0 || this.punctAt(index + 1) !== "(") return;
    for (const compiled of this.context.contextRules) {
      // The provider's name first: almost no call names it, and its words are looked up only when it does.
      if (compiled.contextPattern?.test(name) !== true) continue;
      if (!CLIENT_WORDS.has(splitWords(name).at(-1) ?? "")) return;
      const argument = this.reader.operand(index + 2);
      const next = argument === undefined ? undefined : this.punctAt(argument.next);
      if (next !== ")" && next !== ",") return;
      for (const literal of argument!.values.literals) this.add({ rule: compiled, weak: true, providerNamed: true }, literal, "argument", {});
      return;
    }
  }

  /** `(authToken`, `, auth_token`, `private readonly authToken`, `(String authToken`, `?string $authToken`: where a parameter list names one. */
  private mayBeParameter(index: number): boolean {
    let before = index - 1;
    // Modifiers and a type written before the name.
    while (before > index - 4 && this.identAt(before) !== undefined) {
      if (PARAMETER_MODIFIERS.has(this.identAt(before)!)) return true;
      before--;
    }
    if (this.punctAt(before) === "?") before--;
    const opener = this.punctAt(before);
    return opener === "(" || opener === ",";
  }

  /**
   * `f("K", …)`, a pair `["K", v]` or `{"K", v}` (an Elixir tuple, a C# collection initializer),
   * `f "K", v` where calls need no parentheses, or `add_argument("-t", "--auth-token", …)` after another option flag.
   */
  private isArgumentKey(index: number): boolean {
    const before = this.punctAt(index - 1);
    if (before === "(") return true;
    if (before === "[") return this.punctAt(this.reader.operand(index + 2)?.next ?? -1) === "]";
    if (before === "{") return this.punctAt(this.reader.operand(index + 2)?.next ?? -1) === "}";
    if (this.hints.parenlessCalls && this.identAt(index - 1) !== undefined && !this.lineBreakBefore(index)) return true;
    const flag = this.code[index - 2];
    return before === "," && flag?.kind === "string" && this.literalContent(flag)?.startsWith("-") === true;
  }

  /** `:auth_token` written as a Ruby symbol or an Elixir atom: a `:` just before the name. */
  private isSymbol(index: number): boolean {
    const colon = this.code[index - 1];
    return colon?.kind === "punct" && colon.text === ":" && colon.end === this.code[index]!.start;
  }

  /** Skips a C# auto-property's accessors between its name and its initializer: `AuthToken { get; set; } = "…"`. */
  private skipAccessors(next: number): number {
    if (this.punctAt(next) !== "{") return next;
    for (let probe = next + 1; probe < next + MAX_ACCESSOR_TOKENS && probe < this.code.length; probe++) {
      if (this.punctAt(probe) === "}") return probe > next + 1 ? probe + 1 : next;
      if (this.punctAt(probe) !== ";" && !ACCESSOR_WORDS.has(this.identAt(probe) ?? "")) return next;
    }
    return next;
  }

  /** Skips `: Type` between a name and its `=` (TypeScript, Python annotations). */
  private skipAnnotation(token: Token, next: number): number {
    return token.kind === "identifier" ? skipAnnotation(this.view, next) : next;
  }

  /** The value expression after a binding operator at `index`. */
  private matchValue(index: number, key: KeyMatch, envVar: string | undefined, statementStart: number | undefined, keyToken: Token): void {
    while (this.punctAt(index) === "(") index++;
    // JSX `authToken={"…"}`: the braces only hold the expression.
    if (this.punctAt(index) === "{" && this.code[index + 1]?.kind === "string" && this.punctAt(index + 2) === "}") index++;
    // YAML `K: &name "v"`: the anchor labels the value without changing it.
    if (this.hints.anchors && this.identAt(index)?.startsWith("&") === true && this.literalAt(index + 1)) index++;
    const literal = this.literalAt(index);
    if (literal) {
      const assignment =
        statementStart !== undefined && keyToken.kind === "identifier" ? { name: keyToken.text, statementStart } : undefined;
      this.add(key, literal, "assignment", { envVar, assignment });
    }
    // The other branches (`c ? x : "v"`, `x if c else "v"`), wrapped defaults and what the value reads.
    this.matchFlow(this.reader.read(index, false), key, "assignment", index, literal);
    if (!literal) this.matchValueExpression(index, key);
  }

  /** Literals an expression at a sink may take are candidates; the names it reads are references. */
  private matchFlow(values: FlowValues, key: KeyMatch, context: Candidate["context"], at: number, reported?: StringToken): void {
    for (const literal of values.literals) if (literal !== reported) this.add(key, literal, context, {});
    for (const name of values.names) this.references.push({ name, key, inComment: false, at });
  }

  /**
   * Looks inside a value expression for a hardcoded default: `a || "v"`,
   * `getenv("X", "v")`, `z.string().default("v")`. Stops at the expression's end.
   */
  private matchValueExpression(index: number, key: KeyMatch): void {
    let depth = 0;
    for (let probe = index; probe < this.code.length && probe < index + 40; probe++) {
      const token = this.code[probe]!;
      // Python and semicolon-free JavaScript end a statement at a line break outside brackets.
      if (depth === 0 && probe > index && this.lineBreakBefore(probe)) return;
      if (token.kind !== "punct") continue;
      const text = token.text;
      if (text === "(" || text === "[" || text === "{") depth++;
      else if (text === ")" || text === "]" || text === "}") {
        if (--depth < 0) return;
      } else if (depth === 0 && (text === "," || text === ";")) return;
      if (FALLBACK_OPS.has(text)) {
        const literal = this.literalAt(probe + 1);
        if (literal) this.add(key, literal, "env-fallback", { removal: { start: this.code[probe - 1]!.end, end: literal.end } });
        // `a ?? TOKENS[region]`: what the fallback reads may hold literals too, and a wrapper
        // (`config.get_secret("k") or pulumi.Output.secret("v")`) holds its literal.
        else {
          const operand = this.reader.operand(probe + 1)?.values;
          for (const wrapped of operand?.literals ?? []) this.add(key, wrapped, "assignment", {});
          for (const name of operand?.names ?? []) this.references.push({ name, key, inComment: false, at: probe + 1 });
        }
      } else if (text === "(" && FALLBACK_METHODS.has(this.identAt(probe - 1) ?? "") && this.punctAt(probe - 2) === ".") {
        const literalAt = this.hints.closureFallbacks ? this.closureBody(probe + 1) : probe + 1;
        const literal = this.literalAt(literalAt);
        const close = this.code[this.skipConversion(literalAt + 1)];
        if (literal && close?.kind === "punct" && close.text === ")") {
          this.add(key, literal, "env-fallback", { removal: { start: this.code[probe - 2]!.start, end: close.end } });
        }
      } else if (text === "(" && this.code[probe + 1]?.kind === "string" && this.punctAt(probe + 2) === "," && !isValueWrapper(this.identAt(probe - 1))) {
        const literal = this.literalAt(probe + 3);
        const first = this.code[probe + 1] as StringToken;
        const name = this.literalContent(first);
        if (literal && name !== undefined && ENV_VAR_NAME.test(name)) {
          this.add(key, literal, "env-fallback", { envVar: name, removal: { start: first.end, end: literal.end } });
        }
      }
    }
  }

  /** Where a closure argument's body starts: after Rust's `|_|` or `||` (`unwrap_or_else(|_| "v".into())`); `index` when there is none. */
  private closureBody(index: number): number {
    if (this.punctAt(index) === "||") return index + 1;
    if (this.punctAt(index) === "|" && this.punctAt(index + 2) === "|") return index + 3;
    return index;
  }

  /** Past a conversion call after a literal (`"v".to_string()`, `"v".into()`): the value is still the literal. */
  private skipConversion(index: number): number {
    const conversion = this.punctAt(index) === "." && CONVERSIONS.has(this.identAt(index + 1) ?? "") && this.punctAt(index + 2) === "(" && this.punctAt(index + 3) === ")";
    return conversion ? index + 4 : index;
  }

  private lineBreakBefore(index: number): boolean {
    return this.view.lineBreakBefore(index);
  }

  /** `f("K", "v")`, `f("K", token)`, `option("--k", type=str, default="v")`. */
  private matchArgumentValue(index: number, key: KeyMatch): void {
    const envVar = this.envReadName(index);
    const literal = this.literalAt(index + 2);
    if (literal) {
      const keyToken = this.code[index]!;
      this.add(key, literal, envVar ? "env-fallback" : "argument", {
        envVar,
        removal: envVar ? { start: keyToken.end, end: literal.end } : undefined,
      });
      return;
    }
    if (!ASSIGN_OPS.has(this.punctAt(index + 3) ?? "") && this.punctAt(index + 3) !== ":") {
      const values = this.reader.read(index + 2, false);
      this.matchFlow(values, key, "argument", index + 2);
      if (values.literals.length > 0 || values.names.length > 0) return;
    }
    // Keyword arguments up to the closing parenthesis.
    let depth = 0;
    for (let probe = index + 2; probe < this.code.length && probe < index + 60; probe++) {
      const text = this.punctAt(probe);
      if (text === "(" || text === "[" || text === "{") depth++;
      else if (text === ")" || text === "]" || text === "}") {
        if (--depth < 0) return;
      }
      const name = this.identAt(probe);
      if (depth === 0 && name !== undefined && DEFAULT_ARGS.has(name.toLowerCase())) {
        const op = this.punctAt(probe + 1);
        const value = this.literalAt(probe + 2);
        if ((op === "=" || op === ":") && value) this.add(key, value, "argument", {});
      }
    }
  }

  /** A name/value record paired a key with the value token at `index` (name-value-records.ts). */
  private bindRecordValue(key: KeyMatch, index: number): void {
    const literal = this.literalAt(index);
    if (literal) {
      this.add(key, literal, "name-value", {});
      return;
    }
    const chain = this.readChain(index);
    if (chain) this.references.push({ name: normaliseName(chain.name), key, inComment: false, at: index });
  }

  /** The name of a field token (identifier or name-like string), as written. */
  private fieldName(index: number): string | undefined {
    const token = this.code[index];
    if (token?.kind === "identifier") return token.text;
    if (token?.kind === "string") return this.literalContent(token);
    return undefined;
  }

  private literalAt(index: number): StringToken | undefined {
    return this.view.literalAt(index);
  }

  /** Where the statement holding the identifier at `index` begins (`export X=…` starts at `export`). */
  private statementStart(index: number): number {
    const start = this.chainStart(index);
    const previous = this.identAt(start - 1);
    if (previous !== undefined && /^(?:export|local|declare|readonly|const|let|var|set|ENV|ARG)$/.test(previous)) {
      return this.code[start - 1]!.start;
    }
    return this.code[start]!.start;
  }

  // --- definitions and references -----------------------------------------------

  private resolveReferences(): void {
    if (this.references.length === 0 && !this.keyParameterSeen) return;
    // Only a reference or a key-named parameter needs the value flow, and most
    // units hold neither: collecting it for every unit was a tenth of the matching time.
    const flow = new UnitFlow(this.view, (name) => this.classify(name), this.hints).collect();
    for (const { key, values, at } of flow.argumentFlows) this.matchFlow(values, key, "argument", at);
    for (const reference of this.references) {
      for (const literal of flow.resolve(reference.name, reference.at)) this.add(reference.key, literal, "reference", { inComment: reference.inComment });
    }
    if (!this.nesting && this.references.length > 0) this.matchCommentedOutDefinitions();
  }

  /**
   * `// $convosoKey = '…';` where the file sends `$convosoKey` as the token: a value
   * kept in a comment (an old or a spare token) is that token too. Each comment is
   * lexed once and only the names it defines are looked up, so the pass stays linear.
   */
  private matchCommentedOutDefinitions(): void {
    const sent = new Map<string, KeyMatch>();
    for (const reference of this.references) if (!sent.has(reference.name)) sent.set(reference.name, reference.key);
    for (let index = 0; index < this.comments.length; index++) {
      const comment = this.comments[index]!;
      // Most comments are prose: only one with an assignment before a quote can define a value.
      if (!holdsAssignedLiteral(this.text, comment.contentStart, comment.contentEnd)) continue;
      const tokens = withoutComments(this.commentCode(comment));
      if (!tokens.some((token) => token.kind === "string")) continue;
      const flow = new UnitFlow(new CodeView(this.text, tokens), (name) => this.classify(name), this.hints).collect();
      for (const name of flow.definedNames()) {
        const key = sent.get(name);
        if (key !== undefined) for (const literal of flow.resolve(name)) this.add(key, literal, "reference", { inComment: true });
      }
    }
  }

  // --- text inside strings, comments and prose ----------------------------------------

  private matchString(index: number, token: StringToken): void {
    const parts = token.parts;
    for (let partIndex = 0; partIndex < parts.length; partIndex++) {
      const part = parts[partIndex]!;
      if (part.kind === "interpolation") {
        if (part.fallback && part.name !== undefined) this.matchShellFallback(token, part);
        continue;
      }
      if (this.holdsTemplate(part.start, part.end)) this.matchTemplateDefaults(token, part.start, part.end);
      const open = this.matchText(part.start, part.end, false, token, index);
      if (!open) continue;
      const following = parts[partIndex + 1];
      if (following?.kind === "interpolation") {
        const read = following.name === undefined ? interpolatedRead(this.text.slice(following.start, following.end)) : normaliseName(following.name);
        if (read !== undefined) this.references.push({ name: read, key: open, inComment: false, at: index });
      } else if (following === undefined) {
        this.matchConcatenation(index, token, open);
      }
    }
  }

  /** Whether `{{` opens inside `start..end` near a key word; like `holdsMarkup`, the search only moves forward. */
  private holdsTemplate(start: number, end: number): boolean {
    if (this.nextTemplate < start) this.nextTemplate = this.firstMarkerFrom("{{", start);
    return this.nextTemplate < end && this.mayHoldKey(start, end);
  }

  /** `{{.AUTH_TOKEN | default "v"}}`, `{{ lookup('env', 'AUTH_TOKEN') | default('v') }}`: a template variable's fallback (template-defaults.ts). */
  private matchTemplateDefaults(token: StringToken, start: number, end: number): void {
    for (const { names, value, removal } of templateDefaults(this.text, start, end)) {
      for (const name of names) {
        const key = this.mayHoldKey(name.start, name.end) ? this.classify(this.text.slice(name.start, name.end)) : undefined;
        if (!key || (key.weak && !key.providerNamed)) continue;
        this.addRange(key, token, value.start, value.end, "env-fallback", { removal });
        break;
      }
    }
  }

  /** `${AUTH_TOKEN:-v}`: a hardcoded default inside a shell expansion. */
  private matchShellFallback(token: StringToken, part: InterpolationPart): void {
    const key = this.classify(part.name!);
    const fallback = part.fallback!;
    if (!key) return;
    this.addRange(key, token, fallback.start, fallback.end, "env-fallback", {
      envVar: part.name,
      removal: { start: this.nameEndInExpansion(part), end: fallback.end },
    });
  }

  /** Offset just after NAME in `${NAME:-default}`. */
  private nameEndInExpansion(part: InterpolationPart): number {
    const nameAt = this.text.indexOf(part.name!, part.start);
    return nameAt >= 0 && nameAt < part.end ? nameAt + part.name!.length : part.start;
  }

  /** `"auth_token=" + "v"`, `'auth_token=' . $t`, shell `'auth_token='"$T"`. */
  private matchConcatenation(index: number, token: StringToken, key: KeyMatch): void {
    let next = index + 1;
    const following = this.code[next];
    const adjacent = following !== undefined && following.start === token.end && this.hints.adjacentStringsConcatenate;
    if (!adjacent) {
      if (!CONCAT_OPS.has(this.punctAt(next) ?? "")) return;
      next++;
    }
    const value = this.code[next];
    if (value?.kind === "string") {
      const first = value.parts[0];
      if (first?.kind === "text") {
        const end = scanValue(this.text, first.start, first.end);
        if (end > first.start) this.addRange(key, value, first.start, end, "query-string", {});
      } else if (first?.kind === "interpolation" && first.name !== undefined) {
        this.references.push({ name: normaliseName(first.name), key, inComment: false, at: next });
      }
      return;
    }
    const operand = this.reader.operand(next);
    if (operand) for (const name of operand.values.names) this.references.push({ name, key, inComment: false, at: next });
  }

  /**
   * Finds `K=v`, `K: v`, `"K": "v"`, `K => 'v'` in raw text between `start` and
   * `end`. Returns the key when the text ends right after `K=` with no value (the
   * value is then whatever is concatenated next).
   */
  private matchText(start: number, end: number, inComment: boolean, token?: StringToken, tokenIndex?: number): KeyMatch | undefined {
    let open: KeyMatch | undefined;
    // The file's last-word offsets, not a search of the text: most strings hold none.
    const { starts, ends } = this.context.lastWordSpans;
    let searchFrom = start;
    for (let span = this.firstSpanFrom(start); span < starts.length && starts[span]! < end; span++) {
      const at = starts[span]!;
      // Inside the run just read, or reaching past the text.
      if (at < searchFrom || ends[span]! > end) continue;
      let runStart = at;
      while (runStart > start && RUN_CHAR.test(this.text[runStart - 1]!)) runStart--;
      let runEnd = ends[span]!;
      while (runEnd < end && RUN_CHAR.test(this.text[runEnd]!)) runEnd++;
      searchFrom = runEnd;
      const key = this.classify(this.text.slice(runStart, runEnd));
      // In text a bare `…_token=` is too common to mean a credential, unless the name says whose (`CONVOSO_SANDBOX_TOKEN=`).
      if (!key || (key.weak && !key.providerNamed)) continue;
      const value = locateValue(this.text, runEnd, end, this.valueRuns);
      if (value === undefined) continue;
      if (tokenIndex !== undefined && this.matchFormatArgument(key, tokenIndex, value.start)) continue;
      if (value.start === value.end) {
        if (value.start === end && !inComment) open = key;
        continue;
      }
      if (inComment) {
        this.candidates.push(this.candidate(key, value.start, value.end, "assignment", { inComment: true }));
      } else if (token) {
        this.addRange(key, token, value.start, value.end, "query-string", {});
      }
    }
    return open;
  }

  /** `sprintf("auth_token=%s", "v")` and its kin: the argument bound to the placeholder at `at` is the value. */
  private matchFormatArgument(key: KeyMatch, tokenIndex: number, at: number): boolean {
    const argument = formatArgumentAt(this.text, this.code, tokenIndex, at, this.hints);
    if (argument === undefined) return false;
    if ("literal" in argument) this.add(key, argument.literal, "argument", {});
    else this.references.push({ name: normaliseName(argument.reference), key, inComment: false });
    return true;
  }

  /** `mycli --auth-token v`, `gh secret set K --body v`, `setx K v`: values on command lines. */
  private matchCommandLines(tokens: readonly Token[], inComment: boolean): void {
    const keyOf = (word: string, token: Token): KeyMatch | undefined => {
      if (word.length > 100 || !COMMAND_WORD.test(word) || !this.mayHoldKey(token.start, token.end)) return undefined;
      const key = this.classify(word);
      return key?.weak ? undefined : key;
    };
    const add = ({ key, token, start, end }: { key: KeyMatch; token: StringToken; start: number; end: number }, host = token): void => {
      if (inComment) this.candidates.push(this.candidate(key, start, end, "argument", { inComment: true }));
      else this.addRange(key, host, start, end, "argument", {});
    };
    for (const value of commandValues(this.text, tokens, keyOf)) add(value);
    // A quoted argument that is a command itself (`bash -c "…"`, `ssh host "…"`, `schtasks /TR "…"`):
    // its words once more, one level deep, the value reported in the quoted string.
    for (const token of tokens) {
      if (token.kind !== "string" || token.quote === "bare" || !this.mayHoldKey(token.contentStart, token.contentEnd)) continue;
      const words = lexShell(this.text, token.contentStart, token.contentEnd).tokens;
      for (const value of commandValues(this.text, words, keyOf)) add(value, token);
    }
  }

  // --- output ---------------------------------------------------------------------

  private add(key: KeyMatch, literal: StringToken, context: Candidate["context"], extra: Partial<Candidate>): void {
    this.addRange(key, literal, literal.contentStart, literal.contentEnd, context, extra);
  }

  private addRange(key: KeyMatch, token: StringToken, start: number, end: number, context: Candidate["context"], extra: Partial<Candidate>): void {
    this.candidates.push(this.candidate(key, start, end, context, { ...extra, token }));
  }

  private candidate(key: KeyMatch, start: number, end: number, context: Candidate["context"], extra: Partial<Candidate>): Candidate {
    const found: Candidate = {
      rule: key.rule,
      valueStart: start,
      valueEnd: end,
      context,
      weak: key.weak,
      ...(key.providerNamed === true && { providerNamed: true }),
      inComment: false,
      unit: this.unit,
      ...stripUndefined(extra),
    };
    if (!this.nesting) return found;
    return {
      ...found,
      unit: this.nesting.host,
      inComment: this.nesting.inComment,
      token: this.nesting.inComment ? undefined : (this.nesting.hostToken ?? found.token),
      removal: this.nesting.hostToken ? undefined : found.removal,
      assignment: this.nesting.hostToken ? undefined : found.assignment,
    };
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/**
 * After a key that ends at `pos`: skips a closing quote or bracket, the
 * separator (`=`, `:`, `=>`, `:=`) and an opening quote, and returns the value's
 * range (empty when nothing value-like follows the separator), or undefined when
 * no separator follows.
 */
export function locateValue(text: string, pos: number, end: number, runs: ValueRuns): { start: number; end: number } | undefined {
  if (pos < end && (text[pos] === '"' || text[pos] === "'" || text[pos] === "`")) pos++;
  if (pos < end && text[pos] === "]") pos++;
  while (pos < end && (text[pos] === " " || text[pos] === "\t")) pos++;
  if (pos >= end) return undefined;
  const char = text[pos];
  const nextChar = text[pos + 1];
  if (char === "=" && nextChar === ">") pos += 2;
  else if (char === ":" && nextChar === "=") pos += 2;
  else if (char === "=" && nextChar !== "=") pos += 1;
  // HTTPie's query item `auth_token==v`: the value follows at once.
  else if (char === "=" && nextChar === "=" && pos + 2 < end && VALUE_CHAR.test(text[pos + 2]!)) pos += 2;
  else if (char === ":" && nextChar !== ":") pos += 1;
  else return undefined;
  while (pos < end && (text[pos] === " " || text[pos] === "\t")) pos++;
  if (pos < end && (text[pos] === '"' || text[pos] === "'" || text[pos] === "`")) pos++;
  return { start: pos, end: runs.endFrom(text, pos, end) };
}

/**
 * Ends of runs of value characters, remembering the last run read: every
 * offset inside a run ends where it ends, so keys that stand inside one value
 * (`auth_token=auth_token=…`) cost one read of the run, not one each.
 */
class ValueRuns {
  private from = 0;
  private to = -1;
  private limit = -1;

  /** End of the run of value characters starting at `pos`, not reaching past `end`. */
  endFrom(text: string, pos: number, end: number): number {
    if (end === this.limit && pos >= this.from && pos <= this.to) return this.to;
    this.from = pos;
    this.limit = end;
    this.to = scanValue(text, pos, end);
    return this.to;
  }
}

/** End of the run of value characters starting at `pos`. */
function scanValue(text: string, pos: number, end: number): number {
  while (pos < end && VALUE_CHAR.test(text[pos]!)) pos++;
  return pos;
}
