// The token-guard config of the project ESLint lints, found the way `token-guard
// scan` finds it (token-guard.config.json, else package.json's `tokenGuard`, in
// the directory `eslint` runs in), and what the plugin's rules take from it. The
// built-in catalog is handed in by the plugin, the ESLint door.

import path from "node:path";
import { ConfigError } from "../config/config-error.js";
import { detectionInput } from "../config/detection-input.js";
import { compileGitignorePatterns, GitignoreMatcher } from "../sources/gitignore.js";
import { toPosix } from "../sources/paths.js";
import { loadConfig } from "../config/load-config.js";
import type { ConfigFile } from "../config/validate-config.js";
import { createDetection, type Detection, type DetectionOverrides } from "../detect/detection.js";
import type { CredentialRule } from "../detect/rule.js";

/** What the plugin's rules take from the project's config. */
export interface ProjectSettings {
  /** The built-in rules, then the config's custom rules: one ESLint rule each. */
  credentials: readonly CredentialRule[];
  /** The config's adjustments (rule settings, placeholders, minLength). */
  overrides: DetectionOverrides;
  /** The detection the config asks for, shared by every rule whose ESLint options leave the config's settings as they are. */
  detection: Detection;
  /** Whether the config's `ignore` globs leave a file (absolute path) out of `token-guard scan .`. */
  isIgnored(filename: string): boolean;
}

/** The settings of a validated config whose `ignore` globs are relative to `dir`, with the built-in rules of `catalog`. */
export function projectSettings(config: ConfigFile, dir: string, catalog: readonly CredentialRule[]): ProjectSettings {
  const { rules, overrides } = detectionInput(config, catalog);
  // The CLI's matcher, so ESLint leaves out exactly the files the CLI's walk does.
  const ignored = new GitignoreMatcher(compileGitignorePatterns(config.ignore ?? []));
  return {
    credentials: rules,
    overrides,
    detection: createDetection(rules, overrides),
    isIgnored(filename) {
      const relative = path.relative(dir, filename);
      // The globs speak of the project's own files; `scan .` never reaches outside it.
      if (relative === "" || relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return false;
      return ignored.isIgnored(toPosix(relative), false);
    },
  };
}

/** Loads the config in `cwd`; a bad config throws a ConfigError whose stack is its one-line message. */
export function loadProjectSettings(cwd: string, catalog: readonly CredentialRule[]): ProjectSettings {
  try {
    return projectSettings(loadConfig(cwd, catalog.map((rule) => rule.id)).config, cwd, catalog);
  } catch (error) {
    // ESLint prints a failing plugin's `stack`. The fault is in the user's file, not
    // in our code: the stack is the message alone unless debugging.
    if (error instanceof ConfigError && !process.env.TOKEN_GUARD_DEBUG) error.stack = `token-guard: ${error.message}`;
    throw error;
  }
}

/**
 * The settings of the directory ESLint runs in, read when first asked for (not
 * when the plugin is imported) and again only when that directory changes. A
 * bad config is remembered and thrown on every ask.
 */
export function projectSettingsOfCwd(catalog: readonly CredentialRule[]): () => ProjectSettings {
  let last: { cwd: string; settings: ProjectSettings } | { cwd: string; error: unknown } | undefined;
  return () => {
    const cwd = process.cwd();
    if (last?.cwd !== cwd) {
      try {
        last = { cwd, settings: loadProjectSettings(cwd, catalog) };
      } catch (error) {
        last = { cwd, error };
      }
    }
    if ("error" in last) throw last.error;
    return last.settings;
  };
}
