// A map of one token per environment: `const AUTH_TOKENS = { dev: "v", prod: "w" }`,
// `$Tokens = @{ Production = 'v' }`, PHP's `$tokens = ['prod' => 'v']`. Its name is
// the plural of a key's name and its keys name environments, so each entry is the
// token for one environment, wherever the code later sends it (often in another
// file, where the value flow cannot follow). Maps keyed otherwise (a lexer's
// `TOKENS = { plus: "+" }`, a cache keyed by user) are left alone.

import type { StringToken } from "../languages/shared/tokens.js";
import type { CodeView } from "./code-view.js";
import { skipAnnotation } from "./value-flow.js";

/** Entry names that name a deployment environment or stage. */
const ENVIRONMENT_NAMES = new Set([
  ..."dev development develop local test testing qa uat stage staging preprod preview sandbox demo prod production live".split(" "),
]);
/** How many tokens a map's body may span. */
const MAP_LIMIT = 400;

/** The singular of a plural name (`AUTH_TOKENS` → `AUTH_TOKEN`, `authTokens` → `authToken`), or undefined. */
export function singularName(name: string): string | undefined {
  return /[a-z]s$/i.test(name) ? name.slice(0, -1) : undefined;
}

/**
 * The values of a per-environment map defined at the identifier `index`
 * (`NAME = {`, `NAME: T = {`, `$NAME = @{`), when at least one of its keys names an
 * environment; empty otherwise. Reads the map's body once.
 */
export function environmentMapValues(view: CodeView, index: number): StringToken[] {
  const assign = skipAnnotation(view, index + 1);
  if (view.punctAt(assign) !== "=") return [];
  const open = assign + 1;
  const opener = view.punctAt(open);
  if (opener !== "{" && opener !== "@{" && opener !== "[") return [];
  const values: StringToken[] = [];
  let environmentKeyed = false;
  let depth = 0;
  // PowerShell's `@{` is one token, so the body is walked to the closer that ends it, not matched by closingBracket.
  for (let probe = open + 1; probe < view.code.length && probe <= open + MAP_LIMIT; probe++) {
    const text = view.punctAt(probe);
    if (text === "(" || text === "[" || text === "{" || text === "@{") depth++;
    else if (text === ")" || text === "]" || text === "}") {
      if (--depth < 0) break;
    }
    const separator = view.punctAt(probe + 1);
    if (depth > 0 || (separator !== ":" && separator !== "=" && separator !== "=>")) continue;
    const key = entryName(view, probe);
    const value = view.literalAt(probe + 2);
    if (key === undefined || !value) continue;
    environmentKeyed ||= ENVIRONMENT_NAMES.has(key.toLowerCase());
    values.push(value);
  }
  return environmentKeyed ? values : [];
}

/** An entry's name: an identifier or a plain string. */
function entryName(view: CodeView, index: number): string | undefined {
  const token = view.code[index];
  if (token?.kind === "identifier") return token.text;
  return token?.kind === "string" ? view.literalContent(token) : undefined;
}
