// Property-based tests of every front end (issue 8): arbitrary and mutated input,
// lexed whole and over random sub-ranges, never throws and keeps the token contract
// of src/languages/tokens.ts. Seeds are fixed so CI is deterministic.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lexSource, type LexedUnit } from "../../src/languages/lex-source.js";
import { FENCE_LANGUAGES, LANGUAGES as DEFINITIONS } from "../../src/languages/registry.js";
import type { LanguageId, LexResult } from "../../src/languages/shared/tokens.js";
import { applyMutation, arbitraryTextArb, contractViolations, fixturesFor, mutationArb, HOSTILE_PIECES, pieceArb, rangeOf, runs, show, unitViolations } from "./support.js";

const LANGUAGES: LanguageId[] = DEFINITIONS.map((language) => language.id);
/** Each language's front end as lexSource calls it (with the registry's fence names). */
const LEXERS = Object.fromEntries(
  DEFINITIONS.map((language) => [language.id, (text: string, start?: number, end?: number): LexResult => language.lex(text, start, end, FENCE_LANGUAGES)]),
) as Record<LanguageId, (text: string, start?: number, end?: number) => LexResult>;

/** A language-dependent but fixed seed, so each lexer explores its own inputs yet CI repeats them. */
function seedOf(language: LanguageId, salt: number): number {
  let hash = salt;
  for (let index = 0; index < language.length; index++) hash = (Math.imul(hash, 31) + language.charCodeAt(index)) | 0;
  return hash;
}

/** Arbitrary text and two free numbers for a sub-range. */
const arbitraryCase = fc.record({ text: arbitraryTextArb, a: fc.nat(), b: fc.nat() });

/** A clean fixture of the language, edited by up to 8 random mutations, and a sub-range. */
function mutatedCase(language: LanguageId) {
  const fixtures = fixturesFor(language);
  return fc.record({
    fixture: fc.integer({ min: 0, max: fixtures.length - 1 }),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 8 }),
    a: fc.nat(),
    b: fc.nat(),
  }).map(({ fixture, mutations, a, b }) => {
    const source = fixtures[fixture]!;
    return { from: source.path, text: mutations.reduce(applyMutation, source.text), a, b };
  });
}

/**
 * Whole lines of the language's clean fixtures in random order, interleaved with
 * hostile fragments: heredoc openers without bodies, fences without closers, a
 * `run: |` with a Python line under it.
 */
function shuffledCase(language: LanguageId) {
  const lines = fixturesFor(language).flatMap((fixture) => fixture.text.split(/(?<=\n)/));
  return fc.record({
    text: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...lines) }, { weight: 2, arbitrary: pieceArb }), { maxLength: 40 }).map((parts) => parts.join("")),
    a: fc.nat(),
    b: fc.nat(),
  });
}

/** Whole text and a tail from a random start (end = the text's end), or a [start, end) window. */
type Mode = "whole" | "window";

/** Lexes in `mode`; any broken promise fails with the text and the range. */
function checkLexer(language: LanguageId, mode: Mode, text: string, a: number, b: number): void {
  const lexer = LEXERS[language];
  const { start, end } = rangeOf(text.length, a, b);
  const calls: [string, () => LexResult, number, number][] =
    mode === "whole"
      ? [
          ["whole text", () => lexer(text), 0, text.length],
          [`from ${start}`, () => lexer(text, start), start, text.length],
        ]
      : [[`range ${start}-${end}`, () => lexer(text, start, end), start, end]];
  for (const [label, call, from, to] of calls) {
    let result: LexResult;
    try {
      result = call();
    } catch (error) {
      throw new Error(`${language} lexer threw (${label}) on ${show(text)}: ${String(error)}`);
    }
    const problems = contractViolations(text, result, from, to);
    if (problems.length > 0) throw new Error(`${language} lexer (${label}) on ${show(text)}:\n  ${problems.slice(0, 5).join("\n  ")}`);
  }
}

function checkLexSource(language: LanguageId, text: string, from: number, to: number): void {
  let units: LexedUnit[];
  try {
    units = lexSource(text, language, from, to);
  } catch (error) {
    throw new Error(`lexSource(${language}, ${from}-${to}) threw on ${show(text)}: ${String(error)}`);
  }
  expect(units[0]?.language).toBe(language);
  const problems = unitViolations(text, units, from, to);
  if (problems.length > 0) throw new Error(`lexSource(${language}, ${from}-${to}) on ${show(text)}:\n  ${problems.slice(0, 5).join("\n  ")}`);
}

