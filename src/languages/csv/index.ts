// Delimited tables: CSV and TSV exports, seed data, spreadsheets saved as text.
// A table has no code that reads the environment, and a data export is not
// rewritten: the advice says where the value belongs instead.

import { CONFIG_FORMAT, CONFIG_FORMAT_CLI_ONLY, defineLanguage } from "../shared/language-definition.js";
import type { Replacement } from "../shared/replacement.js";
import { lexCsv } from "./lexer.js";

/** Advice, not an edit: a data export is not rewritten, and nothing in a table reads a variable. */
function writeTableReplacement(site: { envVar: string }): Replacement {
  return { text: `keep the value out of this table: store it as ${site.envVar} in the environment or a secret store and fill it in where the table is loaded`, edits: [] };
}

export const csv = defineLanguage({
  ...CONFIG_FORMAT,
  id: "csv",
  extensions: ["csv", "tsv", "psv"],
  fenceNames: ["csv", "tsv"],
  lex: lexCsv,
  writeReplacement: writeTableReplacement,
  eslint: { via: "none", reason: CONFIG_FORMAT_CLI_ONLY },
});
