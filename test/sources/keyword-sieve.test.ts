import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultDetection } from "../../src/catalog.js";
import { anyOf } from "../../src/detect/rule.js";
import { KeywordSieve } from "../../src/sources/keyword-sieve.js";

const bytes = (text: string): Buffer => Buffer.from(text, "utf8");

describe("KeywordSieve", () => {
  it("agrees with the detector's own prefilter on the words every match needs", () => {
    const detection = defaultDetection();
    const sieve = new KeywordSieve(detection.requiredWords);
    for (const text of ["const a = 1;", "auth_token=", "X-Auth-TOKEN", "tokenizer", "tok en", "ｔｏｋｅｎ", "to\u00adken"]) {
      const needed = detection.requiredWords.some((word) => text.toLowerCase().includes(word));
      expect(sieve.mayMatch(bytes(text)), text).toBe(needed);
    }
  });

  it("never lets a non-ASCII byte sequence stand in for an ASCII letter", () => {
    // U+212A KELVIN SIGN upper-cases like K in Unicode case folding; the detector's /i does not fold it.
    const sieve = new KeywordSieve(["token"]);
    expect(sieve.mayMatch(bytes("to\u212Aen"))).toBe(/token/i.test("to\u212Aen"));
    expect(sieve.mayMatch(bytes("to\u212Aen"))).toBe(false);
  });

  it("decodes as UTF-8 when a required word is not ASCII", () => {
    const sieve = new KeywordSieve(["clé"]);
    expect(sieve.mayMatch(bytes("API_CLÉ = 1"))).toBe(true);
    expect(sieve.mayMatch(bytes("api_cle = 1"))).toBe(false);
  });

  it("rejects everything when there are no words (every rule disabled)", () => {
    expect(new KeywordSieve([]).mayMatch(bytes("auth_token = 1"))).toBe(false);
  });

  it("says what the detector's case-insensitive pattern says of the decoded bytes, for any ASCII words and any bytes", () => {
    // Bytes built from the words' own letters in either case, their neighbours in the
    // ASCII table (the case bit flipped on non-letters: @ and `, [ and {), and any byte.
    const wordArb = fc.stringMatching(/^[ -~]{1,6}$/);
    fc.assert(
      fc.property(fc.array(wordArb, { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), fc.infiniteStream(fc.nat()), (words, noise, picks) => {
        const letters = [...words.join("")].flatMap((char) => [char, char.toUpperCase(), String.fromCharCode(char.charCodeAt(0) ^ 0x20)]);
        const built: number[] = [];
        for (const byte of noise) {
          built.push(byte);
          const word = words[picks.next().value % words.length]!;
          if (byte % 3 === 0) for (const char of word) built.push((picks.next().value % 2 === 0 ? char : letters[picks.next().value % letters.length]!).charCodeAt(0) & 0xff);
        }
        const bytes = Buffer.from(built);
        expect(new KeywordSieve(words).mayMatch(bytes)).toBe(anyOf(words).test(bytes.toString("latin1")));
      }),
      { numRuns: 500 },
    );
  });

  it("searches a file of nothing but the anchor letter in time linear in its length", () => {
    // Every byte starts a near miss ("kkkkk" for "token"): each is one native search and one short comparison.
    const sieve = new KeywordSieve(["token"]);
    const reads = (length: number): number => {
      let count = 0;
      const bytes = new Proxy(Buffer.alloc(length, "k"), {
        get(target, key) {
          if (typeof key === "string" && /^\d+$/.test(key)) count++;
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      expect(sieve.mayMatch(bytes)).toBe(false);
      return count;
    };
    const small = reads(1000);
    expect(small).toBeGreaterThan(0);
    expect(reads(8000)).toBeLessThan(9 * small);
  });
});

