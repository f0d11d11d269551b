// Issue 17: after `fix`, a TypeScript project with `strict: true` that type-checked
// before still type-checks (`process.env.X` is `string | undefined`), and the program
// fails loudly, naming the variable, when it is missing. A real `tsc` on a temp project.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, REPO_ROOT, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(1701);
const TSC = join(REPO_ROOT, "node_modules/.bin/tsc");

// `process.env` as @types/node types it, declared here so the temp project needs no node_modules.
const PROJECT = {
  "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "es2022", module: "es2022", types: [] }, include: ["src"] }),
  "src/env.d.ts": "declare const process: { env: Record<string, string | undefined> };\n",
  "src/client.ts": [
    "function call(token: string): number { return token.length; }",
    `const authToken: string = "${T}";`,
    `export const url: string = \`https://api.convoso.com/v1/users?auth_token=${T}&limit=1\`;`,
    "export const used = call(authToken);",
    "",
  ].join("\n"),
};

function typeCheck(dir: string): { status: number | null; output: string } {
  const result = spawnSync(TSC, ["-p", "."], { cwd: dir, encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("fix on a strict TypeScript project", () => {
  it("keeps it type-checking, throws when the variable is missing, and says what to set", () => {
    const dir = makeRepo(PROJECT);
    expect(typeCheck(dir)).toEqual({ status: 0, output: "" });

    const fixed = runCli(["fix"], dir);
    expect(fixed.status).toBe(0);
    const code = readFileSync(join(dir, "src/client.ts"), "utf8");
    expect(code).not.toContain(T);
    expect(code).toContain("process.env.CONVOSO_AUTH_TOKEN ?? ");
    expect(typeCheck(dir)).toEqual({ status: 0, output: "" });
    expect(fixed.stdout).toContain("src/client.ts now throws at run time when CONVOSO_AUTH_TOKEN is not set");

    // The rewritten expression, run: the variable's value when set, a named error when not.
    const assignment = code.split("\n").find((line) => line.startsWith("const authToken"))!;
    const expression = assignment.slice(assignment.indexOf("= ") + 2, -1);
    const evaluate = (env: Record<string, string>): unknown => new Function("process", `return ${expression};`)({ env });
    expect(evaluate({ CONVOSO_AUTH_TOKEN: "set" })).toBe("set");
    expect(() => evaluate({})).toThrow("CONVOSO_AUTH_TOKEN is not set");
  });
});
