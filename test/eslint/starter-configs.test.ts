// End to end: token-guard beside the ESLint configs projects start from, with the real
// packages (locked devDependencies) and the real `eslint` binary. Each starter gets one
// temp project, set up once, whose node_modules links to this repository's packages
// (no npm at test time) and whose `token-guard` is this repository, so the configs
// import exactly what a user writes. Each starter is run with configs.recommended
// last, first and through `defineConfig({ extends })`, and as the README's
// "Beside your starter config" snippet for it (read from the README) writes it,
// scoped and with configs.text.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, writeFiles } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";
import { readEslintJson, type EslintMessages } from "./eslint-json.js";

const ESLINT_BIN = join(REPO_ROOT, "node_modules/eslint/bin/eslint.js");
/** What the configs below import, linked from this repository's node_modules. */
const LINKED_PACKAGES = ["eslint", "@eslint/js", "globals", "typescript-eslint", "eslint-config-next", "eslint-plugin-vue"];

const TOKEN = fakeToken(700);

/** Files every project holds: a token in JS, and in the files only configs.text brings into ESLint. */
const COMMON: Record<string, string> = {
  "package.json": `{ "name": "starter", "private": true, "type": "module" }\n`,
  "src/client.js": `// Convoso client\nexport const authToken = "${TOKEN}";\n`,
  "README.md": `# Starter\n\n\`\`\`sh\ncurl -d "auth_token=${TOKEN}" https://api.convoso.com/v1/campaigns/search\n\`\`\`\n`,
  "bin/sync.sh": `#!/bin/sh\ncurl -d "auth_token=${TOKEN}" https://api.convoso.com/v1/campaigns/search\n`,
  "scripts/sync.py": `import requests\nrequests.post("https://api.convoso.com/v1/campaigns/search", data={"auth_token": "${TOKEN}"})\n`,
};
const TEXT_REPORTS = ["README.md:4", "bin/sync.sh:2", "scripts/sync.py:2"];
const TS_FILES: Record<string, string> = {
  "src/api.ts": `export const authToken: string = "${TOKEN}";\n`,
  // projectService needs every linted script, eslint.config.js included, in a tsconfig.
  "tsconfig.json": `${JSON.stringify({ compilerOptions: { strict: true, noEmit: true, allowJs: true, jsx: "preserve", module: "nodenext" }, include: ["**/*.ts", "**/*.tsx", "**/*.js"] })}\n`,
};

interface Starter {
  name: string;
  files: Record<string, string>;
  /** The imports of the starter's eslint.config.js, `defineConfig` included. */
  imports: string;
  /** The starter's config objects, as it writes them inside `defineConfig(…)`. */
  configs: string;
  /** `file:line` of the tokens configs.recommended reports (all of them convoso-auth-token). */
  reports: string[];
}

const CREATE_CONFIG_IMPORTS = `import js from "@eslint/js";\nimport globals from "globals";\n`;
const TSESLINT_IMPORTS = `import eslint from "@eslint/js";\nimport tseslint from "typescript-eslint";\n`;

const STARTERS: Starter[] = [
  {
    // `npm init @eslint/config`, JavaScript, "problems", ESM, browser and node (@eslint/create-config's snapshot).
    name: "npm init @eslint/config (JavaScript)",
    files: COMMON,
    imports: CREATE_CONFIG_IMPORTS,
    configs: `[\n  { files: ["**/*.{js,mjs,cjs}"], plugins: { js }, extends: ["js/recommended"], languageOptions: { globals: {...globals.browser, ...globals.node} } },\n]`,
    reports: ["src/client.js:2"],
  },
  {
    name: "npm init @eslint/config (TypeScript)",
    files: { ...COMMON, ...TS_FILES },
    imports: `${CREATE_CONFIG_IMPORTS}import tseslint from "typescript-eslint";\n`,
    configs: `[\n  { files: ["**/*.{js,mjs,cjs,ts,mts,cts}"], plugins: { js }, extends: ["js/recommended"], languageOptions: { globals: {...globals.browser, ...globals.node} } },\n  tseslint.configs.recommended,\n]`,
    reports: ["src/api.ts:1", "src/client.js:2"],
  },
  {
    // typescript-eslint's quick start.
    name: "typescript-eslint recommended",
    files: { ...COMMON, ...TS_FILES },
    imports: TSESLINT_IMPORTS,
    configs: `eslint.configs.recommended, tseslint.configs.recommended`,
    reports: ["src/api.ts:1", "src/client.js:2"],
  },
  {
    // typescript-eslint's typed linting quick start.
    name: "typescript-eslint recommendedTypeChecked with projectService",
    files: { ...COMMON, ...TS_FILES },
    imports: TSESLINT_IMPORTS,
    configs: `eslint.configs.recommended, tseslint.configs.recommendedTypeChecked, { languageOptions: { parserOptions: { projectService: true } } }`,
    reports: ["src/api.ts:1", "src/client.js:2"],
  },
  {
    // create-next-app's eslint.config.mjs.
    name: "eslint-config-next",
    files: {
      ...COMMON,
      ...TS_FILES,
      "app/page.tsx": `export default function Page() {\n  return <Client authToken="${TOKEN}" />;\n}\n`,
    },
    imports: `import nextVitals from "eslint-config-next/core-web-vitals";\nimport nextTs from "eslint-config-next/typescript";\n`,
    configs: `...nextVitals, ...nextTs, globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts"])`,
    reports: ["app/page.tsx:2", "src/api.ts:1", "src/client.js:2"],
  },
  {
    name: "eslint-plugin-vue flat/recommended",
    files: {
      ...COMMON,
      "src/App.vue": `<script setup>\nconst greeting = "hello";\n</script>\n\n<template>\n  <p>{{ greeting }}</p>\n</template>\n`,
    },
    imports: `import js from "@eslint/js";\nimport pluginVue from "eslint-plugin-vue";\n`,
    configs: `js.configs.recommended, ...pluginVue.configs["flat/recommended"]`,
    reports: ["src/client.js:2"],
  },
];

