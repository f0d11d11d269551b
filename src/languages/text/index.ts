// Any other text file (logs, unknown languages): the fallback when no name,
// extension or shebang names a language, so it claims none of them.

import { CONFIG_FORMAT, defineLanguage } from "../shared/language-definition.js";
import { lexJavaScript } from "../shared/script-lexer.js";
import { lexText } from "./lexer.js";

export const text = defineLanguage({
  ...CONFIG_FORMAT,
  id: "text",
  lex: lexText,
  // Code in a language token-guard has no front end for: `sprintf("…%s", "v")`, `String.format(…)`, `"…".formatted(…)`,
  // `"…%s" % v`. Most languages' strings and calls read like JavaScript's, so that lexer reads the lines around one.
  matcherHints: { formatStrings: { operators: new Set(["%"]), methods: new Set(["format", "formatted"]), relex: lexJavaScript } },
  eslint: { via: "none", reason: "any other file: ESLint lints the file types a project configures, not every text file" },
});
