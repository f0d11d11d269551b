// Test helpers shared by every front end's tests: a compact, readable view of a
// token stream, the invariants every lexer promises, random input, and a measure
// of work (characters read) that does not depend on the machine's speed.
import { expect } from "vitest";
import type { LexResult, Lexer, StringToken, Token } from "../../src/languages/shared/tokens.js";

/** Renders each token as `kind:text`, strings as `string[quote]:content`, for snapshot-free assertions. */
export function describeTokens(text: string, result: LexResult): string[] {
  return result.tokens.map((token: Token) => {
    switch (token.kind) {
      case "string":
        return `string[${token.quote}${token.prefix ? `,${token.prefix}` : ""}]:${text.slice(token.contentStart, token.contentEnd)}`;
      case "comment":
        return `comment:${text.slice(token.contentStart, token.contentEnd).trim()}`;
      case "identifier":
        return `ident:${token.text}`;
      case "punct":
        return `punct:${token.text}`;
      case "number":
        return `number:${text.slice(token.start, token.end)}`;
    }
  });
}

/** Asserts the invariants every lexer promises: ranges inside the input, in order. */
export function assertRangesInside(text: string, result: LexResult, start = 0, end = text.length): void {
  let previousEnd = start;
  for (const token of result.tokens) {
    if (token.start < previousEnd || token.end > end || token.start > token.end) {
      throw new Error(`token ${token.kind} ${token.start}-${token.end} out of order or outside ${start}-${end}`);
    }
    previousEnd = token.end;
  }
}

/** Checks what assertRangesInside does not: each string's content lies inside it, and its parts tile the content in order. */
export function assertPartsCover(result: LexResult): void {
  for (const token of result.tokens) {
    if (token.kind !== "string") continue;
    if (token.contentStart < token.start || token.contentEnd > token.end || token.contentStart > token.contentEnd) {
      throw new Error(`string ${token.start}-${token.end} has content ${token.contentStart}-${token.contentEnd}`);
    }
    let at = token.contentStart;
    for (const part of token.parts) {
      if (part.start !== at || part.end < part.start) throw new Error(`part ${part.start}-${part.end} does not follow ${at}`);
      at = part.end;
    }
    if (at !== token.contentEnd) throw new Error(`parts end at ${at}, content at ${token.contentEnd}`);
  }
}

/** Lexes with `lexer`, asserts ranges and string parts (assertRangesInside, assertPartsCover), and describes the tokens. */
export function lexChecked(lexer: Lexer, text: string, start?: number, end?: number): string[] {
  const result = lexer(text, start, end);
  assertRangesInside(text, result, start, end);
  assertPartsCover(result);
  return describeTokens(text, result);
}

/** The string tokens of `result`, in order. */
export function stringTokens(result: LexResult): StringToken[] {
  return result.tokens.filter((token): token is StringToken => token.kind === "string");
}

/** A string's parts as `text` and `{name}` / `{}` (no name), with a fallback as `{name:-default}`. */
export function describeParts(text: string, token: StringToken): string[] {
  return token.parts.map((part) => {
    if (part.kind === "text") return text.slice(part.start, part.end);
    const fallback = part.fallback ? `:-${text.slice(part.fallback.start, part.fallback.end)}` : "";
    return `{${part.name ?? ""}${fallback}}`;
  });
}

// ---------------------------------------------------------------------------
// Random input

/** Deterministic pseudo-random text: `length` pieces drawn from `alphabet` (a 32-bit LCG). */
export function randomText(seed: number, length: number, alphabet: readonly string[]): string {
  let state = seed >>> 0;
  let out = "";
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += alphabet[(state >>> 8) % alphabet.length];
  }
  return out;
}

/**
 * Lexes 300 random texts of 80 pieces from `alphabet` (seeds 1…300), whole and over a
 * sub-range, through `lex`, which asserts what its file checks; none may throw.
 */
export function expectSurvivesRandomInput(lex: (text: string, start?: number, end?: number) => unknown, alphabet: readonly string[]): void {
  for (let seed = 1; seed <= 300; seed++) {
    const text = randomText(seed, 80, alphabet);
    expect(() => lex(text), JSON.stringify(text)).not.toThrow();
    const start = seed % 17;
    const end = Math.max(start, text.length - (seed % 13));
    expect(() => lex(text, start, end), JSON.stringify(text)).not.toThrow();
  }
}

/**
 * Random text over `alphabet` (300 texts of 1–60 characters, each lexed from a random
 * start): the lexer must not throw and must keep its range promises.
 */
