// YAML: block and flow scalars, anchors, and `run:` blocks as shell; compose files and GitHub workflows substitute variables themselves.

import { matcherHints, type LanguageDefinition } from "../shared/language-definition.js";
import { substitutionLookup, writeConfigReplacement } from "../shared/replacement.js";
import { lexYaml } from "./lexer.js";
import { writeFileSubstitution } from "./substitution.js";

export const yaml: LanguageDefinition = {
  id: "yaml",
  extensions: ["yaml", "yml"],
  fileNames: [],
  fileNamePrefixes: [],
  fileNameSuffixes: [],
  shebangs: [],
  fenceNames: ["yaml", "yml"],
  lex: lexYaml,
  envLookup: substitutionLookup,
  writeReplacement: writeConfigReplacement,
  writeFileSubstitution,
  matcherHints: matcherHints({ anchors: true }),
  eslint: { via: "none", reason: "a configuration format: `token-guard scan` covers it; ESLint does not lint it until the ESLint configs are redesigned so that a text language cannot collide with users' own configs for these files" },
};
