// Reads and validates `token-guard.config.json` (or the `tokenGuard` key of
// package.json). Every problem names the key and the file.

import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { DetectionOverrides } from "../detect/detection.js";
import { jsonSyntaxProblem } from "../detect/json-syntax.js";
import { validateRule, type CredentialRule } from "../detect/rule.js";
import { UsageError } from "./errors.js";

/** The config file's shape (all keys optional). */
export interface ConfigFile {
  /** Globs (gitignore-style, relative to the working directory) never scanned unless named on the command line. */
  ignore?: string[];
  /** Per-rule settings by rule id. */
  rules?: Record<string, { enabled?: boolean; envVar?: string; minLength?: number }>;
  /** Extra values to treat as examples. */
  placeholders?: string[];
  /** Shortest value treated as a credential (default 12). */
  minLength?: number;
  /** Largest file scanned, in bytes (default 5 MB). */
  maxFileSize?: number;
  /** Extra credential rules, in the shape of the files in `rules/`. */
  customRules?: Partial<CredentialRule>[];
  /** Baseline file of accepted findings. */
  baseline?: string;
}

export interface LoadedConfig {
  /** Where it came from, for messages; undefined when there is none. */
  file?: string;
  config: ConfigFile;
}

export const CONFIG_FILE_NAME = "token-guard.config.json";
const KNOWN_KEYS = new Set(["$schema", "ignore", "rules", "placeholders", "minLength", "maxFileSize", "customRules", "baseline"]);
const RULE_SETTING_KEYS = new Set(["enabled", "envVar", "minLength"]);

/** Loads the explicit `--config` file, else `token-guard.config.json`, else package.json's `tokenGuard`, in `cwd`. */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig> {
  if (explicitPath !== undefined) {
    const file = resolve(cwd, explicitPath);
    const text = await readText(file, explicitPath, true);
    return { file: explicitPath, config: validateConfig(parseJson(text!, explicitPath), explicitPath) };
  }
  const configText = await readText(join(cwd, CONFIG_FILE_NAME), CONFIG_FILE_NAME, false);
  if (configText !== undefined) return { file: CONFIG_FILE_NAME, config: validateConfig(parseJson(configText, CONFIG_FILE_NAME), CONFIG_FILE_NAME) };
  const packageText = await readText(join(cwd, "package.json"), "package.json", false);
  if (packageText !== undefined) {
    const pkg = parseJson(packageText, "package.json");
    if (typeof pkg === "object" && pkg !== null && "tokenGuard" in pkg) {
      return { file: "package.json#tokenGuard", config: validateConfig((pkg as { tokenGuard: unknown }).tokenGuard, "package.json#tokenGuard") };
    }
  }
  return { config: {} };
}

async function readText(file: string, shown: string, required: boolean): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !required) return undefined;
    if (code === "ENOENT") throw new UsageError(`config file not found: ${shown}`);
    if (code === "EISDIR") throw new UsageError(`config path is a directory, not a file: ${shown}`);
    throw new UsageError(`cannot read config file ${shown}: ${code ?? "unknown error"}`);
  }
}

function parseJson(text: string, shown: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UsageError(`config file ${shown} is not valid JSON: ${jsonSyntaxProblem(error)}`);
  }
}

/** Checks every key and type; throws a UsageError naming the first bad key. */
export function validateConfig(raw: unknown, shown: string): ConfigFile {
  const fail = (message: string): never => {
    throw new UsageError(`invalid config in ${shown}: ${message}`);
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail("expected a JSON object");
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) if (!KNOWN_KEYS.has(key)) fail(`unknown key "${key}" (known: ${[...KNOWN_KEYS].slice(1).join(", ")})`);
  const stringArray = (key: string): void => {
    const value = config[key];
    if (value !== undefined && (!Array.isArray(value) || !value.every((item) => typeof item === "string"))) fail(`"${key}" must be an array of strings`);
  };
  stringArray("ignore");
  stringArray("placeholders");
  for (const key of ["minLength", "maxFileSize"]) {
    const value = config[key];
    if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < 1)) fail(`"${key}" must be a positive integer`);
  }
  if (config.baseline !== undefined && typeof config.baseline !== "string") fail(`"baseline" must be a file path string`);
  if (config.rules !== undefined) {
    if (typeof config.rules !== "object" || config.rules === null || Array.isArray(config.rules)) fail(`"rules" must be an object keyed by rule id`);
    for (const [id, settings] of Object.entries(config.rules as Record<string, unknown>)) {
      if (typeof settings !== "object" || settings === null || Array.isArray(settings)) fail(`"rules.${id}" must be an object`);
      for (const [key, value] of Object.entries(settings as Record<string, unknown>)) {
        if (!RULE_SETTING_KEYS.has(key)) fail(`unknown key "rules.${id}.${key}" (known: enabled, envVar, minLength)`);
        if (key === "enabled" && typeof value !== "boolean") fail(`"rules.${id}.enabled" must be true or false`);
        if (key === "envVar" && (typeof value !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value))) fail(`"rules.${id}.envVar" must be an environment variable name`);
        if (key === "minLength" && (typeof value !== "number" || !Number.isInteger(value) || value < 1)) fail(`"rules.${id}.minLength" must be a positive integer`);
      }
    }
  }
  if (config.customRules !== undefined) {
    if (!Array.isArray(config.customRules)) fail(`"customRules" must be an array of rule objects`);
    (config.customRules as unknown[]).forEach((rule, index) => {
      const problems = validateRule(rule, `customRules[${index}]`);
      if (problems.length > 0) fail(problems[0]!);
    });
  }
  return config as ConfigFile;
}

/** The detection overrides a config asks for; custom rules get defaults for the optional fields. */
export function detectionOverrides(config: ConfigFile): DetectionOverrides {
  return {
    extraRules: (config.customRules ?? []).map((rule): CredentialRule => {
      const given = rule as CredentialRule;
      return {
        ...given,
        contextWords: given.contextWords ?? [],
        hosts: given.hosts ?? [],
        docsUrl: given.docsUrl ?? "",
        minLength: given.minLength ?? 12,
        truePositives: given.truePositives ?? [],
        falsePositives: given.falsePositives ?? [],
      };
    }),
    ruleSettings: config.rules,
    placeholders: config.placeholders,
    minLength: config.minLength,
  };
}
