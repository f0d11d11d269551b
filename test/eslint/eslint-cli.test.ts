// End to end: the real `eslint` binary on a throwaway project whose eslint.config.js imports
// the built package, alone and next to typescript-eslint in both orders; the agreement
// test: `eslint` and `token-guard scan` report the same (file, line, rule) set on the same
// tree, with and without a token-guard.config.json; and a bad config failing eslint in one line,
// but never the import.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { ACME_RULE } from "../support/acme-rule.js";
import { CLI, REPO_ROOT, makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";
import { readEslintJson, type EslintMessages } from "./eslint-json.js";

const require = createRequire(import.meta.url);
const ESLINT_BIN = join(REPO_ROOT, "node_modules/eslint/bin/eslint.js");
const PACKAGE_ENTRY = join(REPO_ROOT, "dist/src/index.js");

/** Rebuilds dist/ when a source is newer than the last build, so the test runs what users get. */
function buildIfStale(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const path = join(dir, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(path) : entry.name.endsWith(".ts") ? statSync(path).mtimeMs : 0);
    }, 0);
  const built = existsSync(PACKAGE_ENTRY) ? statSync(PACKAGE_ENTRY).mtimeMs : 0;
  if (Math.max(newest(join(REPO_ROOT, "src")), newest(join(REPO_ROOT, "rules"))) <= built) return;
  // Type errors elsewhere do not stop tsc from emitting; a missing module would fail the runs below, loudly.
  spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: REPO_ROOT, stdio: "inherit" });
}

beforeAll(buildIfStale);

const tokens = Array.from({ length: 18 }, (_, index) => fakeToken(300 + index));
const t = (n: number): string => tokens[n]!;

/** A project with a token in every file type the recommended config covers, and the `file:line rule` reports expected. */
function leakyFiles(): { files: Record<string, string>; expected: string[] } {
  const files: Record<string, string> = {
    "package.json": `{ "name": "demo", "private": true, "type": "module" }\n`,
    "src/client.js": `// Convoso client\nconst authToken = "${t(1)}";\nexport const body = { auth_token: "${t(2)}", authToken };\n`,
    "src/server.mjs": `export const token = process.env.CONVOSO_AUTH_TOKEN ?? "${t(3)}";\n`,
    "src/legacy.cjs": `module.exports = { url: "https://api.convoso.com/v1/campaigns/search?auth_token=${t(4)}" };\n`,
    "src/App.jsx": `export const App = () => <Client authToken="${t(5)}" />;\n`,
    "src/api.ts": `const t: string = "${t(6)}";\nexport const search = (): Promise<Response> => fetch(\`https://api.convoso.com/v1/campaigns/search?auth_token=\${t}\`);\n`,
    "src/Widget.tsx": `export const Widget = (): JSX.Element => <Client {...{ authToken: "${t(7)}" }} />;\n`,
    "src/config.mts": `export const authToken = "${t(8)}";\n`,
    "src/config.cts": `export const authToken: string = "${t(9)}";\n`,
    "src/clean.ts": `export const authToken = process.env.CONVOSO_AUTH_TOKEN;\n`,
    "scripts/sync.py": `import requests\ndata = {"auth_token": "${t(10)}"}\n# auth_token = "${t(11)}"\nrequests.post("https://api.convoso.com/v1/campaigns/search", data=data)\n`,
    "api/search.php": `<?php\n$auth_token = '${t(12)}';\n`,
    "bin/search.sh": `#!/bin/sh\ncurl -d "auth_token=${t(13)}" https://api.convoso.com/v1/campaigns/search\n`,
    "bin/setup.ps1": `$env:CONVOSO_AUTH_TOKEN = "${t(14)}"\n`,
    "docs/README.md": `# Convoso\n\n\`\`\`bash\ncurl -d "auth_token=${t(15)}" https://api.convoso.com/v1/campaigns/search\n\`\`\`\n\nOr send auth_token=${t(0)} by hand.\n`,
    // Name/value records: the value before the name, on its own line.
    "src/params.js": `export const query = [\n  {\n    value: "${t(16)}",\n    name: "auth_token",\n  },\n];\n`,
    "scripts/fields.py": `fields = [\n    dict(\n        field="auth_token",\n        val="${t(17)}",\n    ),\n]\n`,
    "docs/clean.md": `Include the auth_token in every API request as a query parameter.\n`,
  };
  const expected = [
    "api/search.php:2",
    "bin/search.sh:2",
    "bin/setup.ps1:1",
    "docs/README.md:4",
    "docs/README.md:7",
    "scripts/fields.py:4",
    "scripts/sync.py:2",
    "scripts/sync.py:3",
    "src/App.jsx:1",
    "src/Widget.tsx:1",
    "src/api.ts:1",
    "src/client.js:2",
    "src/client.js:3",
    "src/config.cts:1",
    "src/config.mts:1",
    "src/legacy.cjs:1",
    "src/params.js:3",
    "src/server.mjs:1",
  ].map((line) => `${line} convoso-auth-token`);
  return { files, expected };
}

