// `.env` files: `NAME=value` lines, read by dotenv loaders and compose. Example
// files (`.env.example`, …) get an empty value instead (example-file.ts).

import { CONFIG_FORMAT, CONFIG_FORMAT_CLI_ONLY, defineLanguage } from "../shared/language-definition.js";
import { writeExampleReplacement } from "./example-file.js";
import { lexDotenv } from "./lexer.js";

export const dotenv = defineLanguage({
  ...CONFIG_FORMAT,
  id: "dotenv",
  extensions: ["env"],
  fileNames: [".env"],
  fileNamePrefixes: [".env."],
  fenceNames: ["dotenv", "env"],
  lex: lexDotenv,
  writeFileSubstitution: writeExampleReplacement,
  eslint: { via: "none", reason: CONFIG_FORMAT_CLI_ONLY },
});
