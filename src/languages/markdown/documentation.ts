// Documentation's prose and commands are copied, not run as they stand: the
// reader's own value goes where the token stood, unless the document already
// reads the variable (its commands then read it too). Code samples in other
// fences keep reading the environment, written as their language's code.

import { placeholderFor } from "../shared/comment-replacement.js";
import { valueOnly, type Replacement, type ReplacementSite } from "../shared/replacement.js";

/** The last text searched and the variables it was found to read, so n findings in one document cost one search each, not n. */
let readsOf: { text: string; envVars: Map<string, boolean> } | undefined;

/** Whether the document already reads `envVar` the way its commands do (`$NAME`, `${NAME}`). */
function documentReads(text: string, envVar: string): boolean {
  if (readsOf?.text !== text) readsOf = { text, envVars: new Map() };
  let reads = readsOf.envVars.get(envVar);
  if (reads === undefined) {
    reads = text.includes(`$${envVar}`) || text.includes(`\${${envVar}}`);
    readsOf.envVars.set(envVar, reads);
  }
  return reads;
}

/** Prose, inline code or a shell fence of a Markdown file: a placeholder, unless the document reads the variable. */
export function writeDocumentation(site: ReplacementSite): Replacement | undefined {
  if (site.language !== "markdown" && site.language !== "shell") return undefined;
  return documentReads(site.text, site.envVar) ? undefined : valueOnly(site, placeholderFor(site.envVar));
}
