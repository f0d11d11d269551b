// Code named for the key rather than bound to it: the value is not after `=` or
// `:` but in a place the name's own syntax decides.
//   .withAuthToken("v")  setAuthToken(v)  .authToken("v")   a setter or builder: its one argument
//   def auth_token(): return "v"  get authToken() { … }      a function named for the key: what it returns
//   Set-Item -Path Env:AUTH_TOKEN -Value "v"                 a drive item (the language's envDrive hint, PowerShell's env:)
//   authToken 'v'   @auth_token "v"                          a call without parentheses (the parenlessCalls hint: Groovy, Ruby, Elixir)
// Getters, checks and fetches (`getAuthToken(id)`, `validateAuthToken(t)`) take
// other arguments, so a call counts only when its name is the key's words alone
// or a setter verb before them.

import type { MatcherHints } from "../languages/shared/language-definition.js";
import type { CodeView } from "./code-view.js";
import { endsWithWords, splitWords } from "./key-names.js";
import type { ExpressionReader, FlowValues } from "./value-flow.js";

/** Verbs before a key's words that make a method a setter or a builder step. */
const SETTER_VERBS = new Set(["with", "set", "use", "put"]);
/** Words that open a function or getter whose name follows. */
const DEFINITION_WORDS = new Set(["def", "function", "func", "fun", "fn", "get"]);
/** Punctuators after `name()` that make it a definition (a body, a return type), not a call. */
const BODY_OPENERS = new Set(["{", ":", "->"]);

export type KeyNamedContext = "argument" | "assignment" | "reference";

export interface KeyNamedValue {
  values: FlowValues;
  context: KeyNamedContext;
}

/**
 * The value a key-named identifier at `index` holds through its own syntax, or
 * undefined when it is none of the shapes above. `keyWords` are the words of
 * the rule's key names; `weak` when the name only ends with a key's last word.
 */
export function keyNamedValue(
  view: CodeView,
  reader: ExpressionReader,
  index: number,
  keyWords: readonly (readonly string[])[],
  weak: boolean,
  hints: Pick<MatcherHints, "envDrive" | "parenlessCalls">,
): KeyNamedValue | undefined {
  const name = view.identAt(index);
  if (name === undefined) return undefined;
  if (isFunctionDefinition(view, index)) return { values: { literals: [], names: [`${name}()`] }, context: "reference" };
  if (view.punctAt(index + 1) === "(" && isSetterName(name, keyWords, weak)) {
    const argument = reader.operand(index + 2);
    if (argument && view.punctAt(argument.next) === ")") return { values: argument.values, context: "argument" };
    return undefined;
  }
  if (hints.parenlessCalls && isSetterName(name, keyWords, weak) && !view.lineBreakBefore(index + 1)) {
    const literal = view.literalAt(index + 1);
    if (literal) return { values: { literals: [literal], names: [] }, context: "argument" };
  }
  const { envDrive } = hints;
  const value = envDrive && envDriveValue(view, reader, index, envDrive);
  return value && { values: value, context: "assignment" };
}

/** `def f(`, `function f(`, `get f(`, or `f() {` / `f(): T` / `f() -> T`: a definition of `f` without parameters. */
function isFunctionDefinition(view: CodeView, index: number): boolean {
  if (view.punctAt(index + 1) !== "(" || view.punctAt(index + 2) !== ")") return false;
  if (DEFINITION_WORDS.has(view.identAt(index - 1) ?? "")) return true;
  const before = view.punctAt(index - 1);
  // `x.authToken() {` never defines; a call is followed by `;`, `)`, an operator.
  return before !== "." && before !== "?." && BODY_OPENERS.has(view.punctAt(index + 3) ?? "");
}

/** `withAuthToken`, `set_auth_token`, `authToken` (the key's words alone; a weak name needs the verb). */
function isSetterName(name: string, keyWords: readonly (readonly string[])[], weak: boolean): boolean {
  const words = splitWords(name);
  if (SETTER_VERBS.has(words[0] ?? "")) return words.length > 1;
  return !weak && keyWords.some((key) => key.length === words.length && endsWithWords(words, key));
}

/**
 * `Set-Item -Path Env:K -Value "v"`, `Set-Item Env:K "v"`, `New-Item Env:\K -Value v`:
 * the identifier at `index` is K after `Env:`, the argument of an item writer.
 */
function envDriveValue(view: CodeView, reader: ExpressionReader, index: number, envDrive: NonNullable<MatcherHints["envDrive"]>): FlowValues | undefined {
  let before = index - 1;
  if (view.punctAt(before) === "\\") before--;
  if (view.punctAt(before) !== ":" || view.identAt(before - 1)?.toLowerCase() !== envDrive.drive) return undefined;
  before -= 2;
  if (envDrive.pathFlags.has(view.identAt(before)?.toLowerCase() ?? "")) before--;
  if (!envDrive.writers.has(view.identAt(before)?.toLowerCase() ?? "")) return undefined;
  const valueAt = view.identAt(index + 1)?.toLowerCase() === "-value" ? index + 2 : index + 1;
  return reader.operand(valueAt)?.values;
}
