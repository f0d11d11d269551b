// Markdown: prose and inline code are read as text, fences by their own front
// ends. Commands in prose are shell, so its replacements are written as shell.

import { matcherHints, type LanguageDefinition } from "../shared/language-definition.js";
import { shellEnvLookup, writeShellReplacement } from "../shared/shell-replacement.js";
import { lexMarkdown } from "./lexer.js";

export const markdown: LanguageDefinition = {
  id: "markdown",
  extensions: ["md", "markdown", "mdx"],
  fileNames: [],
  fileNamePrefixes: [],
  fileNameSuffixes: [],
  shebangs: [],
  fenceNames: [],
  lex: lexMarkdown,
  envLookup: shellEnvLookup,
  writeReplacement: writeShellReplacement,
  // Inline HTML is prose here, read as text already.
  matcherHints: matcherHints({ stringsMayHoldMarkup: false }),
  eslint: { via: "text" },
};
