// The ESLint plugin object: one rule per credential rule in rules/ and in the
// project's token-guard config, the `token-guard/text` language, and two
// configs generated from the rule catalog and the rules' metadata (nothing here
// lists a rule by hand): `recommended` for JavaScript and TypeScript, safe beside
// any other config, and `text`, which brings Python, PHP, shell, PowerShell and
// Markdown files into ESLint. They are apart because every rule a user's config
// turns on without `files` runs on every file ESLint lints: core rules declare no
// `meta.languages`, so ESLint runs them on our language too, where they crash
// (`sourceCode.getAllComments is not a function`) or ask for type information.
// Importing the plugin reads nothing: the project's config is read when ESLint
// first looks up a rule.

import type { TSESLint } from "@typescript-eslint/utils";
import { builtinRules } from "../catalog.js";
import { ConfigError } from "../config/config-error.js";
import type { CredentialRule } from "../detect/rule.js";
import { eslintFileGlobs } from "../languages/registry.js";
import { PACKAGE_NAME, VERSION as PACKAGE_VERSION } from "../report/tool-identity.js";
import { projectSettingsOfCwd, type ProjectSettings } from "./project-settings.js";
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
  /** `namespace` lets ESLint match our rules' `meta.languages` however the plugin is registered. */
  meta: { name: string; version: string; namespace: string };
  languages: { text: typeof textLanguage };
  rules: Record<string, TokenGuardRule>;
  configs: {
    /** JavaScript and TypeScript files: adds no file ESLint would not lint anyway. */
    recommended: TSESLint.FlatConfig.Config[];
    /** The text languages' files, in `token-guard/text`: the user's other configs must be scoped to their own files. */
    text: TSESLint.FlatConfig.Config[];
  };
}

/** `token-guard/<id>: "error"` for each id. */
function turnedOn(ids: readonly string[]): TSESLint.FlatConfig.Rules {
  return Object.fromEntries(ids.map((id) => [`${PLUGIN_NAMESPACE}/${id}`, "error"]));
}

/**
 * The plugin whose rules follow the project settings `settings()` returns; it is
 * called only when ESLint needs a rule or the recommended rule list, and throws
 * a bad config's ConfigError. `catalog` is the built-in rules.
 */
export function createPlugin(catalog: readonly CredentialRule[], settings: () => ProjectSettings): TokenGuardPlugin {
  let made: { project: ProjectSettings; rules: Record<string, TokenGuardRule>; recommended: TSESLint.FlatConfig.Rules } | undefined;
  /** The rules of the current settings, made again only when they change (ESLint run from another directory). */
  const current = () => {
    const project = settings();
    if (made?.project !== project) {
      const rules = Object.fromEntries(project.credentials.map((credential) => [credential.id, createTokenRule(credential, project)]));
      // Every rule whose docs say it is recommended: not those the config turns off.
      const recommended = Object.keys(rules).filter((id) => rules[id]!.meta.docs?.recommended === true);
      made = { project, rules, recommended: turnedOn(recommended) };
    }
    return made;
  };
  /**
   * ESLint reads a config's `rules` while merging configs, and wraps what that
   * throws in a stack trace of its own; a rule lookup's error it prints as is.
   * So with a bad config the built-in rules stay on here, and looking them up
   * reports the config in one line.
   */
  const recommendedRules = (): TSESLint.FlatConfig.Rules => {
    try {
      return current().recommended;
    } catch (error) {
      if (error instanceof ConfigError) return turnedOn(catalog.map((rule) => rule.id));
      throw error;
    }
  };

  const plugin: TokenGuardPlugin = {
    meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: PLUGIN_NAMESPACE },
    languages: { text: textLanguage },
    get rules() {
      return current().rules;
    },
    configs: { recommended: [], text: [] },
  };

  // Typed loosely where typescript-eslint's config types know nothing of languages.
  const plugins = { [PLUGIN_NAMESPACE]: plugin as unknown as TSESLint.FlatConfig.Plugin };

  plugin.configs.recommended.push(
    {
      name: "token-guard/recommended/scripts",
      files: SCRIPT_FILES,
      plugins,
      get rules() {
        return recommendedRules();
      },
    },
    // Only the parser, in its own object and only for TypeScript files, so that
    // typescript-eslint's configs, before or after this one, keep working.
    { name: "token-guard/recommended/typescript-parser", files: TYPESCRIPT_FILES, languageOptions: { parser: typescriptParser as TSESLint.FlatConfig.Parser } },
    // ESLint's default parser reads JSX only when asked.
    { name: "token-guard/recommended/jsx", files: ["**/*.jsx"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  );
  plugin.configs.text.push({
    name: "token-guard/text",
    files: TEXT_FILES,
    plugins,
    language: `${PLUGIN_NAMESPACE}/text`,
    get rules() {
      return recommendedRules();
    },
  });
  return plugin;
}

// Settings of the directory `eslint` runs in, as `token-guard scan` reads them.
const plugin = createPlugin(builtinRules, projectSettingsOfCwd(builtinRules));

export default plugin;
