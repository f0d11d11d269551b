// code-tokens.ts and first-not-before.ts: the small helpers the matcher calls per
// unit and per token, checked against the plain forms they replace.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withoutComments } from "../../../src/languages/shared/code-tokens.js";
import { firstAtOrAfter, firstNotBefore } from "../../../src/languages/shared/first-not-before.js";
import { lexJavaScript } from "../../../src/languages/shared/script-lexer.js";
import type { Token } from "../../../src/languages/shared/tokens.js";

describe("withoutComments", () => {
  it("leaves out exactly the comments, in order", () => {
    const { tokens } = lexJavaScript(`// a\nconst t = "v"; /* b */ f(t) // c\n`);
    expect(withoutComments(tokens)).toEqual(tokens.filter((token) => token.kind !== "comment"));
    expect(withoutComments(tokens).some((token) => token.kind === "comment")).toBe(false);
  });

  it("gives the array itself when it holds no comment, and never changes its argument", () => {
    const { tokens } = lexJavaScript(`const t = "v";`);
    expect(withoutComments(tokens)).toBe(tokens);
    const commented = lexJavaScript(`/* x */ a; // y`).tokens;
    const before = [...commented];
    expect(withoutComments(commented)).not.toBe(commented);
    expect(commented).toEqual(before);
  });

  it("agrees with a filter on any mix of tokens", () => {
    const token = fc.constantFrom<Token>(
      { kind: "comment", start: 0, end: 1, contentStart: 0, contentEnd: 1 },
      { kind: "identifier", start: 0, end: 1, text: "a" },
      { kind: "punct", start: 0, end: 1, text: "=" },
    );
    fc.assert(
      fc.property(fc.array(token), (tokens) => {
        expect(withoutComments(tokens)).toEqual(tokens.filter((t) => t.kind !== "comment"));
      }),
    );
  });
});

describe("firstAtOrAfter", () => {
  it("agrees with firstNotBefore on ascending offsets, in arrays and Int32Arrays", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000)), fc.integer({ min: -5, max: 1005 }), (values, sought) => {
        const sorted = values.sort((a, b) => a - b);
        const expected = firstNotBefore(sorted.length, (index) => sorted[index]! < sought);
        expect(firstAtOrAfter(sorted, sought)).toBe(expected);
        expect(firstAtOrAfter(Int32Array.from(sorted), sought)).toBe(expected);
      }),
    );
  });
});
