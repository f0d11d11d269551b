// `token-guard fix` on a project with seven distinct values: one variable name
// everywhere (code, compose, workflow, scan, ESLint), the first value set in .env
// and the others commented out there with where they were found; no `_2 … _8`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, makeRepo, runCli } from "../support/cli.js";
import { eslintSuggestions } from "../support/eslint-suggestions.js";
import { fakeToken } from "../support/tokens.js";
import { missingVariableThrow, typeScriptEnvLookup } from "../../src/languages/javascript/replacement.js";

const ENV = "CONVOSO_AUTH_TOKEN";
const V = Array.from({ length: 8 }, (_, index) => fakeToken(1701 + index));
const read = (dir: string, path: string): string => readFileSync(join(dir, path), "utf8");

const PROJECT = {
  ".gitignore": "/.env\n/.env.token-guard-*.tmp\n",
  "src/client.ts": `export const authToken = "${V[0]}";\nexport const backup = { auth_token: "${V[1]}" };\n`,
  "src/worker.ts": `export const params = { auth_token: "${V[2]}" };\n`,
  "scripts/sync.py": `import requests\nrequests.post(url, data={"auth_token": "${V[3]}"})\nrequests.post(url, data={"auth_token": "${V[4]}"})\n`,
  "docker-compose.yml": `services:\n  app:\n    environment:\n      ${ENV}: ${V[5]}\n`,
  ".github/workflows/sync.yml": `jobs:\n  sync:\n    runs-on: ubuntu-latest\n    env:\n      ${ENV}: ${V[6]}\n`,
};

