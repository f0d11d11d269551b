// Dotenv parsing and writing, and the names removed values are stored under.
import { describe, expect, it } from "vitest";
import { appendEntries, appendLines, EnvNames, exampleLines, parseEnvFile, serializeEnvValue } from "../../src/fix/env-file.js";
import { fakeToken } from "../support/tokens.js";

const A = fakeToken(601);
const B = fakeToken(602);
const C = fakeToken(603);

describe("parseEnvFile", () => {
  it("reads bare, quoted and exported values, comments and blank lines, later lines winning", () => {
    const text = `\uFEFF# comment\n\nexport ONE=1\r\nTWO = 'a b # c'\nTHREE="x\\ny \\"q\\""\nFOUR=plain # note\nONE=again\nnot a line\n`;
    expect(Object.fromEntries(parseEnvFile(text))).toEqual({ ONE: "again", TWO: "a b # c", THREE: 'x\ny "q"', FOUR: "plain" });
  });
});

describe("serializeEnvValue", () => {
  it.each([
    [A, A],
    ["has space", "'has space'"],
    ["a#b$c", "'a#b$c'"],
    ["it's\nmultiline", `"it's\\nmultiline"`],
    ["", "''"],
  ])("writes %j as %s, which parses back to the same value", (value, written) => {
    expect(serializeEnvValue(value)).toBe(written);
    expect(parseEnvFile(`X=${written}\n`).get("X")).toBe(value);
  });
});

describe("appending", () => {
  it("appends on a new line, in the file's own line endings", () => {
    expect(appendEntries("A=1", [{ name: "B", value: "2" }])).toBe("A=1\nB=2\n");
    expect(appendEntries("A=1\r\nC=3\r\n", [{ name: "B", value: "2" }])).toBe("A=1\r\nC=3\r\nB=2\r\n");
    expect(appendEntries("", [{ name: "B", value: "x y" }])).toBe("B='x y'\n");
    expect(appendLines("node_modules/", ["/.env"])).toBe("node_modules/\n/.env\n");
  });

  it("gives .env.example the names it lacks, with empty values", () => {
    expect(exampleLines("# keys\nCONVOSO_AUTH_TOKEN=\n", ["CONVOSO_AUTH_TOKEN", "CONVOSO_AUTH_TOKEN_2", "CONVOSO_AUTH_TOKEN_2"])).toEqual(["CONVOSO_AUTH_TOKEN_2="]);
  });
});

describe("EnvNames", () => {
  it("gives the same value one name and different values distinct, numbered names", () => {
    const names = new EnvNames();
    expect(names.choose("CONVOSO_AUTH_TOKEN", A, true)).toEqual({ name: "CONVOSO_AUTH_TOKEN", added: true });
    expect(names.choose("CONVOSO_AUTH_TOKEN", A, true)).toEqual({ name: "CONVOSO_AUTH_TOKEN", added: false });
    expect(names.choose("CONVOSO_AUTH_TOKEN", B, true)).toEqual({ name: "CONVOSO_AUTH_TOKEN_2", added: true, change: { kind: "taken", preferred: "CONVOSO_AUTH_TOKEN" } });
    expect(names.choose("AUTH_TOKEN", B, true)).toEqual({ name: "CONVOSO_AUTH_TOKEN_2", added: false, change: { kind: "same-value", preferred: "AUTH_TOKEN" } });
    expect(names.added()).toEqual([{ name: "CONVOSO_AUTH_TOKEN", value: A }, { name: "CONVOSO_AUTH_TOKEN_2", value: B }]);
  });

  it("never overwrites a different existing value, and reuses an identical existing entry", () => {
    const names = new EnvNames(new Map([["CONVOSO_AUTH_TOKEN", A], ["CONVOSO_AUTH_TOKEN_2", C]]));
    expect(names.choose("CONVOSO_AUTH_TOKEN", A, true)).toEqual({ name: "CONVOSO_AUTH_TOKEN", added: false });
    expect(names.choose("CONVOSO_AUTH_TOKEN", B, true).name).toBe("CONVOSO_AUTH_TOKEN_3");
    expect(names.choose("CONVOSO_AUTH_TOKEN", C, true).name).toBe("CONVOSO_AUTH_TOKEN_2");
    expect(names.added()).toEqual([{ name: "CONVOSO_AUTH_TOKEN_3", value: B }]);
  });

  it("keeps the name code reads itself when it is free, even if the value is stored elsewhere too", () => {
    const names = new EnvNames(new Map([["OTHER", A]]));
    expect(names.choose("CONVOSO_AUTH_TOKEN", A, false)).toEqual({ name: "CONVOSO_AUTH_TOKEN", added: true });
  });

  it("refuses a name that is no environment variable", () => {
    expect(() => new EnvNames().choose("not a name", A, true)).toThrow(RangeError);
  });
});
