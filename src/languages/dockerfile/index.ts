// Dockerfiles: instructions, ENV/ARG values, and RUN lines read as shell.

import { defineLanguage } from "../shared/language-definition.js";
import { substitutionLookup, type Replacement } from "../shared/replacement.js";
import { lexDockerfile } from "./lexer.js";

export const dockerfile = defineLanguage({
  id: "dockerfile",
  fileNames: ["dockerfile", "containerfile"],
  fileNamePrefixes: ["dockerfile."],
  fileNameSuffixes: [".dockerfile"],
  fenceNames: ["dockerfile", "docker"],
  lex: lexDockerfile,
  envLookup: substitutionLookup,
  writeReplacement: (site) => dockerfileAdvice(site.envVar),
  // RUN lines are shell words: `'auth_token='"$T"` is one word.
  matcherHints: { adjacentStringsConcatenate: true },
  eslint: { via: "none", reason: "a build file, not code ESLint users lint: `token-guard scan` covers it; a text language on Dockerfiles waits for the redesigned ESLint configs" },
});

/** Docker keeps ENV and ARG values and RUN lines in the image and its history: no rewrite inside a Dockerfile keeps the token out. */
function dockerfileAdvice(envVar: string): Replacement {
  return {
    text: `a token in a Dockerfile ends up in the image: pass ${envVar} when the container runs (docker run --env-file .env), or mount it where a build step needs it (RUN --mount=type=secret,id=${envVar},env=${envVar} …; docker build --secret id=${envVar},env=${envVar})`,
    edits: [],
  };
}
