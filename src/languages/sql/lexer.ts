// Front end for SQL scripts (seeds, migrations, dumps): `'…'` strings with `''`
// escapes, `"…"` and backtick quoted names (as strings), `--` and `/* */` comments,
// identifiers, numbers and operators. Dialect details (dollar quoting, `E'…'`)
// lex as punctuation and names around them, which only costs those values.

import { CharacterCodes } from "../shared/character-codes.js";
import { isIdentStart, isLineBreak, isSpace, operatorMatcher, pushNumberOrOperator, pushToken, scanBlockComment, scanDoubledQuote, scanLineComment, skipIdentChars } from "../shared/scanner.js";
import type { LexResult, Token } from "../shared/tokens.js";

const operatorAt = operatorMatcher(["<>", "!=", "<=", ">=", "::", ":=", "||"]);

export function lexSql(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  let pos = start;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isSpace(code) || isLineBreak(code)) {
      pos++;
      continue;
    }
    if (code === CharacterCodes.minus && text.charCodeAt(pos + 1) === CharacterCodes.minus && pos + 1 < end) {
      let lineEnd = pos;
      while (lineEnd < end && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
      tokens.push(scanLineComment(text, pos, lineEnd, 2));
      pos = lineEnd;
      continue;
    }
    if (code === CharacterCodes.slash && text.charCodeAt(pos + 1) === CharacterCodes.asterisk && pos + 1 < end) {
      const comment = scanBlockComment(text, pos, end, "/*", "*/");
      tokens.push(comment);
      pos = comment.end;
      continue;
    }
    if (code === CharacterCodes.singleQuote || code === CharacterCodes.doubleQuote || code === CharacterCodes.backtick) {
      // `"name"` and `` `name` `` are quoted names, emitted as strings too: the matcher reads a name-like string as a name.
      pos = pushToken(tokens, scanDoubledQuote(text, pos, end));
      continue;
    }
    if (isIdentStart(code)) {
      const wordEnd = skipIdentChars(text, pos + 1, end);
      tokens.push({ kind: "identifier", start: pos, end: wordEnd, text: text.slice(pos, wordEnd) });
      pos = wordEnd;
      continue;
    }
    pos = pushNumberOrOperator(tokens, text, pos, end, operatorAt, false);
  }
  return { tokens, embedded: [] };
}
