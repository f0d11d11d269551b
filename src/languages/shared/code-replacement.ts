// Replacement writers for the languages read by the shared code lexer
// (code-lexer.ts): a literal that fills its string becomes the language's lookup;
// where a rewrite would not compile or would change the value's type, and inside a
// longer string, the writer advises instead of editing.

import { assignsItsOwnVariable, replaceInString, type Replacement, type ReplacementSite } from "./replacement.js";
import { tokenIndex } from "./token-facts.js";
import type { Token } from "./tokens.js";

export interface CodeWriterOptions {
  /** Keywords that declare a compile-time constant, which cannot call anything (`const` in Kotlin, Go, C#, Dart). */
  constKeywords?: readonly string[];
}

/** How far back a declaration's keyword may stand from its value (`private const val X: String =`). */
const DECLARATION_REACH = 8;

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
      if (constKeywords.size > 0 && declaredConstant(site.tokens, tokenIndex(site.tokens, token), constKeywords)) {
        return advice(`a constant cannot read the environment: declare it without const and initialise it from ${lookup}`);
      }
      return { text: lookup, edits: [{ start: token.start, end: token.end, text: lookup }] };
    });
}

/** A writer that only advises: the language's lookup would change the value's type or needs setup the file cannot show. */
export function codeAdvice(describe: (envVar: string) => string): (site: ReplacementSite) => Replacement {
  return (site) => advice(describe(site.envVar));
}

function advice(text: string): Replacement {
  return { text, edits: [] };
}

/** `CONVOSO_AUTH_TOKEN = '…'` in a Jenkinsfile `environment {}` block or a Groovy/Kotlin script: the name is the variable's own. */
function selfNamedAssignment(site: ReplacementSite): boolean {
  const index = site.token === undefined ? -1 : tokenIndex(site.tokens, site.token);
  const equals = site.tokens[index - 1];
  const name = site.tokens[index - 2];
  return equals?.kind === "punct" && equals.text === "=" && name?.kind === "identifier" && name.text === site.envVar;
}

/** Whether a const keyword opens the declaration of the value at `index`, within its statement. */
function declaredConstant(tokens: readonly Token[], index: number, keywords: ReadonlySet<string>): boolean {
  for (let at = index - 1; at >= 0 && at >= index - DECLARATION_REACH; at--) {
    const token = tokens[at]!;
    if (token.kind === "identifier" && keywords.has(token.text)) return true;
    // Go's `const ( … )` group: the keyword stands before the group's parenthesis.
    if (token.kind === "punct" && token.text === "(") {
      const before = tokens[at - 1];
      return before?.kind === "identifier" && keywords.has(before.text);
    }
    if (token.kind === "punct" && (token.text === ";" || token.text === "{" || token.text === "}")) return false;
  }
  return false;
}
