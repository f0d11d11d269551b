// Replacement writers for the languages read by the shared code lexer
// (code-lexer.ts): a literal that fills its string becomes the language's lookup;
// where a rewrite would not compile or would change the value's type, and inside a
// longer string, the writer advises instead of editing.

import { advice, assignsItsOwnVariable, removeFallback, replaceInString, type Replacement, type ReplacementSite } from "./replacement.js";
import { indexOfWithin } from "./scanner.js";
import { enclosingOpener, isPunct, tokenIndex } from "./token-facts.js";
import type { Token } from "./tokens.js";

export interface CodeWriterOptions {
  /** Keywords that declare a compile-time constant, which cannot call anything (`const` in Kotlin, Go, C#, Dart). */
  constKeywords?: readonly string[];
}

/** How far back a declaration's keyword may stand from its value (`const t = String.fromEnvironment('K', defaultValue: 'v')`). */
const DECLARATION_REACH = 16;

/** The writer for a language whose lookup is `envLookup`. */
export function codeReplacementWriter(envLookup: (envVar: string) => string, options: CodeWriterOptions = {}): (site: ReplacementSite) => Replacement {
  const constKeywords = new Set(options.constKeywords ?? []);
  return (site) =>
    replaceInString(site, envLookup, (token, whole) => {
      const lookup = envLookup(site.envVar);
      if (assignsItsOwnVariable(site) || selfNamedAssignment(site)) {
        return advice(`${site.envVar} is the variable to read: set it outside this file (the environment or a CI secret) and remove this assignment`);
      }
      if (!whole) return advice(`build the string from ${lookup} instead of the hardcoded value`);
      if (constKeywords.size > 0 && declaredConstant(site, tokenIndex(site.tokens, token), constKeywords)) {
        return advice(`a constant cannot read the environment: declare it without const and initialise it from ${lookup}`);
      }
      return { text: lookup, edits: [{ start: token.start, end: token.end, text: lookup }] };
    });
}

/** A writer that only advises: the language's lookup would change the value's type or needs setup the file cannot show. */
export function codeAdvice(describe: (envVar: string) => string): (site: ReplacementSite) => Replacement {
  return (site) => advice(describe(site.envVar));
}

/** `CONVOSO_AUTH_TOKEN = '…'` in a Jenkinsfile `environment {}` block or a Groovy/Kotlin script: the name is the variable's own. */
function selfNamedAssignment(site: ReplacementSite): boolean {
  const index = site.token === undefined ? -1 : tokenIndex(site.tokens, site.token);
  const equals = site.tokens[index - 1];
  const name = site.tokens[index - 2];
  return equals?.kind === "punct" && equals.text === "=" && name?.kind === "identifier" && name.text === site.envVar;
}

/** Whether a const keyword opens the declaration of the value at `index`, on its line or as the group around it. */
function declaredConstant(site: ReplacementSite, index: number, keywords: ReadonlySet<string>): boolean {
  const { tokens, text } = site;
  // Go's `const ( … )` group: the keyword stands before the group's parenthesis, lines above.
  const open = enclosingOpener(tokens, index);
  if (open !== undefined && isPunct(tokens[open]!, "(") && isKeyword(tokens[open - 1], keywords)) return true;
  for (let at = index - 1; at >= 0 && at >= index - DECLARATION_REACH; at--) {
    const token = tokens[at]!;
    if (isKeyword(token, keywords)) return true;
    if (isPunct(token, ";") || isPunct(token, "{") || isPunct(token, "}") || hasLineBreak(text, token.end, tokens[at + 1]!.start)) return false;
  }
  return false;
}

function isKeyword(token: Token | undefined, keywords: ReadonlySet<string>): boolean {
  return token?.kind === "identifier" && keywords.has(token.text);
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  return indexOfWithin(text, "\n", from, to) >= 0;
}

/** How a language drops one kind of hardcoded fallback so that the code keeps its type. */
export interface FallbackRewrite {
  /** The removed text starts with this operator or call (`?:`, `??`, `.orElse(`). */
  startsWith: string;
  /** What stands in its place: Kotlin's `?: error("…")`, Dart's `!`, Java's `.orElseThrow()`. */
  text: (envVar: string) => string;
}

/** How far back a lookup call that takes the fallback as its second argument may start. */
const CALL_REACH = 120;

/**
 * The fallback remover of a language whose lookups are nullable or optional: a
 * fallback after an operator or in a method call becomes what `rewrites` say (or the
 * lookup call that takes it as a second argument, `getOrDefault("K", "v")`, becomes
 * `lookup`); any other fallback is dropped as everywhere.
 */
export function fallbackRemoval(rewrites: readonly FallbackRewrite[], twoArgumentCall?: { pattern: RegExp; lookup: (envVar: string) => string }): (site: ReplacementSite) => Replacement {
  return (site) => {
    const removal = site.removal!;
    const removed = site.text.slice(removal.start, removal.end).trimStart();
    const rewrite = rewrites.find((candidate) => removed.startsWith(candidate.startsWith));
    if (rewrite) {
      const text = rewrite.text(site.envVar);
      return { text: `drop the hardcoded fallback: ${text.trim()}`, edits: [{ start: removal.start, end: removal.end, text }] };
    }
    const call = twoArgumentCall?.pattern.exec(site.text.slice(Math.max(0, removal.start - CALL_REACH), removal.start));
    if (twoArgumentCall && call && site.text[removal.end] === ")") {
      const text = twoArgumentCall.lookup(site.envVar);
      return { text, edits: [{ start: removal.start - call[0].length, end: removal.end + 1, text }] };
    }
    return removeFallback(site);
  };
}
