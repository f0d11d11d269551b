// The matches of a pattern in a string token's content, found once per token:
// replacement writers ask for them once per finding, and a string can hold
// thousands of findings (a query string, a heredoc of `K=v` lines).

import { firstNotBefore } from "./first-not-before.js";
import type { StringToken } from "./tokens.js";

export interface ContentMatch {
  start: number;
  text: string;
}

const matchesByToken = new WeakMap<StringToken, Map<RegExp, ContentMatch[]>>();

/** Every match of the global `pattern` in the token's content, by offset in `text`, in order. */
export function contentMatches(text: string, token: StringToken, pattern: RegExp): readonly ContentMatch[] {
  let byPattern = matchesByToken.get(token);
  if (byPattern === undefined) {
    byPattern = new Map();
    matchesByToken.set(token, byPattern);
  }
  let matches = byPattern.get(pattern);
  if (matches === undefined) {
    matches = [...text.slice(token.contentStart, token.contentEnd).matchAll(pattern)].map((match) => ({ start: token.contentStart + match.index, text: match[0] }));
    byPattern.set(pattern, matches);
  }
  return matches;
}

/** The matches starting outside `start..end` (a value's range): found by bisection, not by walking the content. */
export function matchesOutside(matches: readonly ContentMatch[], start: number, end: number): ContentMatch[] {
  const first = firstNotBefore(matches.length, (index) => matches[index]!.start < start);
  const after = firstNotBefore(matches.length, (index) => matches[index]!.start < end);
  return [...matches.slice(0, first), ...matches.slice(Math.max(first, after))];
}
