// JavaScript and TypeScript: `process.env.NAME` where the literal stood, a
// template literal when the value sits inside a string. TypeScript reads the
// variable through a form that stays `string` under `strict` and throws when
// the variable is missing, so a project that type-checked still does; a
// hardcoded default or `??`/`||` fallback becomes that throw instead of
// disappearing (dropped, the read would be `string | undefined` again).

import {
  escapeOutside,
  removeFallback,
  replaceInString,
  sortEdits,
  trailingExpression,
  type Replacement,
  type ReplacementEdit,
  type ReplacementSite,
} from "../shared/replacement.js";
import { enclosingOpener, isPunct, tokenIndex } from "../shared/token-facts.js";
import type { StringToken, Token } from "../shared/tokens.js";

/** `process.env.NAME`. */
export function javaScriptEnvLookup(envVar: string): string {
  return `process.env.${envVar}`;
}

/**
 * `(() => { throw new Error("NAME is not set"); })()`: an expression of type `never`
 * that stops the program naming the variable; it needs nothing imported.
 */
export function missingVariableThrow(envVar: string): string {
  return `(() => { throw new Error("${envVar} is not set"); })()`;
}

/**
 * `(process.env.NAME ?? (() => { throw … })())`: `process.env.NAME` is `string | undefined`
 * under `strict`; the throwing arrow is `never`, so the whole stays `string`.
 */
export function typeScriptEnvLookup(envVar: string): string {
  return `(${javaScriptEnvLookup(envVar)} ?? ${missingVariableThrow(envVar)})`;
}

/** How a script language reads a variable: the lookup, and what stands where a hardcoded default was (none: the default is dropped). */
interface ScriptReads {
  lookup(envVar: string): string;
  missing?(envVar: string): string;
}

const JAVASCRIPT_READS: ScriptReads = { lookup: javaScriptEnvLookup };
const TYPESCRIPT_READS: ScriptReads = { lookup: typeScriptEnvLookup, missing: missingVariableThrow };

export function writeJavaScriptReplacement(site: ReplacementSite): Replacement {
  return writeScriptReplacement(site, JAVASCRIPT_READS);
}

export function writeTypeScriptReplacement(site: ReplacementSite): Replacement {
  return writeScriptReplacement(site, TYPESCRIPT_READS);
}

/** `?? "…"` / `|| "…"` after a lookup: the operator and the space around it. */
const FALLBACK_OPERATOR = /^\s*(\?\?|\|\|)\s*/;

/**
 * TypeScript's `process.env.NAME ?? "…"`: the fallback becomes the throw, so the
 * expression keeps its `string` type; other fallbacks (`.default("…")`, a call's
 * second argument) are dropped as in every language.
 */
export function writeTypeScriptFallbackRemoval(site: ReplacementSite): Replacement {
  const removal = site.removal!;
  const operator = FALLBACK_OPERATOR.exec(site.text.slice(removal.start, removal.end));
  if (!operator) return removeFallback(site);
  const missing = missingVariableThrow(site.envVar);
  const lookup = trailingExpression(site.text.slice(Math.max(0, removal.start - 60), removal.start));
  return { text: `${lookup} ${operator[1]} ${missing}`, edits: [{ start: removal.start + operator[0].length, end: removal.end, text: missing }] };
}

function writeScriptReplacement(site: ReplacementSite, reads: ScriptReads): Replacement {
  return replaceInString(site, reads.lookup, (token, whole) => (whole ? jsWhole(site, token, reads) : jsInside(site, token, reads.lookup(site.envVar))));
}

function jsWhole(site: ReplacementSite, token: StringToken, reads: ScriptReads): Replacement {
  const expression = reads.lookup(site.envVar);
  const index = tokenIndex(site.tokens, token);
  const before = (offset: number): Token | undefined => site.tokens[index - offset];
  const after = (offset: number): Token | undefined => site.tokens[index + offset];
  // `const { CONVOSO_AUTH_TOKEN = "…" } = process.env`: the default is the fallback; drop it.
  const equals = before(1);
  const name = before(2);
  const opener = before(3);
  const closer = after(1);
  if (
    equals && isPunct(equals, "=") && name?.kind === "identifier" && name.text === site.envVar &&
    opener && (isPunct(opener, "{") || isPunct(opener, ",")) && closer && (isPunct(closer, "}") || isPunct(closer, ",")) &&
    destructuresProcessEnv(site.tokens, index)
  ) {
    // TypeScript: the default becomes the throw, so the name stays `string`.
    if (reads.missing) {
      const missing = reads.missing(site.envVar);
      return { text: `${site.envVar} = ${missing}`, edits: [{ start: token.start, end: token.end, text: missing }] };
    }
    return { text: `${javaScriptEnvLookup(site.envVar)} (drop the hardcoded default)`, edits: [{ start: name.end, end: token.end, text: "" }] };
  }
  // A string enum member must be a constant.
  const open = enclosingOpener(site.tokens, index);
  const enumName = open === undefined ? undefined : site.tokens[open - 2];
  if (open !== undefined && isPunct(site.tokens[open]!, "{") && enumName?.kind === "identifier" && enumName.text === "enum") {
    return { text: `an enum member must be a constant: read ${javaScriptEnvLookup(site.envVar)} where the value is used`, edits: [] };
  }
  const text = site.attribute ? `{${expression}}` : expression;
  const edits: ReplacementEdit[] = [{ start: token.start, end: token.end, text }];
  // `"…" as const` is a literal type; on an env lookup it does not compile.
  const as = after(1);
  const constant = after(2);
  if (as?.kind === "identifier" && as.text === "as" && constant?.kind === "identifier" && constant.text === "const") {
    edits.push({ start: token.end, end: constant.end, text: "" });
  }
  return { text, edits };
}

/** Whether the object pattern around `tokens[index]` is followed by `} = process.env`. */
function destructuresProcessEnv(tokens: readonly Token[], index: number): boolean {
  let depth = 0;
  for (let at = index + 1; at < tokens.length; at++) {
    const token = tokens[at]!;
    if (token.kind !== "punct") continue;
    if (token.text === "{" || token.text === "(" || token.text === "[") depth++;
    else if (token.text === ")" || token.text === "]") depth--;
    else if (token.text === "}" && depth-- === 0) {
      const [equals, object, dot, env] = tokens.slice(at + 1, at + 5);
      return (
        equals !== undefined && isPunct(equals, "=") && object?.kind === "identifier" && object.text === "process" &&
        dot !== undefined && isPunct(dot, ".") && env?.kind === "identifier" && env.text === "env"
      );
    }
  }
  return false;
}

/** Characters that mean something in a template literal but not in a quoted string: a backquote, the `$` of `${`. */
const TEMPLATE_SPECIAL = /`|\$(?=\{)/g;

/** A value inside a '…' or "…" string turns the string into a template literal. */
function jsInside(site: ReplacementSite, token: StringToken, expression: string): Replacement {
  const interpolation = `\${${expression}}`;
  const valueEdit = { start: site.valueStart, end: site.valueEnd, text: interpolation };
  if (token.quote === "backtick") return { text: interpolation, edits: [valueEdit] };
  const edits: ReplacementEdit[] = [
    { start: token.start, end: token.contentStart, text: "`" },
    ...escapeOutside(site, token, TEMPLATE_SPECIAL, (char) => `\\${char}`),
    valueEdit,
    { start: token.contentEnd, end: token.end, text: "`" },
  ];
  return { text: `\`…${interpolation}…\``, edits: sortEdits(edits) };
}