const fileUrl = (path: string): string => pathToFileURL(path).href;
const TSESLINT = fileUrl(require.resolve("typescript-eslint"));
const DEFINE_CONFIG = fileUrl(require.resolve("eslint/config"));

interface EslintRun extends EslintMessages {
  status: number;
  stderr: string;
}

function runEslint(dir: string, config: string): EslintRun {
  const result = spawnSync(process.execPath, [ESLINT_BIN, "--format", "json", "."], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`eslint exited ${result.status ?? result.signal} with ${config}:\n${result.stderr}${result.stdout.slice(0, 2000)}`);
  }
  return { status: result.status, ...readEslintJson(result.stdout, dir), stderr: result.stderr };
}

function project(config: string, files: Record<string, string>): string {
  return makeTree({ ...files, "eslint.config.js": config });
}

const PLUGIN_IMPORT = `import tokenGuard from ${JSON.stringify(fileUrl(PACKAGE_ENTRY))};\n`;

describe("the eslint binary with tokenGuard.configs.recommended", () => {
  it("reports every leaked token in JS, TS, Python, PHP, shell, PowerShell and Markdown, and exits 1", () => {
    const { files, expected } = leakyFiles();
    const dir = project(`${PLUGIN_IMPORT}export default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`, files);
    const run = runEslint(dir, "recommended");
    expect(run.fatal).toEqual([]);
    expect(run.reports).toEqual(expected);
    expect(run.status).toBe(1);
  });

  it("exits 0 on a clean project", () => {
    const dir = project(`${PLUGIN_IMPORT}export default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`, {
      "package.json": `{ "type": "module" }\n`,
      "src/client.ts": `export const authToken = process.env.CONVOSO_AUTH_TOKEN;\n`,
      "sync.py": `import os\nauth_token = os.environ["CONVOSO_AUTH_TOKEN"]\n`,
      "README.md": `Include the auth_token in every API request.\n`,
    });
    expect(runEslint(dir, "recommended")).toMatchObject({ status: 0, reports: [], fatal: [] });
  });

  it("works through defineConfig({ extends: [...] })", () => {
    const { files, expected } = leakyFiles();
    const config = `${PLUGIN_IMPORT}import { defineConfig } from ${JSON.stringify(DEFINE_CONFIG)};\nexport default defineConfig({ extends: [tokenGuard.configs.recommended, tokenGuard.configs.text] });\n`;
    const run = runEslint(project(config, files), "defineConfig");
    expect(run.fatal).toEqual([]);
    expect(run.reports).toEqual(expected);
    expect(run.status).toBe(1);
  });

  it.each([
    ["after typescript-eslint's recommended config", "[...tseslint.configs.recommended, ...tokenGuard.configs.recommended, ...tokenGuard.configs.text]"],
    ["before typescript-eslint's recommended config", "[...tokenGuard.configs.recommended, ...tokenGuard.configs.text, ...tseslint.configs.recommended]"],
  ])("coexists with typescript-eslint: placed %s", (_, array) => {
    const { files, expected } = leakyFiles();
    const config = `${PLUGIN_IMPORT}import tseslint from ${JSON.stringify(TSESLINT)};\nexport default ${array};\n`;
    const run = runEslint(project(config, files), array);
    expect(run.fatal).toEqual([]);
    expect(run.reports).toEqual(expected);
    expect(run.status).toBe(1);
  });

  it("importing the package loads neither the CLI nor TypeScript", () => {
    const script = `
      import { createRequire } from "node:module";
      const plugin = (await import(${JSON.stringify(fileUrl(PACKAGE_ENTRY))})).default;
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ name: plugin.meta.name, typescript: loaded.filter((path) => /[\\\\/]typescript[\\\\/]lib[\\\\/]/.test(path)).length, exitCode: process.exitCode ?? 0 }));
    `;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ name: "token-guard", typescript: 0, exitCode: 0 });
  });
});

