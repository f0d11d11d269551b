// Chooses the front end for a file from its name, and from its shebang when the
// name says nothing (extensionless scripts in bin/). The tables come from the registry.

import { LANGUAGES } from "./registry.js";
import type { LanguageId } from "./shared/tokens.js";

function byKey(keys: (language: (typeof LANGUAGES)[number]) => readonly string[]): ReadonlyMap<string, LanguageId> {
  return new Map(LANGUAGES.flatMap((language) => keys(language).map((key) => [key, language.id] as const)));
}

const BY_NAME = byKey((language) => language.fileNames);
const BY_EXTENSION = byKey((language) => language.extensions);
const BY_NAME_SUFFIX = [...byKey((language) => language.fileNameSuffixes)];
const BY_NAME_PREFIX = [...byKey((language) => language.fileNamePrefixes)];
const BY_SHEBANG = LANGUAGES.flatMap((language) => language.shebangs.map((pattern) => [pattern, language.id] as const));

/**
 * The language of `path`: by whole name, then name suffix (`x.dockerfile`), name
 * prefix (`.env.local`), extension, and shebang. Files no language claims are
 * read as plain "text".
 */
export function detectLanguage(path: string, text?: string): LanguageId {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const byName = BY_NAME.get(base);
  if (byName) return byName;
  for (const [suffix, language] of BY_NAME_SUFFIX) if (base.endsWith(suffix)) return language;
  for (const [prefix, language] of BY_NAME_PREFIX) if (base.startsWith(prefix)) return language;
  const dot = base.lastIndexOf(".");
  if (dot > 0) {
    const byExtension = BY_EXTENSION.get(base.slice(dot + 1));
    if (byExtension) return byExtension;
  }
  if (text?.startsWith("#!")) {
    const firstLine = text.slice(0, Math.min(text.indexOf("\n") >>> 0, 200));
    for (const [pattern, language] of BY_SHEBANG) if (pattern.test(firstLine)) return language;
  }
  return "text";
}
