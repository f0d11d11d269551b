// Writes the replacement for a hardcoded value: what every language shares
// (commented-out values, fallbacks to drop, files that substitute variables
// themselves) here, the rest by the value's language (its definition's writer).

import { LANGUAGES, languageById } from "./registry.js";
import { removeFallback, type Replacement, type ReplacementSite } from "./shared/replacement.js";

/** The languages whose files may substitute variables themselves (compose files, workflows). */
const FILE_SUBSTITUTIONS = LANGUAGES.flatMap((language) => (language.writeFileSubstitution ? [language.writeFileSubstitution] : []));

export function writeReplacement(site: ReplacementSite): Replacement {
  const language = languageById(site.language);
  if (site.inComment) {
    return { text: `delete the commented-out value and read ${language.envLookup(site.envVar)}`, edits: [] };
  }
  if (site.removal) return (language.writeFallbackRemoval ?? removeFallback)(site);
  for (const writeFileSubstitution of FILE_SUBSTITUTIONS) {
    const substituted = writeFileSubstitution(site);
    if (substituted) return substituted;
  }
  return language.writeReplacement(site);
}