describe("agreement: eslint and token-guard scan", () => {
  /** `file:line rule` of `token-guard scan . --format json` (plus `args`), sorted. */
  function scanReports(dir: string, ...args: string[]): string[] {
    const scan = runCli(["scan", ".", "--format", "json", ...args], dir);
    expect(scan.stderr).toBe("");
    expect(scan.status).toBe(1);
    return (JSON.parse(scan.stdout) as { findings: { file: string; line: number; ruleId: string }[] }).findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`).sort();
  }

  it("report exactly the same (file, line, rule) set on the same tree", () => {
    // The global setup builds dist/; a missing CLI is a failure, never a skip.
    expect(existsSync(CLI), `the CLI is not built (${relative(REPO_ROOT, CLI)} is missing)`).toBe(true);
    const { files, expected } = leakyFiles();
    const dir = project(`${PLUGIN_IMPORT}export default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`, files);
    const eslint = runEslint(dir, "recommended");
    const cliReports = scanReports(dir);
    expect(eslint.fatal).toEqual([]);
    expect(eslint.reports).toEqual(cliReports);
    expect(cliReports).toEqual(expected);
    expect(eslint.status).toBe(1);
  });

  it("agree on format-string arguments, commented-out commands and the names fix numbers", () => {
    const u = (n: number): string => fakeToken(9_400 + n);
    const files: Record<string, string> = {
      "package.json": `{ "name": "demo", "private": true, "type": "module" }\n`,
      "src/report.js": `// dialerctl login --auth-token ${u(1)}\nexport const url = util.format("auth_token=%s", "${u(2)}");\nexport const env = util.format("auth_token=%s", process.env.CONVOSO_AUTH_TOKEN);\n`,
      "src/report.ts": `export const CONVOSO_AUTH_TOKEN_2: string = "${u(3)}";\nexport const AUTH_TOKEN_TTL_2 = "${u(4)}";\n`,
      "jobs/push.py": `q = "auth_token={}&list_id={}".format("${u(5)}", 3)\n# gh secret set CONVOSO_AUTH_TOKEN --body "${u(6)}"\n`,
      "web/links.php": `<?php\n$q = vsprintf('auth_token=%s', ['${u(7)}']);\n`,
      "ops/rotate.sh": `printf 'auth_token=%s' '${u(8)}'\ngh secret set CONVOSO_AUTH_TOKEN --body "$CONVOSO_AUTH_TOKEN"\n`,
      "ops/Rotate.ps1": `$q = "auth_token={0}" -f '${u(9)}'\n`,
      "docs/setup.md": `<!-- setx CONVOSO_AUTH_TOKEN ${u(10)} -->\n`,
    };
    const dir = project(`${PLUGIN_IMPORT}export default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`, files);
    const eslint = runEslint(dir, "recommended");
    expect(eslint.fatal).toEqual([]);
    expect(eslint.reports).toEqual(scanReports(dir));
    expect(eslint.reports).toEqual(
      ["docs/setup.md:1", "jobs/push.py:1", "jobs/push.py:2", "ops/Rotate.ps1:1", "ops/rotate.sh:1", "src/report.js:1", "src/report.js:2", "src/report.ts:1", "web/links.php:2"].map(
        (line) => `${line} convoso-auth-token`,
      ),
    );
  });

  it("agree on literals that reach the token through local code: branches, returns, entries, parameters, settings defaults", () => {
    expect(existsSync(CLI), `the CLI is not built (${relative(REPO_ROOT, CLI)} is missing)`).toBe(true);
    const v = (n: number): string => fakeToken(360 + n);
    const files: Record<string, string> = {
      "package.json": `{ "name": "flow", "private": true, "type": "module" }\n`,
      "src/region.ts": `// Convoso\nfunction keyFor(region: string): string {\n  switch (region) {\n    case "eu":\n      return "${v(1)}";\n    default:\n      return process.env.CONVOSO_AUTH_TOKEN ?? "";\n  }\n}\nexport const q = new URLSearchParams({ auth_token: keyFor(r) });\n`,
      "src/tenants.js": `const byTenant = new Map([["north", "${v(2)}"]]);\nconst picked = live ? undefined : byTenant.get(t);\nexport const body = [["auth_token", picked]];\n`,
      "src/app.module.ts": `export const p = [{ provide: CONVOSO_AUTH_TOKEN, useValue: "${v(3)}" }];\nclass Client { constructor(readonly convosoToken: string) {} }\nexport const c = new Client("${v(4)}");\n`,
      "src/clean.ts": `// Convoso\nconst region = eu ? "${v(5)}" : "${v(6)}";\nexport const q = { auth_token: process.env.CONVOSO_AUTH_TOKEN, region };\n`,
      "settings.py": `class Settings(BaseSettings):\n    auth_token: SecretStr = SecretStr("${v(7)}")\n    convoso_token: str = Field(default="${v(8)}")\n\ntok = os.environ["CONVOSO_AUTH_TOKEN"] if live else "${v(9)}"\nrequests.get("https://api.convoso.com/v1/users", params={"auth_token": tok})\n`,
      "sync.php": `<?php\n$creds = $sandbox ? '${v(10)}' : getenv('CONVOSO_AUTH_TOKEN');\n$q = http_build_query(['auth_token' => $creds]);\n`,
    };
    const expected = ["settings.py:2", "settings.py:3", "settings.py:5", "src/app.module.ts:1", "src/app.module.ts:3", "src/region.ts:5", "src/tenants.js:1", "sync.php:2"].map((line) => `${line} convoso-auth-token`);
    const dir = project(`${PLUGIN_IMPORT}export default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`, files);
    const eslint = runEslint(dir, "recommended");
    expect(eslint.fatal).toEqual([]);
    expect(scanReports(dir)).toEqual(expected);
    expect(eslint.reports).toEqual(expected);
  });

  it("agree on selectors, typed Maps, positional constructors, derived record fields and self-described values", () => {
    const w = (n: number): string => fakeToken(15_700 + n);
    const files: Record<string, string> = {
      "package.json": `{ "name": "shapes", "private": true, "type": "module" }\n`,
      "src/tenants.ts": `const keys = new Map<string, string>([["acme", "${w(1)}"]]);\nexport const q = { authToken: opts.token ?? keys.get(t) };\n`,
      "src/providers.ts": `// convoso\nexport const p = [{ provide: CONVOSO_SYNC_TOKEN, useValue: "${"9c0f4e2a7b1d".repeat(3)}4e2a" }];\n`,
      "jobs/gateway.py": `@dataclass\nclass Gateway:\n    auth_token: str\n\nqa = Gateway("${w(2)}")\nTEST_AUTH_TOKEN = "fake_token_99ab"\n`,
      "app/Api.php": `<?php\nclass Api {\n    public function __construct(private string $authToken) {}\n    public static function make(string $s): self {\n        $t = match ($s) { 'qa' => '${w(3)}', default => getenv('CONVOSO_AUTH_TOKEN') };\n        return new self($t);\n    }\n}\n`,
      "ops/probe.sh": `http GET pie.dev/get auth_token==${w(4)}\n`,
      "ops/Connect.ps1": `$t = switch ($Stage) { 'qa' { '${w(5)}' } default { $env:CONVOSO_AUTH_TOKEN } }\nConnect-Dialer -AuthToken $t\n$rows = @([pscustomobject]@{ Name = 'auth_token'; Value = '${w(6)}' })\n`,
    };
    const expected = ["app/Api.php:5", "jobs/gateway.py:5", "ops/Connect.ps1:1", "ops/Connect.ps1:3", "ops/probe.sh:1", "src/providers.ts:2", "src/tenants.ts:1"].map((line) => `${line} convoso-auth-token`);
    const dir = project(`${PLUGIN_IMPORT}export default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`, files);
    const eslint = runEslint(dir, "recommended");
    expect(eslint.fatal).toEqual([]);
    expect(scanReports(dir)).toEqual(expected);
    expect(eslint.reports).toEqual(expected);
  });

  it("agree on setter and builder arguments, key-named functions, env: drive items and per-environment token maps", () => {
    const k = (n: number): string => fakeToken(15_950 + n);
    const files: Record<string, string> = {
      "package.json": `{ "name": "named", "private": true, "type": "module" }\n`,
      "src/client.ts": `export const c = Dialer.builder().withAuthToken("${k(1)}").build();\nexport const d = vault.getAuthToken("${k(2)}");\n`,
      "src/stages.js": `export const AUTH_TOKENS = { staging: "${k(3)}", production: process.env.PROD_AUTH_TOKEN };\nexport const TOKENS = { plus: "+", word: "${k(4)}" };\n`,
      "tests/conftest.py": `@pytest.fixture\ndef dialer_auth_token():\n    return "${k(5)}"\n`,
      "ops/profile.ps1": `Set-Item -Path Env:CONVOSO_AUTH_TOKEN -Value '${k(6)}'\n$AuthTokens = @{ Sandbox = '${k(7)}' }\n`,
    };
    const expected = ["ops/profile.ps1:1", "ops/profile.ps1:2", "src/client.ts:1", "src/stages.js:1", "tests/conftest.py:3"].map((line) => `${line} convoso-auth-token`);
    const dir = project(`${PLUGIN_IMPORT}export default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`, files);
    const eslint = runEslint(dir, "recommended");
    expect(eslint.fatal).toEqual([]);
    expect(scanReports(dir)).toEqual(expected);
    expect(eslint.reports).toEqual(expected);
  });

  it("agree on Markdown tables: a key-named column, name/value rows, and the traps beside them", () => {
    const m = (n: number): string => fakeToken(16_300 + n);
    const files: Record<string, string> = {
      "package.json": `{ "name": "tables", "private": true, "type": "module" }\n`,
      "docs/settings.md": `| Setting | Value |\n|---|---|\n| region | us |\n| auth_token | \`${m(1)}\` |\n| auth_token | \`\${CONVOSO_AUTH_TOKEN}\` |\n\n| env | convoso_auth_token |\n| --- | --- |\n| prod | ${m(2)} |\n| dev | <your-token> |\n`,
      "docs/checksums.md": `| Name | SHA-256 |\n|---|---|\n| auth_token | 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 |\n`,
    };
    const expected = ["docs/settings.md:4", "docs/settings.md:9"].map((line) => `${line} convoso-auth-token`);
    const dir = project(`${PLUGIN_IMPORT}export default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`, files);
    const eslint = runEslint(dir, "recommended");
    expect(eslint.fatal).toEqual([]);
    expect(scanReports(dir)).toEqual(expected);
    expect(eslint.reports).toEqual(expected);
  });

  it("read the same token-guard.config.json: a custom rule, gitignore-style ignore globs and a placeholder", () => {
    expect(existsSync(CLI), `the CLI is not built (${relative(REPO_ROOT, CLI)} is missing)`).toBe(true);
    const key = fakeToken(340);
    const placeholder = fakeToken(341);
    const config = {
      customRules: [ACME_RULE],
      ignore: ["fixtures/", "/generated/*.py", "!generated/keep.py"],
      placeholders: [placeholder],
    };
    const dir = project(`${PLUGIN_IMPORT}export default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`, {
      "package.json": `{ "name": "demo", "private": true, "type": "module" }\n`,
      "token-guard.config.json": JSON.stringify(config, null, 2),
      "src/acme.ts": `export const acmeApiKey = "${key}";\n`,
      "scripts/acme.py": `import requests\n\nACME_API_KEY = "${key}"\n`,
      "docs/acme.md": `# ACME\n\n\`\`\`sh\ncurl -d "acme_api_key=${key}" https://api.acme.test/v1/items\n\`\`\`\n`,
      "src/client.js": `// Convoso client\nexport const authToken = "${t(1)}";\n`,
      "src/demo.js": `export const authToken = "${placeholder}";\n`,
      "test/fixtures/leak.js": `export const authToken = "${t(2)}";\nexport const acme_api_key = "${key}";\n`,
      "generated/client.py": `auth_token = "${t(3)}"\n`,
      "generated/keep.py": `auth_token = "${t(4)}"\n`,
      "lib/generated/client.py": `auth_token = "${t(5)}"\n`,
    });
    const eslint = runEslint(dir, "recommended, with a token-guard config");
    const cliReports = scanReports(dir);
    expect(eslint.fatal).toEqual([]);
    expect(eslint.reports).toEqual(cliReports);
    expect(cliReports).toEqual([
      "docs/acme.md:4 acme-api-key",
      "generated/keep.py:1 convoso-auth-token",
      "lib/generated/client.py:1 convoso-auth-token",
      "scripts/acme.py:3 acme-api-key",
      "src/acme.ts:1 acme-api-key",
      "src/client.js:2 convoso-auth-token",
    ]);
    expect(eslint.status).toBe(1);
    // What the config left out is a finding without it.
    expect(scanReports(dir, "--no-config")).toEqual(
      expect.arrayContaining(["generated/client.py:1 convoso-auth-token", "src/demo.js:1 convoso-auth-token", "test/fixtures/leak.js:1 convoso-auth-token"]),
    );
  });
});

