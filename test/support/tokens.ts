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
