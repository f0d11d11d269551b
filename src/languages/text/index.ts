// Any other text file (Go, Ruby, Java, logs): the fallback when no name,
// extension or shebang names a language, so it claims none of them.

import { matcherHints, type LanguageDefinition } from "../shared/language-definition.js";
import { substitutionLookup, writeConfigReplacement } from "../shared/replacement.js";
import { lexText } from "./lexer.js";

export const text: LanguageDefinition = {
  id: "text",
  extensions: [],
  fileNames: [],
  fileNamePrefixes: [],
  fileNameSuffixes: [],
  shebangs: [],
  fenceNames: [],
  lex: lexText,
  envLookup: substitutionLookup,
  writeReplacement: writeConfigReplacement,
  matcherHints: matcherHints(),
  eslint: { via: "none", reason: "any other file: ESLint lints the file types a project configures, not every text file" },
};
