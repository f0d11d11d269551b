// Flow to the sink: which literals a name, a call's result or a collection's
// entry may hold within one unit, so a literal that reaches a token sink by way
// of local code is reported on its own line, whatever path it took.
//
// One pass over the unit records definitions, keyed by how code reads them:
//   name = EXPR                          "name"      (const/let/var, Python, PHP `$name`, `a.b`)
//   return EXPR inside function f        "f()"       (function, def, method, arrow function body)
//   name = { k: EXPR } / [[k, EXPR]] /   "name[k]"   (object, dict, `new Map([...])`, PHP array,
//          dict(k=EXPR) / [EXPR, …]      "name[]"     `dict(...)`, list: every value)
//   &anchor "v"                          "anchor"    (YAML)
// An expression contributes the literals and names at its branch starts, each
// counted only when the branch ends there: the whole expression, both arms of
// `c ? a : b` and `a if c else b`, fallbacks (`a || b`, `a ?? b`, `a or b`,
// `.default(b)`), and the default a value wrapper holds (`SecretStr("…")`,
// `Field(default="…")`, `field(default=…)`, `typer.Option("…")`,
// `v.optional(schema, "…")`). A read is a name (`t`), a call (`f(…)` reads
// "f()"), or an entry (`m.get(k)`, `m[k]`: "m[k]" for a literal key, else "m[]").
// Functions and classes whose parameter has a key's name (`def send(auth_token)`,
// `constructor(private readonly authToken: string)`) make the arguments in
// that position of their calls sinks as well.
//
// What crosses functions: a function's returned literals reach the place where
// its call is sent; an argument reaches a key-named parameter of a function or
// class defined in the same unit. What does not: names are matched by spelling
// across the whole unit, without scopes (shadowing is not modelled, so a literal
// bound to the same name anywhere in the file counts); nothing crosses units or
// files (imports, module boundaries, values read from other files); members set
// through `this.x = …` in one method and read in another are matched only by the
// name `this.x`; a resolution follows at most FLOW_BUDGET definitions.

import type { MatcherHints } from "../languages/shared/language-definition.js";
import { CharacterCodes } from "../languages/shared/character-codes.js";
import { bareString } from "../languages/shared/scanner.js";
import type { StringToken } from "../languages/shared/tokens.js";
import { CHAIN_PUNCT, type CodeView } from "./code-view.js";

/** What an expression may evaluate to: literals, and flow keys to resolve. */
export interface FlowValues {
  literals: StringToken[];
  names: string[];
}

/** How many definitions one resolution may visit: keeps every reference's work constant. */
const FLOW_BUDGET = 48;
/** How many tokens an expression may span. */
const EXPRESSION_LIMIT = 80;

/** Calls whose first argument (or `default=`) is the value they hold: secret and settings wrappers. */
const VALUE_WRAPPERS = new Set(["secretstr", "secretbytes", "secret", "field", "attrib", "ib", "option", "argument", "unsafeplaintext", "plaintext"]);
/** Schema calls whose last argument is the default (valibot's `optional(schema, "…")`). */
const LAST_ARGUMENT_DEFAULTS = new Set(["optional", "nullish", "fallback", "exactoptional"]);
/** Keyword arguments holding a wrapper's default. */
const DEFAULT_KEYWORDS = new Set(["default", "defaultvalue"]);
/** Calls that read an entry of the collection they are called on. */
const ENTRY_READS = new Set(["get", "getordefault", "fetch"]);
/** Calls that build a collection from the entries they are given (`new Map([…])`, `dict(k=v)`, `Object.freeze({…})`). */
const COLLECTION_CALLS = new Set(["map", "dict", "freeze", "fromentries", "ordereddict", "defaultdict", "frozendict", "mappingproxytype", "of", "array", "collect", "mapof", "mutablemapof", "hashmapof", "immutablemap"]);
/** A bash associative array's entry word: `[key]=` and what follows it in the word. */
const SUBSCRIPT_ENTRY = /^\[([\w.-]+)\]=/;
/** Expressions that take the value of one of their arms: PHP/Rust `match`, PowerShell `switch`, Kotlin `when`. */
const SELECTORS = new Set(["match", "switch", "when"]);
/** Words that stand before a call's name without being part of the value. */
const VALUE_PREFIXES = new Set(["await", "new", "yield"]);
/** Punctuators that end one branch of an expression and start another. */
const BRANCH_ENDS = new Set([",", ";", ")", "]", "}", ":", "||", "??", "?:"]);
/** Words that end one branch of an expression: Python's conditional and fallback, TypeScript's assertions. */
const BRANCH_END_WORDS = new Set(["if", "else", "or", "as", "satisfies"]);
/** Operators that carry an expression across a line break, before or after it. */
const CONTINUATIONS = new Set(["?", ":", ".", "?.", "||", "??", "&&", "+", "-", "*", "/", "===", "!==", "==", "!=", "=", "(", "[", "{", ",", "=>"]);
const OPENERS = new Set(["(", "[", "{"]);
const CLOSERS = new Set([")", "]", "}"]);
/** Words that open a function whose name follows. */
const FUNCTION_WORDS = new Set(["function", "def", "func", "fn", "fun"]);
/** Words followed by `(…) {` that are statements, not method definitions. */
const STATEMENT_WORDS = new Set(["if", "for", "while", "switch", "catch", "with", "function", "return", "elif", "foreach", "elseif", "until"]);
/** Parameter modifiers before the parameter's name. */
const PARAMETER_MODIFIERS = new Set(["private", "public", "protected", "readonly", "override", "final", "const", "var", "val", "let"]);
const SELF_NAMES = new Set(["self", "cls", "this"]);
/** Method names that construct their class: a call of the class passes its arguments to them. */
const CONSTRUCTOR_NAMES = new Set(["constructor", "__init__", "__construct", "initialize"]);
const ASSIGN_OPS = new Set(["=", ":=", "?=", "??=", "||="]);

