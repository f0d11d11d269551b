// Issue 17: after `fix`, and after applying the ESLint suggestions, a TypeScript project
// with `strict: true` that type-checked before still type-checks (`process.env.X` is
// `string | undefined`), and the program fails loudly, naming the variable, when it is
// missing. The real `tsc` on a temp project; the real eslint binary with the built plugin; the
// scan's suggestion, the ESLint suggestion and what fix writes are one text.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, REPO_ROOT, runCli } from "../support/cli.js";
import { eslintSuggestions, withSuggestions, type Suggestion } from "../support/eslint-suggestions.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(1701);
const ENV = "CONVOSO_AUTH_TOKEN";
const TSC = join(REPO_ROOT, "node_modules/.bin/tsc");
const MISSING = `(() => { throw new Error("${ENV} is not set"); })()`;
const STRICT_READ = `(process.env.${ENV} ?? ${MISSING})`;

/** Every shape a token takes in typed code: each must still be `string` after the rewrite. */
const CLIENT = [
  "interface Options { authToken: string; listId: number }",
  "function search(authToken: string): number { return authToken.length; }",
  `const authToken: string = "${T}";`,
  `export const options: Options = { authToken: "${T}", listId: 1 };`,
  `export const found: number = search("${T}");`,
  "export class Client {",
  `  authToken: string = "${T}";`,
  "  private readonly token: string;",
  `  constructor(token: string = "${T}") { this.token = token; }`,
  "  get size(): number { return this.token.length; }",
  "}",
  `export function connect(auth_token: string = "${T}"): string { return auth_token; }`,
  `export const url: string = \`https://api.convoso.com/v1/users/search?auth_token=${T}&limit=1\`;`,
  `export const quoted: string = "https://api.convoso.com/v1/users/search?auth_token=${T}&limit=1";`,
  `export const fromEnv: string = process.env.${ENV} ?? "${T}";`,
  `export const orEnv: string = process.env.${ENV} || "${T}";`,
  `const { ${ENV} = "${T}" } = process.env;`,
  `export const destructured: string = ${ENV};`,
  "export const used: number = search(authToken);",
  "",
].join("\n");

// `process` as @types/node types its `env`, declared here so the temp project needs no node_modules.
const PROJECT = {
  "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "es2022", module: "es2022", types: [] }, include: ["src"] }),
  "src/env.d.ts": "declare const process: { env: Record<string, string | undefined> };\n",
  "src/client.ts": CLIENT,
  // Plain JavaScript is not type-checked: it keeps the short lookup.
  "src/plain.js": `export const authToken = "${T}";\n`,
};

function typeCheck(dir: string): { status: number | null; output: string } {
  const result = spawnSync(TSC, ["--noEmit", "-p", "."], { cwd: dir, encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

const TYPE_CHECKS = { status: 0, output: "" };

describe("fix on a strict TypeScript project", () => {
  it("keeps it type-checking, throws when the variable is missing, and says what to set", () => {
    const dir = makeRepo(PROJECT);
    expect(typeCheck(dir)).toEqual(TYPE_CHECKS);

    const fixed = runCli(["fix"], dir);
    expect(fixed.stderr).toBe("");
    expect(fixed.status).toBe(0);
    const code = readFileSync(join(dir, "src/client.ts"), "utf8");
    expect(code).not.toContain(T);
    expect(typeCheck(dir)).toEqual(TYPE_CHECKS);
    expect(code).toContain(`const authToken: string = ${STRICT_READ};`);
    expect(code).toContain(`export const fromEnv: string = process.env.${ENV} ?? ${MISSING};`);
    expect(code).toContain(`export const orEnv: string = process.env.${ENV} || ${MISSING};`);
    expect(code).toContain(`const { ${ENV} = ${MISSING} } = process.env;`);
    expect(code).toContain(`auth_token=\${${STRICT_READ}}&limit=1\`;`);
    expect(readFileSync(join(dir, "src/plain.js"), "utf8")).toBe(`export const authToken = process.env.${ENV};\n`);
    expect(fixed.stdout).toContain(`next: src/client.ts now throws at run time when ${ENV} is not set: set it wherever the program runs (the value is in .env)`);

    // The rewritten expressions, run: the variable's value when set, a named error when not.
    const evaluate = (expression: string, env: Record<string, string>): unknown => new Function("process", `return ${expression};`)({ env });
    for (const expression of [STRICT_READ, `process.env.${ENV} ?? ${MISSING}`]) {
      expect(evaluate(expression, { [ENV]: "set" })).toBe("set");
      expect(() => evaluate(expression, {})).toThrow(`${ENV} is not set`);
    }
  });

  it("gives scan, the ESLint suggestions and fix one text, and the suggestions type-check too", () => {
    const dir = makeRepo(PROJECT);
    const scanned = runCli(["scan", "--format", "json", "src/client.ts"], dir);
    const findings = (JSON.parse(scanned.stdout) as { findings: { suggestion: { text: string } }[] }).findings;
    expect(findings).toHaveLength(11);

    const suggestions = eslintSuggestions(dir, "src/client.ts");
    expect(suggestions).toHaveLength(findings.length);
    expect(suggestions.every((suggestion) => suggestion !== undefined)).toBe(true);
    for (const [index, finding] of findings.entries()) expect(suggestions[index]!.desc).toContain(finding.suggestion.text);
    const suggested = withSuggestions(dir, "src/client.ts", suggestions as Suggestion[]);
    writeFileSync(join(dir, "src/client.ts"), suggested);
    expect(typeCheck(dir)).toEqual(TYPE_CHECKS);

    const fixedDir = makeRepo(PROJECT);
    expect(runCli(["fix"], fixedDir).status).toBe(0);
    expect(suggested).toBe(readFileSync(join(fixedDir, "src/client.ts"), "utf8"));
  });
});
