// What every language's replacement writer shares: the site a value stands in,
// the edits that replace it, and the helpers no single language owns (sorting
// edits, dropping a hardcoded fallback, escaping a string's other characters).

import { contentMatches, matchesOutside } from "./string-matches.js";
import type { LanguageId, StringToken, Token } from "./tokens.js";

export interface ReplacementEdit {
  start: number;
  end: number;
  text: string;
}

export interface Replacement {
  /** What the user should write, as one line. */
  text: string;
  edits: ReplacementEdit[];
}

/** Where the value stands; everything the writer needs, nothing about rules. */
export interface ReplacementSite {
  language: LanguageId;
  text: string;
  /** Tokens of the unit (to find `import os`, JSX attributes). */
  tokens: readonly Token[];
  envVar: string;
  valueStart: number;
  valueEnd: number;
  /** The string holding the value; absent in comments. */
  token?: StringToken;
  /** Delete this range instead of replacing the value (fallbacks). */
  removal?: { start: number; end: number };
  /** `export NAME=value` statements: the assigned name and the statement start. */
  assignment?: { name: string; statementStart: number };
  /** The value sits in a `<tag name="…" value="…">` pair. */
  attribute?: boolean;
  inComment: boolean;
  /** The file's path, when known: docker-compose files and GitHub workflows substitute variables themselves. */
  path?: string;
}

/** Replaces just the value, leaving the string around it as it is. */
export function valueOnly(site: ReplacementSite, text: string): Replacement {
  return { text, edits: [{ start: site.valueStart, end: site.valueEnd, text }] };
}

/** Whether the value fills its string (`"v"`), rather than standing inside a longer one (`"a=v&b"`). */
export function fillsString(site: ReplacementSite, token: StringToken): boolean {
  return site.valueStart === token.contentStart && site.valueEnd === token.contentEnd;
}

/**
 * The replacement `write` makes of the value in its string (`whole` when the value
 * fills it); the bare lookup when no string token holds the value.
 */
export function replaceInString(
  site: ReplacementSite,
  envLookup: (envVar: string) => string,
  write: (token: StringToken, whole: boolean) => Replacement,
): Replacement {
  const token = site.token;
  if (!token) return { text: envLookup(site.envVar), edits: [] };
  return write(token, fillsString(site, token));
}

/** `export CONVOSO_AUTH_TOKEN=…`: the statement assigns the variable it should read (`$env:` as PowerShell writes it). */
export function assignsItsOwnVariable(site: ReplacementSite): boolean {
  return site.assignment !== undefined && site.assignment.name.replace(/^\$env:/i, "") === site.envVar;
}

/** The text of a removed hardcoded fallback; the edit deletes `site.removal`, leaving the lookup before it. */
export function removeFallback(site: ReplacementSite): Replacement {
  const kept = site.text.slice(Math.max(0, site.removal!.start - 60), site.removal!.start);
  // `os.getenv("X", "v")` keeps its closing parenthesis after the removal: show the whole call.
  const closing = site.text[site.removal!.end] === ")" ? ")" : "";
  const expression = trailingExpression(kept) + closing;
  return {
    text: expression ? `${expression} (drop the hardcoded fallback)` : "drop the hardcoded fallback",
    edits: [{ start: site.removal!.start, end: site.removal!.end, text: "" }],
  };
}

/** `${NAME}`: how configuration files and their tools (compose, CI, most loaders) reference a variable. */
export function substitutionLookup(envVar: string): string {
  return `\${${envVar}}`;
}

/** A configuration file has no code to read the variable: keep the value out of it. */
export function writeConfigReplacement(site: ReplacementSite): Replacement {
  return replaceInString(site, substitutionLookup, () => ({
    text: `keep the value out of this file: set ${site.envVar} in the environment or a secret store and reference it (\${${site.envVar}})`,
    edits: [],
  }));
}

/** Advice, not an edit: the language's lookup would not fit here, or the value belongs elsewhere. */
export function advice(text: string): Replacement {
  return { text, edits: [] };
}

/** The edit list in document order (the fix writer and SARIF expect it). */
export function sortEdits(edits: ReplacementEdit[]): ReplacementEdit[] {
  return edits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The expression-like characters at the end of `text` (`process.env.X`, `getenv('X')`), read backwards without a regex. */
export function trailingExpression(text: string): string {
  let start = text.length;
  while (start > 0 && /[\w$.:[\]'"()-]/.test(text[start - 1]!)) start--;
  return text.slice(start);
}

/**
 * Edits escaping every match of the global `pattern` in the string's content,
 * except inside the value. The matches are found once per string (see
 * string-matches.ts), not once per finding in it.
 */
export function escapeOutside(site: ReplacementSite, token: StringToken, pattern: RegExp, escape: (char: string) => string): ReplacementEdit[] {
  return matchesOutside(contentMatches(site.text, token, pattern), site.valueStart, site.valueEnd).map(({ start, text }) => ({ start, end: start + text.length, text: escape(text) }));
}

const newlineByTokens = new WeakMap<readonly Token[], "\n" | "\r\n">();

/** The line break an inserted line uses (`\r\n` when the file has one), found once per unit, not once per finding. */
export function newlineOf(site: ReplacementSite): "\n" | "\r\n" {
  let newline = newlineByTokens.get(site.tokens);
  if (newline === undefined) {
    newline = site.text.includes("\r\n") ? "\r\n" : "\n";
    newlineByTokens.set(site.tokens, newline);
  }
  return newline;
}

/** Where the line holding `offset` starts. */
export function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Just after the line break ending the line that holds `offset` (or the text's end). */
export function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline + 1;
}

/** Index of the first token starting at or after `offset` (bisection: tokens are in text order). */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