/**
 * Known boundary cases, always run first: a comment marker or a closing quote cut
 * in two by the window's end.
 */
const WINDOW_EXAMPLES: [{ text: string; a: number; b: number }][] = [
  [{ text: "//", a: 0, b: 1 }],
  [{ text: "/*", a: 0, b: 1 }],
  [{ text: '"""a"""', a: 0, b: 6 }],
  [{ text: "'''a'''", a: 0, b: 6 }],
  [{ text: "<!--", a: 0, b: 2 }],
  [{ text: "<#", a: 0, b: 1 }],
];

/** Each hostile fragment alone, before text, inside a line and doubled: every window of these is lexed. */
const FRAGMENT_TEXTS = HOSTILE_PIECES.flatMap((piece) => [piece, `${piece}ab`, `a ${piece}\nb`, `${piece}${piece}`]);

describe.each(LANGUAGES)("%s lexer", (language) => {
  it("keeps the token contract over every [start, end) window of every hostile fragment", () => {
    const lexer = LEXERS[language];
    const problems: string[] = [];
    for (const text of FRAGMENT_TEXTS) {
      for (let start = 0; start <= text.length; start++) {
        for (let end = start; end <= text.length; end++) {
          let found: string[];
          try {
            found = contractViolations(text, lexer(text, start, end), start, end);
          } catch (error) {
            found = [`threw ${String(error)}`];
          }
          if (found.length > 0 && problems.length < 10) problems.push(`${show(text)} ${start}-${end}: ${found[0]}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("keeps the token contract on arbitrary strings (whole text, and from a random start)", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ text, a, b }) => checkLexer(language, "whole", text, a, b)),
      { seed: seedOf(language, 1), numRuns: runs(300) },
    );
  });

  it("keeps the token contract on arbitrary strings over random [start, end) windows", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ text, a, b }) => checkLexer(language, "window", text, a, b)),
      { seed: seedOf(language, 2), numRuns: runs(300), examples: WINDOW_EXAMPLES },
    );
  });

  it("keeps the token contract on mutated clean fixtures (unbalanced quotes, heredocs, fences, mixed line ends, NUL, surrogates)", () => {
    fc.assert(
      fc.property(mutatedCase(language), ({ text, a, b }) => checkLexer(language, "whole", text, a, b)),
      { seed: seedOf(language, 3), numRuns: runs(150) },
    );
  });

  it("keeps the token contract on mutated clean fixtures and shuffled lines over random [start, end) windows", () => {
    fc.assert(
      fc.property(fc.oneof(mutatedCase(language), shuffledCase(language)), ({ text, a, b }) => checkLexer(language, "window", text, a, b)),
      { seed: seedOf(language, 4), numRuns: runs(150) },
    );
  });

  it("keeps the token contract on shuffled fixture lines mixed with hostile fragments", () => {
    fc.assert(
      fc.property(shuffledCase(language), ({ text, a, b }) => checkLexer(language, "whole", text, a, b)),
      { seed: seedOf(language, 5), numRuns: runs(100) },
    );
  });

  it("is deterministic: the same input lexes to the same tokens", () => {
    fc.assert(
      fc.property(mutatedCase(language), ({ text, a, b }) => {
        const { start, end } = rangeOf(text.length, a, b);
        expect(LEXERS[language](text, start, end)).toEqual(LEXERS[language](text, start, end));
      }),
      { seed: seedOf(language, 6), numRuns: runs(30) },
    );
  });

  it("lexSource follows embedded regions and keeps every unit inside the whole text", () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryCase, mutatedCase(language), shuffledCase(language)), ({ text }) => checkLexSource(language, text, 0, text.length)),
      { seed: seedOf(language, 7), numRuns: runs(150) },
    );
  });

  it("lexSource keeps every unit inside a random [start, end) window", () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryCase, mutatedCase(language), shuffledCase(language)), ({ text, a, b }) => {
        const { start, end } = rangeOf(text.length, a, b);
        checkLexSource(language, text, start, end);
      }),
      { seed: seedOf(language, 8), numRuns: runs(150), examples: WINDOW_EXAMPLES },
    );
  });
});
