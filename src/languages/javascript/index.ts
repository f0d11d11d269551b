// JavaScript, TypeScript and JSON share this folder because they share one lexer
// (src/languages/shared/script-lexer.ts): JSON is JavaScript's literal syntax.
// JSON is a configuration format, though: it reads no environment of its own.
// Google Apps Script (`.gs`) is JavaScript run where there is no environment.

import { codeAdvice } from "../shared/code-replacement.js";
import { CONFIG_FORMAT, defineLanguage, NO_ESLINT_PARSER } from "../shared/language-definition.js";
import { lexJavaScript } from "../shared/script-lexer.js";
import { lexJson } from "./json-lexer.js";
import { javaScriptEnvLookup, writeJavaScriptReplacement, writeTypeScriptFallbackRemoval, writeTypeScriptReplacement } from "./replacement.js";

export const javascript = defineLanguage({
  id: "javascript",
  extensions: ["js", "jsx", "mjs", "cjs"],
  shebangs: [/\b(?:node|deno|bun)\b/],
  fenceNames: ["js", "javascript", "jsx", "mjs", "cjs", "node"],
  lex: lexJavaScript,
  envLookup: javaScriptEnvLookup,
  writeReplacement: writeJavaScriptReplacement,
  eslint: { via: "javascript" },
  help: { rank: 1, label: "JS/TS", inlineLabel: "JS/TS" },
});

export const typescript = defineLanguage({
  ...javascript,
  id: "typescript",
  extensions: ["ts", "tsx", "mts", "cts"],
  shebangs: [/\bts-node\b|\btsx\b/],
  fenceNames: ["ts", "typescript", "tsx"],
  // Under `strict`, `process.env.NAME` is `string | undefined`: TypeScript reads it through a throw (replacement.ts).
  writeReplacement: writeTypeScriptReplacement,
  writeFallbackRemoval: writeTypeScriptFallbackRemoval,
  eslint: { via: "typescript" },
  // One row with JavaScript's.
  help: undefined,
});

export const json = defineLanguage({
  ...CONFIG_FORMAT,
  id: "json",
  // HAR captures (`.har`) are JSON: their `queryString`, `postData.params` and `headers` are name/value records.
  // Terraform state (`.tfstate`, `.tfstate.backup`) too: a resource's `attributes` hold its secret values.
  extensions: ["json", "jsonc", "json5", "har", "tfstate"],
  fileNameSuffixes: [".tfstate.backup"],
  fenceNames: ["json", "jsonc", "json5"],
  lex: lexJson,
  eslint: {
    via: "none",
    reason: "ESLint's JavaScript parser cannot read JSON, and a text language on *.json would collide with users' @eslint/json configs; `token-guard scan` covers JSON",
  },
});

/** Apps Script's project settings hold script properties; a script reads them, it has no `process.env`. */
const scriptProperty = (envVar: string) => `PropertiesService.getScriptProperties().getProperty("${envVar}")`;

export const appsscript = defineLanguage({
  id: "appsscript",
  extensions: ["gs"],
  lex: lexJavaScript,
  envLookup: scriptProperty,
  // The property must be set in the project's settings first: say so rather than rewrite.
  writeReplacement: codeAdvice((envVar) => `store the value as the script property ${envVar} (Project Settings → Script properties) and read ${scriptProperty(envVar)}`),
  eslint: { via: "none", reason: `${NO_ESLINT_PARSER.reason} (Apps Script's .gs files are JavaScript a project's ESLint config does not name)` },
});
