// Imports point inward, and the catalog is injected: no module of the core
// (src/detect) reaches the catalog (rules/) or a door, however indirectly, and
// the config and the ESLint plugin's settings get the built-in rules only from
// the door that calls them.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reachableModules } from "./support/imports.js";

const CATALOG = ["rules/", "src/catalog.ts"];
const DOORS = ["src/cli/", "src/sources/", "src/report/", "src/fix/", "src/eslint/", "src/config/", "src/parallel/", "src/cache/", "src/index.ts"];
const within = (prefixes: readonly string[]) => (file: string) => prefixes.some((prefix) => file.startsWith(prefix));

describe("the core", () => {
  const core = readdirSync(new URL("../src/detect/", import.meta.url)).filter((file) => file.endsWith(".ts"));

  it.each(core)("src/detect/%s reaches neither the catalog nor a door", (file) => {
    expect(reachableModules(`src/detect/${file}`).filter(within([...CATALOG, ...DOORS]))).toEqual([]);
  });
});

describe("modules the doors hand the catalog to", () => {
  it.each(["src/config/load-config.ts", "src/config/detection-input.ts", "src/eslint/project-settings.ts", "src/eslint/rule.ts"])("%s does not reach the catalog", (file) => {
    expect(reachableModules(file).filter(within(CATALOG))).toEqual([]);
  });
});
