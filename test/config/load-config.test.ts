// Finding and reading the config, synchronously: token-guard.config.json first, then
// package.json's `tokenGuard`, or an explicit file; every failure a ConfigError whose
// message names the file.
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { loadConfig } from "../../src/config/load-config.js";
import { makeTree } from "../support/cli.js";

/** The ids the CLI would hand in: loading does not depend on them. */
const CATALOG_IDS = ["convoso-auth-token"];

describe("loadConfig", () => {
  it("reads token-guard.config.json, ahead of package.json's tokenGuard", () => {
    const dir = makeTree({
      "token-guard.config.json": JSON.stringify({ ignore: ["examples"] }),
      "package.json": JSON.stringify({ tokenGuard: { ignore: ["elsewhere"] } }),
    });
    expect(loadConfig(dir, CATALOG_IDS)).toEqual({ file: "token-guard.config.json", config: { ignore: ["examples"] } });
  });

  it("reads package.json's tokenGuard key", () => {
    const dir = makeTree({ "package.json": JSON.stringify({ name: "demo", tokenGuard: { minLength: 20 } }) });
    expect(loadConfig(dir, CATALOG_IDS)).toEqual({ file: "package.json#tokenGuard", config: { minLength: 20 } });
  });

  it("is empty without a config file or a tokenGuard key", () => {
    expect(loadConfig(makeTree({ "package.json": JSON.stringify({ name: "demo" }) }), CATALOG_IDS)).toEqual({ config: {} });
    expect(loadConfig(makeTree({}), CATALOG_IDS)).toEqual({ config: {} });
  });

  it("reads an explicit file relative to the directory, and skips the defaults", () => {
    const dir = makeTree({ "conf/tg.json": JSON.stringify({ placeholders: ["demo-token"] }), "token-guard.config.json": "{ not json" });
    expect(loadConfig(dir, CATALOG_IDS, "conf/tg.json")).toEqual({ file: "conf/tg.json", config: { placeholders: ["demo-token"] } });
  });

  it("accepts a byte order mark", () => {
    const dir = makeTree({ "token-guard.config.json": `\uFEFF${JSON.stringify({ minLength: 14 })}` });
    expect(loadConfig(dir, CATALOG_IDS).config).toEqual({ minLength: 14 });
  });

  it.each([
    ["a missing explicit file", {}, "nope.json", "config file not found: nope.json"],
    ["a directory", { "token-guard.config.json/inside": "" }, undefined, "config path is a directory, not a file: token-guard.config.json"],
    ["a config that is not JSON", { "token-guard.config.json": "{ ignore: [" }, undefined, /^config file token-guard\.config\.json:1:3 is not valid JSON: /],
    ["a package.json that is not JSON", { "package.json": "{" }, undefined, /^config file package\.json:1:2 is not valid JSON: /],
    [
      "a bad tokenGuard key",
      { "package.json": JSON.stringify({ tokenGuard: { ignore: "examples" } }) },
      undefined,
      'invalid config in package.json#tokenGuard: "ignore" must be an array of strings',
    ],
  ])("throws a ConfigError for %s", (_, files, explicitPath, message) => {
    const dir = makeTree(files);
    expect(() => loadConfig(dir, CATALOG_IDS, explicitPath)).toThrow(ConfigError);
    expect(() => loadConfig(dir, CATALOG_IDS, explicitPath)).toThrow(message);
  });
});
