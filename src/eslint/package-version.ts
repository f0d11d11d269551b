// The package version for the plugin's `meta`, read once from package.json
// (kept here rather than imported from src/cli so loading the plugin never loads the CLI).

import { readFileSync } from "node:fs";

function readVersion(): string {
  // src/eslint/ when run from source, dist/src/eslint/ when built.
  for (const candidate of ["../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "token-guard" && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return "0.0.0";
}

export const PACKAGE_NAME = "token-guard";
export const PACKAGE_VERSION = readVersion();
