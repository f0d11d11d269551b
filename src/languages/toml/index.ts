// TOML configuration files.

import { CONFIG_FORMAT, CONFIG_FORMAT_CLI_ONLY, defineLanguage } from "../shared/language-definition.js";
import { lexToml } from "./lexer.js";

export const toml = defineLanguage({
  ...CONFIG_FORMAT,
  id: "toml",
  extensions: ["toml"],
  fenceNames: ["toml"],
  lex: lexToml,
  // `[[params]]` then `name = "auth_token"` / `value = "…"`: each table is a name/value record.
  matcherHints: { records: { indented: false, blockLabels: false, tables: true } },
  eslint: { via: "none", reason: CONFIG_FORMAT_CLI_ONLY },
});
