// Markdown: prose and inline code are read as text, fences by their own front
// ends. Commands in prose are shell, so its replacements are written as shell.

import { defineLanguage } from "../shared/language-definition.js";
import { shellEnvLookup, writeShellReplacement } from "../shared/shell-replacement.js";
import { writeDocumentation } from "./documentation.js";
import { lexMarkdown } from "./lexer.js";

export const markdown = defineLanguage({
  id: "markdown",
  extensions: ["md", "markdown", "mdx"],
  lex: lexMarkdown,
  envLookup: shellEnvLookup,
  writeReplacement: writeShellReplacement,
  writeDocumentation,
  // Inline HTML is prose here, read as text already.
  matcherHints: { stringsMayHoldMarkup: false },
  eslint: { via: "text" },
});
