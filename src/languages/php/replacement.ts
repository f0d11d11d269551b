// PHP: `getenv('NAME')` where the literal stood, concatenation inside a string,
// and advice where PHP allows only constant expressions.

import { escapeOutside, lineStartBefore, newlineOf, replaceInString, sortEdits, type Replacement, type ReplacementEdit, type ReplacementSite } from "../shared/replacement.js";
import { enclosingOpener, isPunct, tokenIndex } from "../shared/token-facts.js";
import type { StringToken, Token } from "../shared/tokens.js";

/** `getenv('NAME')`. */
export function phpEnvLookup(envVar: string): string {
  return `getenv('${envVar}')`;
}

export function writePhpReplacement(site: ReplacementSite): Replacement {
  return replaceInString(site, phpEnvLookup, (token, whole) => phpReplacement(site, token, whole));
}

function phpReplacement(site: ReplacementSite, token: StringToken, whole: boolean): Replacement {
  const call = `getenv('${site.envVar}')`;
  const index = tokenIndex(site.tokens, token);
  if (site.attribute) {
    const echo = `<?= htmlspecialchars((string) ${call}) ?>`;
    return { text: echo, edits: [{ start: site.valueStart, end: site.valueEnd, text: echo }] };
  }
  const constant = phpConstantExpression(site.tokens, index);
  if (constant === "const" && whole) {
    // A top-level `const NAME = '…';` cannot call a function; define() can.
    const [equals, name, keyword] = [site.tokens[index - 1]!, site.tokens[index - 2]!, site.tokens[index - 3]!];
    if (name.kind === "identifier" && keyword.kind === "identifier" && equals.kind === "punct") {
      const text = `define('${name.text}', ${call})`;
      return { text, edits: [{ start: keyword.start, end: token.end, text }] };
    }
  }
  if (constant !== undefined) {
    return { text: `PHP needs a constant expression here: read ${call} at run time (in the constructor or the function body) instead`, edits: [] };
  }
  if (whole && token.quote !== "heredoc" && token.quote !== "nowdoc") {
    return { text: call, edits: [{ start: token.start, end: token.end, text: call }] };
  }
  if (token.quote === "heredoc" || token.quote === "nowdoc") return phpHeredoc(site, token, index, call);
  // Close the string, concatenate the lookup, reopen it; no empty '' at either end.
  const quote = site.text[token.contentEnd] === '"' ? '"' : "'";
  const atStart = site.valueStart === token.contentStart;
  const atEnd = site.valueEnd === token.contentEnd;
  const start = atStart ? token.start : site.valueStart;
  const end = atEnd ? token.end : site.valueEnd;
  const text = `${atStart ? "" : `${quote} . `}${call}${atEnd ? "" : ` . ${quote}`}`;
  return { text: `… . ${call} . …`, edits: [{ start, end, text }] };
}

/**
 * Where PHP allows only constant expressions (no function call): class constants
 * and property defaults, parameter defaults, `static` variables, top-level `const`.
 * "const" is a top-level `const` statement, which define() can replace.
 */
function phpConstantExpression(tokens: readonly Token[], index: number): "const" | "declaration" | undefined {
  let open = enclosingOpener(tokens, index);
  while (open !== undefined) {
    const opener = tokens[open]!;
    if (isPunct(opener, "(") && isFunctionParameters(tokens, open)) return "declaration";
    if (isPunct(opener, "{")) {
      if (isClassBody(tokens, open)) return "declaration";
      break;
    }
    open = enclosingOpener(tokens, open);
  }
  const start = statementStart(tokens, index);
  const first = tokens[start];
  if (first?.kind === "identifier" && first.text === "static" && tokens[start + 1]?.kind === "identifier") return "declaration";
  if (first?.kind === "identifier" && first.text === "const") {
    const simple = start + 3 === index && isPunct(tokens[index - 1]!, "=") && (tokens[index + 1] === undefined || isPunct(tokens[index + 1]!, ";"));
    return simple ? "const" : "declaration";
  }
  return undefined;
}

