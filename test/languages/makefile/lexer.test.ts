// lexMakefile: assignment flavours, make references, rules, recipes through the shell lexer.
import { describe, expect, it } from "vitest";
import { lexMakefile } from "../../../src/languages/makefile/lexer.js";
import type { StringToken } from "../../../src/languages/shared/tokens.js";
import { assertRangesInside, describeParts, describeTokens, expectReadsBelow, expectSurvivesRandomInput, lexChecked, stringTokens } from "../lex-helpers.js";

const lex = (text: string, start?: number, end?: number): string[] => lexChecked(lexMakefile, text, start, end);
const strings = (text: string): StringToken[] => stringTokens(lexMakefile(text));

describe("lexMakefile", () => {
  it("reads every assignment flavour as name, `=`, and the value to the line's end", () => {
    const text = `A = one two\nB := $(A)\nC ::= c\nD ?= d\nE += e\nF != cat f\nexport CONVOSO_AUTH_TOKEN = abc123\noverride G=g`;
    expect(lex(text)).toEqual([
      "ident:A",
      "punct:=",
      "string[bare]:one two",
      "punct:;",
      "ident:B",
      "punct:=",
      "string[bare]:$(A)",
      "punct:;",
      "ident:C",
      "punct:=",
      "string[bare]:c",
      "punct:;",
      "ident:D",
      "punct:=",
      "string[bare]:d",
      "punct:;",
      "ident:E",
      "punct:=",
      "string[bare]:e",
      "punct:;",
      "ident:F",
      "punct:=",
      "string[bare]:cat f",
      "punct:;",
      "ident:export",
      "ident:CONVOSO_AUTH_TOKEN",
      "punct:=",
      "string[bare]:abc123",
      "punct:;",
      "ident:override",
      "ident:G",
      "punct:=",
      "string[bare]:g",
    ]);
    // The `=` token spans the operator as written.
    const operator = lexMakefile(`B := x`).tokens[1]!;
    expect(operator).toMatchObject({ kind: "punct", start: 2, end: 4, text: "=" });
  });

  it("ends a value at a comment, trims trailing blanks, and emits no string for an empty value", () => {
    expect(lex(`TOKEN = abc   # the token\nEMPTY =\nHASH = a\\#b`)).toEqual([
      "ident:TOKEN",
      "punct:=",
      "string[bare]:abc",
      "comment:the token",
      "punct:;",
      "ident:EMPTY",
      "punct:=",
      "punct:;",
      "ident:HASH",
      "punct:=",
      "string[bare]:a\\#b",
    ]);
    // `#` inside a reference is not a comment.
    expect(lex(`X = $(subst #,-,$(Y)) z`)).toEqual(["ident:X", "punct:=", "string[bare]:$(subst #,-,$(Y)) z"]);
  });

  it("reads a value wholly in quotes as a quoted string", () => {
    expect(lex(`A = "abc"\nB = 'd e'\nC = "a" "b"`)).toEqual([
      "ident:A",
      "punct:=",
      "string[double]:abc",
      "punct:;",
      "ident:B",
      "punct:=",
      "string[single]:d e",
      "punct:;",
      "ident:C",
      "punct:=",
      'string[bare]:"a" "b"',
    ]);
  });

  it("reads `$(VAR)`, `${VAR}` and `$V` as named parts, functions as unnamed ones", () => {
    const text = `URL = https://x/?auth_token=$(CONVOSO_AUTH_TOKEN)&a=\${A}&b=$B&c=$(shell cat f)&d=$$HOME`;
    const [value] = strings(text);
    expect(describeParts(text, value!)).toEqual(["https://x/?auth_token=", "{CONVOSO_AUTH_TOKEN}", "&a=", "{A}", "&b=", "{B}", "&c=", "{}", "&d=", "{HOME}"]);
    expect(lexMakefile(text).embedded.map((region) => [region.language, text.slice(region.start, region.end)])).toEqual([["shell", "cat f"]]);
  });

  it("continues a value across backslash-newlines", () => {
    expect(lex(`A = one \\\n  two\nB = 3`)).toEqual(["ident:A", "punct:=", "string[bare]:one \\\n  two", "punct:;", "ident:B", "punct:=", "string[bare]:3"]);
  });

  it("lexes tab-indented recipe lines as shell, with make references in them", () => {
    const text = `.PHONY: push\npush: build\n\t@curl -X POST "https://api.convoso.com/v1/x" \\\n\t  -d "auth_token=$(CONVOSO_AUTH_TOKEN)"\n\t-T=abc123 ./run $$T\n`;
    expect(lex(text)).toEqual([
      "string[bare]:.PHONY",
      "punct::",
      "ident:push",
      "punct:;",
      "ident:push",
      "punct::",
      "ident:build",
      "punct:;",
      "ident:curl",
      "ident:-X",
      "ident:POST",
      "string[double]:https://api.convoso.com/v1/x",
      "ident:-d",
      "string[double]:auth_token=$(CONVOSO_AUTH_TOKEN)",
      "punct:;",
      "ident:T",
      "punct:=",
      "string[bare]:abc123",
      "string[bare]:./run",
      "string[bare]:$$T",
      "punct:;",
    ]);
    const tokens = strings(text);
    const auth = tokens.find((token) => text.slice(token.contentStart, token.contentEnd).startsWith("auth_token"))!;
    expect(describeParts(text, auth)).toEqual(["auth_token=", "{CONVOSO_AUTH_TOKEN}"]);
    // `$$T` is the shell's `$T` once make is done.
    expect(describeParts(text, tokens[tokens.length - 1]!)).toEqual(["{T}"]);
  });

  it("reads a recipe after `;` on the rule line, and leaves tab-indented lines outside rules alone", () => {
    expect(lex(`all: ; echo $(A)\n`)).toEqual(["ident:all", "punct::", "punct:;", "ident:echo", "string[bare]:$(A)", "punct:;"]);
    expect(lex(`ifdef X\n\tA = 1\nendif`)).toEqual(["ident:ifdef", "ident:X", "punct:;", "ident:A", "punct:=", "string[bare]:1", "punct:;", "ident:endif"]);
  });

  it("keeps a rule's recipe going across conditionals and comments, and ends it at an assignment", () => {
    expect(lex(`t:\nifdef V\n\techo a\nendif\n# c\n\techo b\nX = 1\n\techo c`)).toEqual([
      "ident:t",
      "punct::",
      "punct:;",
      "ident:ifdef",
      "ident:V",
      "punct:;",
      "ident:echo",
      "ident:a",
      "punct:;",
      "ident:endif",
      "punct:;",
      "comment:c",
      "ident:echo",
      "ident:b",
      "punct:;",
      "ident:X",
      "punct:=",
      "string[bare]:1",
      "punct:;",
      "ident:echo",
      "ident:c",
    ]);
  });

  it("reads target-specific assignments", () => {
    expect(lex(`deploy: TOKEN := abc\n`)).toEqual(["ident:deploy", "punct::", "ident:TOKEN", "punct:=", "string[bare]:abc", "punct:;"]);
  });

  it("reads a `define` block as one value", () => {
    const text = `define BODY\nauth_token=$(T)\nline two\nendef\nexport define X :=\nx\nendef\nY = 1`;
    expect(lex(text)).toEqual([
      "ident:define",
      "ident:BODY",
      "punct:=",
      "string[bare]:auth_token=$(T)\nline two",
      "ident:endef",
      "punct:;",
      "ident:export",
      "ident:define",
      "ident:X",
      "punct:=",
      "string[bare]:x",
      "ident:endef",
      "punct:;",
      "ident:Y",
      "punct:=",
      "string[bare]:1",
    ]);
  });

  it("reads comments, including ones continued by a backslash", () => {
    expect(lex(`# one \\\n two\nA = 1 # c`)).toEqual(["comment:one \\\n two", "ident:A", "punct:=", "string[bare]:1", "comment:c"]);
  });

  it("never throws on unterminated or odd input", () => {
    for (const text of [`A = $(`, `A = \${`, `define X\nbody`, `define`, `\t$(`, `a:\n\techo "open`, `:`, `=`, `export`, `A \\`, `x: ;`, `\\`, `$`, `t:\n\tcat <<EOF\nbody`]) {
      expect(() => lex(text), text).not.toThrow();
    }
    expect(lex(`define X\nbody`)).toEqual(["ident:define", "ident:X", "punct:=", "string[bare]:body"]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `A = 1\nTOKEN = abc # c\nB = 2`;
    const start = text.indexOf("TOKEN");
    const end = text.indexOf(" #");
    const result = lexMakefile(text, start, end);
    assertRangesInside(text, result, start, end);
    expect(describeTokens(text, result)).toEqual(["ident:TOKEN", "punct:=", "string[bare]:abc"]);
    expect(result.tokens[0]).toMatchObject({ start });
  });

  it("survives random input over the characters that matter", () => {
    const alphabet = ["\t", "\n", "\\\n", "A", " = ", ":=", ":", ";", "#", "$(", "${", ")", "}", "$$", "define ", "endef", '"', "'", "x", "\\"];
    expectSurvivesRandomInput(lex, alphabet);
  });

  it("does work linear in the input on adversarial text (counted reads, no clock)", () => {
    const size = 1 << 20;
    const small = 1 << 16;
    const inputs = [
      `A = ${"$(".repeat(size / 2)}`,
      `A = ${"${".repeat(size / 2)}`,
      `A = x ${"\\\n".repeat(size / 2)}`,
      `t:\n\techo "${"$(".repeat(size / 2)}`,
      `define X\n${"$(\n".repeat(size / 3)}`,
      "define X\n".repeat(small / 9),
      "t: ; a\n\t$(\n".repeat(small / 12),
      `${"$( ".repeat(small / 3)}: x`,
      "A = 1\n".repeat(small / 6),
    ];
    expectReadsBelow(lexMakefile, inputs, 40);
  });
});