const HEADER = `import { defineConfig, globalIgnores } from "eslint/config";\nimport tokenGuard from "token-guard";\n`;

/** The README's "Beside your starter config" snippets, in the order of STARTERS. */
function readmeSnippets(): string[] {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Beside your starter config"), readme.indexOf("### The config file in ESLint"));
  return [...section.matchAll(/```js\n([^`]*)```/g)].map((match) => match[1]!);
}
const SNIPPETS = readmeSnippets();

/** The eslint.config.js of each way of adding token-guard, and the `file:line` reports expected. */
const WAYS: [string, (starter: Starter, index: number) => string, (starter: Starter) => string[]][] = [
  ["configs.recommended last", (s) => `${HEADER}${s.imports}\nexport default defineConfig(${s.configs}, tokenGuard.configs.recommended);\n`, (s) => s.reports],
  ["configs.recommended first", (s) => `${HEADER}${s.imports}\nexport default defineConfig(tokenGuard.configs.recommended, ${s.configs});\n`, (s) => s.reports],
  ["defineConfig({ extends: [configs.recommended] })", (s) => `${HEADER}${s.imports}\nexport default defineConfig(${s.configs}, { extends: [tokenGuard.configs.recommended] });\n`, (s) => s.reports],
  ["the README's snippet: scoped, with configs.text", (_, index) => SNIPPETS[index]!, (s) => [...s.reports, ...TEXT_REPORTS].sort()],
];

/** A temp project with `files` whose node_modules links the packages the configs import. */
function linkedProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "token-guard-starter-"));
  writeFiles(dir, files);
  for (const name of LINKED_PACKAGES) {
    mkdirSync(dirname(join(dir, "node_modules", name)), { recursive: true });
    symlinkSync(join(REPO_ROOT, "node_modules", name), join(dir, "node_modules", name), "dir");
  }
  symlinkSync(REPO_ROOT, join(dir, "node_modules/token-guard"), "dir");
  return dir;
}

interface Run extends EslintMessages {
  status: number | null;
  stderr: string;
}

function runEslint(dir: string): Run {
  const result = spawnSync(process.execPath, [ESLINT_BIN, "--format", "json", "."], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const ran = result.status === 0 || result.status === 1;
  return { status: result.status, stderr: result.stderr, ...(ran ? readEslintJson(result.stdout, dir) : { reports: [], fatal: [] }) };
}

it("the README has one snippet per starter config", () => {
  expect(SNIPPETS).toHaveLength(STARTERS.length);
});

describe.each(STARTERS.map((starter, index) => ({ ...starter, index })))("token-guard beside $name", (starter) => {
  let dir = "";
  beforeAll(() => {
    dir = linkedProject(starter.files);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(WAYS)("%s: no crash, every token reported, exit 1", (_, config, expected) => {
    writeFileSync(join(dir, "eslint.config.js"), config(starter, starter.index));
    const run = runEslint(dir);
    expect(run.stderr).toBe("");
    expect(run.fatal).toEqual([]);
    expect(run.reports).toEqual(expected(starter).map((line) => `${line} convoso-auth-token`));
    expect(run.status).toBe(1);
  });
});
