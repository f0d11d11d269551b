// JavaScript and TypeScript: `process.env.NAME` where the literal stood, a
// template literal when the value sits inside a string.

import { escapeOutside, replaceInString, sortEdits, type Replacement, type ReplacementEdit, type ReplacementSite } from "../shared/replacement.js";
import { enclosingOpener, isPunct, tokenIndex } from "../shared/token-facts.js";
import type { StringToken, Token } from "../shared/tokens.js";

/** `process.env.NAME`. */
export function javaScriptEnvLookup(envVar: string): string {
  return `process.env.${envVar}`;
}

export function writeJavaScriptReplacement(site: ReplacementSite): Replacement {
  return replaceInString(site, javaScriptEnvLookup, (token, whole) => (whole ? jsWhole(site, token) : jsInside(site, token)));
}

function jsWhole(site: ReplacementSite, token: StringToken): Replacement {
  const expression = `process.env.${site.envVar}`;
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
    return { text: `${expression} (drop the hardcoded default)`, edits: [{ start: name.end, end: token.end, text: "" }] };
  }
  // A string enum member must be a constant.
  const open = enclosingOpener(site.tokens, index);
  const enumName = open === undefined ? undefined : site.tokens[open - 2];
  if (open !== undefined && isPunct(site.tokens[open]!, "{") && enumName?.kind === "identifier" && enumName.text === "enum") {
    return { text: `an enum member must be a constant: read ${expression} where the value is used`, edits: [] };
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
function jsInside(site: ReplacementSite, token: StringToken): Replacement {
  const interpolation = `\${process.env.${site.envVar}}`;
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
