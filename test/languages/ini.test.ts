import { describe, expect, it } from "vitest";
import { lexIni } from "../../src/languages/ini.js";
import type { Lexer } from "../../src/languages/tokens.js";
import { assertRangesInside, describeTokens } from "./lex-helpers.js";

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

/** Random text over `alphabet`: the lexer must not throw and must keep its range promises. */
function fuzz(lexer: Lexer, alphabet: string): void {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let round = 0; round < 300; round++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    const start = Math.floor(random() * text.length);
    const result = lexer(text, start);
    assertRangesInside(text, result, start);
    for (const region of result.embedded) expect(region.start >= start && region.end <= text.length && region.start <= region.end).toBe(true);
    for (const token of result.tokens) {
      if (token.kind !== "string" && token.kind !== "comment") continue;
      expect(token.start <= token.contentStart && token.contentStart <= token.contentEnd && token.contentEnd <= token.end).toBe(true);
      if (token.kind === "string") for (const part of token.parts) expect(part.start >= token.contentStart && part.end <= token.contentEnd).toBe(true);
    }
  }
}

/** Counts the characters a lexer reads through String methods, so cost is compared without a clock. */
class CountingText extends String {
  reads = 0;
  // The primitive itself: a String object's methods would convert `this` on every call.
  private readonly value: string;
  constructor(value: string) {
    super(value);
    this.value = value;
  }
  override charCodeAt(index: number): number {
    this.reads++;
    return this.value.charCodeAt(index);
  }
  override startsWith(search: string, position?: number): boolean {
    this.reads += search.length;
    return this.value.startsWith(search, position);
  }
  override indexOf(search: string, position = 0): number {
    const found = this.value.indexOf(search, position);
    this.reads += (found < 0 ? this.value.length : found + search.length) - position;
    return found;
  }
  override slice(start?: number, end?: number): string {
    const part = this.value.slice(start, end);
    this.reads += part.length;
    return part;
  }
}

/** Reads per character stay flat from 100 KB to 1 MB (a quadratic lexer would read 10× more per character). */
function expectLinear(lexer: Lexer, make: (size: number) => string): void {
  const readsPerChar = (size: number) => {
    const text = new CountingText(make(size));
    lexer(text as unknown as string);
    return text.reads / text.length;
  };
  const small = readsPerChar(100_000);
  const large = readsPerChar(1_000_000);
  expect(large).toBeLessThan(small * 1.5 + 1);
  expect(large).toBeLessThan(20);
}
