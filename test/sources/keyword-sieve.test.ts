import { describe, expect, it } from "vitest";
import { defaultDetection } from "../../src/catalog.js";
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
});