export function fuzz(lexer: Lexer, alphabet: string): void {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let round = 0; round < 300; round++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    const start = Math.floor(random() * text.length);
    const result = lexer(text, start);
    assertRangesInside(text, result, start);
    for (const region of result.embedded) expect(region.start >= start && region.end <= text.length && region.start <= region.end).toBe(true);
    for (const token of result.tokens) {
      if (token.kind !== "string" && token.kind !== "comment") continue;
      expect(token.start <= token.contentStart && token.contentStart <= token.contentEnd && token.contentEnd <= token.end).toBe(true);
      if (token.kind === "string") for (const part of token.parts) expect(part.start >= token.contentStart && part.end <= token.contentEnd).toBe(true);
    }
  }
}

// ---------------------------------------------------------------------------
// Linear work, counted rather than timed

/** What one String method call costs in characters read, from its arguments and result. */
type Price = (args: unknown[], result: unknown) => number;

/**
 * Wraps `text` so that every character a lexer reads through it is counted: a measure
 * of work that does not depend on the machine's speed (or on what else it runs).
 * An indexed read, charCodeAt, codePointAt, charAt and at cost 1; startsWith and
 * endsWith the length compared; slice and substring the length copied; indexOf and lastIndexOf the
 * span searched. Any other method is charged the whole text, so that no unpriced
 * scan can hide a quadratic loop.
 */
export function countingText(text: string): { text: string; reads: () => number } {
  let reads = 0;
  const prices: Record<string, Price> = {
    charCodeAt: () => 1,
    codePointAt: () => 1,
    charAt: () => 1,
    at: () => 1,
    startsWith: (args) => String(args[0]).length,
    endsWith: (args) => String(args[0]).length,
    slice: (_args, result) => String(result).length,
    substring: (_args, result) => String(result).length,
    indexOf: (args, result) => {
      const from = typeof args[1] === "number" ? args[1] : 0;
      return typeof result === "number" && result >= 0 ? result - from + String(args[0]).length : text.length - from;
    },
    lastIndexOf: (args, result) => {
      const from = typeof args[1] === "number" ? Math.min(args[1], text.length) : text.length;
      return typeof result === "number" && result >= 0 ? from - result + String(args[0]).length : from + 1;
    },
  };
  // The hottest calls skip the generic wrapper's argument arrays.
  const wrappers = new Map<string | symbol, unknown>([
    [
      "charCodeAt",
      (index: number) => {
        reads++;
        return text.charCodeAt(index);
      },
    ],
    [
      "startsWith",
      (search: string, position?: number) => {
        reads += search.length;
        return text.startsWith(search, position);
      },
    ],
  ]);
  const proxy = new Proxy(new String(text), {
    get(_target, key) {
      if (key === "length") return text.length;
      if (typeof key === "string" && key.length > 0 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) {
        reads++;
        return text[Number(key)];
      }
      let wrapper = wrappers.get(key);
      if (wrapper === undefined) {
        const method: unknown = Reflect.get(String.prototype, key);
        if (typeof method !== "function") return method;
        // Own prices only: `prices.toString` is Object.prototype's, not a price.
        const price = typeof key === "string" && Object.hasOwn(prices, key) ? prices[key] : undefined;
        wrapper = (...args: unknown[]) => {
          const result: unknown = Reflect.apply(method, text, args);
          reads += price ? price(args, result) : text.length;
          return result;
        };
        wrappers.set(key, wrapper);
      }
      return wrapper;
    },
  });
  return { text: proxy as unknown as string, reads: () => reads };
}

/** Characters `lexer` reads to lex all of `text` (see countingText). */
export function readsFor(lexer: Lexer, text: string): number {
  const counted = countingText(text);
  lexer(counted.text);
  return counted.reads();
}

/** Reads per character stay flat from 100 KB to 1 MB (a quadratic lexer would read 10× more per character). */
export function expectLinear(lexer: Lexer, make: (size: number) => string): void {
  const readsPerChar = (size: number) => {
    const text = make(size);
    return readsFor(lexer, text) / text.length;
  };
  const small = readsPerChar(100_000);
  const large = readsPerChar(1_000_000);
  expect(large).toBeLessThan(small * 1.5 + 1);
  expect(large).toBeLessThan(20);
}

/** Each input is lexed within its ranges while reading fewer than `perCharacter` characters per input character. */
export function expectReadsBelow(lexer: Lexer, inputs: readonly string[], perCharacter: number): void {
  for (const input of inputs) {
    const counted = countingText(input);
    const result = lexer(counted.text);
    assertRangesInside(input, result);
    expect(counted.reads(), JSON.stringify(input.slice(0, 12))).toBeLessThan(perCharacter * input.length);
  }
}
