// HTML: markup, with `<script>` bodies lexed as JavaScript. The markup lexer
// lives in shared/ because PHP files, single-file components and strings in
// every language hold markup too.

import { CONFIG_FORMAT, defineLanguage } from "../shared/language-definition.js";
import { lexHtml } from "../shared/markup-lexer.js";

export const html = defineLanguage({
  ...CONFIG_FORMAT,
  id: "html",
  extensions: ["html", "htm"],
  fenceNames: ["html"],
  lex: lexHtml,
  // Markup is lexed as such already.
  matcherHints: { stringsMayHoldMarkup: false },
  eslint: {
    via: "none",
    reason: "users lint .html with their own parsers (html-eslint); a second language on them would clash until the ESLint configs are redesigned",
  },
});
