// JavaScript, TypeScript and JSON share this folder because they share one lexer
// (src/languages/shared/script-lexer.ts): JSON is JavaScript's literal syntax.
// JSON is a configuration format, though: it reads no environment of its own.

import { CONFIG_FORMAT, defineLanguage } from "../shared/language-definition.js";
import { lexJavaScript } from "../shared/script-lexer.js";
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
  lex: lexJavaScript,
  eslint: {
    via: "none",
    reason: "ESLint's JavaScript parser cannot read JSON, and a text language on *.json would collide with users' @eslint/json configs; `token-guard scan` covers JSON",
  },
});
