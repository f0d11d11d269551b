// Writes the replacement for a hardcoded value: what every language shares
// (commented-out values, fallbacks to drop, files that substitute variables
// themselves) here, the rest by the value's language (its definition's writer).

import { detectLanguage } from "./detect-language.js";
import { LANGUAGES, languageById } from "./registry.js";
import { documentReads, placeholderFor, writeCommentReplacement } from "./shared/comment-replacement.js";
import { removeFallback, valueOnly, type Replacement, type ReplacementSite } from "./shared/replacement.js";

/** The languages whose files may substitute variables themselves (compose files, workflows). */
const FILE_SUBSTITUTIONS = LANGUAGES.flatMap((language) => (language.writeFileSubstitution ? [language.writeFileSubstitution] : []));

export function writeReplacement(site: ReplacementSite): Replacement {
  const language = languageById(site.language);
  // Documentation's prose and commands are copied, not run as they stand: the reader's
  // own value goes where the token stood, unless the document already reads the
  // variable (its commands then read it too). Code samples keep reading the environment.
  if (!site.removal && isDocumentation(site) && !documentReads(site.text, site.envVar)) return valueOnly(site, placeholderFor(site.envVar));
  if (site.inComment && !site.removal) return writeCommentReplacement(site, language.envLookup);
  if (site.removal) return (language.writeFallbackRemoval ?? removeFallback)(site);
  for (const writeFileSubstitution of FILE_SUBSTITUTIONS) {
    const substituted = writeFileSubstitution(site);
    if (substituted) return substituted;
  }
  return language.writeReplacement(site);
}


/** Prose, inline code or a shell fence of a Markdown file. */
function isDocumentation(site: ReplacementSite): boolean {
  return (site.language === "markdown" || site.language === "shell") && site.path !== undefined && detectLanguage(site.path) === "markdown";
}
