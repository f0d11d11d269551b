// The plugin object and the package entry: every rule in rules/ becomes `token-guard/<id>`
// with complete metadata and is on in configs.recommended; the entry exports the plugin and
// the programmatic API without reaching the CLI.
import { readFileSync } from "node:fs";
import type { Linter } from "eslint";
import { describe, expect, it, vi } from "vitest";
import { builtinRules } from "../../rules/index.js";
import * as entry from "../../src/index.js";
import { ConfigError } from "../../src/config/config-error.js";
import plugin, { SCRIPT_FILES, TEXT_FILES, TYPESCRIPT_FILES, createPlugin } from "../../src/eslint/plugin.js";
import { projectSettings } from "../../src/eslint/project-settings.js";
import { typescriptParser } from "../../src/eslint/typescript-parser.js";
import { reachableModules } from "../support/imports.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name: string; version: string };
const { recommended, text: textConfig } = plugin.configs;

/** Every object schema's properties, however deep, with the path to each. */
function schemaProperties(schema: unknown, at = "schema"): [string, Record<string, unknown>][] {
  if (Array.isArray(schema)) return schema.flatMap((item, index) => schemaProperties(item, `${at}[${index}]`));
  if (typeof schema !== "object" || schema === null) return [];
  const { properties } = schema as { properties?: Record<string, Record<string, unknown>> };
  return Object.entries(properties ?? {}).flatMap(([name, property]) => [[`${at}.${name}`, property] as [string, Record<string, unknown>], ...schemaProperties(property, `${at}.${name}`)]);
}

describe("plugin object", () => {
  it("names itself after the package", () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: "token-guard" });
    expect(Object.keys(plugin).sort()).toEqual(["configs", "languages", "meta", "rules"]);
    expect(plugin.languages.text.fileType).toBe("text");
  });

  it("has exactly one rule per rule in rules/index.ts, under the same id", () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(builtinRules.map((rule) => rule.id).sort());
  });

  it.each(builtinRules.map((rule) => [rule.id, rule] as const))("%s: complete metadata from the rule's data", (id, credential) => {
    const { meta } = plugin.rules[id]!;
    expect(meta.docs?.url).toBe(credential.docsUrl);
    expect(meta.docs?.url).toMatch(new RegExp(`/rules/${id}\\.md$`));
    expect(meta.docs?.description).toEqual(expect.any(String));
    expect(meta.docs?.recommended).toBe(true);
    expect(meta.type).toBe("problem");
    expect(meta.hasSuggestions).toBe(true);
    expect(meta.fixable).toBeUndefined();
    expect(Object.keys(meta.messages).sort()).toEqual(["hardcodedFallback", "hardcodedToken", "replaceWithEnv", "tokenInComment"]);
    for (const [messageId, text] of Object.entries(meta.messages)) {
      const placeholders = [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]);
      expect(placeholders, messageId).toEqual(messageId === "replaceWithEnv" ? ["replacement"] : expect.arrayContaining(["redacted", "envVar"]));
    }
    expect(meta.defaultOptions).toEqual([{ envVar: credential.envVar, minLength: credential.minLength }]);
    const properties = schemaProperties(meta.schema);
    expect(properties.map(([path]) => path)).toEqual(["schema[0].envVar", "schema[0].minLength"]);
    for (const [path, property] of properties) expect(property.description, path).toEqual(expect.stringMatching(/\w/));
  });
});

describe("configs.recommended and configs.text", () => {
  it("turn on every rule, as `token-guard/<id>`, for scripts and for the text language", () => {
    const expected = Object.fromEntries(builtinRules.map((rule) => [`token-guard/${rule.id}`, "error"]));
    const withRules = [...recommended, ...textConfig].filter((config) => config.rules);
    expect(withRules.map((config) => config.name)).toEqual(["token-guard/recommended/scripts", "token-guard/text"]);
    for (const config of withRules) {
      expect(config.rules).toEqual(expected);
      expect(config.plugins).toEqual({ "token-guard": plugin });
    }
  });

  it("recommended covers JavaScript and TypeScript files only; text gives the text language Python, PHP, shell, PowerShell and Markdown", () => {
    const [scripts, typescript, jsx] = recommended;
    expect(scripts).toEqual({ name: "token-guard/recommended/scripts", files: SCRIPT_FILES, plugins: expect.any(Object), rules: expect.any(Object) });
    expect(SCRIPT_FILES).toEqual(["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"]);
    expect(jsx).toEqual({ name: "token-guard/recommended/jsx", files: ["**/*.jsx"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });
    // The TypeScript parser stands alone, for TypeScript files only: nothing else to fight over.
    expect(typescript).toEqual({ name: "token-guard/recommended/typescript-parser", files: TYPESCRIPT_FILES, languageOptions: { parser: typescriptParser } });
    expect(TYPESCRIPT_FILES).toEqual(["**/*.{ts,tsx,mts,cts}"]);
    expect(recommended).toHaveLength(3);
    expect(textConfig).toEqual([{ name: "token-guard/text", files: TEXT_FILES, plugins: expect.any(Object), language: "token-guard/text", rules: expect.any(Object) }]);
    // From the language registry (test/eslint/file-parity.test.ts checks them against the CLI).
    expect(TEXT_FILES).toEqual(["**/*.{sh,bash,zsh,ksh,fish,py,pyi,pyw,php,phtml,ps1,psm1,psd1,md,markdown,mdx}", "**/.envrc", "**/.bashrc", "**/.zshrc", "**/.profile"]);
  });

  it("together are a valid flat config for every file type they name", async () => {
    const { Linter } = await import("eslint");
    for (const filename of ["a.js", "a.jsx", "a.mjs", "a.cjs", "a.ts", "a.tsx", "a.mts", "a.cts", "a.py", "a.pyw", "a.php", "a.sh", "a.ksh", ".bashrc", "a.ps1", "a.psd1", "a.md", "a.mdx"]) {
      expect(new Linter().verify("\n", [...recommended, ...textConfig] as Linter.Config[], { filename }), filename).toEqual([]);
    }
  });

  it("recommended brings no file into ESLint that it would not lint anyway: a rule without `files` never sees a text file", async () => {
    const { ESLint } = await import("eslint");
    const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: [...recommended, { rules: { "no-irregular-whitespace": "error" } }] as Linter.Config[] });
    for (const filename of ["a.py", "a.sh", "a.md", "a.php", "a.ps1"]) expect(await eslint.isPathIgnored(filename), filename).toBe(true);
  });
});

