// PHP: `getenv('NAME')`, `$_ENV['NAME']`, and HTML around the `<?php` islands.

import { COMMON_ENV_OBJECTS, defineLanguage } from "../shared/language-definition.js";
import { lexPhp, lexPhpCode } from "./lexer.js";
import { phpEnvLookup, writePhpReplacement } from "./replacement.js";

export const php = defineLanguage({
  id: "php",
  extensions: ["php", "phtml"],
  shebangs: [/\bphp\b/],
  fenceNames: ["php"],
  lex: lexPhp,
  // A PHP snippet in a Markdown fence or a comment often has no `<?php`: read it as PHP code, not as HTML.
  snippet: { lex: lexPhpCode, isSnippet: (text, start, end) => !text.slice(start, end).includes("<?") },
  envLookup: phpEnvLookup,
  writeReplacement: writePhpReplacement,
  matcherHints: {
    envObjects: new Set([...COMMON_ENV_OBJECTS, "$_ENV", "$_SERVER"]),
    // The HTML around the code is lexed as markup already.
    stringsMayHoldMarkup: false,
  },
  eslint: { via: "text" },
  help: { rank: 3, label: "PHP", inlineLabel: "PHP" },
});
