// The config file's shape and its validation: every problem names the key and the file.

import { validateRule, type CredentialRule } from "../detect/rule.js";
import { ConfigError } from "./config-error.js";
import { closestName } from "./did-you-mean.js";

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

const KNOWN_KEYS = new Set(["$schema", "ignore", "rules", "placeholders", "minLength", "maxFileSize", "customRules", "baseline"]);
const RULE_SETTING_KEYS = new Set(["enabled", "envVar", "minLength"]);
/**
 * Custom-rule fields earlier versions accepted and nothing reads: `hosts` was
 * never used, and samples are run only for built-in rules, by our tests. A
 * config that still sets them keeps loading; they are dropped unchecked.
 */
const RETIRED_RULE_FIELDS = ["hosts", "truePositives", "falsePositives"];

/**
 * Checks every key and type; throws a ConfigError naming the first bad key.
 * `catalogIds` are the ids of the rules the door runs besides the config's own,
 * which a custom rule may not take.
 */
export function validateConfig(raw: unknown, shown: string, catalogIds: readonly string[]): ConfigFile {
  const fail = (message: string): never => {
    throw new ConfigError(`invalid config in ${shown}: ${message}`);
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail("expected a JSON object");
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) if (!KNOWN_KEYS.has(key)) fail(`unknown key "${key}"${didYouMean(key, KNOWN_KEYS)} (known: ${[...KNOWN_KEYS].slice(1).join(", ")})`);
  const stringArray = (key: string): void => {
    const value = config[key];
    if (value !== undefined && (!Array.isArray(value) || !value.every((item) => typeof item === "string"))) fail(`"${key}" must be an array of strings`);
  };
  if (config.$schema !== undefined && typeof config.$schema !== "string") fail(`"$schema" must be a string (the schema's path or URL, for editors)`);
  stringArray("ignore");
  stringArray("placeholders");
  for (const key of ["minLength", "maxFileSize"]) {
    const value = config[key];
    if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < 1)) fail(`"${key}" must be a positive integer`);
  }
  if (config.baseline !== undefined && typeof config.baseline !== "string") fail(`"baseline" must be a file path string`);
  // A config file travels with the repository: a path in it must not lead a write outside.
  if (typeof config.baseline === "string" && leavesItsFolder(config.baseline)) {
    fail(`"baseline" must be a relative path inside the project, without ".." (got ${JSON.stringify(config.baseline)})`);
  }
  if (config.rules !== undefined) {
    if (typeof config.rules !== "object" || config.rules === null || Array.isArray(config.rules)) fail(`"rules" must be an object keyed by rule id`);
    for (const [id, settings] of Object.entries(config.rules as Record<string, unknown>)) {
      if (typeof settings !== "object" || settings === null || Array.isArray(settings)) fail(`"rules.${id}" must be an object`);
      for (const [key, value] of Object.entries(settings as Record<string, unknown>)) {
        if (!RULE_SETTING_KEYS.has(key)) fail(`unknown key "rules.${id}.${key}"${didYouMean(key, RULE_SETTING_KEYS)} (known: enabled, envVar, minLength)`);
        if (key === "enabled" && typeof value !== "boolean") fail(`"rules.${id}.enabled" must be true or false`);
        if (key === "envVar" && (typeof value !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value))) fail(`"rules.${id}.envVar" must be an environment variable name`);
        if (key === "minLength" && (typeof value !== "number" || !Number.isInteger(value) || value < 1)) fail(`"rules.${id}.minLength" must be a positive integer`);
      }
    }
  }
  if (config.customRules === undefined) return config as ConfigFile;
  if (!Array.isArray(config.customRules)) fail(`"customRules" must be an array of rule objects`);
  // A rule id names one rule everywhere (reports, baselines, `token-guard/<id>` in ESLint): a second rule cannot share it.
  const ids = new Set(catalogIds);
  const customRules = (config.customRules as unknown[]).map((given, index) => {
    const rule = withoutRetiredFields(given);
    const problems = validateRule(rule, `customRules[${index}]`);
    if (problems.length > 0) fail(problems[0]!);
    const { id } = rule as CredentialRule;
    if (ids.has(id)) fail(`customRules[${index}].id "${id}" is already the id of another rule: choose a new id`);
    ids.add(id);
    return rule as Partial<CredentialRule>;
  });
  return { ...config, customRules } as ConfigFile;
}

/** `: did you mean "ignore"?` for a near miss, else nothing. */
function didYouMean(key: string, known: Iterable<string>): string {
  const closest = closestName(key, known);
  return closest === undefined ? "" : `: did you mean "${closest}"?`;
}

function withoutRetiredFields(rule: unknown): unknown {
  if (typeof rule !== "object" || rule === null || Array.isArray(rule)) return rule;
  return Object.fromEntries(Object.entries(rule).filter(([key]) => !RETIRED_RULE_FIELDS.includes(key)));
}

/** Whether a path is absolute (POSIX or Windows), empty, or climbs with a ".." segment. */
function leavesItsFolder(path: string): boolean {
  return path === "" || /^(?:[/\\]|[A-Za-z]:)/.test(path) || path.split(/[/\\]/).includes("..");
}