/** Whether a call of `callee` holds a value with its default (`SecretStr("…")`, `typer.Option("…", "--flag")`), not an env lookup. */
export function isValueWrapper(callee: string | undefined): boolean {
  return callee !== undefined && VALUE_WRAPPERS.has(callee.toLowerCase());
}

/** A call or entry read at the start of an interpolation (`${f(x)}`, `{m.get(k)}`, `#{m[k]}`): its flow key. */
const INTERPOLATED_READ = /^[$#]?\{\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*([([])/;

/** The flow key an interpolation's expression reads when it is a call or an entry, else undefined. */
export function interpolatedRead(source: string): string | undefined {
  const read = INTERPOLATED_READ.exec(source);
  if (!read) return undefined;
  const name = normaliseName(read[1]!);
  if (read[2] === "[") return entryKey(name, undefined);
  const dot = name.lastIndexOf(".");
  return dot > 0 && ENTRY_READS.has(name.slice(dot + 1).toLowerCase()) ? entryKey(name.slice(0, dot), undefined) : `${name}()`;
}

/** `$t`, `@t`, `${t}` and YAML's `&t` / `*t` name the same variable as `t`. */
export function normaliseName(name: string): string {
  // Most names carry no sigil: they are returned without two regular-expression replaces.
  const first = name.charCodeAt(0);
  const sigil = first === CharacterCodes.dollar || first === CharacterCodes.at || first === CharacterCodes.ampersand || first === CharacterCodes.asterisk;
  if (!sigil && name.charCodeAt(name.length - 1) !== CharacterCodes.closeBrace) return name;
  return name.replace(/^[$@&*]\{?/, "").replace(/\}$/, "");
}

/** Reads the values of expressions at token positions. */
export class ExpressionReader {
  constructor(private readonly view: CodeView) {}

  /**
   * The values the expression at `index` may take. With `fallbacks` false the
   * right-hand sides of `||`, `??`, `or` and `.default(…)` are left to the caller.
   */
  read(index: number, fallbacks: boolean): FlowValues {
    const { view } = this;
    const values: FlowValues = { literals: [], names: [] };
    let depth = 0;
    let ternaries = 0;
    let branchStart = true;
    for (let probe = index; probe < view.code.length && probe < index + EXPRESSION_LIMIT; ) {
      if (depth === 0 && probe > index && this.endsAtLineBreak(probe)) break;
      if (depth === 0 && branchStart && view.punctAt(probe) === "(") {
        // `(c ? "a" : b)`: a parenthesised branch holds an expression of its own.
        branchStart = false;
        const close = view.closingBracket(probe);
        if (close !== undefined) {
          const inner = this.read(probe + 1, fallbacks);
          if (this.endsBranch(close + 1, index)) mergeInto(values, inner);
          probe = close + 1;
          continue;
        }
      }
      if (depth === 0 && branchStart) {
        branchStart = false;
        const operand = this.operand(probe);
        if (operand) {
          if (this.endsBranch(operand.next, index)) mergeInto(values, operand.values);
          probe = operand.next;
          continue;
        }
      }
      const text = view.punctAt(probe);
      const word = view.identAt(probe);
      if (text !== undefined && OPENERS.has(text)) depth++;
      else if (text !== undefined && CLOSERS.has(text)) {
        if (--depth < 0) break;
      } else if (depth === 0 && text !== undefined) {
        if (text === "," || text === ";" || text === "=>") break;
        if (text === "?") {
          ternaries++;
          branchStart = true;
        } else if (text === ":") {
          if (ternaries === 0) break;
          ternaries--;
          branchStart = true;
        } else if (text === "||" || text === "??" || text === "?:") {
          branchStart = fallbacks;
        } else if (text === "." && fallbacks && view.identAt(probe + 1) === "default" && view.punctAt(probe + 2) === "(") {
          const literal = view.literalAt(probe + 3);
          if (literal && view.punctAt(probe + 4) === ")") values.literals.push(literal);
        }
      } else if (depth === 0 && (word === "else" || (word === "or" && fallbacks))) {
        branchStart = true;
      }
      probe++;
    }
    return values;
  }

  /**
   * The one operand at `index`: a literal, a wrapper's default, a call, an
   * entry or a name, and the index after it; undefined for anything else.
   */
  operand(index: number): { values: FlowValues; next: number } | undefined {
    const { view } = this;
    while (VALUE_PREFIXES.has(view.identAt(index) ?? "")) index++;
    const literal = view.literalAt(index);
    if (literal) return { values: { literals: [literal], names: [] }, next: index + 1 };
    const read = this.wholeInterpolation(index);
    if (read !== undefined) return { values: { literals: [], names: [read] }, next: index + 1 };
    const chain = view.readChain(index);
    if (!chain) return undefined;
    if (SELECTORS.has(chain.name.toLowerCase())) {
      const arms = this.selectorArms(chain.next);
      if (arms) return arms;
    }
    const name = normaliseName(chain.name);
    const after = view.punctAt(chain.next);
    if (after !== "(" && after !== "[") return { values: { literals: [], names: [name] }, next: chain.next };
    const close = view.closingBracket(chain.next);
    if (close === undefined) return undefined;
    const next = close + 1;
    if (after === "[") {
      // `m["a"]["b"]`, `m["a"].b`: each literal subscript or member one level deeper into nested entries.
      let key = entryKey(name, this.onlyLiteral(chain.next, close));
      let end = next;
      for (let depth = 1; depth < MAX_ENTRY_DEPTH; depth++) {
        const member = view.punctAt(end) === "." && view.punctAt(end + 2) !== "(" ? view.identAt(end + 1) : undefined;
        if (member !== undefined) {
          key = entryKey(key, member);
          end += 2;
          continue;
        }
        const inner = view.punctAt(end) === "[" ? view.closingBracket(end) : undefined;
        const entry = inner === undefined ? undefined : this.onlyLiteral(end, inner);
        if (entry === undefined) break;
        key = entryKey(key, entry);
        end = inner! + 1;
      }
      return { values: { literals: [], names: [key] }, next: end };
    }
    // `a.b.get(`: the callee is the chain's last part, read on the chain's own owner.
    const last = view.identAt(chain.next - 1)!;
    const callee = last.toLowerCase();
    const owner = chain.next - 1 > index ? normaliseName(chain.name.slice(0, chain.name.length - last.length - view.punctAt(chain.next - 2)!.length)) : undefined;
    if (isValueWrapper(callee)) return { values: this.wrapperDefault(chain.next, close), next };
    if (LAST_ARGUMENT_DEFAULTS.has(callee)) {
      const schemaDefault = view.punctAt(close - 2) === "," ? view.literalAt(close - 1) : undefined;
      return { values: { literals: schemaDefault ? [schemaDefault] : [], names: [] }, next };
    }
    if (owner !== undefined && ENTRY_READS.has(callee)) {
      return { values: { literals: [], names: [entryKey(owner, this.firstLiteralArgument(chain.next))] }, next };
    }
    return { values: { literals: [], names: [`${name}()`] }, next };
  }

  /**
   * `match ($r) { 'a' => X, default => Y }` (PHP, Rust without the parentheses),
   * `when (r) { A -> X }` (Kotlin), PowerShell's `switch ($r) { 'a' { X } }`: the
   * selector takes the value of one of its arms, so it holds all of them.
   */
  private selectorArms(index: number): { values: FlowValues; next: number } | undefined {
    const { view } = this;
    // Past flags and a subject: `switch -Regex ($x) {`, `match ($x) {`, Rust's `match self.kind {`.
    let open = index;
    while (open < index + 4 && view.identAt(open) !== undefined) open = view.chainEnd(open);
    if (view.punctAt(open) === "(") open = (view.closingBracket(open, 40) ?? open) + 1;
    if (view.punctAt(open) !== "{") return undefined;
    const close = view.closingBracket(open);
    if (close === undefined) return undefined;
    const values: FlowValues = { literals: [], names: [] };
    for (let probe = open + 1; probe < close; probe++) {
      const text = view.punctAt(probe);
      if (text === "=>" || text === "->") mergeInto(values, this.read(probe + 1, true));
      else if (text === "{") {
        // A PowerShell arm is a block: its value is the expression it holds.
        mergeInto(values, this.read(probe + 1, true));
        probe = view.closingBracket(probe) ?? close;
      } else if (text === "(" || text === "[") probe = view.closingBracket(probe) ?? close;
    }
    return { values, next: close + 1 };
  }

  /** `"${t}"`, `"${TOKENS[$region]}"`: a string that is one interpolation reads what it interpolates. */
  private wholeInterpolation(index: number): string | undefined {
    const token = this.view.code[index];
    if (token?.kind !== "string" || token.parts.length !== 1) return undefined;
    const part = token.parts[0]!;
    if (part.kind !== "interpolation" || part.start !== token.contentStart || part.end !== token.contentEnd) return undefined;
    return part.name !== undefined ? normaliseName(part.name) : interpolatedRead(this.view.text.slice(part.start, part.end));
  }

  /** `SecretStr("v")`, `Field("v", …)`, `field(default="v")`, `Field(default=SecretStr("v"))`. */
  private wrapperDefault(open: number, close: number): FlowValues {
    const { view } = this;
    const values: FlowValues = { literals: [], names: [] };
    const first = this.operand(open + 1);
    if (first && (first.next === close || view.punctAt(first.next) === ",")) mergeInto(values, first.values);
    let depth = 0;
    for (let probe = open + 1; probe < close; probe++) {
      const text = view.punctAt(probe);
      if (text !== undefined && OPENERS.has(text)) depth++;
      else if (text !== undefined && CLOSERS.has(text)) depth--;
      const word = view.identAt(probe);
      const op = view.punctAt(probe + 1);
      if (depth === 0 && word !== undefined && DEFAULT_KEYWORDS.has(word.toLowerCase()) && (op === "=" || op === ":")) {
        const operand = this.operand(probe + 2);
        if (operand) mergeInto(values, operand.values);
      }
    }
    return values;
  }

  /** The literal between `open` and `close` when it is all there is (`m["k"]`). */
  private onlyLiteral(open: number, close: number): string | undefined {
    const literal = close === open + 2 ? this.view.literalAt(open + 1) : undefined;
    return literal ? this.view.literalContent(literal) : undefined;
  }

  /** The literal first argument of the call opening at `open` (`m.get("k")`, `m.get("k", d)`). */
  private firstLiteralArgument(open: number): string | undefined {
    const literal = this.view.literalAt(open + 1);
    const after = this.view.punctAt(open + 2);
    return literal && (after === ")" || after === ",") ? this.view.literalContent(literal) : undefined;
  }

  /** Whether the branch that started inside the expression at `start` ends before `index`. */
  private endsBranch(index: number, start: number): boolean {
    const { view } = this;
    if (index >= view.code.length) return true;
    if (index > start && this.endsAtLineBreak(index)) return true;
    const text = view.punctAt(index);
    if (text !== undefined) return BRANCH_ENDS.has(text);
    return BRANCH_END_WORDS.has(view.identAt(index) ?? "");
  }

  /** A line break ends the expression unless an operator on either side carries it on. */
  private endsAtLineBreak(index: number): boolean {
    const { view } = this;
    if (!view.lineBreakBefore(index)) return false;
    return !CONTINUATIONS.has(view.punctAt(index) ?? "") && !CONTINUATIONS.has(view.punctAt(index - 1) ?? "");
  }
}

/** A parameter of a function defined in the unit. */
interface Parameter<K> {
  /** The function's (or, for a constructor, the class's) name. */
  owner: string;
  name: string;
  position: number;
  /** Set when the parameter has a key's name: arguments in its position are sinks. */
  key?: K;
  /** Token indices of the body where the name means this parameter (-1 until the body opens and closes). */
  start: number;
  end: number;
}

/** A function whose body is expected next, with its parameters. */
interface PendingBody<K> {
  name: string;
  indent: number;
  parameters: Parameter<K>[];
}

/** A function body being read: brace-delimited, or (Python) by indentation. */
interface FunctionScope<K> {
  name: string;
  parameters: Parameter<K>[];
  braceDepth?: number;
  indent?: number;
}

/** A definition: what it may hold, and where (the token index its names are read at). */
interface Definition {
  values: FlowValues;
  at: number;
}

/** A literal or flow key sent as an argument into a key-named parameter. */
export interface ArgumentFlow<K> {
  key: K;
  values: FlowValues;
  /** Where the call's arguments open: the names they read are read there. */
  at: number;
}

/**
 * The definitions of one unit, collected in one pass, and the resolution of
 * flow keys against them.
 */
export class UnitFlow<K> {
  private readonly definitions = new Map<string, Definition[]>();
  /** Parameters by their function's name, and by their own. */
  private readonly parameters = new Map<string, Parameter<K>[]>();
  private readonly parametersByName = new Map<string, Parameter<K>[]>();
  /** Whether the calls of the unit's functions have been read (once, when first needed). */
  private callSitesCollected = false;
  /** Calls that construct the class they stand in (`new self(…)`), by index, with the class's name. */
  private readonly classCalls = new Map<number, string>();
  /** Indices of the `(` that open definitions' parameter lists: no call sites. */
  private readonly headers = new Set<number>();
  private readonly reader: ExpressionReader;

  constructor(
    private readonly view: CodeView,
    private readonly classify: (name: string) => K | undefined,
    private readonly hints: Pick<MatcherHints, "anchors" | "fieldClasses">,
  ) {
    this.reader = new ExpressionReader(view);
  }

  /** One pass over the unit's tokens. */
  collect(): this {
    const { view } = this;
    const scopes: FunctionScope<K>[] = [];
    let braceDepth = 0;
    let pendingBody: PendingBody<K> | undefined;
    let currentClass: string | undefined;
    const fields = this.hints.fieldClasses ? new FieldClasses(view, (owner, word, position) => this.addParameter([], owner, word, position)) : undefined;
    // Open parentheses, with the name before each: a method `name(…) {` is known at its `)`.
    const parens: number[] = [];
    for (let index = 0; index < view.code.length; index++) {
      // Only an indented body (Python) ends at a line that is indented no deeper than its `def`.
      while (scopes.length > 0 && scopes[scopes.length - 1]!.indent !== undefined && view.lineBreakBefore(index) && view.indentOf(index) <= scopes[scopes.length - 1]!.indent!) {
        closeScope(scopes.pop()!, index);
      }
      const text = view.punctAt(index);
      if (text === "{") {
        braceDepth++;
        if (pendingBody) scopes.push(openScope(pendingBody, index, { braceDepth }));
        pendingBody = undefined;
      } else if (text === "}") {
        while (scopes.length > 0 && scopes[scopes.length - 1]!.braceDepth === braceDepth) closeScope(scopes.pop()!, index);
        braceDepth--;
      } else if (text === ":" && pendingBody && view.lineBreakBefore(index + 1)) {
        scopes.push(openScope(pendingBody, index, { indent: pendingBody.indent }));
        pendingBody = undefined;
      } else if (text === "(") {
        parens.push(this.mayNameMethod(index - 1) ? index - 1 : -1);
      } else if (text === ")") {
        const method = parens.pop() ?? -1;
        if (method >= 0 && !this.headers.has(method + 1) && this.opensBody(index + 1)) {
          const word = view.identAt(method)!;
          const name = CONSTRUCTOR_NAMES.has(word) && currentClass !== undefined ? currentClass : normaliseName(word);
          pendingBody = this.readHeader(name, method + 1, false);
        }
      }
      fields?.visit(index);
      const word = view.identAt(index);
      if (word === undefined) continue;
      if (word === "class" && view.identAt(index + 1) !== undefined) currentClass = normaliseName(view.identAt(index + 1)!);
      // `new self(…)`, `new static(…)`, `cls(…)`: the class being defined is constructed.
      if (currentClass !== undefined && view.punctAt(index + 1) === "(" && (word === "cls" || ((word === "self" || word === "static") && view.identAt(index - 1) === "new"))) {
        this.classCalls.set(index, currentClass);
      }
      const header = this.functionHeader(index, currentClass);
      if (header) {
        pendingBody = this.readHeader(header.name, header.open, header.dropSelf, view.indentOf(index));
        continue;
      }
      if (word === "return" && scopes.length > 0) {
        this.define(`${scopes[scopes.length - 1]!.name}()`, this.reader.read(index + 1, true), index);
        continue;
      }
      if (this.hints.anchors && word.startsWith("&") && word.length > 1) {
        // YAML `&name "value"`: an anchor defines the value its `*name` aliases read.
        const literal = view.literalAt(index + 1);
        if (literal) this.define(normaliseName(word), { literals: [literal], names: [] }, index);
        continue;
      }
      const arrow = this.collectAssignment(index);
      if (arrow) pendingBody = arrow;
    }
    for (const scope of scopes) closeScope(scope, view.code.length);
    // Arguments into key-named parameters are sinks: find them now. Other calls
    // matter only to a name read inside a function, found when one is resolved.
    if ([...this.parameters.values()].some((list) => list.some((parameter) => parameter.key !== undefined))) this.collectCallSites();
    return this;
  }

  /**
   * The literals the flow key read at token index `at` may hold, following at
   * most FLOW_BUDGET definitions. A name read inside a function's body that is
   * one of its parameters also holds the arguments of the function's calls.
   */
  resolve(flowKey: string, at = -1): StringToken[] {
    const found: StringToken[] = [];
    const seen = new Set<string>([flowKey]);
    const queue: { key: string; at: number }[] = [{ key: flowKey, at }];
    let visits = 0;
    const enqueue = (key: string, readAt: number): void => {
      if (seen.has(key)) return;
      seen.add(key);
      queue.push({ key, at: readAt });
    };
    for (let next = 0; next < queue.length && visits < FLOW_BUDGET; next++) {
      const { key, at: readAt } = queue[next]!;
      for (const parameter of this.parametersByName.get(key) ?? []) {
        if (parameter.start <= readAt && readAt <= parameter.end) {
          this.collectCallSites();
          enqueue(argumentKey(parameter), -1);
        }
      }
      for (const { values, at: definedAt } of this.definitions.get(key) ?? this.definitions.get(entryPath(key)) ?? []) {
        if (++visits > FLOW_BUDGET) break;
        found.push(...values.literals);
        for (const name of values.names) enqueue(name, definedAt);
      }
    }
    return found;
  }

  /** The names the unit defines (assigns, returns from, anchors). */
  definedNames(): IterableIterator<string> {
    return this.definitions.keys();
  }

  /** Arguments sent into key-named parameters of the unit's functions and classes. */
  readonly argumentFlows: ArgumentFlow<K>[] = [];

  private define(flowKey: string, values: FlowValues, at: number): void {
    if (values.literals.length === 0 && values.names.length === 0) return;
    const list = this.definitions.get(flowKey);
    if (list) list.push({ values, at });
    else this.definitions.set(flowKey, [{ values, at }]);
  }

  /** `function f(`, `def f(`, `def __init__(`: the name and its `(` (methods are known at their `)`). */
  private functionHeader(index: number, currentClass: string | undefined): { name: string; open: number; dropSelf: boolean } | undefined {
    const { view } = this;
    const word = view.identAt(index)!;
    if (FUNCTION_WORDS.has(word)) {
      const name = view.identAt(index + 1);
      if (name === undefined || view.punctAt(index + 2) !== "(") return undefined;
      if (CONSTRUCTOR_NAMES.has(name) && currentClass !== undefined) return { name: currentClass, open: index + 2, dropSelf: word === "def" };
      return { name: normaliseName(name), open: index + 2, dropSelf: word === "def" };
    }
    return undefined;
  }

  /** Whether the identifier at `index`, before a `(`, may name a method being defined (`search(q) {`). */
  private mayNameMethod(index: number): boolean {
    const { view } = this;
    const word = view.identAt(index);
    if (word === undefined || STATEMENT_WORDS.has(word) || CHAIN_PUNCT.has(view.punctAt(index - 1) ?? "")) return false;
    return !FUNCTION_WORDS.has(view.identAt(index - 1) ?? "");
  }

  /** Whether a body `{` follows a parameter list's `)` at `index`, past a return type. */
  private opensBody(index: number): boolean {
    const { view } = this;
    if (view.punctAt(index) === "{") return true;
    if (view.punctAt(index) !== ":") return false;
    for (let probe = index + 1; probe < index + 12 && probe < view.code.length; probe++) {
      const text = view.punctAt(probe);
      if (text === "{") return true;
      if (text === ";" || text === "=" || text === "=>" || text === ")" || text === ",") return false;
    }
    return false;
  }

  /**
   * Reads the parameter list opening at `open`: records the parameters (and
   * which have a key's name) and returns the body to expect (a `{` or, after
   * `:`, an indented block).
   */
  private readHeader(name: string, open: number, dropSelf: boolean, indent = 0): PendingBody<K> {
    const { view } = this;
    this.headers.add(open);
    const close = view.closingBracket(open, 200) ?? open;
    let position = 0;
    let depth = 0;
    // A parameter's name is its last word before a type annotation or a default:
    // `auth_token: str`, `string $authToken`, `String authToken = …`, `private readonly authToken`.
    let word: string | undefined;
    let named = false;
    const parameters: Parameter<K>[] = [];
    for (let probe = open + 1; probe <= close; probe++) {
      const text = view.punctAt(probe);
      if (probe < close && text !== undefined && OPENERS.has(text)) depth++;
      else if (probe < close && text !== undefined && CLOSERS.has(text)) depth--;
      else if (depth === 0 && (text === "," || probe === close)) {
        if (word !== undefined && !(position === 0 && dropSelf && SELF_NAMES.has(word))) this.addParameter(parameters, name, word, position);
        else if (word !== undefined) position--;
        position++;
        word = undefined;
        named = false;
      } else if (depth === 0 && (text === ":" || text === "=")) named = true;
      const identifier = view.identAt(probe);
      if (depth === 0 && !named && identifier !== undefined && !PARAMETER_MODIFIERS.has(identifier)) word = identifier;
    }
    return { name, indent, parameters };
  }

  private addParameter(parameters: Parameter<K>[], owner: string, word: string, position: number): void {
    const parameter: Parameter<K> = { owner, name: normaliseName(word), position, key: this.classify(normaliseName(word)), start: -1, end: -1 };
    parameters.push(parameter);
    addTo(this.parameters, owner, parameter);
    addTo(this.parametersByName, parameter.name, parameter);
  }

  /**
   * `name = EXPR` (after an optional annotation), with collections recorded by
   * entry; returns the body to expect when EXPR is a function.
   */
  private collectAssignment(index: number): PendingBody<K> | undefined {
    const { view } = this;
    if (CHAIN_PUNCT.has(view.punctAt(index - 1) ?? "")) return undefined;
    // Most identifiers assign nothing: tell so before building the chain's name.
    const op = skipAnnotation(view, view.chainEnd(index));
    if (!ASSIGN_OPS.has(view.punctAt(op) ?? "")) return undefined;
    const name = normaliseName(view.readChain(index)!.name);
    const value = op + 1;
    const arrow = this.functionValue(name, value);
    if (arrow !== undefined) return arrow ?? undefined;
    this.define(name, this.reader.read(value, true), index);
    this.collectEntries(name, value);
    return undefined;
  }

  /**
   * `f = (a) => …`, `f = function (…) {`, `f = async (…) => …`: the parameters,
   * and the returned expression or the body to expect; undefined when the value
   * is no function (null: a function with nothing more to expect).
   */
  private functionValue(name: string, value: number): PendingBody<K> | null | undefined {
    const { view } = this;
    let at = view.identAt(value) === "async" ? value + 1 : value;
    if (view.identAt(at) === "function") at++;
    if (view.identAt(at) !== undefined && view.punctAt(at + 1) === "=>") {
      return this.arrowBody(this.readParameter(name, at), at + 2);
    }
    if (view.punctAt(at) !== "(") return undefined;
    const close = view.closingBracket(at, 200);
    if (close === undefined) return undefined;
    let after = close + 1;
    if (view.punctAt(after) === ":") while (after < close + 12 && view.punctAt(after) !== "=>" && view.punctAt(after) !== "{") after++;
    const isArrow = view.punctAt(after) === "=>";
    if (!isArrow && !(view.identAt(value) === "function" || view.identAt(value + 1) === "function") ) return undefined;
    const body = this.readHeader(name, at, false);
    return isArrow ? this.arrowBody(body, after + 1) : body;
  }

  /** `t => …`: one parameter without parentheses. */
  private readParameter(name: string, index: number): PendingBody<K> {
    const parameters: Parameter<K>[] = [];
    this.addParameter(parameters, name, this.view.identAt(index)!, 0);
    return { name, indent: 0, parameters };
  }

  /** After `=>`: a block to expect, or the expression the function returns (its parameters mean themselves within it). */
  private arrowBody(body: PendingBody<K>, index: number): PendingBody<K> | null {
    if (this.view.punctAt(index) === "{") return body;
    for (const parameter of body.parameters) Object.assign(parameter, { start: index, end: index + EXPRESSION_LIMIT });
    this.define(`${body.name}()`, this.reader.read(index, true), index);
    return null;
  }

  /**
   * Entries of a collection value (past `new Map(`, `Object.freeze(`, `dict(`):
   * `{ k: v }`, `{ "k" => v }`, `[[k, v], …]`, `[(k, v)]`, `dict(k=v)`, `[v, …]`.
   */
  private collectEntries(name: string, value: number, level = 0): void {
    const { view } = this;
    let open = value;
    for (let wraps = 0; wraps < 3; wraps++) {
      while (VALUE_PREFIXES.has(view.identAt(open) ?? "")) open++;
      const chain = view.readChain(open);
      // `new Map<string, string>([…])`: type arguments stand between the name and its call.
      const call = chain === undefined ? -1 : skipTypeArguments(view, chain.next);
      if (!chain || view.punctAt(call) !== "(" || !COLLECTION_CALLS.has(view.identAt(chain.next - 1)!.toLowerCase())) break;
      open = call;
      if (view.punctAt(open + 1) === "[" || view.punctAt(open + 1) === "{") open++;
    }
    const opener = view.punctAt(open);
    if (opener !== "{" && opener !== "[" && opener !== "(") return;
    const close = view.closingBracket(open);
    if (close === undefined) return;
    let depth = 0;
    for (let probe = open + 1; probe < close; probe++) {
      const text = view.punctAt(probe);
      if (text !== undefined && OPENERS.has(text)) {
        depth++;
        // `[k, v]` / `(k, v)` as an entry of the collection.
        if (depth === 1 && text !== "{") this.collectPair(name, probe);
        continue;
      }
      if (text !== undefined && CLOSERS.has(text)) {
        depth--;
        continue;
      }
      if (depth !== 0) continue;
      if (opener === "(" && this.collectSubscriptEntry(name, probe)) continue;
      const op = view.punctAt(probe + 1);
      if (op === ":" || op === "=>" || (op === "=" && opener === "(")) {
        this.collectEntry(name, this.entryName(probe), probe + 2, level);
      } else if (opener === "[" && (probe - 1 === open || view.punctAt(probe - 1) === ",")) {
        const literal = view.literalAt(probe);
        const after = view.punctAt(probe + 1);
        if (literal && (after === "," || probe + 1 === close)) this.define(entryKey(name, undefined), { literals: [literal], names: [] }, probe);
      }
    }
  }

  /**
   * A bash associative array's `[k]="v"` (the lexer's word `[k]=` and the value
   * next to it) or `[k]=v` (one word): one entry. Whether the word at `index` was one.
   */
  private collectSubscriptEntry(name: string, index: number): boolean {
    const { view } = this;
    const word = view.code[index];
    if (word?.kind !== "string" || word.quote !== "bare") return false;
    const subscript = SUBSCRIPT_ENTRY.exec(view.text.slice(word.contentStart, Math.min(word.contentEnd, word.contentStart + 200)));
    if (!subscript) return false;
    const valueStart = word.contentStart + subscript[0].length;
    const next = view.code[index + 1];
    if (valueStart < word.contentEnd) this.defineEntry(name, subscript[1]!, { literals: [bareString(valueStart, word.contentEnd)], names: [] }, index);
    else if (next?.start === word.end) {
      const operand = this.reader.operand(index + 1);
      if (operand) this.defineEntry(name, subscript[1]!, operand.values, index);
    }
    return true;
  }

  /** `[k, v]` or `(k, v)` opening at `open`, as one entry. */
  private collectPair(name: string, open: number): void {
    const { view } = this;
    if (view.punctAt(open + 2) !== ",") return;
    const entry = this.entryName(open + 1);
    const value = this.reader.operand(open + 3);
    if (entry === undefined || !value || !CLOSERS.has(view.punctAt(value.next) ?? "")) return;
    this.defineEntry(name, entry, value.values, open);
  }

  /**
   * `k: v`, `k: a || "v"`, `k: c ? "v" : w`: an entry holds every branch of its value;
   * `k: { j: "v" }` holds entries of its own (`cfg.k.j`, `cfg["k"]["j"]`), a few levels deep.
   */
  private collectEntry(name: string, entry: string | undefined, value: number, level: number): void {
    if (entry === undefined) return;
    this.defineEntry(name, entry, this.reader.read(value, true), value);
    if (level + 1 < MAX_ENTRY_DEPTH) this.collectEntries(entryKey(name, entry), value, level + 1);
  }

  private defineEntry(name: string, entry: string, values: FlowValues, at: number): void {
    this.define(entryKey(name, entry), values, at);
    this.define(entryKey(name, undefined), values, at);
  }

  /** An entry's name: an identifier or a plain string. */
  private entryName(index: number): string | undefined {
    const { view } = this;
    const word = view.identAt(index);
    if (word !== undefined) return word;
    const literal = view.literalAt(index);
    return literal ? view.literalContent(literal) : undefined;
  }

  /**
   * Calls of the unit's functions and classes: `send("…")`, `new Client("…")`,
   * `self.send(token)`. Each argument defines its parameter's "f#position"; in a
   * key-named parameter's position, it is sent as the token.
   */
  private collectCallSites(): void {
    if (this.callSitesCollected) return;
    this.callSitesCollected = true;
    const { view } = this;
    for (let index = 0; index < view.code.length; index++) {
      const word = view.identAt(index);
      if (word === undefined || view.punctAt(index + 1) !== "(" || this.headers.has(index + 1)) continue;
      const parameters = this.parameters.get(this.classCalls.get(index) ?? normaliseName(word));
      if (!parameters) continue;
      const before = view.punctAt(index - 1);
      if (before !== undefined && CHAIN_PUNCT.has(before) && !SELF_NAMES.has(normaliseName(view.identAt(index - 2) ?? ""))) continue;
      this.collectArguments(index + 1, parameters);
    }
  }

  private collectArguments(open: number, parameters: Parameter<K>[]): void {
    const { view } = this;
    const close = view.closingBracket(open, 200);
    if (close === undefined) return;
    let position = 0;
    let depth = 0;
    let argumentStart = open + 1;
    for (let probe = open + 1; probe <= close; probe++) {
      const text = view.punctAt(probe);
      if (text !== undefined && OPENERS.has(text)) depth++;
      else if (probe < close && text !== undefined && CLOSERS.has(text)) depth--;
      else if (depth === 0 && (text === "," || probe === close)) {
        // Keyword arguments (`auth_token="…"`) are bindings the matcher already reads.
        const keyword = view.identAt(argumentStart) !== undefined && view.punctAt(argumentStart + 1) === "=";
        const parameter = parameters.find((candidate) => candidate.position === position);
        const operand = parameter && !keyword && argumentStart < probe ? this.reader.operand(argumentStart) : undefined;
        if (parameter && operand && operand.next === probe) {
          this.define(argumentKey(parameter), operand.values, open);
          if (parameter.key !== undefined) this.argumentFlows.push({ key: parameter.key, values: operand.values, at: open });
        }
        position++;
        argumentStart = probe + 1;
      }
    }
  }
}

/** Decorators that make a class's annotated fields its constructor's parameters, in order. */
const FIELD_CLASS_DECORATORS = new Set(["dataclass", "define", "frozen", "mutable", "attrs", "s"]);
/** Base classes that do the same. */
const FIELD_CLASS_BASES = new Set(["NamedTuple"]);

/**
 * Python classes whose annotated fields are their constructor's parameters
 * (`@dataclass`, attrs' `@define`, `NamedTuple`): `auth_token: str` as the first
 * field makes `Gateway("…")` send its first argument as the token. Fed every
 * token once; reads each body line's indentation once.
 */
class FieldClasses {
  private decorated = false;
  private body: { owner: string; classIndent: number; fieldIndent: number; position: number } | undefined;
  /** A field class whose body starts at its next line. */
  private pending: { owner: string; classIndent: number } | undefined;

  constructor(
    private readonly view: CodeView,
    private readonly addField: (owner: string, word: string, position: number) => void,
  ) {}

  visit(index: number): void {
    const { view } = this;
    if (view.lineBreakBefore(index)) this.visitLineStart(index);
    if (view.punctAt(index) === "@") {
      const chain = view.readChain(index + 1);
      const last = chain?.name.slice(chain.name.lastIndexOf(".") + 1);
      this.decorated ||= last !== undefined && FIELD_CLASS_DECORATORS.has(last);
      return;
    }
    const word = view.identAt(index);
    if (word === "def") this.decorated = false;
    if (word !== "class" || view.identAt(index + 1) === undefined) return;
    const owner = normaliseName(view.identAt(index + 1)!);
    const base = view.punctAt(index + 2) === "(" ? view.readChain(index + 3) : undefined;
    const baseName = base?.name.slice(base.name.lastIndexOf(".") + 1);
    if (this.decorated || (baseName !== undefined && FIELD_CLASS_BASES.has(baseName))) this.pending = { owner, classIndent: view.indentOf(index) };
    this.decorated = false;
  }

  private visitLineStart(index: number): void {
    const { view } = this;
    const indent = view.indentOf(index);
    if (this.pending) {
      this.body = indent > this.pending.classIndent ? { ...this.pending, fieldIndent: indent, position: 0 } : undefined;
      this.pending = undefined;
    } else if (this.body && indent <= this.body.classIndent) this.body = undefined;
    const body = this.body;
    const word = view.identAt(index);
    if (body === undefined || indent !== body.fieldIndent || word === undefined || view.punctAt(index + 1) !== ":") return;
    this.addField(body.owner, word, body.position++);
  }
}

function openScope<K>(body: PendingBody<K>, index: number, delimiter: { braceDepth?: number; indent?: number }): FunctionScope<K> {
  for (const parameter of body.parameters) parameter.start = index;
  return { name: body.name, parameters: body.parameters, ...delimiter };
}

function closeScope<K>(scope: FunctionScope<K>, index: number): void {
  for (const parameter of scope.parameters) parameter.end = index;
}

/** The flow key of the arguments a parameter receives: "f#position". */
function argumentKey<K>(parameter: Parameter<K>): string {
  return `${parameter.owner}#${parameter.position}`;
}

function addTo<T>(map: Map<string, T[]>, name: string, item: T): void {
  const list = map.get(name);
  if (list) list.push(item);
  else map.set(name, [item]);
}

function mergeInto(target: FlowValues, source: FlowValues): void {
  target.literals.push(...source.literals);
  target.names.push(...source.names);
}

/** The flow key of a collection's entry: "m[k]" for a known key, "m[]" for any. */
function entryKey(name: string, entry: string | undefined): string {
  return `${name}[${entry ?? ""}]`;
}

/**
 * Nested entries read as members: how many levels of `{ a: { b: { c: "v" } } }` are
 * recorded, and how many subscripts of `m["a"]["b"]` are followed. Each level reads
 * the tokens of its object once more, so the bound keeps collecting linear.
 */
const MAX_ENTRY_DEPTH = 4;

/** `cfg.convoso.token` and `cfg.convoso["token"]` as the entry path `cfg[convoso][token]` that collecting records. */
function entryPath(key: string): string {
  const dot = key.indexOf(".");
  if (dot <= 0 || key.includes("(")) return key;
  return key.slice(0, dot) + key.slice(dot).replace(/\.([^.[\]]+)/g, "[$1]");
}

/** The index after `<…>` type arguments at `index` (`Map<string, string>`), or `index` when none stand there. */
function skipTypeArguments(view: CodeView, index: number): number {
  if (view.punctAt(index) !== "<") return index;
  let depth = 0;
  for (let probe = index; probe < index + 24 && probe < view.code.length; probe++) {
    const text = view.punctAt(probe);
    if (text === "<") depth++;
    else if (text === ">" && --depth === 0) return probe + 1;
    else if (text === ";" || text === "{" || text === "=") break;
  }
  return index;
}

/**
 * Skips a type annotation between a name and its `=`: `: str`,
 * `: Annotated[str, typer.Option(…)]`, `: Record<string, string>`.
 */
export function skipAnnotation(view: CodeView, next: number): number {
  if (view.punctAt(next) !== ":") return next;
  let depth = 0;
  for (let probe = next + 1; probe < next + 40 && probe < view.code.length; probe++) {
    const text = view.punctAt(probe);
    if (depth === 0 && probe > next + 1 && view.lineBreakBefore(probe)) break;
    // Generic arguments (`Record<string, string>`) nest like brackets inside an annotation.
    if (text !== undefined && (OPENERS.has(text) || text === "<")) depth++;
    else if (text !== undefined && (CLOSERS.has(text) || text === ">")) {
      if (--depth < 0) break;
    } else if (depth === 0 && text !== undefined && ASSIGN_OPS.has(text)) return probe;
    else if (depth === 0 && (text === "," || text === ";" || text === ":" || text === "=>" || view.code[probe]!.kind === "string")) break;
  }
  return next;
}
