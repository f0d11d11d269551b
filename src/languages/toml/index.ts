// TOML configuration files.

import { CONFIG_FORMAT, CONFIG_FORMAT_CLI_ONLY, defineLanguage } from "../shared/language-definition.js";
import { lexToml } from "./lexer.js";

export const toml = defineLanguage({
  ...CONFIG_FORMAT,
  id: "toml",
  extensions: ["toml"],
  fenceNames: ["toml"],
  lex: lexToml,
  eslint: { via: "none", reason: CONFIG_FORMAT_CLI_ONLY },
});
