// Dotenv parsing and writing, and the names removed values are stored under.
import * as util from "node:util";
import { lexDotenv } from "../../src/languages/dotenv/lexer.js";
import { describe, expect, it } from "vitest";
import { appendEntries, appendLines, commentedEntries, exampleLines, parseEnvFile, serializeEnvValue } from "../../src/fix/env-file.js";
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

describe("commented-out values", () => {
  it("are written with where they were found and read back so a later run does not add them again", () => {
    const text = appendEntries(`X=${A}\n`, [{ name: "X", value: B, foundAt: "src/b.py:3" }, { name: "X", value: "a b", foundAt: "odd\npath:1" }]);
    expect(text).toBe(`X=${A}\n# X=${B} # another value, found at src/b.py:3\n# X='a b' # another value, found at odd path:1\n`);
    expect(parseEnvFile(text)).toEqual(new Map([["X", A]]));
    expect(commentedEntries(text)).toEqual(new Set([`X\0${B}`, "X\0a b"]));
    expect(commentedEntries(`# just a note\n#X=${C}\n`)).toEqual(new Set());
  });
});
