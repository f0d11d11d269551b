// The brace languages read by the shared code lexer: comments, every string form and
// prefix, interpolation parts, character literals against Rust lifetimes, raw strings.
import { describe, expect, it } from "vitest";
import { lexCSharp, lexCue, lexDart, lexGo, lexGroovy, lexJava, lexJsonnet, lexKotlin, lexRust, lexScala, lexSwift } from "../../../src/languages/c-family/lexer.js";
import type { Lexer } from "../../../src/languages/shared/tokens.js";
import { describeParts, expectLinear, expectSurvivesRandomInput, lexChecked, stringTokens } from "../lex-helpers.js";

/** The parts of the `index`-th string `lexer` finds in `text`. */
function partsOf(lexer: Lexer, text: string, index = 0): string[] {
  const token = stringTokens(lexer(text))[index];
  if (!token) throw new Error(`no string #${index} in ${text}`);
  return describeParts(text, token);
}

describe("Java", () => {
  it("reads a constant, a call and comments of both kinds", () => {
    expect(lexChecked(lexJava, `private static final String AUTH_TOKEN = "v"; // note\n/* block "x" */ map.put("auth_token", "w");`)).toEqual([
      "ident:private", "ident:static", "ident:final", "ident:String", "ident:AUTH_TOKEN", "punct:=", "string[double]:v", "punct:;", "comment:note",
      "comment:block \"x\"", "ident:map", "punct:.", "ident:put", "punct:(", "string[double]:auth_token", "punct:,", "string[double]:w", "punct:)", "punct:;",
    ]);
  });

  it("reads a character literal as a one-character string and a text block as one string", () => {
    expect(lexChecked(lexJava, `char q = '"'; char e = '\\'';`)).toEqual(["ident:char", "ident:q", "punct:=", "string[single]:\"", "punct:;", "ident:char", "ident:e", "punct:=", "string[single]:\\'", "punct:;"]);
    expect(lexChecked(lexJava, `String s = """\n  auth_token="x"\n  """;`)).toEqual(["ident:String", "ident:s", "punct:=", 'string[triple-double]:\n  auth_token="x"\n  ', "punct:;"]);
  });

  it("keeps an apostrophe in a comment inside the comment", () => {
    expect(lexChecked(lexJava, `// don't commit the token\nString t = "v";`)).toEqual(["comment:don't commit the token", "ident:String", "ident:t", "punct:=", "string[double]:v", "punct:;"]);
  });
});

describe("Kotlin, Groovy and Dart interpolate `$x` and `${x}`", () => {
  it("marks interpolations as such, not as literal text", () => {
    expect(partsOf(lexKotlin, `val u = "auth_token=$authToken&x=\${cfg.token}"`)).toEqual(["auth_token=", "{authToken}", "&x=", "{cfg.token}"]);
    expect(partsOf(lexGroovy, `sh "curl -d auth_token=\${CONVOSO_AUTH_TOKEN} $BASE"`)).toEqual(["curl -d auth_token=", "{CONVOSO_AUTH_TOKEN}", " ", "{BASE}"]);
    expect(partsOf(lexDart, `final u = 'auth_token=$token';`)).toEqual(["auth_token=", "{token}"]);
  });

  it("leaves Groovy's single quotes and Dart's raw strings literal", () => {
    expect(partsOf(lexGroovy, `sh 'curl -d auth_token=$CONVOSO_AUTH_TOKEN'`)).toEqual(["curl -d auth_token=$CONVOSO_AUTH_TOKEN"]);
    expect(partsOf(lexDart, `final u = r'auth_token=$token';`)).toEqual(["auth_token=$token"]);
    expect(lexChecked(lexDart, `r'x'`)).toEqual(["string[single,r]:x"]);
  });

  it("reads Kotlin's infix `to` as the pair arrow", () => {
    expect(lexChecked(lexKotlin, `mapOf("auth_token" to "v")`)).toEqual(["ident:mapOf", "punct:(", "string[double]:auth_token", "punct:->", "string[double]:v", "punct:)"]);
  });

  it("skips Groovy's slashy regular expressions, quotes and all", () => {
    expect(lexChecked(lexGroovy, `def p = ~/auth_token="\\w+/\ndef a = 'v'`)).toEqual(["ident:def", "ident:p", "punct:=", "punct:~", "ident:def", "ident:a", "punct:=", "string[single]:v"]);
  });
});

describe("Scala interpolates only prefixed strings", () => {
  it("reads s\"…\" with parts and a plain string as literal", () => {
    expect(partsOf(lexScala, `val u = s"auth_token=$token"`)).toEqual(["auth_token=", "{token}"]);
    expect(partsOf(lexScala, `val u = "auth_token=$token"`)).toEqual(["auth_token=$token"]);
    expect(lexChecked(lexScala, `Map("auth_token" -> "v")`)).toEqual(["ident:Map", "punct:(", "string[double]:auth_token", "punct:->", "string[double]:v", "punct:)"]);
  });

  it("reads a symbol's quote as punctuation", () => {
    expect(lexChecked(lexScala, `val s = 'auth_token`)).toEqual(["ident:val", "ident:s", "punct:=", "punct:'", "ident:auth_token"]);
  });
});

