// A unit's code and its comments, apart: the matchers, the value flow and the
// replacement writers walk the code; the matcher reads the comments once more.

import type { CommentToken, Token } from "./tokens.js";

/**
 * `tokens` split into code and comments, each in order, in one pass. `code` is
 * `tokens` itself when there is no comment (most nested units, many files), so
 * callers must not change it.
 */
export function splitComments(tokens: readonly Token[]): { code: readonly Token[]; comments: readonly CommentToken[] } {
  let code: Token[] | undefined;
  const comments: CommentToken[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === "comment") {
      code ??= tokens.slice(0, index);
      comments.push(token);
    } else code?.push(token);
  }
  return { code: code ?? tokens, comments };
}

/** `tokens` without comments (see splitComments). */
export function withoutComments(tokens: readonly Token[]): readonly Token[] {
  return splitComments(tokens).code;
}
