// Front end for HTTP request files (VS Code REST Client and JetBrains HTTP Client:
// `.http`, `.rest`): `@name = value` file variables, `#`/`//` comments and `###`
// separators, request lines, `Name: value` headers and bodies, where `{{name}}`
// reads a variable. A value defined once and sent as `auth_token={{name}}` is a
// flow like any other, so variables are identifiers and `{{…}}` interpolations.

import { CharacterCodes } from "../shared/character-codes.js";
import {
  BracketBudget,
  bareString,
  type Interpolation,
  findLineEnd,
  interpolatedParts,
  isPlainIdentChar,
  isPlainIdentStart,
  nextLine,
  plainName,
  scanLineComment,
  skipSpaces,
  skipWhile,
  trimEnd,
} from "../shared/scanner.js";
import type { LexResult, StringToken, Token } from "../shared/tokens.js";

/** `{{name}}`; `{{$dotenv NAME}}` and other system variables carry no plain name. Looked through within the pass's budget. */
function variableInterpolation(budget: BracketBudget): readonly Interpolation[] {
  return [
    {
      trigger: CharacterCodes.openBrace,
      scan: (text, pos, end) => {
        if (pos + 1 >= end || text.charCodeAt(pos + 1) !== CharacterCodes.openBrace) return undefined;
        const close = budget.until(pos + 2, end, (code) => code === CharacterCodes.closeBrace);
        if (close < 0 || close + 1 >= end || text.charCodeAt(close + 1) !== CharacterCodes.closeBrace) return undefined;
        return { kind: "interpolation", start: pos, end: close + 2, name: plainName(text.slice(pos + 2, close)) };
      },
    },
  ];
}

/** No escape character: `\` is literal in these files. */
const NO_ESCAPE = -1;

function isHeaderNameChar(code: number): boolean {
  return isPlainIdentChar(code) || code === CharacterCodes.minus;
}

export function lexHttp(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  const interpolation = variableInterpolation(new BracketBudget(text, start, end));
  const value = (from: number, to: number): StringToken => bareString(from, to, interpolatedParts(text, from, to, NO_ESCAPE, interpolation));
  let pos = start;
  while (pos < end) {
    const lineEnd = findLineEnd(text, pos, end);
    const first = skipSpaces(text, pos, lineEnd);
    pos = nextLine(text, lineEnd, end);
    if (first === lineEnd) continue;
    const code = text.charCodeAt(first);
    if (code === CharacterCodes.hash || (code === CharacterCodes.slash && first + 1 < lineEnd && text.charCodeAt(first + 1) === CharacterCodes.slash)) {
      tokens.push(scanLineComment(text, first, lineEnd, code === CharacterCodes.hash ? 1 : 2));
      continue;
    }
    const last = trimEnd(text, first, lineEnd);
    // `@name = value`: a file variable.
    if (code === CharacterCodes.at && first + 1 < lineEnd && isPlainIdentStart(text.charCodeAt(first + 1))) {
      const nameEnd = skipWhile(text, first + 1, lineEnd, isPlainIdentChar);
      const equals = skipSpaces(text, nameEnd, lineEnd);
      if (equals < lineEnd && text.charCodeAt(equals) === CharacterCodes.equals) {
        tokens.push({ kind: "identifier", start: first + 1, end: nameEnd, text: text.slice(first + 1, nameEnd) });
        tokens.push({ kind: "punct", start: equals, end: equals + 1, text: "=" });
        const valueStart = skipSpaces(text, equals + 1, lineEnd);
        if (valueStart < last) tokens.push(value(valueStart, last));
        continue;
      }
    }
    // `Name: value`: a header (a request line has a space before any colon).
    const nameEnd = skipWhile(text, first, lineEnd, isHeaderNameChar);
    if (nameEnd > first && nameEnd < lineEnd && text.charCodeAt(nameEnd) === CharacterCodes.colon && isPlainIdentStart(code)) {
      tokens.push({ kind: "identifier", start: first, end: nameEnd, text: text.slice(first, nameEnd) });
      tokens.push({ kind: "punct", start: nameEnd, end: nameEnd + 1, text: ":" });
      const valueStart = skipSpaces(text, nameEnd + 1, lineEnd);
      if (valueStart < last) tokens.push(value(valueStart, last));
      continue;
    }
    // A request line or a body line: its `key=value` pairs and JSON are read inside the text.
    tokens.push(value(first, last));
  }
  return { tokens, embedded: [] };
}