describe("C#", () => {
  it("reads $\"…{x}…\" interpolations, a doubled brace as text, and @\"…\" verbatim", () => {
    expect(partsOf(lexCSharp, `var u = $"auth_token={token}&{{x}}";`)).toEqual(["auth_token=", "{token}", "&{{x}}"]);
    expect(lexChecked(lexCSharp, `var p = @"C:\\tokens\\";`)).toEqual(["ident:var", "ident:p", "punct:=", "string[double,@]:C:\\tokens\\", "punct:;"]);
  });
});

describe("Swift and CUE interpolate `\\(x)`", () => {
  it("marks the interpolation and keeps other escapes as text", () => {
    expect(partsOf(lexSwift, `let u = "auth_token=\\(authToken)\\n"`)).toEqual(["auth_token=", "{authToken}", "\\n"]);
    expect(partsOf(lexCue, `url: "auth_token=\\(token)"`)).toEqual(["auth_token=", "{token}"]);
  });
});

describe("Go", () => {
  it("reads raw backtick strings across lines, runes, and :=", () => {
    expect(lexChecked(lexGo, "token := `a\nb`\nr := 'x'")).toEqual(["ident:token", "punct::=", "string[backtick]:a\nb", "ident:r", "punct::=", "string[single]:x"]);
  });
});

describe("Rust", () => {
  it("reads raw strings with and without hashes, byte strings and paths", () => {
    expect(lexChecked(lexRust, `let a = r#"x"y"#; let b = r"z"; let c = b"w"; std::env::var("K")`)).toEqual([
      "ident:let", "ident:a", "punct:=", 'string[nowdoc,r#]:x"y', "punct:;",
      "ident:let", "ident:b", "punct:=", "string[double,r]:z", "punct:;",
      "ident:let", "ident:c", "punct:=", "string[double,b]:w", "punct:;",
      "ident:std", "punct:::", "ident:env", "punct:::", "ident:var", "punct:(", "string[double]:K", "punct:)",
    ]);
  });

  it("reads lifetimes as punctuation, not as strings that would swallow the signature", () => {
    expect(lexChecked(lexRust, `fn f<'a>(x: &'a str) -> &'a str { "v" }`)).toEqual([
      "ident:fn", "ident:f", "punct:<", "punct:'", "ident:a", "punct:>", "punct:(", "ident:x", "punct::", "punct:&", "punct:'", "ident:a", "ident:str", "punct:)",
      "punct:->", "punct:&", "punct:'", "ident:a", "ident:str", "punct:{", "string[double]:v", "punct:}",
    ]);
  });

  it("reads `r#type` as a name, not a raw string", () => {
    expect(lexChecked(lexRust, `let r#type = 1;`)).toEqual(["ident:let", "ident:r", "punct:#", "ident:type", "punct:=", "number:1", "punct:;"]);
  });
});

describe("Jsonnet", () => {
  it("reads both quotes, `|||` text blocks and `#` comments", () => {
    expect(lexChecked(lexJsonnet, `local authToken = 'v'; # note\n{ a: |||\n  x\n|||, b: "w" }`)).toEqual([
      "ident:local", "ident:authToken", "punct:=", "string[single]:v", "punct:;", "comment:note",
      "punct:{", "ident:a", "punct::", "string[nowdoc]:\n  x\n", "punct:,", "ident:b", "punct::", "string[double]:w", "punct:}",
    ]);
  });
});

describe("every brace language's front end", () => {
  const LEXERS = { lexJava, lexKotlin, lexScala, lexGroovy, lexDart, lexCSharp, lexSwift, lexGo, lexRust, lexCue, lexJsonnet };

  it.each(Object.entries(LEXERS))("%s survives random input of its own delimiters", (_name, lexer) => {
    expectSurvivesRandomInput((text, start, end) => lexChecked(lexer, text, start, end), ['"', "'", "`", '"""', "'''", "|||", "r#", '#"', "$", "${", "\\(", "{", "}", "//", "/*", "*/", "/", "\\", "\n", "a", "auth_token", " = ", "@", "s", "r"]);
  });

  it.each(Object.entries(LEXERS))("%s reads each character a bounded number of times on unclosed openers", (_name, lexer) => {
    expectLinear(lexer, (size) => '"${ "\\( r#"'.repeat(Math.ceil(size / 11)).slice(0, size));
    expectLinear(lexer, (size) => "'a /* x \"\"\" ".repeat(Math.ceil(size / 14)).slice(0, size));
  });
});