describe("fix names one variable for distinct values", () => {
  it("writes one name everywhere, 1 active + 6 commented lines in .env, warns, and a later fix --staged adds no _8", () => {
    const dir = makeRepo(PROJECT);
    const scan = runCli(["scan", "--format", "json"], dir);
    const scanned = (JSON.parse(scan.stdout) as { findings: Array<{ envVar: string }> }).findings;
    expect(scanned).toHaveLength(7);
    expect(new Set(scanned.map((finding) => finding.envVar))).toEqual(new Set([ENV]));

    const result = runCli(["fix"], dir);
    expect(result.status).toBe(0);
    const code = ["src/client.ts", "src/worker.ts", "scripts/sync.py", "docker-compose.yml", ".github/workflows/sync.yml"].map((path) => read(dir, path)).join("\n");
    expect(code).not.toMatch(new RegExp(`${ENV}_\\d`));
    expect(read(dir, "docker-compose.yml")).toContain(`\${${ENV}}`);
    expect(read(dir, ".github/workflows/sync.yml")).toContain(`secrets.${ENV}`);
    const env = read(dir, ".env").split("\n").filter((line) => line !== "");
    expect(env.filter((line) => line.startsWith(`${ENV}=`))).toHaveLength(1);
    const commented = env.filter((line) => line.startsWith(`# ${ENV}=`));
    expect(commented).toHaveLength(6);
    expect(commented.every((line) => / # another value, found at [^ ]+:\d+$/.test(line))).toBe(true);
    for (const value of V.slice(0, 7)) expect(read(dir, ".env")).toContain(value);
    expect(result.stdout).toContain(`warning: 7 different values were found for ${ENV}: each is a separate token`);
    for (const value of V) expect(result.stdout).not.toContain(value);

    // A later commit brings an eighth value: it joins the comments, under the same name.
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "fixed");
    writeFileSync(join(dir, "src/late.ts"), `export const authToken = "${V[7]}";\n`);
    git(dir, "add", "src/late.ts");
    const again = runCli(["fix", "--staged"], dir);
    expect(again.status).toBe(0);
    expect(read(dir, "src/late.ts")).toBe(`export const authToken = ${typeScriptEnvLookup(ENV)};\n`);
    const after = read(dir, ".env");
    expect(after).not.toMatch(new RegExp(`${ENV}_\\d`));
    expect(after.split("\n").filter((line) => line.startsWith(`# ${ENV}=`))).toHaveLength(7);
    expect(again.stdout).toContain(`warning: 2 different values were found for ${ENV}`);
  });

  it("--env-var NAME sends every value to NAME; a name that is no variable is a usage error", () => {
    const dir = makeRepo({ "src/client.ts": PROJECT["src/client.ts"], "docker-compose.yml": PROJECT["docker-compose.yml"].replace(ENV, "AUTH_TOKEN") });
    const result = runCli(["fix", "--env-var", "DIALER_TOKEN"], dir);
    expect(result.status).toBe(0);
    const dialer = typeScriptEnvLookup("DIALER_TOKEN");
    expect(read(dir, "src/client.ts")).toBe(`export const authToken = ${dialer};\nexport const backup = { auth_token: ${dialer} };\n`);
    expect(read(dir, "docker-compose.yml")).toContain("${DIALER_TOKEN}");
    expect(read(dir, ".env")).toMatch(/^DIALER_TOKEN=\S+\n# DIALER_TOKEN=\S+ # another value, found at src\/client\.ts:1\n# DIALER_TOKEN=\S+ # another value, found at src\/client\.ts:2\n$/);
    const bad = runCli(["fix", "--env-var", "not a name"], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });

  describe("scan, ESLint and fix name the same variable for one finding", () => {
    const client = `export const authToken = "${V[0]}";\n`;
    const named = (dir: string): { scan: string[]; eslint: string[] } => ({
      scan: (JSON.parse(runCli(["scan", "--format", "json"], dir).stdout) as { findings: Array<{ envVar: string }> }).findings.map((finding) => finding.envVar),
      eslint: eslintSuggestions(dir, "src/client.js").map((suggestion) => suggestion?.desc ?? ""),
    });

    it("--env-var NAME: scan --env-var and fix --env-var agree", () => {
      const dir = makeRepo({ "src/client.js": client });
      const scanned = (JSON.parse(runCli(["scan", "--format", "json", "--env-var", "DIALER_TOKEN"], dir).stdout) as { findings: Array<{ envVar: string; suggestion: { text: string } }> }).findings;
      expect(scanned.map((finding) => [finding.envVar, finding.suggestion.text])).toEqual([["DIALER_TOKEN", "process.env.DIALER_TOKEN"]]);
      expect(runCli(["fix", "--env-var", "DIALER_TOKEN"], dir).status).toBe(0);
      expect(read(dir, "src/client.js")).toBe("export const authToken = process.env.DIALER_TOKEN;\n");
      // The same validation as fix's.
      const bad = runCli(["scan", "--env-var", "not a name"], dir);
      expect({ status: bad.status, stderr: bad.stderr }).toEqual({ status: 2, stderr: "token-guard: --env-var needs an environment variable name, such as CONVOSO_AUTH_TOKEN\n" });
    });

    it("rules.<id>.envVar in the config drives scan, the ESLint suggestion and fix alike", () => {
      const dir = makeRepo({ "src/client.js": client, "token-guard.config.json": JSON.stringify({ rules: { "convoso-auth-token": { envVar: "DIALER_TOKEN" } } }) });
      const { scan, eslint } = named(dir);
      expect(scan).toEqual(["DIALER_TOKEN"]);
      expect(eslint).toHaveLength(1);
      expect(eslint[0]).toContain("process.env.DIALER_TOKEN");
      expect(runCli(["fix"], dir).status).toBe(0);
      expect(read(dir, "src/client.js")).toBe("export const authToken = process.env.DIALER_TOKEN;\n");
      expect(read(dir, ".env")).toBe(`DIALER_TOKEN=${V[0]}\n`);
    });
  });

  it("a lookup named like the token is renamed to the finding's own variable; a lookup with a real name keeps it", () => {
    const dir = makeRepo({
      "token-guard.config.json": JSON.stringify({ rules: { "convoso-auth-token": { envVar: "DIALER_TOKEN" } } }),
      "sync.py": `import os\nauth_token = os.getenv("${V[0]}", "${V[0]}")\nreporting = os.getenv("CONVOSO_REPORTING_TOKEN", "${V[1]}")\n`,
      "client.js": `export const authToken = process.env["${V[2]}"] ?? "${V[2]}";\n`,
      "worker.ts": `export const authToken: string = process.env["${V[3]}"] ?? "${V[3]}";\n`,
    });
    const scanned = (JSON.parse(runCli(["scan", "--format", "json"], dir).stdout) as { findings: Array<{ file: string; line: number; envVar: string }> }).findings;
    expect(scanned.map((finding) => `${finding.file}:${finding.line} ${finding.envVar}`)).toEqual([
      "client.js:1 DIALER_TOKEN",
      "sync.py:2 DIALER_TOKEN",
      "sync.py:3 CONVOSO_REPORTING_TOKEN",
      "worker.ts:1 DIALER_TOKEN",
    ]);
    // TypeScript's fallback becomes the throw (test/cli/fix-strict-typescript.test.ts), under the same name.
    const strictFallback = `process.env["DIALER_TOKEN"] ?? ${missingVariableThrow("DIALER_TOKEN")}`;
    const suggested = ["client.js", "sync.py", "worker.ts"].flatMap((path) => eslintSuggestions(dir, path)).map((suggestion) => suggestion?.desc ?? "");
    expect(suggested).toEqual([
      expect.stringContaining('process.env["DIALER_TOKEN"] (drop the hardcoded fallback)'),
      expect.stringContaining('os.getenv("DIALER_TOKEN") (drop the hardcoded fallback)'),
      expect.stringContaining('os.getenv("CONVOSO_REPORTING_TOKEN") (drop the hardcoded fallback)'),
      expect.stringContaining(strictFallback),
    ]);
    expect(runCli(["fix"], dir).status).toBe(0);
    expect(read(dir, "client.js")).toBe('export const authToken = process.env["DIALER_TOKEN"];\n');
    expect(read(dir, "sync.py")).toBe('import os\nauth_token = os.getenv("DIALER_TOKEN")\nreporting = os.getenv("CONVOSO_REPORTING_TOKEN")\n');
    expect(read(dir, "worker.ts")).toBe(`export const authToken: string = ${strictFallback};\n`);
    expect(read(dir, ".env")).toBe(
      `DIALER_TOKEN=${V[2]}\n# DIALER_TOKEN=${V[0]} # another value, found at sync.py:2\nCONVOSO_REPORTING_TOKEN=${V[1]}\n# DIALER_TOKEN=${V[3]} # another value, found at worker.ts:1\n`,
    );
  });
});