describe("a bad token-guard.config.json under eslint", () => {
  const BAD_CONFIG = { rules: { "convoso-auth-token": { envVar: "not a name" } } };
  const MESSAGE = 'token-guard: invalid config in token-guard.config.json: "rules.convoso-auth-token.envVar" must be an environment variable name';
  const badProject = (eslintConfig: string): string =>
    project(eslintConfig, {
      "package.json": `{ "type": "module" }\n`,
      "token-guard.config.json": JSON.stringify(BAD_CONFIG),
      "src/client.ts": `export const authToken = process.env.CONVOSO_AUTH_TOKEN;\n`,
    });

  it.each([
    ["the recommended config", `${PLUGIN_IMPORT}export default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`],
    ["defineConfig({ extends })", `${PLUGIN_IMPORT}import { defineConfig } from ${JSON.stringify(DEFINE_CONFIG)};\nexport default defineConfig({ extends: [tokenGuard.configs.recommended, tokenGuard.configs.text] });\n`],
    [
      "a rule turned on by name",
      `${PLUGIN_IMPORT}export default [{ files: ["**/*.ts"], plugins: { "token-guard": tokenGuard }, rules: { "token-guard/convoso-auth-token": "error" } }, tokenGuard.configs.recommended[1]];\n`,
    ],
  ])("fails eslint with exit 2 and token-guard's one-line message, no stack trace: %s", (_, eslintConfig) => {
    const result = spawnSync(process.execPath, [ESLINT_BIN, "."], { cwd: badProject(eslintConfig), encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const lines = result.stderr.split("\n").filter((line) => line.trim() !== "");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    // ESLint's own banner comes first; then token-guard's message, alone.
    expect(lines.at(-1)).toBe(MESSAGE);
    expect(lines.filter((line) => line.includes("token-guard"))).toHaveLength(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("does not fail the import: the package reads the config only when ESLint first looks up a rule", () => {
    const script = `
      const plugin = (await import(${JSON.stringify(fileUrl(PACKAGE_ENTRY))})).default;
      console.log(plugin.meta.name);
      try {
        plugin.rules;
      } catch (error) {
        console.log(error.name, error.stack);
      }
    `;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: badProject(""), encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`token-guard\nConfigError ${MESSAGE}\n`);
    expect(result.status).toBe(0);
  });

  it("refuses a custom rule's valuePattern that can backtrack super-linearly, before it runs on any file (issue 16)", () => {
    // `(a1|a|1)+Z` took 8.5 s on one 52-character value; ESLint loads the same config as the hook.
    const value = "a1".repeat(26);
    const dir = project(`${PLUGIN_IMPORT}export default [...tokenGuard.configs.recommended];\n`, {
      "package.json": `{ "type": "module" }\n`,
      "token-guard.config.json": JSON.stringify({ customRules: [{ ...ACME_RULE, valuePattern: "(a1|a|1)+Z" }] }),
      "src/client.ts": `export const acmeApiKey = "${value}";\n`,
    });
    const result = spawnSync(process.execPath, [ESLINT_BIN, "."], { cwd: dir, encoding: "utf8", timeout: 30_000, env: { ...process.env, NO_COLOR: "1" } });
    const lines = result.stderr.split("\n").filter((line) => line.trim() !== "");
    expect(result.status).toBe(2);
    expect(lines.at(-1)).toMatch(/^token-guard: invalid config in token-guard\.config\.json: customRules\[0\]\.valuePattern "\(a1\|a\|1\)\+Z" can match "a" in two ways .*super-linearly$/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
