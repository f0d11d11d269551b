// TOML configuration files.

import { matcherHints, type LanguageDefinition } from "../shared/language-definition.js";
import { substitutionLookup, writeConfigReplacement } from "../shared/replacement.js";
import { lexToml } from "./lexer.js";

export const toml: LanguageDefinition = {
  id: "toml",
  extensions: ["toml"],
  fileNames: [],
  fileNamePrefixes: [],
  fileNameSuffixes: [],
  shebangs: [],
  fenceNames: ["toml"],
  lex: lexToml,
  envLookup: substitutionLookup,
  writeReplacement: writeConfigReplacement,
  matcherHints: matcherHints(),
  eslint: { via: "none", reason: "a configuration format: `token-guard scan` covers it; ESLint does not lint it until the ESLint configs are redesigned so that a text language cannot collide with users' own configs for these files" },
};
