// @typescript-eslint/parser, loaded on first use: the recommended config needs a
// TypeScript-capable parser for .ts/.tsx files, but importing the plugin must not
// pay for loading TypeScript in a project (or an editor session) that lints none.

import { createRequire } from "node:module";
import { PACKAGE_NAME } from "../report/tool-identity.js";

/** The part of @typescript-eslint/parser that ESLint calls. */
interface ParserModule {
  parseForESLint(code: string, options?: Record<string, unknown>): unknown;
  version: string;
}

const require = createRequire(import.meta.url);
let parser: ParserModule | undefined;

function load(): ParserModule {
  parser ??= require("@typescript-eslint/parser") as ParserModule;
  return parser;
}

function parserVersion(): string {
  try {
    return (require("@typescript-eslint/parser/package.json") as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** A parser object for `languageOptions.parser` that forwards to @typescript-eslint/parser. */
export const typescriptParser = {
  meta: { name: `${PACKAGE_NAME}/typescript-parser`, version: parserVersion() },
  parseForESLint(code: string, options?: Record<string, unknown>): unknown {
    return load().parseForESLint(code, options);
  },
};
