// The ESLint plugin object: one rule per credential rule in rules/ and in the
// project's token-guard config, the `token-guard/text` language, and
// `configs.recommended`, all generated from the rule catalog and the rules'
// metadata (nothing here lists a rule by hand).

import type { TSESLint } from "@typescript-eslint/utils";
import { eslintFileGlobs } from "../languages/registry.js";
import { PACKAGE_NAME, VERSION as PACKAGE_VERSION } from "../version.js";
import { loadProjectSettings, type ProjectSettings } from "./project-settings.js";
import { createTokenRule, type TokenGuardRule } from "./rule.js";
import { textLanguage } from "./text-language.js";
import { typescriptParser } from "./typescript-parser.js";

/** The namespace users register the plugin under; rule ids are `token-guard/<id>`. */
export const PLUGIN_NAMESPACE = "token-guard";

// The globs come from the language registry, so ESLint lints what `token-guard scan` reads.
/** Files ESLint parses as JavaScript/TypeScript. */
export const SCRIPT_FILES = eslintFileGlobs("javascript", "typescript");
/** The subset that needs a TypeScript-capable parser. */
export const TYPESCRIPT_FILES = eslintFileGlobs("typescript");
/** Files linted through the `token-guard/text` language. */
export const TEXT_FILES = eslintFileGlobs("text");

export interface TokenGuardPlugin {
  meta: { name: string; version: string };
  languages: { text: typeof textLanguage };
  rules: Record<string, TokenGuardRule>;
  configs: { recommended: TSESLint.FlatConfig.Config[] };
}

/** The plugin for one project's token-guard settings. */
export function createPlugin(project: ProjectSettings): TokenGuardPlugin {
  const rules = Object.fromEntries(project.credentials.map((credential) => [credential.id, createTokenRule(credential, project)]));
  const plugin: TokenGuardPlugin = {
    meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION },
    languages: { text: textLanguage },
    rules,
    configs: { recommended: [] },
  };

  /** `token-guard/<id>: "error"` for every rule whose docs say it is recommended. */
  const recommendedRules: TSESLint.FlatConfig.Rules = Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs?.recommended === true)
      .map(([id]) => [`${PLUGIN_NAMESPACE}/${id}`, "error"]),
  );

  // Typed loosely where typescript-eslint's config types know nothing of languages.
  const plugins = { [PLUGIN_NAMESPACE]: plugin as unknown as TSESLint.FlatConfig.Plugin };

  plugin.configs.recommended.push(
    { name: "token-guard/recommended/scripts", files: SCRIPT_FILES, plugins, rules: recommendedRules },
    // Only the parser, in its own object and only for TypeScript files, so that
    // typescript-eslint's configs, before or after this one, keep working.
    { name: "token-guard/recommended/typescript-parser", files: TYPESCRIPT_FILES, languageOptions: { parser: typescriptParser as TSESLint.FlatConfig.Parser } },
    // ESLint's default parser reads JSX only when asked.
    { name: "token-guard/recommended/jsx", files: ["**/*.jsx"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { name: "token-guard/recommended/text", files: TEXT_FILES, plugins, language: `${PLUGIN_NAMESPACE}/text`, rules: recommendedRules },
  );
  return plugin;
}

// Read where `eslint` runs, as `token-guard scan` reads it, once per ESLint process.
const plugin = createPlugin(loadProjectSettings(process.cwd()));

export const rules = plugin.rules;

export default plugin;
