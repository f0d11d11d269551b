// The package version, read once from package.json next to the build output.

import { readFileSync } from "node:fs";

function readVersion(): string {
  for (const candidate of ["../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "token-guard" && pkg.version) return pkg.version;
    } catch {
      // try the next location: src/ when run from source, dist/src/ when built
    }
  }
  return "0.0.0";
}

export const VERSION = readVersion();
