// How token-guard names itself in what it prints (SARIF's tool, `--version`, the
// ESLint plugin's meta): name and version, read once from package.json beside the
// build (a leaf module, so the CLI and the ESLint plugin share it without loading each other).

import { readFileSync } from "node:fs";

function readVersion(): string {
  // src/report/ when run from source, dist/src/report/ when built, dist/cli/ in the bundled CLI.
  for (const candidate of ["../package.json", "../../package.json", "../../../package.json"]) {
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
export const VERSION = readVersion();
