// The language registry is the one list every per-language table derives from:
// no two languages claim one file name, extension or fence word, and every
// language folder is registered.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/languages/detect-language.js";
import { FENCE_LANGUAGES, LANGUAGES, languageById } from "../../src/languages/registry.js";
import type { LanguageDefinition } from "../../src/languages/shared/language-definition.js";

const LANGUAGES_DIR = new URL("../../src/languages/", import.meta.url);

/** The keys of one kind every language claims, with the languages claiming each more than once. */
function claimedTwice(keys: (language: LanguageDefinition) => readonly string[]): Record<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const language of LANGUAGES) for (const key of keys(language)) owners.set(key, [...(owners.get(key) ?? []), language.id]);
  return Object.fromEntries([...owners].filter(([, ids]) => ids.length > 1));
}

describe("language registry", () => {
  it("registers each language once", () => {
    const ids = LANGUAGES.map((language) => language.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(languageById(id).id).toBe(id);
  });

  it.each([
    ["extension", (language: LanguageDefinition) => language.extensions],
    ["file name", (language: LanguageDefinition) => language.fileNames],
    ["file name prefix", (language: LanguageDefinition) => language.fileNamePrefixes],
    ["file name suffix", (language: LanguageDefinition) => language.fileNameSuffixes],
    ["fence name", (language: LanguageDefinition) => language.fenceNames],
  ] as const)("no %s is claimed by two languages", (_kind, keys) => {
    expect(claimedTwice(keys)).toEqual({});
  });

  it("writes names, extensions and fence words in lower case, as detectLanguage and the fence table compare them", () => {
    for (const language of LANGUAGES) {
      for (const key of [...language.extensions, ...language.fileNames, ...language.fileNamePrefixes, ...language.fileNameSuffixes, ...language.fenceNames]) {
        expect(key, language.id).toBe(key.toLowerCase());
      }
    }
    expect(FENCE_LANGUAGES.size).toBe(LANGUAGES.reduce((count, language) => count + language.fenceNames.length, 0));
  });

  it("sends every registered name and extension to its language", () => {
    for (const language of LANGUAGES) {
      for (const extension of language.extensions) expect(detectLanguage(`dir/file.${extension}`), extension).toBe(language.id);
      for (const name of language.fileNames) expect(detectLanguage(`dir/${name}`), name).toBe(language.id);
      for (const prefix of language.fileNamePrefixes) expect(detectLanguage(`dir/${prefix}x`), prefix).toBe(language.id);
      for (const suffix of language.fileNameSuffixes) expect(detectLanguage(`dir/x${suffix}`), suffix).toBe(language.id);
    }
  });

  it("registers every language folder (every definition a folder exports, and only those)", async () => {
    const folders = readdirSync(LANGUAGES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "shared")
      .map((entry) => entry.name);
    const exported: LanguageDefinition[] = [];
    for (const folder of folders) {
      const module = (await import(new URL(`${folder}/index.ts`, LANGUAGES_DIR).href)) as Record<string, LanguageDefinition>;
      const definitions = Object.values(module);
      expect(definitions.length, folder).toBeGreaterThan(0);
      exported.push(...definitions);
    }
    expect(exported.map((language) => language.id).sort()).toEqual(LANGUAGES.map((language) => language.id).sort());
    for (const language of exported) expect(LANGUAGES).toContain(language);
  });

  it("says why each language ESLint does not lint stays CLI-only", () => {
    for (const { id, eslint } of LANGUAGES) if (eslint.via === "none") expect(eslint.reason, id).toMatch(/\w{3}/);
  });
});
