// Writes the replacement for a hardcoded value: what every language shares
// (fallbacks to drop, commented-out values, files that substitute variables
// themselves) here; documents and the rest by their language (its definition).

import { detectLanguage } from "./detect-language.js";
import { LANGUAGES, languageById } from "./registry.js";
import { writeCommentReplacement } from "./shared/comment-replacement.js";
import { removeFallback, type Replacement, type ReplacementSite } from "./shared/replacement.js";

/** The languages whose files may substitute variables themselves (compose files, workflows). */
const FILE_SUBSTITUTIONS = LANGUAGES.flatMap((language) => (language.writeFileSubstitution ? [language.writeFileSubstitution] : []));

export function writeReplacement(site: ReplacementSite): Replacement {
  const language = languageById(site.language);
  if (site.removal) return (language.writeFallbackRemoval ?? removeFallback)(site);
  // A document (Markdown) is read, not run: its own language says what a reader copies.
  const documentation = site.path === undefined ? undefined : languageById(detectLanguage(site.path)).writeDocumentation?.(site);
  if (documentation) return documentation;
  if (site.inComment) return writeCommentReplacement(site, language.envLookup);
  for (const writeFileSubstitution of FILE_SUBSTITUTIONS) {
    const substituted = writeFileSubstitution(site);
    if (substituted) return substituted;
  }
  return language.writeReplacement(site);
}
