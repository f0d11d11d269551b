// Front end for justfiles: settings, variables and expressions at the top level
// (`export K := env_var_or_default("K", "…")`, read with the JavaScript lexer,
// whose strings and calls read alike), `#` comment lines, and each recipe's
// indented body as a shell region.

import { CharacterCodes } from "../shared/character-codes.js";
import { findLineEnd, nextLine, scanLineComment, skipSpaces } from "../shared/scanner.js";
import { lexJavaScript } from "../shared/script-lexer.js";
import type { EmbeddedRegion, LexResult, Token } from "../shared/tokens.js";

export function lexJust(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  const embedded: EmbeddedRegion[] = [];
  /** Where the recipe body being read starts; -1 outside one. */
  let body = -1;
  for (let pos = start; pos < end; ) {
    const lineEnd = findLineEnd(text, pos, end);
    const first = skipSpaces(text, pos, lineEnd);
    if (first < lineEnd && first > pos) {
      if (body < 0) body = pos;
    } else if (first < lineEnd) {
      if (body >= 0) embedded.push({ language: "shell", start: body, end: pos });
      body = -1;
      if (text.charCodeAt(first) === CharacterCodes.hash) tokens.push(scanLineComment(text, first, lineEnd, 1));
      else pushExpressionLine(tokens, text, first, lineEnd);
    }
    pos = nextLine(text, lineEnd, end);
  }
  if (body >= 0) embedded.push({ language: "shell", start: body, end });
  return { tokens, embedded };
}

/** A top-level line's tokens, with just's `:=` as one operator. */
function pushExpressionLine(tokens: Token[], text: string, start: number, end: number): void {
  for (const token of lexJavaScript(text, start, end).tokens) {
    const previous = tokens.at(-1);
    if (token.kind === "punct" && token.text === "=" && previous?.kind === "punct" && previous.text === ":" && previous.end === token.start) {
      tokens[tokens.length - 1] = { kind: "punct", start: previous.start, end: token.end, text: ":=" };
    } else tokens.push(token);
  }
}
