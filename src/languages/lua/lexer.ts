// Lua's syntax for the shared code lexer (shared/code-lexer.ts): `--` comments,
// `--[[ … ]]` block comments, `"…"`, `'…'` and `[[ … ]]` long strings, `or`.

import { codeLexer } from "../shared/code-lexer.js";

export const lexLua = codeLexer({
  lineComments: ["--"],
  blockComments: [{ open: "--[[", close: "]]" }],
  strings: [
    { open: "[[", close: "]]", quote: "nowdoc", escapes: false, multiline: true },
    { open: '"', close: '"', quote: "double", escapes: true, multiline: false },
    { open: "'", close: "'", quote: "single", escapes: true, multiline: false },
  ],
  prefixes: [],
  charLiterals: false,
  regexLiterals: false,
  rawHashStrings: false,
  sigils: false,
  aliases: { or: "||" },
});
