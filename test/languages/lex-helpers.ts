// Test helpers: a compact, readable view of a token stream.
import type { LexResult, Token } from "../../src/languages/tokens.js";

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
