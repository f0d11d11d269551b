// ESLint and the CLI lint the same file types: for a file name built from every
// extension and name the language registry knows, a real ESLint instance with
// `configs.recommended` and `configs.text` runs the token-guard rules exactly when the CLI reads the
// file as a language whose definition says ESLint lints it; the rest are exactly
// the languages declared CLI-only.
import { readFileSync } from "node:fs";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/eslint/plugin.js";
import { detectLanguage } from "../../src/languages/detect-language.js";
import { LANGUAGES, languageById } from "../../src/languages/registry.js";
import type { EslintSupport } from "../../src/languages/shared/language-definition.js";

/** One file name per extension, whole name, name prefix and suffix of every language. */
const FILE_NAMES = LANGUAGES.flatMap((language) => [
  ...language.extensions.map((extension) => `src/file.${extension}`),
  ...language.fileNames.map((name) => `src/${name}`),
  ...language.fileNamePrefixes.map((prefix) => `src/${prefix}local`),
  ...language.fileNameSuffixes.map((suffix) => `src/app${suffix}`),
]);

const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended, ...plugin.configs.text] as Linter.Config[] });

/** Whether ESLint runs a token-guard rule on `path`. */
async function eslintLints(path: string): Promise<boolean> {
  if (await eslint.isPathIgnored(path)) return false;
  const config = (await eslint.calculateConfigForFile(path)) as Linter.Config | undefined;
  return Object.keys(config?.rules ?? {}).some((rule) => rule.startsWith("token-guard/"));
}

describe("ESLint and the CLI lint the same files", () => {
  it("ESLint lints a file exactly when the CLI reads it as a language ESLint is declared to lint", async () => {
    const disagreements: string[] = [];
    for (const path of FILE_NAMES) {
      const cliSays = languageById(detectLanguage(path)).eslint.via !== "none";
      if ((await eslintLints(path)) !== cliSays) disagreements.push(`${path}: CLI ${cliSays ? "lints" : "only"}, ESLint ${cliSays ? "does not" : "lints"}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("leaves to the CLI exactly the languages declared CLI-only", async () => {
    const cliOnly = new Set<string>();
    for (const path of FILE_NAMES) if (!(await eslintLints(path))) cliOnly.add(detectLanguage(path));
    const declared = LANGUAGES.filter((language) => language.eslint.via === "none" && FILE_NAMES.some((path) => detectLanguage(path) === language.id));
    expect([...cliOnly].sort()).toEqual(declared.map((language) => language.id).sort());
  });

  it("lints the file types the CLI scanned before ESLint did (.pyw, .ksh, .psd1, .mdx)", async () => {
    for (const path of ["a.pyw", "a.ksh", "a.psd1", "a.mdx", ".bashrc"]) expect(await eslintLints(path), path).toBe(true);
  });
});

describe("the README's table of the files ESLint lints", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  /** The README's cell for the languages ESLint reads `via`: extensions, then whole names. */
  const cell = (via: EslintSupport["via"]) => {
    const linted = LANGUAGES.filter((language) => language.eslint.via === via);
    const names = [...linted.flatMap((language) => language.extensions.map((extension) => `.${extension}`)), ...linted.flatMap((language) => language.fileNames)];
    return `\`${names.join(" ")}\``;
  };

  it.each([
    ["javascript", "JavaScript (ESLint's own parser"],
    ["typescript", "TypeScript (`@typescript-eslint/parser`"],
    ["text", "the plugin's `token-guard/text` language"],
  ] as const)("lists the %s files the registry declares", (via, readAs) => {
    expect(readme).toContain(`| ${cell(via)} | ${readAs}`);
  });
});
