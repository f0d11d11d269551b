// planFixes: findings and texts in; new texts, env entries (stable names) and what is left out — no I/O.
import { describe, expect, it } from "vitest";
import { planFixes, renameLookups, type FixInput } from "../../src/fix/plan.js";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const A = fakeToken(701);
const B = fakeToken(702);

function input(path: string, text: string): FixInput {
  return { path, text, findings: scanText(path, text) };
}

const scan = (path: string, text: string) => scanText(path, text);

describe("planFixes", () => {
  it("rewrites each file, stores each value once, and names distinct values stably by path and position", () => {
    const plan = planFixes(
      [
        input("src/b.ts", `const authToken = "${B}";\nconst again = { auth_token: "${A}" };\n`),
        input("src/a.ts", `const authToken = "${A}";\n`),
      ],
      { scan },
    );
    expect(plan.envEntries).toEqual([{ name: "CONVOSO_AUTH_TOKEN", value: A }, { name: "CONVOSO_AUTH_TOKEN_2", value: B }]);
    expect(plan.files.map((file) => [file.path, file.newText])).toEqual([
      ["src/a.ts", "const authToken = process.env.CONVOSO_AUTH_TOKEN;\n"],
      ["src/b.ts", "const authToken = process.env.CONVOSO_AUTH_TOKEN_2;\nconst again = { auth_token: process.env.CONVOSO_AUTH_TOKEN };\n"],
    ]);
    expect(plan.files[1]!.fixed.map((fixed) => [fixed.line, fixed.envVar, fixed.change?.kind])).toEqual([[1, "CONVOSO_AUTH_TOKEN_2", "taken"], [2, "CONVOSO_AUTH_TOKEN", undefined]]);
    expect(plan.left).toEqual([]);
  });

  it("reuses an identical entry of the existing env file and never overwrites a different one", () => {
    const existing = new Map([["CONVOSO_AUTH_TOKEN", B]]);
    const plan = planFixes([input("a.py", `import os\nauth_token = "${A}"\nbackup_auth_token = "${B}"\n`)], { scan, existingEnv: existing });
    expect(plan.envEntries).toEqual([{ name: "CONVOSO_AUTH_TOKEN_2", value: A }]);
    expect(plan.files[0]!.newText).toBe(`import os\nauth_token = os.environ["CONVOSO_AUTH_TOKEN_2"]\nbackup_auth_token = os.environ["CONVOSO_AUTH_TOKEN"]\n`);
  });

  it("gives the name to code that keeps reading it (a dropped fallback) before renamable uses", () => {
    const plan = planFixes(
      [input("a.ts", `const authToken = "${A}";\n`), input("b.ts", `const token = process.env.CONVOSO_AUTH_TOKEN ?? "${B}";\n`)],
      { scan },
    );
    expect(plan.envEntries).toEqual([{ name: "CONVOSO_AUTH_TOKEN", value: B }, { name: "CONVOSO_AUTH_TOKEN_2", value: A }]);
    expect(plan.files.map((file) => file.newText)).toEqual(["const authToken = process.env.CONVOSO_AUTH_TOKEN_2;\n", "const token = process.env.CONVOSO_AUTH_TOKEN;\n"]);
  });

  it("keeps the name where a Makefile statement that set it now defers to the environment (`?=`, a recipe guard)", () => {
    const existing = new Map([["CONVOSO_AUTH_TOKEN", B]]);
    const text = `CONVOSO_AUTH_TOKEN = ${A}\nsync:\n\texport CONVOSO_AUTH_TOKEN=${A}; ./sync.sh\n`;
    const plan = planFixes([input("Makefile", text)], { scan, existingEnv: existing });
    expect(plan.files[0]!.newText).toBe(`CONVOSO_AUTH_TOKEN ?=\nsync:\n\t: "$\${CONVOSO_AUTH_TOKEN:?set CONVOSO_AUTH_TOKEN in the environment}"; ./sync.sh\n`);
    expect(plan.envEntries).toEqual([{ name: "CONVOSO_AUTH_TOKEN_2", value: A }]);
    expect(plan.files[0]!.fixed.map((fixed) => [fixed.envVar, fixed.codeReadsPreferred])).toEqual([["CONVOSO_AUTH_TOKEN", true], ["CONVOSO_AUTH_TOKEN", true]]);
  });

  it("renames a workflow's secret like any other lookup", () => {
    const existing = new Map([["CONVOSO_AUTH_TOKEN", B]]);
    const plan = planFixes([input(".github/workflows/sync.yml", `jobs:\n  sync:\n    env:\n      AUTH_TOKEN: ${A}\n`)], { scan, existingEnv: existing });
    expect(plan.files[0]!.newText).toBe("jobs:\n  sync:\n    env:\n      AUTH_TOKEN: ${{ secrets.CONVOSO_AUTH_TOKEN_2 }}\n");
  });

  it("keeps CRLF line endings and a BOM; inserted lines use the file's line endings", () => {
    const plan = planFixes([input("a.py", `\uFEFF"""Doc."""\r\nauth_token = "${A}"\r\n`)], { scan });
    expect(plan.files[0]!.newText).toBe(`\uFEFF"""Doc."""\r\nimport os\r\nauth_token = os.environ["CONVOSO_AUTH_TOKEN"]\r\n`);
  });

  it("reports what only a person can fix, at its position in the new text", () => {
    const plan = planFixes([input("app.py", `auth_token = "${A}"\n# auth_token = "${B}"\n`), input("config/app.yaml", `convoso:\n  auth_token: ${B}\n`)], { scan });
    expect(plan.left.map((left) => [left.path, left.line, left.why])).toEqual([["app.py", 3, "comment"], ["config/app.yaml", 2, "manual"]]);
    expect(plan.left[1]!.advice).toMatch(/keep the value out of this file/);
    expect(JSON.stringify(plan.left)).not.toContain(B);
  });

  it("changes nothing when nothing can be fixed", () => {
    const plan = planFixes([input("config/app.yaml", `auth_token: ${A}\n`)], { scan });
    expect(plan.files).toEqual([]);
    expect(plan.envEntries).toEqual([]);
  });
});

describe("renameLookups", () => {
  it("renames the variable inside env lookups only, not a constant that shares its name", () => {
    expect(renameLookups("define('CONVOSO_AUTH_TOKEN', getenv('CONVOSO_AUTH_TOKEN'))", "CONVOSO_AUTH_TOKEN", "CONVOSO_AUTH_TOKEN_2")).toBe(
      "define('CONVOSO_AUTH_TOKEN', getenv('CONVOSO_AUTH_TOKEN_2'))",
    );
    for (const lookup of ["process.env.X", 'process.env["X"]', 'os.environ["X"]', "os.environ['X']", 'os.getenv("X")', "${X}", "$X", "$(X)", "$env:X", "$${X}", "${{ secrets.X }}"]) {
      expect(renameLookups(lookup, "X", "X_2")).toBe(lookup.replace("X", "X_2"));
    }
    expect(renameLookups("process.env.X_OTHER", "X", "X_2")).toBe("process.env.X_OTHER");
  });
});
