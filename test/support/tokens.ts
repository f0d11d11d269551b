// Deterministic fake tokens made at run time, so test sources hold no token-shaped literals
// (our own scan of this repository stays clean without ignoring test code).
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

export function fakeToken(seed: number, length = 32): string {
  let state = (seed * 2654435761 + 12345) >>> 0;
  let token = "";
  while (token.length < length) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    token += ALPHABET[(state >>> 8) % ALPHABET.length];
  }
  // Guarantee the mix of classes a real token has.
  return `${token.slice(0, length - 3)}Q7k`;
}

/**
 * The tokens (all of one length) that occur anywhere in `texts`, in time linear
 * in the texts: every window of that length is looked up in a set, instead of
 * searching each text once per token (16,000 tokens × a megabyte of output).
 */
export function tokensIn(tokens: readonly string[], ...texts: string[]): string[] {
  const length = tokens[0]?.length ?? 0;
  const sought = new Set(tokens);
  const found = new Set<string>();
  for (const text of texts) for (let start = 0; start + length <= text.length; start++) {
    const window = text.slice(start, start + length);
    if (sought.has(window)) found.add(window);
  }
  return tokens.filter((token) => found.has(token));
}
