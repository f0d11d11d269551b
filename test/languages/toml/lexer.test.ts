import { describe, expect, it } from "vitest";
import { lexToml } from "../../../src/languages/toml/lexer.js";
import { assertRangesInside, describeTokens, expectLinear, fuzz } from "../lex-helpers.js";

function lex(text: string): string[] {
  const result = lexToml(text);
  assertRangesInside(text, result);
  expect(result.embedded).toEqual([]);
  return describeTokens(text, result);
}

describe("lexToml", () => {
  it("reads `key = value` with every string kind", () => {
    expect(lex(`auth_token = "abc"\nliteral = 'C:\\path'\nescaped = "a\\"b"`)).toEqual([
      "ident:auth_token",
      "punct:=",
      "string[double]:abc",
      "ident:literal",
      "punct:=",
      "string[single]:C:\\path",
      "ident:escaped",
      "punct:=",
      'string[double]:a\\"b',
    ]);
  });

  it("reads multi-line strings, including quotes just before the closing delimiter", () => {
    expect(lex(`a = """\nline "one"\n"""\nb = '''raw\\n'''\nc = """x"""""\nd = 1`)).toEqual([
      "ident:a",
      "punct:=",
      'string[triple-double]:\nline "one"\n',
      "ident:b",
      "punct:=",
      "string[triple-single]:raw\\n",
      "ident:c",
      "punct:=",
      'string[triple-double]:x""',
      "ident:d",
      "punct:=",
      "number:1",
    ]);
  });

  it("emits dotted and quoted keys part by part", () => {
    expect(lex(`convoso.auth_token = "x"\nsite."api.convoso.com".token = "y"\n"quoted key" = 1\n1234 = "digits key"`)).toEqual([
      "ident:convoso",
      "punct:.",
      "ident:auth_token",
      "punct:=",
      "string[double]:x",
      "ident:site",
      "punct:.",
      "string[double]:api.convoso.com",
      "punct:.",
      "ident:token",
      "punct:=",
      "string[double]:y",
      "string[double]:quoted key",
      "punct:=",
      "number:1",
      "ident:1234",
      "punct:=",
      "string[double]:digits key",
    ]);
  });

  it("reads table and array-of-tables headers", () => {
    expect(lex(`[tool.convoso] # settings\ntoken = "x"\n[[servers]]\nname = "a"\n[ "quoted" . b ]`)).toEqual([
      "punct:[",
      "ident:tool",
      "punct:.",
      "ident:convoso",
      "punct:]",
      "comment:settings",
      "ident:token",
      "punct:=",
      "string[double]:x",
      "punct:[[",
      "ident:servers",
      "punct:]]",
      "ident:name",
      "punct:=",
      "string[double]:a",
      "punct:[",
      "string[double]:quoted",
      "punct:.",
      "ident:b",
      "punct:]",
    ]);
  });

  it("reads inline tables and nested arrays, keys inside inline tables as identifiers", () => {
    expect(lex(`creds = { auth_token = "x", user.name = 'me' }\nports = [[1, 2], ["a"]]`)).toEqual([
      "ident:creds",
      "punct:=",
      "punct:{",
      "ident:auth_token",
      "punct:=",
      "string[double]:x",
      "punct:,",
      "ident:user",
      "punct:.",
      "ident:name",
      "punct:=",
      "string[single]:me",
      "punct:}",
      "ident:ports",
      "punct:=",
      "punct:[",
      "punct:[",
      "number:1",
      "punct:,",
      "number:2",
      "punct:]",
      "punct:,",
      "punct:[",
      "string[double]:a",
      "punct:]",
      "punct:]",
    ]);
  });

  it("reads multi-line arrays with comments", () => {
    expect(lex(`hosts = [\n  "a", # first\n  "b",\n]\nnext = true`)).toEqual([
      "ident:hosts",
      "punct:=",
      "punct:[",
      "string[double]:a",
      "punct:,",
      "comment:first",
      "string[double]:b",
      "punct:,",
      "punct:]",
      "ident:next",
      "punct:=",
      "ident:true",
    ]);
  });

  it("reads numbers, booleans and dates", () => {
    expect(lex(`a = -1_000\nb = 0xDEAD_beef\nc = 6.626e-34\nd = +inf\ne = nan\nf = false\ng = 1979-05-27T07:32:00-08:00\nh = 1979-05-27 07:32:00.5\ni = 07:32:00`)).toEqual([
      "ident:a",
      "punct:=",
      "number:-1_000",
      "ident:b",
      "punct:=",
      "number:0xDEAD_beef",
      "ident:c",
      "punct:=",
      "number:6.626e-34",
      "ident:d",
      "punct:=",
      "number:+inf",
      "ident:e",
      "punct:=",
      "number:nan",
      "ident:f",
      "punct:=",
      "ident:false",
      "ident:g",
      "punct:=",
      "number:1979-05-27T07:32:00-08:00",
      "ident:h",
      "punct:=",
      "number:1979-05-27 07:32:00.5",
      "ident:i",
      "punct:=",
      "number:07:32:00",
    ]);
  });

  it("recovers from an unclosed array at the next `key =` line", () => {
    expect(lex(`a = [1, 2\n[b]\nauth_token = "x"`).slice(-3)).toEqual(["ident:auth_token", "punct:=", "string[double]:x"]);
    expect(lex(`a = ["x"\n2 = "y"`)).toEqual(["ident:a", "punct:=", "punct:[", "string[double]:x", "ident:2", "punct:=", "string[double]:y"]);
  });

  it("ends an unterminated basic string at the line break", () => {
    expect(lex(`a = "open\nb = 'c'`)).toEqual(["ident:a", "punct:=", "string[double]:open", "ident:b", "punct:=", "string[single]:c"]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `ignored = "x"\n[s]\ntoken = "y"`;
    const start = text.indexOf("[s]");
    const result = lexToml(text, start);
    assertRangesInside(text, result, start);
    expect(result.tokens[0]).toMatchObject({ kind: "punct", start, text: "[" });
    expect(result.tokens.at(-1)).toMatchObject({ kind: "string", contentStart: text.indexOf('y"') });
  });

  it("never throws on unterminated or malformed input", () => {
    for (const text of ['a = """', "a = '''x''", "[[", "[a", "a = [", "a = {", "a = { b = [", '"', "a = 1979-05-27 ", "]]]", "=\n=", '"""""']) {
      for (let cut = 0; cut <= text.length; cut++) assertRangesInside(text, lexToml(text, 0, cut), 0, cut);
    }
    fuzz(lexToml, `[]{}="'.,#-+ \n1a:`);
  });

  it("stays linear on adversarial input", () => {
    expectLinear(lexToml, (n) => "a = [".repeat(n / 5));
    expectLinear(lexToml, (n) => '"""'.repeat(n / 3));
    expectLinear(lexToml, (n) => "x = [\n" + "'a\n".repeat(n / 3));
    expectLinear(lexToml, (n) => "1".repeat(n));
  });
});
