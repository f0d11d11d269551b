// The list of languages. Every per-language table is derived from it: the
// file-to-language map (detect-language.ts), the lexers and Markdown fence names
// (lex-source.ts), the replacement writers (write-replacement.ts), the ESLint
// plugin's file globs and the SARIF help text.
//
// Adding a language: add its id to LanguageId (shared/tokens.ts); write
// src/languages/<language>/ with its lexer and an index.ts exporting
// `defineLanguage({ … })` (importing only from ../shared); add it to LANGUAGES
// below. test/languages/registry.test.ts and test/eslint/file-parity.test.ts
// then check that it claims no other language's names and that ESLint agrees.

import { csharp, cue, dart, go, groovy, java, jsonnet, kotlin, rust, scala, swift } from "./c-family/index.js";
import { astro, svelte, vue } from "./components/index.js";
import { csv } from "./csv/index.js";
import { dockerfile } from "./dockerfile/index.js";
import { dotenv } from "./dotenv/index.js";
import { elixir, perl, ruby } from "./hash-family/index.js";
import { hcl } from "./hcl/index.js";
import { html } from "./html/index.js";
import { http } from "./http/index.js";
import { ini } from "./ini/index.js";
import { just } from "./just/index.js";
import { appsscript, javascript, json, typescript } from "./javascript/index.js";
import { lua } from "./lua/index.js";
import { makefile } from "./makefile/index.js";
import { markdown } from "./markdown/index.js";
import { notebook } from "./notebook/index.js";
import { php } from "./php/index.js";
import { powershell } from "./powershell/index.js";
import { python } from "./python/index.js";
import { robot } from "./robot/index.js";
import type { EslintSupport, LanguageDefinition } from "./shared/language-definition.js";
import type { FenceLanguages, LanguageId } from "./shared/tokens.js";
import { crontab, shell } from "./shell/index.js";
import { sql } from "./sql/index.js";
import { text } from "./text/index.js";
import { toml } from "./toml/index.js";
import { xml } from "./xml/index.js";
import { yaml } from "./yaml/index.js";

/**
 * Every language. Order matters only for shebangs: the first language whose
 * pattern matches the `#!` line wins (`#!/bin/sh` before anything it runs).
 */
export const LANGUAGES: readonly LanguageDefinition[] = [
  shell,
  python,
  javascript,
  typescript,
  php,
  powershell,
  markdown,
  json,
  yaml,
  toml,
  hcl,
  ini,
  dotenv,
  dockerfile,
  makefile,
  html,
  xml,
  vue,
  svelte,
  astro,
  notebook,
  sql,
  csv,
  just,
  http,
  crontab,
  appsscript,
  java,
  kotlin,
  scala,
  groovy,
  dart,
  csharp,
  swift,
  go,
  rust,
  cue,
  jsonnet,
  ruby,
  perl,
  elixir,
  lua,
  robot,
  text,
];

const BY_ID = new Map(LANGUAGES.map((language) => [language.id, language]));

/** The definition of `id`; every id a front end or a caller can name is registered (a test checks the union). */
export function languageById(id: LanguageId): LanguageDefinition {
  return BY_ID.get(id)!;
}

/** Markdown fence info words and their languages. */
export const FENCE_LANGUAGES: FenceLanguages = new Map(LANGUAGES.flatMap((language) => language.fenceNames.map((name) => [name, language.id] as const)));

/**
 * Globs for the files of the languages ESLint lints one of the ways `via`: `**\/*.{py,pyw}`
 * for extensions, `**\/.bashrc` for whole names, `**\/.env.*` and `**\/*.dockerfile`
 * for name prefixes and suffixes. ESLint matches them case-sensitively, as written.
 */
export function eslintFileGlobs(...via: EslintSupport["via"][]): string[] {
  const linted = LANGUAGES.filter((language) => via.includes(language.eslint.via));
  const extensions = linted.flatMap((language) => language.extensions);
  const byExtension = extensions.length === 1 ? [`**/*.${extensions[0]}`] : extensions.length > 1 ? [`**/*.{${extensions.join(",")}}`] : [];
  return [
    ...byExtension,
    ...linted.flatMap((language) => [
      ...language.fileNames.map((name) => `**/${name}`),
      ...language.fileNamePrefixes.map((prefix) => `**/${prefix}*`),
      ...language.fileNameSuffixes.map((suffix) => `**/*${suffix}`),
    ]),
  ];
}
