// word-spans.ts: every occurrence of the last words, overlapping ones too, from
// either of its two patterns, checked against a plain scan of every offset.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spansOf } from "../../src/detect/word-spans.js";

/** At each offset, the shortest word that starts there (ASCII case ignored): what spansOf promises, the slow way. */
function everyOffset(text: string, words: readonly string[]): { starts: number[]; ends: number[] } {
  const byLength = [...words].sort((a, b) => a.length - b.length);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let at = 0; at < text.length; at++) {
    const word = byLength.find((candidate) => text.slice(at, at + candidate.length).toLowerCase() === candidate.toLowerCase());
    if (word === undefined) continue;
    starts.push(at);
    ends.push(at + word.length);
  }
  return { starts, ends };
}

describe("spansOf", () => {
  it.each([
    ["one word, in any case", ["token"], "a TOKEN, a Token and a tokentoken"],
    ["words that may overlap: one ends as the other starts", ["secret", "token"], "secretoken secret token"],
    ["a word inside another", ["token", "oken"], "token oken"],
    ["a word that overlaps itself", ["abab"], "ababab"],
    ["a word and its plural: the shorter wins at an offset", ["tokens", "token"], "tokens"],
  ])("%s", (_name, words, text) => {
    expect(spansOf(text, words)).toEqual(everyOffset(text, words));
  });

  it("agrees with a scan of every offset on any text and word list", () => {
    const letter = fc.constantFrom("a", "b", "A", "B", "_", "é");
    const word = fc.array(letter, { minLength: 1, maxLength: 4 }).map((letters) => letters.join(""));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), fc.array(letter, { maxLength: 40 }), (words, letters) => {
        const unique = [...new Set(words.map((w) => w.toLowerCase()))];
        expect(spansOf(letters.join(""), unique)).toEqual(everyOffset(letters.join(""), unique));
      }),
      { numRuns: 500 },
    );
  });
});
