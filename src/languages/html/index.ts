// HTML and single-file components (Vue, Svelte): markup, with `<script>` bodies
// lexed as JavaScript. The markup lexer lives in shared/ because PHP files and
// strings in every language hold markup too.

import { matcherHints, type LanguageDefinition } from "../shared/language-definition.js";
import { lexHtml } from "../shared/markup-lexer.js";
import { substitutionLookup, writeConfigReplacement } from "../shared/replacement.js";

export const html: LanguageDefinition = {
  id: "html",
  extensions: ["html", "htm", "vue", "svelte"],
  fileNames: [],
  fileNamePrefixes: [],
  fileNameSuffixes: [],
  shebangs: [],
  fenceNames: ["html", "xml"],
  lex: lexHtml,
  envLookup: substitutionLookup,
  writeReplacement: writeConfigReplacement,
  // Markup is lexed as such already.
  matcherHints: matcherHints({ stringsMayHoldMarkup: false }),
  eslint: {
    via: "none",
    reason: "users lint .vue, .svelte and .html with their own parsers (eslint-plugin-vue, svelte-eslint-parser, html-eslint); a second language on them would clash until the ESLint configs are redesigned",
  },
};
