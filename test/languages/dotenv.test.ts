import { describe, expect, it } from "vitest";
import { lexDotenv } from "../../src/languages/dotenv.js";
import type { Lexer, StringToken } from "../../src/languages/tokens.js";
import { assertRangesInside, describeTokens } from "./lex-helpers.js";

function lex(text: string): string[] {
  const result = lexDotenv(text);
  assertRangesInside(text, result);
  expect(result.embedded).toEqual([]);
  return describeTokens(text, result);
}

/** The parts of the `index`th string token, interpolations as `{name|fallback}`. */
function parts(text: string, index = 0): string[] {
  const token = lexDotenv(text).tokens.filter((candidate): candidate is StringToken => candidate.kind === "string")[index]!;
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
