// HTTP request files (`.http`, `.rest`) of VS Code's REST Client and JetBrains' HTTP
// Client. REST Client reads the project's `.env` itself with `{{$dotenv NAME}}`, so
// a value is replaced by that reference in place. The `http` Markdown fence stays
// sniffed: documentation puts HTTPie commands (`http POST … auth_token==…`) under it as
// often as raw requests.

import { defineLanguage } from "../shared/language-definition.js";
import { valueOnly, type Replacement, type ReplacementSite } from "../shared/replacement.js";
import { lexHttp } from "./lexer.js";

function dotenvReference(envVar: string): string {
  return `{{$dotenv ${envVar}}}`;
}

function writeHttpReplacement(site: ReplacementSite): Replacement {
  return valueOnly(site, dotenvReference(site.envVar));
}

export const http = defineLanguage({
  id: "http",
  extensions: ["http", "rest"],
  lex: lexHttp,
  envLookup: dotenvReference,
  writeReplacement: writeHttpReplacement,
  eslint: { via: "none", reason: "HTTP request files: `token-guard scan` covers them; no ESLint parser reads them" },
});
