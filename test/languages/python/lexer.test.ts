import { describe, expect, it } from "vitest";
import { lexPython } from "../../../src/languages/python/lexer.js";
import type { LexResult, StringToken, Token } from "../../../src/languages/shared/tokens.js";
import { assertPartsCover, assertRangesInside, describeTokens, readsFor, stringTokens } from "../lex-helpers.js";

function check(text: string, start = 0, end = text.length): LexResult {
  const result = lexPython(text, start, end);
  assertRangesInside(text, result, start, end);
  assertPartsCover(result);
  return result;
}

function lex(text: string): string[] {
  return describeTokens(text, check(text));
}

function stringAt(result: LexResult, index = 0): StringToken {
  const token = stringTokens(result)[index];
  if (!token) throw new Error(`no string #${index}`);
  return token;
}

/** Text parts as their text, interpolations as `{name}` (`{?}` when not a plain name). */
function describeParts(text: string, token: StringToken): string[] {
  return token.parts.map((part) => (part.kind === "text" ? text.slice(part.start, part.end) : `{${part.name ?? "?"}}`));
}

/** The tokens around the first identifier named `name`. */
function around(text: string, result: LexResult, name: string, before: number, after: number): string[] {
  const all = describeTokens(text, result);
  const index = result.tokens.findIndex((token: Token) => token.kind === "identifier" && token.text === name);
  return all.slice(Math.max(0, index - before), index + after + 1);
}

