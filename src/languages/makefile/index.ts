// Makefiles: variables as `$(NAME)`, recipe lines as shell.

import { defineLanguage } from "../shared/language-definition.js";
import { lexMakefile } from "./lexer.js";
import { makefileEnvLookup, writeMakefileReplacement } from "./replacement.js";

export const makefile = defineLanguage({
  id: "makefile",
  extensions: ["mk"],
  fileNames: ["makefile", "gnumakefile"],
  fenceNames: ["makefile", "make"],
  lex: lexMakefile,
  envLookup: makefileEnvLookup,
  writeReplacement: writeMakefileReplacement,
  // Recipe lines are shell words: `'auth_token='"$T"` is one word.
  matcherHints: { adjacentStringsConcatenate: true },
  eslint: { via: "none", reason: "a build file, not code ESLint users lint: `token-guard scan` covers it; a text language on Makefiles waits for the redesigned ESLint configs" },
});
