import { describe, expect, it } from "vitest";
import { lexDotenv } from "../../../src/languages/dotenv/lexer.js";
import type { StringToken } from "../../../src/languages/shared/tokens.js";
import { assertRangesInside, describeTokens, expectLinear, fuzz, stringTokens } from "../lex-helpers.js";

function lex(text: string): string[] {
  const result = lexDotenv(text);
  assertRangesInside(text, result);
  expect(result.embedded).toEqual([]);
  return describeTokens(text, result);
}

/** The parts of the `index`th string token, interpolations as `{name|fallback}`. */
function parts(text: string, index = 0): string[] {
  const token = stringTokens(lexDotenv(text))[index]!;
  return token.parts.map((part) =>
    part.kind === "text" ? text.slice(part.start, part.end) : `{${part.name ?? "?"}${part.fallback ? `|${text.slice(part.fallback.start, part.fallback.end)}` : ""}}`,
  );
}

describe("lexDotenv", () => {
  it("reads KEY=value, export, and both quote kinds", () => {
    expect(lex(`CONVOSO_AUTH_TOKEN=abc123\nexport API_KEY="x y"\nSINGLE='it $s'`)).toEqual([
      "ident:CONVOSO_AUTH_TOKEN",
      "punct:=",
      "string[bare]:abc123",
      "ident:export",
      "ident:API_KEY",
      "punct:=",
      "string[double]:x y",
      "ident:SINGLE",
      "punct:=",
      "string[single]:it $s",
    ]);
  });

  it("ends a bare value at a ` #` comment and trims it", () => {
    expect(lex(`# header\nTOKEN=abc#notcomment  # the token\nEMPTY=\nSPACED = v `)).toEqual([
      "comment:header",
      "ident:TOKEN",
      "punct:=",
      "string[bare]:abc#notcomment",
      "comment:the token",
      "ident:EMPTY",
      "punct:=",
      "string[bare]:",
      "ident:SPACED",
      "punct:=",
      "string[bare]:v",
    ]);
  });

  it("reads a comment after a quoted value", () => {
    expect(lex(`A="x" # note\nB='y' #n`)).toEqual(["ident:A", "punct:=", "string[double]:x", "comment:note", "ident:B", "punct:=", "string[single]:y", "comment:n"]);
  });

  it("reads multi-line double-quoted values", () => {
    expect(lex(`KEY="-----BEGIN KEY-----\nabc\n-----END KEY-----"\nNEXT=1`)).toEqual([
      "ident:KEY",
      "punct:=",
      "string[double]:-----BEGIN KEY-----\nabc\n-----END KEY-----",
      "ident:NEXT",
      "punct:=",
      "string[bare]:1",
    ]);
  });

  it("splits ${OTHER} interpolations out of bare and double-quoted values, not single-quoted ones", () => {
    expect(parts("URL=https://x/?auth_token=${CONVOSO_AUTH_TOKEN}&a=1")).toEqual(["https://x/?auth_token=", "{CONVOSO_AUTH_TOKEN}", "&a=1"]);
    expect(parts('URL="a ${B} c"')).toEqual(["a ", "{B}", " c"]);
    expect(parts("URL='a ${B}'")).toEqual(["a ${B}"]);
    expect(parts("T=${CONVOSO_AUTH_TOKEN:-abc123def}")).toEqual(["{CONVOSO_AUTH_TOKEN|abc123def}"]);
    expect(parts("T=${A-b}${C:=d}${E:?missing}${F:+alt}${G.H}$PLAIN")).toEqual(["{A|b}", "{C|d}", "{E}", "{F}", "${G.H}$PLAIN"]);
    expect(parts("T=${A:-${B}}")).toEqual(["${A:-", "{B}", "}"]);
    expect(parts("T=${UNCLOSED")).toEqual(["${UNCLOSED"]);
    // A sub-range ending inside `${…}` keeps every part inside the range.
    const text = "T=${ABC}";
    for (let cut = 3; cut <= text.length; cut++) {
      const token = lexDotenv(text, 0, cut).tokens[2] as StringToken;
      expect(token.parts.every((part) => part.end <= cut)).toBe(true);
    }
  });

  it("ends an unterminated double quote at its line once no closing quote is left", () => {
    expect(lex(`A="open\nB=x`)).toEqual(["ident:A", "punct:=", "string[double]:open", "ident:B", "punct:=", "string[bare]:x"]);
  });

  it("skips lines that are not assignments and keeps dotted keys", () => {
    expect(lex(`not an assignment\n  spring.datasource.password = p\nexport\n=x\nKEY`)).toEqual([
      "ident:not",
      "ident:spring.datasource.password",
      "punct:=",
      "string[bare]:p",
      "ident:export",
      "ident:KEY",
    ]);
  });

  it("handles CRLF line ends", () => {
    expect(lex('A=b\r\nC="d"\r\n')).toEqual(["ident:A", "punct:=", "string[bare]:b", "ident:C", "punct:=", "string[double]:d"]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `IGNORED=x\nTOKEN="y"\nAFTER=z`;
    const start = text.indexOf("TOKEN");
    const end = text.indexOf("\nAFTER");
    const result = lexDotenv(text, start, end);
    assertRangesInside(text, result, start, end);
    expect(describeTokens(text, result)).toEqual(["ident:TOKEN", "punct:=", "string[double]:y"]);
    expect(result.tokens[0]).toMatchObject({ start });
  });

  it("never throws on unterminated or malformed input", () => {
    for (const text of ['A="', "A='", "A=${", 'A="${', "export ", "A=\\", 'A="\\', "A = #", "A=${B:-", "#"]) {
      for (let cut = 0; cut <= text.length; cut++) assertRangesInside(text, lexDotenv(text, 0, cut), 0, cut);
    }
    fuzz(lexDotenv, `AB=$"'{}#: \\\n-:`);
  });

  it("stays linear on adversarial input", () => {
    expectLinear(lexDotenv, (n) => 'A="x\n'.repeat(n / 6));
    expectLinear(lexDotenv, (n) => "A=" + "${".repeat(n / 2));
    expectLinear(lexDotenv, (n) => 'A="' + "${x:-".repeat(n / 5));
    expectLinear(lexDotenv, (n) => "A=" + "x #".repeat(n / 3));
  });
});
