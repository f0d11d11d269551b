// Values bound by a table's layout (src/detect/table-cells.ts): a column whose
// header names a key, and name/value rows under a header with a name-like and a
// value-like column. Through the whole detection core, on CSV text.
import { describe, expect, it } from "vitest";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const [T, U, V] = [1, 2, 3].map((seed) => fakeToken(1500 + seed)) as [string, string, string];

/** `line:column context` of each finding in `path`. */
function found(path: string, text: string): string[] {
  return scanText(path, text).map((finding) => `${finding.line}:${finding.column} ${finding.context}`);
}

describe("tables: a column named by a key", () => {
  it("reports each row's cell in that column, on the row's own line", () => {
    expect(found("accounts.csv", `env,convoso_auth_token,region\nprod,${T},us\nstaging,${U},eu\n`)).toEqual(["2:6 assignment", "3:9 assignment"]);
  });

  it("takes a header written as a title, and a camelCase one", () => {
    expect(found("a.csv", `Env,Convoso Auth Token\nprod,${T}\n`)).toEqual(["2:6 assignment"]);
    expect(found("a.tsv", `env\tauthToken\nprod\t${T}\n`)).toEqual(["2:6 assignment"]);
  });

  it("finds the cell after a quoted field that spans lines", () => {
    expect(found("a.csv", `note,auth_token\n"two\nlines",${T}\n`)).toEqual(["3:8 assignment"]);
  });

  it("takes a weak name (`token`) only where the file talks to the provider, and then judges the value strictly", () => {
    expect(found("a.csv", `account,token\nconvoso-prod,${T}\n`)).toEqual(["2:14 assignment"]);
    expect(found("a.csv", `account,token\nacme,${T}\n`)).toEqual([]);
  });
});

describe("tables: name/value rows", () => {
  it("binds the value cell of a row whose name cell holds a key", () => {
    expect(found("kv.csv", `name,value\nregion,us\nCONVOSO_AUTH_TOKEN,${T}\n`)).toEqual(["3:20 name-value"]);
    expect(found("kv.csv", `id;setting_key;setting_value\n1;auth_token;${U}\n`)).toEqual(["2:14 name-value"]);
    expect(found("kv.csv", `Setting|Value|Owner\nauth_token|${V}|ops\n`)).toEqual(["2:12 name-value"]);
  });

  it("binds nothing when the header has no value-like column (a digest table)", () => {
    expect(found("kv.csv", `name,sha256\nauth_token,9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n`)).toEqual([]);
  });

  it("binds nothing in a row whose name is no key, or whose value cell is empty", () => {
    expect(found("kv.csv", `name,value\nregion,${T}\nauth_token,\n`)).toEqual([]);
  });
});

describe("tables: values that are not tokens", () => {
  it("rejects placeholders, substitutions, UUIDs and repeated characters as everywhere", () => {
    const text = `env,auth_token\na,\${CONVOSO_AUTH_TOKEN}\nb,<your-auth-token>\nc,550e8400-e29b-41d4-a716-446655440000\nd,xxxxxxxxxxxxxxxxxxxx\ne,{{ secrets.CONVOSO_AUTH_TOKEN }}\n`;
    expect(found("a.csv", text)).toEqual([]);
  });

  it("ignores a header that names a digest of the key (`auth_token_sha256`)", () => {
    expect(found("a.csv", `file,auth_token_sha256\na,9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n`)).toEqual([]);
  });

  it("reads a key in a data row as no header (`auth_token` under `name` with no value column)", () => {
    expect(found("a.csv", `name,owner\nauth_token,${T}\n`)).toEqual([]);
  });
});

describe("tables in Markdown", () => {
  it("binds a settings table's value cell, a code span's content, and a key-named column's cells", () => {
    const text = `| Setting | Value |\n|---|---|\n| auth_token | \`${T}\` |\n\n| env | authToken |\n|---|---|\n| prod | ${U} |\n`;
    expect(found("README.md", text)).toEqual(["3:17 name-value", "7:10 assignment"]);
  });

  it("reports a table in a notebook's Markdown cell on the .ipynb line that holds the row", () => {
    const cell = ["| Key | Value |\n", "|---|---|\n", `| CONVOSO_AUTH_TOKEN | ${V} |\n`];
    const notebook = JSON.stringify({ cells: [{ cell_type: "markdown", metadata: {}, source: cell }], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
    const line = notebook.split("\n").findIndex((text) => text.includes(V)) + 1;
    const findings = scanText("notes.ipynb", notebook);
    expect(findings.map((finding) => finding.line)).toEqual([line]);
    expect(notebook.slice(findings[0]!.start, findings[0]!.end)).toBe(V);
  });
});
