// SQL scripts: seeds, migrations, fixtures loaded with psql/mysql. SQL cannot
// read the environment itself; the client that runs the script can pass a
// variable in (psql's `-v name=…` read as `:'name'`), so the advice says that.

import { defineLanguage } from "../shared/language-definition.js";
import type { Replacement } from "../shared/replacement.js";
import { lexSql } from "./lexer.js";

/** psql's quoted variable, set by `psql -v NAME="$NAME"`. */
function psqlVariable(envVar: string): string {
  return `:'${envVar}'`;
}

/** Advice, not an edit: which client runs the script decides how a variable reaches it. */
function writeSqlReplacement(site: { envVar: string }): Replacement {
  return { text: `keep the value out of this script: pass it when running it (psql -v ${site.envVar}="$${site.envVar}", then ${psqlVariable(site.envVar)})`, edits: [] };
}

export const sql = defineLanguage({
  id: "sql",
  extensions: ["sql"],
  fenceNames: ["sql", "psql", "mysql", "postgresql", "sqlite"],
  lex: lexSql,
  envLookup: psqlVariable,
  writeReplacement: writeSqlReplacement,
  eslint: { via: "none", reason: "a database script, not code ESLint users lint: `token-guard scan` covers it" },
});
