// `.env` files: `NAME=value` lines, read by dotenv loaders and compose.

import { matcherHints, type LanguageDefinition } from "../shared/language-definition.js";
import { substitutionLookup, writeConfigReplacement } from "../shared/replacement.js";
import { lexDotenv } from "./lexer.js";

export const dotenv: LanguageDefinition = {
  id: "dotenv",
  extensions: ["env"],
  fileNames: [".env"],
  fileNamePrefixes: [".env."],
  fileNameSuffixes: [],
  shebangs: [],
  fenceNames: ["dotenv", "env"],
  lex: lexDotenv,
  envLookup: substitutionLookup,
  writeReplacement: writeConfigReplacement,
  matcherHints: matcherHints(),
  eslint: { via: "none", reason: "a configuration format: `token-guard scan` covers it; ESLint does not lint it until the ESLint configs are redesigned so that a text language cannot collide with users' own configs for these files" },
};
