// Finds and reads `token-guard.config.json` (or the `tokenGuard` key of
// package.json). Synchronous, so the ESLint plugin can load it from a rule lookup.

import { jsonSyntaxProblem } from "./json-syntax.js";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError } from "./config-error.js";
import { validateConfig, type ConfigFile } from "./validate-config.js";

export interface LoadedConfig {
  /** Where it came from, for messages; undefined when there is none. */
  file?: string;
  config: ConfigFile;
}

export const CONFIG_FILE_NAME = "token-guard.config.json";

/**
 * Loads the explicit `--config` file, else `token-guard.config.json`, else
 * package.json's `tokenGuard`, in `cwd`. `catalogIds`: the ids of the door's
 * built-in rules, which custom rules may not take.
 */
export function loadConfig(cwd: string, catalogIds: readonly string[], explicitPath?: string): LoadedConfig {
  if (explicitPath !== undefined) {
    const text = readText(resolve(cwd, explicitPath), explicitPath, true);
    return { file: explicitPath, config: validateConfig(parseJson(text!, explicitPath), explicitPath, catalogIds) };
  }
  const configText = readText(join(cwd, CONFIG_FILE_NAME), CONFIG_FILE_NAME, false);
  if (configText !== undefined) return { file: CONFIG_FILE_NAME, config: validateConfig(parseJson(configText, CONFIG_FILE_NAME), CONFIG_FILE_NAME, catalogIds) };
  const packageText = readText(join(cwd, "package.json"), "package.json", false);
  if (packageText !== undefined) {
    const pkg = parseJson(packageText, "package.json");
    if (typeof pkg === "object" && pkg !== null && "tokenGuard" in pkg) {
      return { file: "package.json#tokenGuard", config: validateConfig((pkg as { tokenGuard: unknown }).tokenGuard, "package.json#tokenGuard", catalogIds) };
    }
  }
  return { config: {} };
}

function readText(file: string, shown: string, required: boolean): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !required) return undefined;
    if (code === "ENOENT") throw new ConfigError(`config file not found: ${shown}`);
    if (code === "EISDIR") throw new ConfigError(`config path is a directory, not a file: ${shown}`);
    throw new ConfigError(`cannot read config file ${shown}: ${code ?? "unknown error"}`);
  }
}

function parseJson(text: string, shown: string): unknown {
  const json = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(json);
  } catch (error) {
    const { problem, line, column } = jsonSyntaxProblem(error, json);
    throw new ConfigError(`config file ${shown}:${line}:${column} is not valid JSON: ${problem}`);
  }
}
