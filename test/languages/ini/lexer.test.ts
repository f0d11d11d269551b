import { describe, expect, it } from "vitest";
import { lexIni } from "../../../src/languages/ini/lexer.js";
import { assertRangesInside, describeTokens, expectLinear, fuzz } from "../lex-helpers.js";

function lex(text: string): string[] {
  const result = lexIni(text);
  assertRangesInside(text, result);
  expect(result.embedded).toEqual([]);
  return describeTokens(text, result);
}

describe("lexIni", () => {
  it("reads sections and `key = value` lines, the value trimmed to one bare string", () => {
    expect(lex(`[convoso]\nauth_token = abc123 def  \nurl=https://x/?a=b#c`)).toEqual([
      "punct:[",
      "ident:convoso",
      "punct:]",
      "ident:auth_token",
      "punct:=",
      "string[bare]:abc123 def",
      "ident:url",
      "punct:=",
      "string[bare]:https://x/?a=b#c",
    ]);
  });

  it("reads `key: value`, and keys with spaces before `=`", () => {
    expect(lex(`auth_token: abc\nmy key = v\nkey : spaced`)).toEqual([
      "ident:auth_token",
      "punct::",
      "string[bare]:abc",
      "ident:my key",
      "punct:=",
      "string[bare]:v",
      "ident:key",
      "punct::",
      "string[bare]:spaced",
    ]);
  });

  it("reads a wholly quoted value as a quoted string, a partly quoted one as bare", () => {
    expect(lex(`a = "quoted value"\nb = 'single'\nc = "x" y\nd = "`)).toEqual([
      "ident:a",
      "punct:=",
      "string[double]:quoted value",
      "ident:b",
      "punct:=",
      "string[single]:single",
      "ident:c",
      "punct:=",
      'string[bare]:"x" y',
      "ident:d",
      "punct:=",
      'string[bare]:"',
    ]);
  });

  it("reads `;`, `#` and `!` comments only at a line's start", () => {
    expect(lex(`; semi\n# hash\n  ! bang\n[s] ; after section\nk = v ; not a comment`)).toEqual([
      "comment:semi",
      "comment:hash",
      "comment:bang",
      "punct:[",
      "ident:s",
      "punct:]",
      "comment:after section",
      "ident:k",
      "punct:=",
      "string[bare]:v ; not a comment",
    ]);
  });

  it("reads .properties `key value` lines (the whitespace as `=`), escaped separators and continuations", () => {
    const text = `convoso.auth.token abc123\nurl http://host:8080/x\nescaped\\=key = v\nlong = one \\\n    two \\\\\nnext = x`;
    expect(lexIni(text).tokens[1]).toMatchObject({ kind: "punct", start: 18, end: 19, text: "=" });
    expect(lex(text)).toEqual([
      "ident:convoso.auth.token",
      "punct:=",
      "string[bare]:abc123",
      "ident:url",
      "punct:=",
      "string[bare]:http://host:8080/x",
      "ident:escaped\\=key",
      "punct:=",
      "string[bare]:v",
      "ident:long",
      "punct:=",
      "string[bare]:one \\\n    two \\\\",
      "ident:next",
      "punct:=",
      "string[bare]:x",
    ]);
  });

  it("reads keys without values and empty values", () => {
    expect(lex(`[mysqld]\nskip-networking\nempty =\n[git "remote"]`)).toEqual([
      "punct:[",
      "ident:mysqld",
      "punct:]",
      "ident:skip-networking",
      "ident:empty",
      "punct:=",
      "string[bare]:",
      "punct:[",
      'ident:git "remote"',
      "punct:]",
    ]);
  });

  it("reads an .npmrc auth line", () => {
    expect(lex(`//registry.npmjs.org/:_authToken=npm_abc\n@scope:registry=https://r`)).toEqual([
      "ident://registry.npmjs.org/",
      "punct::",
      "string[bare]:_authToken=npm_abc",
      "ident:@scope",
      "punct::",
      "string[bare]:registry=https://r",
    ]);
  });

  it("handles CRLF line ends", () => {
    expect(lex("[s]\r\na = b\r\nc = d \\\r\n  e\r\n")).toEqual(["punct:[", "ident:s", "punct:]", "ident:a", "punct:=", "string[bare]:b", "ident:c", "punct:=", "string[bare]:d \\\r\n  e"]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `ignored = x\ntoken = y\nafter = z`;
    const start = text.indexOf("token");
    const end = text.indexOf("\nafter");
    const result = lexIni(text, start, end);
    assertRangesInside(text, result, start, end);
    expect(describeTokens(text, result)).toEqual(["ident:token", "punct:=", "string[bare]:y"]);
    expect(result.tokens[0]).toMatchObject({ start });
  });

  it("never throws on unterminated or malformed input", () => {
    for (const text of ["[", "[a", "=", ":", "a\\", "a = \\", "a = b\\\n", " \\\\\\", "[]", "'", "!"]) {
      for (let cut = 0; cut <= text.length; cut++) assertRangesInside(text, lexIni(text, 0, cut), 0, cut);
    }
    fuzz(lexIni, `[]=:;#!"' \\\nab`);
  });

  it("stays linear on adversarial input", () => {
    expectLinear(lexIni, (n) => "a = " + "\\".repeat(n));
    expectLinear(lexIni, (n) => "a = b \\\n".repeat(n / 8));
    expectLinear(lexIni, (n) => "[".repeat(n));
    expectLinear(lexIni, (n) => "k " + "\\=".repeat(n / 2));
  });
});
