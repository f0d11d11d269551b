// Values that are not code to run: commented-out code and documentation. The
// value still leaves the file (fix moves it to `.env`); what stands in its place
// is a lookup a reader can uncomment, or a placeholder a reader fills in.

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

/** The last text searched and the variables it was found to read, so n findings in one document cost one search each, not n. */
let readsOf: { text: string; envVars: Map<string, boolean> } | undefined;

/** Whether the document already reads `envVar` the way its commands do (`$NAME`, `${NAME}`). */
export function documentReads(text: string, envVar: string): boolean {
  if (readsOf?.text !== text) readsOf = { text, envVars: new Map() };
  let reads = readsOf.envVars.get(envVar);
  if (reads === undefined) {
    reads = text.includes(`$${envVar}`) || text.includes(`\${${envVar}}`);
    readsOf.envVars.set(envVar, reads);
  }
  return reads;
}
