// Where each token of a unit stands and which bracket encloses it, computed once
// per token array so that replacement writers asking per finding stay linear.

import type { Token } from "./tokens.js";

/**
 * Where each token stands and which bracket encloses it: computed once per token
 * array (a unit's tokens never change), so a file with thousands of findings
 * costs linear time, not a scan of the unit per finding.
 */
interface TokenFacts {
  indexOf: Map<Token, number>;
  /** The innermost bracket still open at each index; -1 when none. */
  opener: Int32Array;
}

const factsByTokens = new WeakMap<readonly Token[], TokenFacts>();

function factsOf(tokens: readonly Token[]): TokenFacts {
  let facts = factsByTokens.get(tokens);
  if (facts === undefined) {
    // A closer closes the innermost open bracket whatever its kind, as a backward scan counting depth would.
    const opener = new Int32Array(tokens.length);
    const open: number[] = [];
    tokens.forEach((token, index) => {
      opener[index] = open.length > 0 ? open[open.length - 1]! : -1;
      if (token.kind !== "punct") return;
      if (token.text === "(" || token.text === "[" || token.text === "{") open.push(index);
      else if (token.text === ")" || token.text === "]" || token.text === "}") open.pop();
    });
    facts = { indexOf: new Map(tokens.map((token, index) => [token, index])), opener };
    factsByTokens.set(tokens, facts);
  }
  return facts;
}

/** `tokens.indexOf(token)` without the scan. */
export function tokenIndex(tokens: readonly Token[], token: Token): number {
  return factsOf(tokens).indexOf.get(token) ?? -1;
}

/** The index of the innermost bracket still open at `tokens[index]`, if any. */
export function enclosingOpener(tokens: readonly Token[], index: number): number | undefined {
  const open = index >= 0 && index < tokens.length ? factsOf(tokens).opener[index]! : -1;
  return open < 0 ? undefined : open;
}

/** Whether `token` is the punctuator `text`. */
export function isPunct(token: Token, text: string): boolean {
  return token.kind === "punct" && token.text === text;
}