describe("lexPython", () => {
  it("reads an assignment with its quote kind", () => {
    expect(lex(`auth_token = "abc"`)).toEqual(["ident:auth_token", "punct:=", "string[double]:abc"]);
  });

  it("reads every quote kind", () => {
    expect(lex(`a = 'x'`)).toContain("string[single]:x");
    expect(lex(`a = "x"`)).toContain("string[double]:x");
    expect(lex(`a = '''x'''`)).toContain("string[triple-single]:x");
    expect(lex(`a = """x"""`)).toContain("string[triple-double]:x");
    expect(lex(`a = """line 1\nauth_token = 'x'\n"""`)).toEqual(["ident:a", "punct:=", `string[triple-double]:line 1\nauth_token = 'x'\n`]);
  });

  it("reads every prefix in any case, lower-cased, with the token starting at the prefix", () => {
    const cases: [string, string][] = [
      [`r'x'`, "string[single,r]:x"],
      [`R"x"`, "string[double,r]:x"],
      [`b'x'`, "string[single,b]:x"],
      [`B'''x'''`, "string[triple-single,b]:x"],
      [`u"x"`, "string[double,u]:x"],
      [`f"x"`, "string[double,f]:x"],
      [`F"""x"""`, "string[triple-double,f]:x"],
      [`rb'x'`, "string[single,rb]:x"],
      [`bR"x"`, "string[double,br]:x"],
      [`Fr'x'`, "string[single,fr]:x"],
      [`rF'x'`, "string[single,rf]:x"],
      [`t"x"`, "string[double,t]:x"],
    ];
    for (const [source, expected] of cases) {
      const text = `v = ${source}`;
      const result = check(text);
      expect(describeTokens(text, result)).toEqual(["ident:v", "punct:=", expected]);
      expect(stringAt(result)).toMatchObject({ start: 4, end: text.length });
    }
  });

  it("does not take a longer name before a quote for a prefix", () => {
    expect(lex(`print"x"`)).toEqual(["ident:print", "string[double]:x"]);
    expect(lex(`ub"x"`)).toEqual(["ident:ub", "string[double]:x"]);
  });

  it("honours backslash escapes, and in raw strings still keeps an escaped quote from closing", () => {
    expect(lex(`a = "x\\"y" + 'it\\'s'`)).toEqual(["ident:a", "punct:=", `string[double]:x\\"y`, "punct:+", `string[single]:it\\'s`]);
    expect(lex(`a = r"\\"" + r'\\\\'`)).toEqual(["ident:a", "punct:=", `string[double,r]:\\"`, "punct:+", `string[single,r]:\\\\`]);
    expect(lex(`p = r"C:\\dir\\"\nq = 1`)).toEqual(["ident:p", "punct:=", `string[double,r]:C:\\dir\\"`, "ident:q", "punct:=", "number:1"]);
  });

  it("ends an unterminated one-line string at the line break", () => {
    expect(lex(`a = "open\nb = 'c'`)).toEqual(["ident:a", "punct:=", "string[double]:open", "ident:b", "punct:=", "string[single]:c"]);
    expect(lex(`a = f'{x\nb = 1`)).toEqual(["ident:a", "punct:=", "string[single,f]:{x", "ident:b", "punct:=", "number:1"]);
  });

  it("runs an unterminated triple-quoted string to the end", () => {
    const text = `a = '''open\nb = "c"\n`;
    expect(lex(text)).toEqual(["ident:a", "punct:=", `string[triple-single]:open\nb = "c"\n`]);
    expect(stringAt(check(text)).end).toBe(text.length);
  });

  it("splits an f-string into text and named interpolation parts", () => {
    const text = `url = f"{base}/search?auth_token={auth_token}&user={self.user!r:>10}&x={d['k']}"`;
    expect(describeParts(text, stringAt(check(text)))).toEqual([
      "{base}",
      "/search?auth_token=",
      "{auth_token}",
      "&user=",
      "{self.user}",
      "&x=",
      "{?}",
    ]);
  });

  it("treats {{ and }} in an f-string as literal braces", () => {
    const text = `f"{{auth_token}}={{{token}}}"`;
    expect(describeParts(text, stringAt(check(text)))).toEqual(["{{auth_token}}={{", "{token}", "}}"]);
  });

  it("names fields with a nested spec, a conversion, `=` or `!=`", () => {
    const text = `f"{value:{width}.{precision}} {token=} {token = !r} {a != b} {call()}"`;
    const names = stringAt(check(text)).parts.flatMap((part) => (part.kind === "interpolation" ? [part.name ?? "?"] : []));
    expect(names).toEqual(["value", "token", "token", "?", "?"]);
  });

  it("reads a field whose expression quotes like the string itself (Python 3.12)", () => {
    const text = `f"{d["auth_token"]}" + x`;
    expect(lex(text)).toEqual([`string[double,f]:{d["auth_token"]}`, "punct:+", "ident:x"]);
  });

  it("interpolates in raw f-strings, triple-quoted f-strings across lines, and t-strings", () => {
    let text = `rf"\\d+{token}"`;
    expect(describeParts(text, stringAt(check(text)))).toEqual(["\\d+", "{token}"]);
    text = `f"""\nauth_token={\n  auth_token\n}\n"""`;
    expect(describeParts(text, stringAt(check(text)))).toEqual(["\nauth_token=", "{auth_token}", "\n"]);
    text = `t"auth_token={token}"`;
    expect(describeParts(text, stringAt(check(text)))).toEqual(["auth_token=", "{token}"]);
  });

  it("does not interpolate in plain, raw or bytes strings", () => {
    for (const text of [`"{token}"`, `r"{token}"`, `b"{token}"`]) expect(describeParts(text, stringAt(check(text)))).toEqual(["{token}"]);
  });

  it("keeps # comments with their text and does not read # inside strings", () => {
    expect(lex(`# auth_token = "abc"\nx = "#not" # trailing`)).toEqual([
      `comment:auth_token = "abc"`,
      "ident:x",
      "punct:=",
      "string[double]:#not",
      "comment:trailing",
    ]);
  });

  it("emits the keyword or as ||, and keeps other keywords as identifiers", () => {
    expect(lex(`t = os.environ.get("T") or "fallback"`)).toEqual([
      "ident:t",
      "punct:=",
      "ident:os",
      "punct:.",
      "ident:environ",
      "punct:.",
      "ident:get",
      "punct:(",
      "string[double]:T",
      "punct:)",
      "punct:||",
      "string[double]:fallback",
    ]);
    expect(lex(`if not order and x: pass`)).toEqual(["ident:if", "ident:not", "ident:order", "ident:and", "ident:x", "punct::", "ident:pass"]);
  });

  it("emits multi-character operators as one token", () => {
    const ops = lex(`a := b == c != d <= e >= f -> g ** h // i += j -= k **= l //= m`).filter((token) => token.startsWith("punct:"));
    expect(ops).toEqual([":=", "==", "!=", "<=", ">=", "->", "**", "//", "+=", "-=", "**=", "//="].map((op) => `punct:${op}`));
  });

  it("reads decorators with @ as punctuation", () => {
    expect(lex(`@click.option("--auth-token", envvar="CONVOSO_AUTH_TOKEN")`)).toEqual([
      "punct:@",
      "ident:click",
      "punct:.",
      "ident:option",
      "punct:(",
      "string[double]:--auth-token",
      "punct:,",
      "ident:envvar",
      "punct:=",
      "string[double]:CONVOSO_AUTH_TOKEN",
      "punct:)",
    ]);
  });

  it("reads numbers as number tokens", () => {
    expect(lex(`n = 1_000 + 0xFF + 1e-5 + .5 + 3j`).filter((token) => token.startsWith("number:"))).toEqual([
      "number:1_000",
      "number:0xFF",
      "number:1e-5",
      "number:.5",
      "number:3j",
    ]);
  });

  it("skips a backslash line continuation", () => {
    expect(lex(`auth_token = \\\n    "abc"`)).toEqual(["ident:auth_token", "punct:=", "string[double]:abc"]);
  });

  it("reads the Convoso example around auth_token", () => {
    const text = [
      "import requests",
      'auth_token = "YOUR_TOKEN_HERE"',
      'url = "https://api.convoso.com/v1/campaigns/search"',
      'data = {"auth_token": auth_token}',
      "response = requests.post(url, data=data)",
      "result = response.json()",
    ].join("\n");
    const result = check(text);
    expect(around(text, result, "auth_token", 0, 2)).toEqual(["ident:auth_token", "punct:=", "string[double]:YOUR_TOKEN_HERE"]);
    expect(describeTokens(text, result)).toContain("string[double]:auth_token");
    const dict = describeTokens(text, result);
    const key = dict.indexOf("string[double]:auth_token");
    expect(dict.slice(key - 1, key + 4)).toEqual(["punct:{", "string[double]:auth_token", "punct::", "ident:auth_token", "punct:}"]);
  });

  it("reads the Convoso environment example", () => {
    const text = `import os\nauth_token = os.getenv("CONVOSO_AUTH_TOKEN")`;
    expect(around(text, check(text), "auth_token", 0, 7)).toEqual([
      "ident:auth_token",
      "punct:=",
      "ident:os",
      "punct:.",
      "ident:getenv",
      "punct:(",
      "string[double]:CONVOSO_AUTH_TOKEN",
      "punct:)",
    ]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `ignored = "x"\nauth_token = f"{t}"\ntail = 'y'`;
    const start = text.indexOf("auth_token");
    const end = text.indexOf("\ntail");
    const result = check(text, start, end);
    expect(describeTokens(text, result)).toEqual(["ident:auth_token", "punct:=", "string[double,f]:{t}"]);
    expect(result.tokens[0]).toMatchObject({ start, end: start + "auth_token".length });
    expect(stringAt(result).parts[0]).toMatchObject({ kind: "interpolation", start: text.indexOf("{t}"), name: "t" });
  });

  it("cuts a string, comment or f-string field at the end of the range", () => {
    const text = `a = '''abc''' # c\nb = f"{x}"`;
    for (let end = 0; end <= text.length; end++) {
      for (let start = 0; start <= end; start += 3) check(text, start, end);
    }
  });

  it("never throws and stays in range on every prefix of unterminated input", () => {
    const text = `x = rb'\\'\ny = f"""{a!r:{w}}{{\nz = '''\\\n# c\n@d\na := 1e-\\\n"{`;
    for (let cut = 0; cut <= text.length; cut++) {
      expect(() => check(text.slice(0, cut))).not.toThrow();
      expect(() => check(text, 0, cut)).not.toThrow();
    }
  });

  it("lexes 2 MB of ''' and of \"\\ in one pass", () => {
    const triples = "'''".repeat(700_000);
    const result = check(triples);
    expect(result.tokens).toHaveLength(350_000);
    expect(result.tokens.every((token) => token.kind === "string" && token.quote === "triple-single")).toBe(true);
    const escapes = `"\\`.repeat(1_000_000);
    expect(describeTokens(escapes, check(escapes))).toHaveLength(1);
    const fields = `f"{x}{{}}"\n`.repeat(200_000);
    expect(check(fields).tokens).toHaveLength(200_000);
  });

  it("reads each character a bounded number of times as the input doubles", () => {
    const units = [`'''`, `"\\`, `f"{x`, `f"{{`, `f'''{'`, `rb"\\'`, `#'''\n`, `or `, `a = 1e5\n`];
    for (const unit of units) {
      const small = readsFor(lexPython, unit.repeat(8_000));
      const large = readsFor(lexPython, unit.repeat(16_000));
      expect(large / small, unit).toBeLessThan(2.2);
      expect(large / (unit.length * 16_000), unit).toBeLessThan(40);
    }
  });
});
