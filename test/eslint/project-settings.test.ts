// What the plugin reads from the project it is imported in: the config found in the
// directory ESLint runs in, its custom rules, its `ignore` globs judged on paths
// relative to that directory, and a bad config as one line, not a stack trace.
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { builtinRules } from "../../rules/index.js";
import { loadProjectSettings, projectSettings, projectSettingsOfCwd } from "../../src/eslint/project-settings.js";
import { ACME_RULE } from "../support/acme-rule.js";
import { makeTree } from "../support/cli.js";

describe("loadProjectSettings", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("reads token-guard.config.json in the directory, custom rules after the built-in ones", () => {
    const dir = makeTree({ "token-guard.config.json": JSON.stringify({ customRules: [ACME_RULE] }) });
    const settings = loadProjectSettings(dir, builtinRules);
    expect(settings.credentials.map((rule) => rule.id)).toEqual(["convoso-auth-token", "acme-api-key"]);
    expect(settings.detection.rules.map(({ rule }) => rule.id)).toEqual(["convoso-auth-token", "acme-api-key"]);
  });

  it("reads package.json's tokenGuard key when there is no config file", () => {
    const dir = makeTree({ "package.json": JSON.stringify({ name: "demo", tokenGuard: { ignore: ["fixtures"] } }) });
    expect(loadProjectSettings(dir, builtinRules).isIgnored(join(dir, "fixtures/a.js"))).toBe(true);
  });

  it("has only the built-in rules and ignores nothing without a config", () => {
    const dir = makeTree({ "a.js": "" });
    const settings = loadProjectSettings(dir, builtinRules);
    expect(settings.credentials.map((rule) => rule.id)).toEqual(["convoso-auth-token"]);
    expect(settings.isIgnored(join(dir, "fixtures/a.js"))).toBe(false);
  });

  it("fails with the config's one-line message as the whole stack (the real one with TOKEN_GUARD_DEBUG), naming the file and the key", () => {
    const dir = makeTree({ "token-guard.config.json": JSON.stringify({ rules: { "convoso-auth-token": { envvar: "X" } } }) });
    const message = 'invalid config in token-guard.config.json: unknown key "rules.convoso-auth-token.envvar": did you mean "envVar"? (known: enabled, envVar, minLength)';
    vi.stubEnv("TOKEN_GUARD_DEBUG", "");
    expect(() => loadProjectSettings(dir, builtinRules)).toThrow(ConfigError);
    expect(() => loadProjectSettings(dir, builtinRules)).toThrow(expect.objectContaining({ message, stack: `token-guard: ${message}` }));
    vi.stubEnv("TOKEN_GUARD_DEBUG", "1");
    expect(() => loadProjectSettings(dir, builtinRules)).toThrow(expect.objectContaining({ message, stack: expect.stringMatching(/\n\s+at /) }));
  });
});

describe("projectSettingsOfCwd", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("reads nothing until asked, then the directory ESLint runs in, once per directory", () => {
    const withAcme = makeTree({ "token-guard.config.json": JSON.stringify({ customRules: [ACME_RULE] }) });
    const without = makeTree({});
    const cwd = vi.spyOn(process, "cwd").mockReturnValue(withAcme);
    const settings = projectSettingsOfCwd(builtinRules);
    expect(cwd).not.toHaveBeenCalled();
    const first = settings();
    expect(first.credentials.map((rule) => rule.id)).toEqual(["convoso-auth-token", "acme-api-key"]);
    expect(settings()).toBe(first);
    cwd.mockReturnValue(without);
    expect(settings().credentials.map((rule) => rule.id)).toEqual(["convoso-auth-token"]);
  });

  it("runs the catalog the door hands in", () => {
    vi.spyOn(process, "cwd").mockReturnValue(makeTree({ "token-guard.config.json": JSON.stringify({ customRules: [ACME_RULE] }) }));
    expect(projectSettingsOfCwd([])().credentials.map((rule) => rule.id)).toEqual(["acme-api-key"]);
  });

  it("throws a bad config's ConfigError on every ask, the same one: the file is read once", () => {
    vi.spyOn(process, "cwd").mockReturnValue(makeTree({ "token-guard.config.json": "{ nope" }));
    const settings = projectSettingsOfCwd(builtinRules);
    const first = thrownBy(settings);
    expect(first).toBeInstanceOf(ConfigError);
    expect(thrownBy(settings)).toBe(first);
  });
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("isIgnored", () => {
  const settings = projectSettings({ ignore: ["fixtures", "/dist-docs/**/*.md", "*.gen.ts", "!keep.gen.ts"] }, "/project", builtinRules);

  it.each([
    ["/project/fixtures/a.js", true],
    ["/project/test/fixtures/deep/a.py", true],
    ["/project/dist-docs/guide/a.md", true],
    ["/project/src/dist-docs/a.md", false],
    ["/project/src/api.gen.ts", true],
    ["/project/src/keep.gen.ts", false],
    ["/project/src/api.ts", false],
    // Outside the project the globs say nothing, as `token-guard scan .` never goes there.
    ["/elsewhere/fixtures/a.js", false],
    ["/project", false],
  ])("%s: %s", (file, ignored) => {
    expect(settings.isIgnored(file)).toBe(ignored);
  });
});
