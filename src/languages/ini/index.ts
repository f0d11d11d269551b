// INI-style configuration: `.ini`, `.cfg`, `.properties`, `.npmrc`.

import { matcherHints, type LanguageDefinition } from "../shared/language-definition.js";
import { substitutionLookup, writeConfigReplacement } from "../shared/replacement.js";
import { lexIni } from "./lexer.js";

export const ini: LanguageDefinition = {
  id: "ini",
  extensions: ["ini", "cfg", "conf", "properties"],
  fileNames: [".npmrc", ".pypirc"],
  fileNamePrefixes: [],
  fileNameSuffixes: [],
  shebangs: [],
  fenceNames: ["ini", "properties", "cfg"],
  lex: lexIni,
  envLookup: substitutionLookup,
  writeReplacement: writeConfigReplacement,
  matcherHints: matcherHints(),
  eslint: { via: "none", reason: "a configuration format: `token-guard scan` covers it; ESLint does not lint it until the ESLint configs are redesigned so that a text language cannot collide with users' own configs for these files" },
};
