// Any other text file (Go, Ruby, Java, logs): the fallback when no name,
// extension or shebang names a language, so it claims none of them.

import { CONFIG_FORMAT, defineLanguage } from "../shared/language-definition.js";
import { lexText } from "./lexer.js";

export const text = defineLanguage({
  ...CONFIG_FORMAT,
  id: "text",
  lex: lexText,
  eslint: { via: "none", reason: "any other file: ESLint lints the file types a project configures, not every text file" },
});
