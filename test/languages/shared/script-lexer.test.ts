import { describe, expect, it } from "vitest";
import { lexJavaScript } from "../../../src/languages/shared/script-lexer.js";
import { assertRangesInside, describeTokens } from "../lex-helpers.js";

function lex(text: string): string[] {
  const result = lexJavaScript(text);
  assertRangesInside(text, result);
  return describeTokens(text, result);
}

describe("lexJavaScript", () => {
  it("reads a declaration with its quote kind", () => {
    expect(lex(`const authToken = "abc";`)).toEqual(["ident:const", "ident:authToken", "punct:=", "string[double]:abc", "punct:;"]);
  });

  it("splits a template literal into text and interpolation parts with the read name", () => {
    const text = "`auth_token=${authToken}&x=1`";
    const [token] = lexJavaScript(text).tokens;
    expect(token?.kind).toBe("string");
    if (token?.kind !== "string") return;
    expect(token.parts.map((part) => (part.kind === "text" ? text.slice(part.start, part.end) : `{${part.name}}`))).toEqual([
      "auth_token=",
      "{authToken}",
      "&x=1",
    ]);
  });

  it("emits ?? and => as single operators", () => {
    expect(lex(`process.env.X ?? 'y'; a => b`)).toContain("punct:??");
    expect(lex(`a => b`)).toContain("punct:=>");
  });

  it("does not open a string on a quote inside a regex literal", () => {
    expect(lex(`const r = /'/; const t = "x";`)).toContain("string[double]:x");
  });

  it("keeps comments with their text", () => {
    expect(lex(`// const authToken = "abc"\nx`)).toEqual([`comment:const authToken = "abc"`, "ident:x"]);
  });

  it("ends an unterminated string at the line break", () => {
    expect(lex(`const a = "open\nconst b = 'c';`)).toContain("string[single]:c");
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `ignored "x"\nconst t = "y";`;
    const start = text.indexOf("const");
    const result = lexJavaScript(text, start);
    assertRangesInside(text, result, start);
    expect(result.tokens[0]).toMatchObject({ kind: "identifier", start, text: "const" });
  });
});
