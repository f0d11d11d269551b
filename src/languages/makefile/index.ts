// Makefiles: variables as `$(NAME)`, recipe lines as shell.

import { matcherHints, type LanguageDefinition } from "../shared/language-definition.js";
import { lexMakefile } from "./lexer.js";
import { makefileEnvLookup, writeMakefileReplacement } from "./replacement.js";

export const makefile: LanguageDefinition = {
  id: "makefile",
  extensions: ["mk"],
  fileNames: ["makefile", "gnumakefile"],
  fileNamePrefixes: [],
  fileNameSuffixes: [],
  shebangs: [],
  fenceNames: ["makefile", "make"],
  lex: lexMakefile,
  envLookup: makefileEnvLookup,
  writeReplacement: writeMakefileReplacement,
  // Recipe lines are shell words: `'auth_token='"$T"` is one word.
  matcherHints: matcherHints({ adjacentStringsConcatenate: true }),
  eslint: { via: "none", reason: "a build file, not code ESLint users lint: `token-guard scan` covers it; a text language on Makefiles waits for the redesigned ESLint configs" },
};