/** The index of the first token of the statement holding `tokens[index]` (after `;`, `{` or `}`; comments skipped). */
function statementStart(tokens: readonly Token[], index: number): number {
  let at = index - 1;
  let depth = 0;
  for (; at >= 0; at--) {
    const token = tokens[at]!;
    if (token.kind !== "punct") continue;
    if (token.text === ")" || token.text === "]") depth++;
    else if (token.text === "(" || token.text === "[") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (token.text === ";" || token.text === "{" || token.text === "}")) break;
  }
  let start = at + 1;
  while (start < index && tokens[start]!.kind === "comment") start++;
  return start;
}

/** `function name(`, `function (`, `fn (`: a parameter list. */
function isFunctionParameters(tokens: readonly Token[], open: number): boolean {
  const before = tokens[open - 1];
  if (before?.kind !== "identifier") return false;
  if (before.text === "function" || before.text === "fn") return true;
  const keyword = tokens[open - 2];
  return keyword !== undefined && (keyword.kind === "identifier" && keyword.text === "function" || isPunct(keyword, "&") && tokens[open - 3]?.kind === "identifier");
}

/** Whether the `{` at `open` starts a class, interface, trait or enum body (not a method body). */
function isClassBody(tokens: readonly Token[], open: number): boolean {
  for (let at = open - 1; at >= 0; at--) {
    const token = tokens[at]!;
    if (token.kind === "punct" && (token.text === ";" || token.text === "{" || token.text === "}")) return false;
    if (token.kind !== "identifier") continue;
    if (token.text === "function" || token.text === "fn") return false;
    if (token.text === "class" || token.text === "interface" || token.text === "trait" || token.text === "enum") return true;
  }
  return false;
}

/** What a heredoc expands (a module constant: string-matches.ts memoises by pattern). */
const HEREDOC_SPECIAL = /[\\$]/g;

/**
 * A heredoc cannot call getenv(): read it into a variable just before the
 * statement and interpolate that. A nowdoc becomes a heredoc first, with its `\`
 * and `$` escaped so the rest of the text stays literal.
 */
function phpHeredoc(site: ReplacementSite, token: StringToken, index: number, call: string): Replacement {
  const variable = `$${site.envVar}`;
  const manual = { text: `assign ${call} to a variable and interpolate it, or build the string with . ${call} .`, edits: [] };
  const first = site.tokens[statementStart(site.tokens, index)]!;
  // Inserting before `case x:` or a brace-less `if (…)` would move code out of its branch.
  if (first.kind === "identifier" && /^(?:case|default|if|elseif|else|while|for|foreach|do|switch)$/i.test(first.text)) return manual;
  const assignment = `${variable} = ${call};`;
  const lineStart = lineStartBefore(site.text, first.start);
  const indent = site.text.slice(lineStart, first.start);
  const newline = newlineOf(site);
  const edits: ReplacementEdit[] = [
    /^[ \t]*$/.test(indent)
      ? { start: lineStart, end: lineStart, text: `${indent}${assignment}${newline}` }
      : { start: first.start, end: first.start, text: `${assignment} ` },
    { start: site.valueStart, end: site.valueEnd, text: `{${variable}}` },
  ];
  if (token.quote === "nowdoc") {
    const label = /^<<<[ \t]*'([A-Za-z_][A-Za-z0-9_]*)'/.exec(site.text.slice(token.start, token.contentStart));
    if (!label) return manual;
    const labelStart = token.start + label[0].length - label[1]!.length - 2;
    edits.push({ start: labelStart, end: labelStart + label[1]!.length + 2, text: label[1]! });
    edits.push(...escapeOutside(site, token, HEREDOC_SPECIAL, (char) => `\\${char}`));
  }
  return { text: `${assignment} … {${variable}} …`, edits: sortEdits(edits) };
}
