// Values that are not code to run: commented-out code (and documentation, whose
// language writes it with the placeholder below). The value still leaves the
// file (fix moves it to `.env`); what stands in its place is a lookup a reader
// can uncomment, or a placeholder a reader fills in.

import type { Replacement, ReplacementSite } from "./replacement.js";
import { valueOnly } from "./replacement.js";

/** `YOUR_CONVOSO_AUTH_TOKEN`: what documentation shows where the reader's own value goes (safe inside any string or comment). */
export function placeholderFor(envVar: string): string {
  return `YOUR_${envVar}`;
}

const QUOTES = new Set(['"', "'", "`"]);

/**
 * Commented-out code: a quoted value becomes the language's lookup (uncommented,
 * the line reads the environment); a bare one becomes the placeholder. The
 * comment stays a comment: neither contains a line break or a comment closer.
 */
export function writeCommentReplacement(site: ReplacementSite, envLookup: (envVar: string) => string): Replacement {
  const before = site.text[site.valueStart - 1];
  if (before !== undefined && QUOTES.has(before) && site.text[site.valueEnd] === before) {
    const lookup = envLookup(site.envVar);
    return { text: lookup, edits: [{ start: site.valueStart - 1, end: site.valueEnd + 1, text: lookup }] };
  }
  return valueOnly(site, placeholderFor(site.envVar));
}
