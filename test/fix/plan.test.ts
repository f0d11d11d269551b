// planFixes: findings and texts in; new texts, env entries (stable names) and what is left out — no I/O.
import { describe, expect, it } from "vitest";
import { planFixes, type FixInput } from "../../src/fix/plan.js";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const A = fakeToken(701);
const B = fakeToken(702);

function input(path: string, text: string): FixInput {
  return { path, text, findings: scanText(path, text) };
}

const scan = (path: string, text: string) => scanText(path, text);

describe("planFixes", () => {
  // JavaScript: these tests are about names; TypeScript's strict read is test/cli/fix-strict-typescript.test.ts's.
  it("rewrites every value to the finding's own name: the first value is set, the others kept as comments, and the run warns", () => {
    const plan = planFixes(
      [
        input("src/b.js", `const authToken = "${B}";\nconst again = { auth_token: "${A}" };\n`),
        input("src/a.js", `const authToken = "${A}";\n`),
      ],
      { scan },
    );
    expect(plan.envEntries).toEqual([{ name: "CONVOSO_AUTH_TOKEN", value: A }, { name: "CONVOSO_AUTH_TOKEN", value: B, foundAt: "src/b.js:1" }]);
    expect(plan.files.map((file) => [file.path, file.newText])).toEqual([
      ["src/a.js", "const authToken = process.env.CONVOSO_AUTH_TOKEN;\n"],
      ["src/b.js", "const authToken = process.env.CONVOSO_AUTH_TOKEN;\nconst again = { auth_token: process.env.CONVOSO_AUTH_TOKEN };\n"],
    ]);
    expect(plan.files[1]!.fixed.map((fixed) => [fixed.line, fixed.envVar, fixed.otherValue])).toEqual([[1, "CONVOSO_AUTH_TOKEN", true], [2, "CONVOSO_AUTH_TOKEN", undefined]]);
    expect(plan.shared).toEqual([{ name: "CONVOSO_AUTH_TOKEN", values: 2 }]);
    expect(plan.left).toEqual([]);
  });

  it("never overwrites a different existing value: code, a dropped fallback and a workflow all read the one name", () => {
    const existing = new Map([["CONVOSO_AUTH_TOKEN", B]]);
    const plan = planFixes(
      [
        input("a.py", `import os\nauth_token = "${A}"\nbackup_auth_token = "${B}"\n`),
        input("b.js", `const token = process.env.CONVOSO_AUTH_TOKEN ?? "${A}";\n`),
        input(".github/workflows/sync.yml", `jobs:\n  sync:\n    env:\n      AUTH_TOKEN: ${A}\n`),
      ],
      { scan, existingEnv: existing },
    );
    expect(plan.envEntries).toEqual([{ name: "CONVOSO_AUTH_TOKEN", value: A, foundAt: ".github/workflows/sync.yml:4" }]);
    expect(plan.files.map((file) => file.newText)).toEqual([
      "jobs:\n  sync:\n    env:\n      AUTH_TOKEN: ${{ secrets.CONVOSO_AUTH_TOKEN }}\n",
      `import os\nauth_token = os.environ["CONVOSO_AUTH_TOKEN"]\nbackup_auth_token = os.environ["CONVOSO_AUTH_TOKEN"]\n`,
      "const token = process.env.CONVOSO_AUTH_TOKEN;\n",
    ]);
  });

  it("keeps the name where a Makefile statement that set it now defers to the environment (`?=`, a recipe guard)", () => {
    const existing = new Map([["CONVOSO_AUTH_TOKEN", B]]);
    const text = `CONVOSO_AUTH_TOKEN = ${A}\nsync:\n\texport CONVOSO_AUTH_TOKEN=${A}; ./sync.sh\n`;
    const plan = planFixes([input("Makefile", text)], { scan, existingEnv: existing });
    expect(plan.files[0]!.newText).toBe(`CONVOSO_AUTH_TOKEN ?=\nsync:\n\t: "$\${CONVOSO_AUTH_TOKEN:?set CONVOSO_AUTH_TOKEN in the environment}"; ./sync.sh\n`);
    expect(plan.envEntries).toEqual([{ name: "CONVOSO_AUTH_TOKEN", value: A, foundAt: "Makefile:1" }]);
  });

  it("keeps CRLF line endings and a BOM; inserted lines use the file's line endings", () => {
    const plan = planFixes([input("a.py", `\uFEFF"""Doc."""\r\nauth_token = "${A}"\r\n`)], { scan });
    expect(plan.files[0]!.newText).toBe(`\uFEFF"""Doc."""\r\nimport os\r\nauth_token = os.environ["CONVOSO_AUTH_TOKEN"]\r\n`);
  });

  it("reports what only a person can fix, at its position in the new text", () => {
    const plan = planFixes([input("app.py", `auth_token = "${A}"\n# auth_token = "${B}"\n`), input("config/app.yaml", `convoso:\n  auth_token: ${B}\n`)], { scan });
    expect(plan.left.map((left) => [left.path, left.line, left.why])).toEqual([["config/app.yaml", 2, "manual"]]);
    expect(plan.left[0]!.advice).toMatch(/keep the value out of this file/);
    // Commented-out code is rewritten too; the comment stays a comment.
    expect(plan.files[0]!.newText).toContain(`# auth_token = os.environ["CONVOSO_AUTH_TOKEN"]`);
    expect(JSON.stringify(plan.left)).not.toContain(B);
  });

  it("changes nothing when nothing can be fixed", () => {
    const plan = planFixes([input("config/app.yaml", `auth_token: ${A}\n`)], { scan });
    expect(plan.files).toEqual([]);
    expect(plan.envEntries).toEqual([]);
  });
});
