// lexDockerfile: instructions, ENV/ARG forms, RUN through the shell lexer, exec form, heredocs.
import { describe, expect, it } from "vitest";
import { lexDockerfile } from "../../../src/languages/dockerfile/lexer.js";
import type { StringToken } from "../../../src/languages/shared/tokens.js";
import { assertRangesInside, describeTokens, expectReadsBelow, expectSurvivesRandomInput, lexChecked, stringTokens } from "../lex-helpers.js";

const lex = (text: string, start?: number, end?: number): string[] => lexChecked(lexDockerfile, text, start, end);
const strings = (text: string): StringToken[] => stringTokens(lexDockerfile(text));

describe("lexDockerfile", () => {
  it("reads `ENV KEY=value` pairs as assignments", () => {
    expect(lex(`ENV CONVOSO_AUTH_TOKEN=abc OTHER="two words"\n`)).toEqual([
      "ident:ENV",
      "ident:CONVOSO_AUTH_TOKEN",
      "punct:=",
      "string[bare]:abc",
      "ident:OTHER",
      "punct:=",
      "string[double]:two words",
      "punct:;",
    ]);
  });

  it("reads the old `ENV KEY value` form as KEY, a `=` over the blanks, and the value", () => {
    const text = `ENV CONVOSO_AUTH_TOKEN   abc123\nENV GREETING hello big world  \nENV QUOTED "a b"\nENV LONE`;
    expect(lex(text)).toEqual([
      "ident:ENV",
      "ident:CONVOSO_AUTH_TOKEN",
      "punct:=",
      "string[bare]:abc123",
      "punct:;",
      "ident:ENV",
      "ident:GREETING",
      "punct:=",
      "string[bare]:hello big world",
      "punct:;",
      "ident:ENV",
      "ident:QUOTED",
      "punct:=",
      "string[double]:a b",
      "punct:;",
      "ident:ENV",
      "ident:LONE",
    ]);
    const equals = lexDockerfile(text).tokens[2]!;
    expect(text.slice(equals.start, equals.end)).toBe("   ");
    const [value] = strings(`ENV URL https://x/?auth_token=$T`);
    expect(value!.parts.map((part) => (part.kind === "text" ? "text" : part.name))).toEqual(["text", "T"]);
  });

  it("reads ARG with and without a default, and `${VAR:-default}` in values", () => {
    const text = `ARG TOKEN\nARG CONVOSO_AUTH_TOKEN=\${FALLBACK:-xyz}`;
    expect(lex(text)).toEqual(["ident:ARG", "ident:TOKEN", "punct:;", "ident:ARG", "ident:CONVOSO_AUTH_TOKEN", "punct:=", "string[bare]:${FALLBACK:-xyz}"]);
    const part = strings(text)[0]!.parts[0]!;
    if (part.kind !== "interpolation" || !part.fallback) throw new Error("no fallback");
    expect(text.slice(part.fallback.start, part.fallback.end)).toBe("xyz");
  });

  it("lexes RUN as shell across backslash continuations, with the shell's comments", () => {
    const text = `FROM alpine:3\nRUN curl -X POST "https://api.convoso.com/v1/campaigns/search" \\\n    -d "auth_token=$TOKEN" \\\n && echo ok # done\nUSER app`;
    expect(lex(text)).toEqual([
      "ident:FROM",
      "string[bare]:alpine:3",
      "punct:;",
      "ident:RUN",
      "ident:curl",
      "ident:-X",
      "ident:POST",
      "string[double]:https://api.convoso.com/v1/campaigns/search",
      "ident:-d",
      "string[double]:auth_token=$TOKEN",
      "punct:&&",
      "ident:echo",
      "ident:ok",
      "comment:done",
      "punct:;",
      "ident:USER",
      "ident:app",
    ]);
  });

  it("keeps comment and blank lines inside a continuation in the instruction", () => {
    expect(lex(`RUN a \\\n# note\n\n  && b\nCMD c`)).toEqual(["ident:RUN", "ident:a", "comment:note", "punct:;", "punct:&&", "ident:b", "punct:;", "ident:CMD", "ident:c"]);
  });

  it("does not let a quote cross into the next instruction", () => {
    expect(lex(`RUN echo "open\nENV A=1`)).toEqual(["ident:RUN", "ident:echo", "string[double]:open", "punct:;", "ident:ENV", "ident:A", "punct:=", "string[bare]:1"]);
  });

  it("reads the JSON exec form as strings", () => {
    expect(lex(`RUN ["curl", "-d", "auth_token=abc"]\nCMD ["node", "app.js"]`)).toEqual([
      "ident:RUN",
      "punct:[",
      "string[double]:curl",
      "punct:,",
      "string[double]:-d",
      "punct:,",
      "string[double]:auth_token=abc",
      "punct:]",
      "punct:;",
      "ident:CMD",
      "punct:[",
      "string[double]:node",
      "punct:,",
      "string[double]:app.js",
      "punct:]",
    ]);
  });

  it("reads comments at a line's start and ONBUILD's inner instruction", () => {
    expect(lex(`# syntax=docker/dockerfile:1\n  # indented\nonbuild run X=1 make`)).toEqual([
      "comment:syntax=docker/dockerfile:1",
      "comment:indented",
      "ident:onbuild",
      "ident:run",
      "ident:X",
      "punct:=",
      "string[bare]:1",
      "ident:make",
    ]);
  });

  it("reads a RUN heredoc body as one string, then goes on with the next instruction", () => {
    const text = `RUN <<EOF\ncurl -d "auth_token=$T" x\nEOF\nCOPY <<'CFG' /etc/app\ntoken=abc\nCFG\nENV A=1`;
    expect(lex(text)).toEqual([
      "ident:RUN",
      'string[heredoc]:curl -d "auth_token=$T" x',
      "punct:;",
      "ident:COPY",
      "string[bare]:/etc/app",
      "string[nowdoc]:token=abc",
      "punct:;",
      "ident:ENV",
      "ident:A",
      "punct:=",
      "string[bare]:1",
    ]);
    const [heredoc] = strings(text);
    expect(heredoc!.start).toBe(text.indexOf("<<"));
  });

  it("handles CRLF line ends", () => {
    expect(lex(`ENV A=1\r\nRUN echo \\\r\n  hi\r\n`)).toEqual(["ident:ENV", "ident:A", "punct:=", "string[bare]:1", "punct:;", "ident:RUN", "ident:echo", "ident:hi", "punct:;"]);
  });

  it("never throws on unterminated or odd input", () => {
    for (const text of [`RUN "abc`, `RUN <<EOF\nbody`, `ENV`, `ENV \\`, `RUN [`, `RUN ["a", "b`, `\\\n`, `RUN a \\`, `ONBUILD`, `123 x`, `RUN $(`, `ENV A \\\n`]) {
      expect(() => lex(text), text).not.toThrow();
    }
    expect(lex(`RUN <<EOF\nbody`)).toEqual(["ident:RUN", "string[heredoc]:body"]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `FROM x\nENV T=abc\nRUN y`;
    const start = text.indexOf("ENV");
    const end = text.indexOf("\nRUN");
    const result = lexDockerfile(text, start, end);
    assertRangesInside(text, result, start, end);
    expect(describeTokens(text, result)).toEqual(["ident:ENV", "ident:T", "punct:=", "string[bare]:abc"]);
    expect(result.tokens[0]).toMatchObject({ start });
    expect(lex(`RUN <<EOF\nabc\nEOF\n`, 0, 12)).toEqual(["ident:RUN", "string[heredoc]:ab"]);
  });

  it("survives random input over the characters that matter", () => {
    const alphabet = ["RUN ", "ENV ", "ARG ", "ONBUILD ", "\n", "\\\n", "\\", " ", "#", "<<A", "A\n", '"', "'", "[", "]", "$(", "${", "=", "x", "\r\n"];
    expectSurvivesRandomInput(lex, alphabet);
  });

  it("does work linear in the input on adversarial text (counted reads, no clock)", () => {
    const size = 1 << 20;
    const small = 1 << 16;
    const inputs = [
      `RUN "${"$(".repeat(size / 2)}`,
      `RUN a ${"\\\n".repeat(size / 2)}`,
      `RUN a \\\n${"# c\n".repeat(small / 4)}`,
      `RUN <<EOF\n${"$(x\n".repeat(size / 4)}`,
      `ENV A ${"x \\\n".repeat(size / 4)}`,
      "RUN <<A\n".repeat(size / 8),
      `RUN ${"<<A ".repeat(small / 4)}\n${"A\n".repeat(small / 4)}`,
      "ENV A=1\n".repeat(small / 8),
      `RUN [${'"a", '.repeat(small / 5)}]`,
    ];
    expectReadsBelow(lexDockerfile, inputs, 40);
  });
});
