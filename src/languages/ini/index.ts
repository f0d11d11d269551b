// INI-style configuration: `.ini`, `.cfg`, `.properties`, `.npmrc`.

import { CONFIG_FORMAT, CONFIG_FORMAT_CLI_ONLY, defineLanguage } from "../shared/language-definition.js";
import { lexIni } from "./lexer.js";

export const ini = defineLanguage({
  ...CONFIG_FORMAT,
  id: "ini",
  extensions: ["ini", "cfg", "conf", "properties"],
  fileNames: [".npmrc", ".pypirc"],
  fenceNames: ["ini", "properties", "cfg"],
  lex: lexIni,
  eslint: { via: "none", reason: CONFIG_FORMAT_CLI_ONLY },
});
