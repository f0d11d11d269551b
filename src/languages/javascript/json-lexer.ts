// Front end for JSON files: JavaScript's literal syntax (script-lexer.ts), and a
// string that holds JSON of its own written escaped (`"extra": "{\"auth_token\": \"…\"}"`
// in an Airflow connection, n8n parameters, a task definition's container
// overrides) is decoded and lexed as JSON too, positions mapped back to the file.

import { CharacterCodes } from "../shared/character-codes.js";
import { decodeJsonStrings } from "../shared/json-string.js";
import { indexOfWithin } from "../shared/scanner.js";
import { lexJavaScript } from "../shared/script-lexer.js";
import type { EmbeddedRegion, LexResult, StringToken } from "../shared/tokens.js";

export function lexJson(text: string, start = 0, end = text.length): LexResult {
  const result = lexJavaScript(text, start, end);
  const embedded: EmbeddedRegion[] = [];
  for (const token of result.tokens) {
    if (token.kind === "string" && token.quote === "double" && holdsEscapedJson(text, token)) {
      embedded.push({ language: "json", start: token.contentStart, end: token.contentEnd, decoded: decodeJsonStrings(text, [token]) });
    }
  }
  return { tokens: result.tokens, embedded: [...result.embedded, ...embedded] };
}

/** `"{\"k\": …}"` or `"[{\"k\": …}]"`: an object or array whose quotes are escaped. */
function holdsEscapedJson(text: string, token: StringToken): boolean {
  const first = text.charCodeAt(token.contentStart);
  if (first !== CharacterCodes.openBrace && first !== CharacterCodes.openBracket) return false;
  // The first key's quote comes within a few characters (`{\"`, `[{\"`, `{ \"`): looked for there only, so each string costs O(1).
  return indexOfWithin(text, '\\"', token.contentStart, Math.min(token.contentEnd, token.contentStart + 8)) >= 0;
}