describe("meta.languages", () => {
  const lintIn = async (language: Linter.Config["language"], plugins: Linter.Config["plugins"]) =>
    new (await import("eslint")).Linter().verify("auth_token=x\n", [{ files: ["**/*.txt"], plugins: { ...plugins, "token-guard": plugin as never }, language, rules: { "token-guard/convoso-auth-token": "error" } }], {
      filename: "a.txt",
    });

  it("names JavaScript, token-guard/text and @eslint/markdown's languages", async () => {
    for (const rule of Object.values(plugin.rules)) expect(rule.meta.languages).toEqual(["js/js", "token-guard/text", "markdown/commonmark", "markdown/gfm"]);
    expect(await lintIn("token-guard/text", {})).toEqual([]);
  });

  it("makes ESLint refuse the rule on another language, by name, instead of running it", async () => {
    const other = { meta: { name: "other" }, languages: { plain: plugin.languages.text } };
    await expect(lintIn("other/plain", { other: other as never })).rejects.toThrow(/rules do not support the language "other\/plain":\n\t- "token-guard\/convoso-auth-token"/);
  });
});

describe("project settings, read lazily", () => {
  it("are not read to make the plugin, only to look up its rules or the recommended rule list", () => {
    const settings = vi.fn(() => projectSettings({}, process.cwd(), builtinRules));
    const lazy = createPlugin(builtinRules, settings);
    expect(lazy.configs.recommended).toHaveLength(3);
    expect(settings).not.toHaveBeenCalled();
    expect(Object.keys(lazy.rules)).toEqual(["convoso-auth-token"]);
    expect(lazy.configs.recommended[0]?.rules).toEqual({ "token-guard/convoso-auth-token": "error" });
    expect(settings).toHaveBeenCalled();
  });

  it("with a bad config: the recommended config keeps the built-in rules on, and looking a rule up throws the ConfigError", () => {
    const bad = new ConfigError("invalid config in token-guard.config.json: nope");
    const broken = createPlugin(builtinRules, () => {
      throw bad;
    });
    for (const config of [...broken.configs.recommended, ...broken.configs.text].filter((entry) => entry.rules)) expect(config.rules).toEqual({ "token-guard/convoso-auth-token": "error" });
    expect(() => broken.rules).toThrow(bad);
  });
});

describe("package entry (src/index.ts)", () => {
  it("default-exports the plugin and names the programmatic API", () => {
    expect(entry.default).toBe(plugin);
    expect(Object.keys(entry).sort()).toEqual(["builtinRules", "createDetection", "default", "defaultDetection", "scanSource"]);
    const findings = entry.scanSource({ path: "a.ts", text: "const x = 1;" }, entry.defaultDetection());
    expect(findings).toEqual([]);
    expect(entry.builtinRules).toBe(builtinRules);
    expect(entry.createDetection(entry.builtinRules, { ruleSettings: { "convoso-auth-token": { enabled: false } } }).rules).toEqual([]);
  });

  it("reaches the config loader, but not the CLI, the file sources or the reporters, through its imports", () => {
    const files = reachableModules("src/index.ts");
    expect(files).toContain("src/eslint/plugin.ts");
    // The door-neutral config module: the plugin reads token-guard.config.json as the CLI does.
    expect(files).toContain("src/config/load-config.ts");
    // Leaves only: the `ignore` matcher and path helpers the walk also uses, and the name and version ESLint shows.
    const sharedLeaves = ["src/sources/gitignore.ts", "src/sources/paths.ts", "src/report/tool-identity.ts"];
    expect(files.filter((file) => /^src\/(?:cli|sources|report)\//.test(file) && !sharedLeaves.includes(file))).toEqual([]);
  });
});
