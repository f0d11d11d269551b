// The AST/scope check on suggestions, with findings made by hand so each rule of the check is
// tested on its own (the core's edits change as it improves; the check must hold regardless).
import { Linter } from "eslint";
import type { TSESLint } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import type { Edit, Finding } from "../../src/detect/types.js";
import { editsThatFit } from "../../src/eslint/js-suggestions.js";
import { typescriptParser } from "../../src/eslint/typescript-parser.js";

const VALUE = "VALUE_UNDER_TEST";
const ENV = "process.env.CONVOSO_AUTH_TOKEN";

/** A finding on the first `VALUE` in `code`. */
function findingIn(code: string, edits: (start: number, end: number) => Edit[], context: Finding["context"] = "assignment"): Finding {
  const start = code.indexOf(VALUE);
  const end = start + VALUE.length;
  return {
    ruleId: "convoso-auth-token",
    path: "x.ts",
    start,
    end,
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: end + 1,
    language: "typescript",
    context,
    envVar: "CONVOSO_AUTH_TOKEN",
    redacted: "****",
    fingerprint: "",
    inComment: false,
    message: "",
    suggestion: { text: ENV, edits: edits(start, end) },
  };
}

/** Runs editsThatFit inside a real lint of `code`, with the TypeScript parser. */
function fit(code: string, finding: Finding, filename = "x.tsx"): readonly Edit[] {
  let result: readonly Edit[] | undefined;
  const probe = {
    create: (context: { sourceCode: unknown }) => ({
      Program: () => {
        result = editsThatFit(context.sourceCode as TSESLint.SourceCode, finding);
      },
    }),
  };
  const messages = new Linter().verify(
    code,
    [{ files: ["**/*.{ts,tsx}"], languageOptions: { parser: typescriptParser as never }, plugins: { probe: { rules: { fit: probe as never } } }, rules: { "probe/fit": "error" } }],
    { filename },
  );
  expect(messages).toEqual([]);
  return result!;
}

/** Replaces the whole string literal around the value (its quotes included). */
const wholeLiteral = (text: string) => (start: number, end: number): Edit[] => [{ start: start - 1, end: end + 1, text }];

describe("editsThatFit", () => {
  it("offers edits that replace a string in an expression position", () => {
    const code = `const token = "${VALUE}";`;
    const finding = findingIn(code, wholeLiteral(ENV));
    expect(fit(code, finding)).toEqual(finding.suggestion.edits);
  });

  it("JSX attribute: only an edit that writes an expression container fits", () => {
    const code = `export const A = () => <Client authToken="${VALUE}" />;`;
    expect(fit(code, findingIn(code, wholeLiteral(ENV)))).toEqual([]);
    const braced = findingIn(code, wholeLiteral(`{${ENV}}`));
    expect(fit(code, braced)).toEqual(braced.suggestion.edits);
  });

  it("`as const`: the edits must take the assertion away", () => {
    const code = `export const settings = { authToken: "${VALUE}" as const };`;
    expect(fit(code, findingIn(code, wholeLiteral(ENV)))).toEqual([]);
    const removing = findingIn(code, (start, end) => [...wholeLiteral(ENV)(start, end), { start: end + 1, end: end + 10, text: "" }]);
    expect(fit(code, removing)).toEqual(removing.suggestion.edits);
  });

  it.each([
    ["an import source", `import client from "${VALUE}";\nexport default client;`],
    ["a literal type", `export type Token = "${VALUE}";`],
    ["an object key", `export const o = { "${VALUE}": 1 };`],
    ["a string enum member", `export enum E { A = "${VALUE}" }`],
  ])("withholds edits on %s", (_, code) => {
    expect(fit(code, findingIn(code, wholeLiteral(ENV)))).toEqual([]);
  });

  it("withholds edits whose boundary cuts a token outside the string", () => {
    const code = `export const token = settings.token ?? "${VALUE}";`;
    const cutting = findingIn(code, (_, end) => [{ start: code.indexOf("ken ??"), end: end + 1, text: "" }]);
    expect(fit(code, cutting)).toEqual([]);
    const clean = findingIn(code, (_, end) => [{ start: code.indexOf(" ??"), end: end + 1, text: "" }]);
    expect(fit(code, clean)).toEqual(clean.suggestion.edits);
  });

  it("withholds edits when the value is not inside a string the parser sees", () => {
    const code = `export const ${VALUE} = 1;`;
    expect(fit(code, findingIn(code, (start, end) => [{ start, end, text: ENV }]))).toEqual([]);
  });

  it("reference: withholds edits when scope analysis shows the bound variable is never read", () => {
    const unread = `export function f() {\n  const t = "${VALUE}";\n}`;
    expect(fit(unread, findingIn(unread, wholeLiteral(ENV), "reference"))).toEqual([]);
    const read = `const t = "${VALUE}";\nexport const url = \`?auth_token=\${t}\`;`;
    expect(fit(read, findingIn(read, wholeLiteral(ENV), "reference"))).toHaveLength(1);
    const assigned = `let t = "";\nt = "${VALUE}";\nexport const url = \`?auth_token=\${t}\`;`;
    expect(fit(assigned, findingIn(assigned, wholeLiteral(ENV), "reference"))).toHaveLength(1);
    const assignedUnread = `export function g() {\n  let t;\n  t = "${VALUE}";\n}`;
    expect(fit(assignedUnread, findingIn(assignedUnread, wholeLiteral(ENV), "reference"))).toEqual([]);
  });

  it("returns a finding without edits as it is", () => {
    const code = `const token = "${VALUE}";`;
    expect(fit(code, findingIn(code, () => []))).toEqual([]);
  });
});
