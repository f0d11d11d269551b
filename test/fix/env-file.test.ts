// Dotenv parsing and writing, and the names removed values are stored under.
import fc from "fast-check";
import * as util from "node:util";
import { lexDotenv } from "../../src/languages/dotenv/lexer.js";
import { describe, expect, it } from "vitest";
import { appendEntries, appendLines, EnvNames, exampleLines, parseEnvFile, serializeEnvValue } from "../../src/fix/env-file.js";
import { fakeToken } from "../support/tokens.js";

const A = fakeToken(601);
const B = fakeToken(602);
const C = fakeToken(603);

describe("parseEnvFile", () => {
  it("reads bare, quoted and exported values, comments and blank lines, later lines winning", () => {
    const text = `\uFEFF# comment\n\nexport ONE=1\r\nTWO = 'a b # c'\nTHREE="x\\ny \\"q\\""\nFOUR=plain # note\nONE=again\nnot a line\n`;
    // Only \n is an escape in "…", as util.parseEnv and dotenv read it; \" keeps its backslash (dotenv keeps it too).
    expect(Object.fromEntries(parseEnvFile(text))).toEqual({ ONE: "again", TWO: "a b # c", THREE: 'x\ny \\"q\\"', FOUR: "plain" });
  });
});

/** util.parseEnv came in Node 20.12; the package supports 20.11. */
const parseEnv = (util as { parseEnv?: (text: string) => Record<string, string> }).parseEnv;

describe.skipIf(parseEnv === undefined)("parseEnvFile agrees with util.parseEnv and with the scanner's dotenv lexer", () => {
  const T = fakeToken(811);
  // Well-formed files. Node 20's parser has quirks no other reader shares (a line with no `=` joins the next
  // line's key; \" ends a double-quoted value): those are not the contract.
  const cases: [name: string, text: string][] = [
    ["LF", `A=1\nB=${T}\n`],
    ["CRLF", `A=1\r\nB=${T}\r\n`],
    ["export", `export A=1\nexport B=${T}\n`],
    ["comments", `# A=0\nA=1 # note\nB="q#r" # note\nC='s # t'\n`],
    ["a # with no space before it ends a bare value", "A=x#y\n"],
    ["spaces around = and inside a bare value", "  A  =  v w  \nB= 'x'\n"],
    ["multi-line double quotes", `A="line1\nline2"\nB=${T}\n`],
    ["multi-line single quotes", "A='l1\nl2'\nB=2\n"],
    ["multi-line backticks", "A=`l1\nl2`\nB=2\n"],
    ["\\n in double quotes only", "A=\"a\\nb\"\nB='a\\nb'\n"],
    ["empty values", "A=\nB=\"\"\nC=''\n"],
    ["later lines win", `A=1\nA=${T}\n`],
    ["dots and dashes in keys", "a.b-c=1\n"],
    ["interpolation kept literally", "A=${B}\n"],
    ["an unclosed quote reads to the line's end", "A=\"abc\nB=2\n"],
  ];
  it.each(cases)("%s", (_name, text) => {
    const ours = Object.fromEntries(parseEnvFile(text));
    expect(ours).toEqual(parseEnv!(text));
    // The lexer the scanner runs sees the same keys.
    const keys = lexDotenv(text).tokens.filter((token, index, tokens) => token.kind === "identifier" && tokens[index + 1]?.kind === "punct").map((token) => (token as { text: string }).text);
    expect([...new Set(keys)].sort()).toEqual(Object.keys(ours).sort());
  });

  // util.parseEnv (Node 20) reads neither; dotenv (npm) and the lexer read both. A name any reader
  // sees is taken, so fix never appends a second CONVOSO_AUTH_TOKEN that one of them would switch to.
  it.each([
    ["CR-only line ends", `A=1\rCONVOSO_AUTH_TOKEN=${T}\rB=2\r`],
    ["KEY: value lines", `A: 1\nCONVOSO_AUTH_TOKEN: ${T}\nB:2\n`],
  ])("%s: read as dotenv reads them", (_name, text) => {
    expect(parseEnvFile(text).get("CONVOSO_AUTH_TOKEN")).toBe(T);
    expect(parseEnvFile(text).get("A")).toBe("1");
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

/** The straightforward walk EnvNames must agree with: try NAME_2, NAME_3, … from the start every time. */
function referenceChoose(held: Map<string, string>, preferred: string, value: string, renamable: boolean): string {
  if (held.get(preferred) === value) return preferred;
  const known = [...held].find(([, heldValue]) => heldValue === value)?.[0];
  if (renamable && known !== undefined) return known;
  if (!held.has(preferred)) {
    held.set(preferred, value);
    return preferred;
  }
  for (let suffix = 2; ; suffix++) {
    const candidate = `${preferred}_${suffix}`;
    const heldValue = held.get(candidate);
    if (heldValue === value) return candidate;
    if (heldValue === undefined) {
      held.set(candidate, value);
      return candidate;
    }
  }
}

describe("EnvNames against the straightforward walk", () => {
  it("chooses the same names for any existing file and sequence of values", () => {
    const name = fc.constantFrom("A", "B");
    const entry = fc.tuple(fc.constantFrom("A", "A_2", "A_3", "A_5", "B", "B_4"), fc.constantFrom("v1", "v2", "v3"));
    const call = fc.tuple(name, fc.constantFrom("v1", "v2", "v3", "v4", "v5", "v6"), fc.boolean());
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.array(call, { maxLength: 30 }), (entries, calls) => {
        const existing = new Map(entries);
        const names = new EnvNames(existing);
        const reference = new Map(existing);
        for (const [preferred, value, renamable] of calls) {
          expect(names.choose(preferred, value, renamable).name).toBe(referenceChoose(reference, preferred, value, renamable));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("names 16,000 distinct values for one preferred name without walking the suffixes again", () => {
    const names = new EnvNames(new Map([["CONVOSO_AUTH_TOKEN", "existing"]]));
    const chosen = Array.from({ length: 16_000 }, (_, index) => names.choose("CONVOSO_AUTH_TOKEN", `value-${index}`, true).name);
    expect(new Set(chosen).size).toBe(16_000);
    expect(chosen[0]).toBe("CONVOSO_AUTH_TOKEN_2");
    expect(chosen[15_999]).toBe("CONVOSO_AUTH_TOKEN_16001");
    expect(names.choose("CONVOSO_AUTH_TOKEN", "value-7", false).name).toBe("CONVOSO_AUTH_TOKEN_9");
  });
});
