// The syntax of each scripting language with `#` comments (Ruby, Perl, Elixir),
// for the shared code lexer (shared/code-lexer.ts).

import { codeLexer, type CodeSyntax } from "../shared/code-lexer.js";

const HASH_LIKE: Omit<CodeSyntax, "strings"> = { lineComments: ["#"], blockComments: [], prefixes: [], charLiterals: false, regexLiterals: false, rawHashStrings: false, sigils: false, aliases: {} };

/** Ruby (and Vagrantfile, Gemfile, Rakefile): `"…#{x}"` interpolates, `'…'` does not; heredocs; `/…/` regexes; `or`. */
export const lexRuby = codeLexer({
  ...HASH_LIKE,
  strings: [
    { open: '"', close: '"', quote: "double", escapes: true, multiline: false, interpolation: "hash-brace" },
    { open: "'", close: "'", quote: "single", escapes: true, multiline: false },
    { open: "`", close: "`", quote: "backtick", escapes: true, multiline: false, interpolation: "hash-brace" },
  ],
  regexLiterals: true,
  heredocs: "hash-brace",
  aliases: { or: "||" },
});

/** Perl: `"…$x"` interpolates, `'…'` does not; heredocs; `/…/` regexes; `//` and `or` mean "or else". */
export const lexPerl = codeLexer({
  ...HASH_LIKE,
  strings: [
    { open: '"', close: '"', quote: "double", escapes: true, multiline: false, interpolation: "dollar" },
    { open: "'", close: "'", quote: "single", escapes: true, multiline: false },
  ],
  regexLiterals: true,
  heredocs: "dollar",
  aliases: { or: "||", "//": "||" },
});

/** Elixir: `"…#{x}"`, `"""…"""` heredocs, `'…'` charlists, sigils `~s(…)`. */
export const lexElixir = codeLexer({
  ...HASH_LIKE,
  strings: [
    { open: '"""', close: '"""', quote: "triple-double", escapes: true, multiline: true, interpolation: "hash-brace" },
    { open: '"', close: '"', quote: "double", escapes: true, multiline: false, interpolation: "hash-brace" },
    { open: "'", close: "'", quote: "single", escapes: true, multiline: false, interpolation: "hash-brace" },
  ],
  sigils: true,
});
