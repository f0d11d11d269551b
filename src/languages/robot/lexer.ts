// Front end for Robot Framework data (`.robot`, `.resource`): lines of cells split
// by two or more spaces, a tab, or ` | `. A variable table row `${NAME}    value`
// and a keyword row `Set Suite Variable    ${NAME}    value` read as `NAME = value`;
// every other cell is a bare string whose `${x}`, `@{x}`, `&{x}` and `%{ENV}` are
// interpolations (`%{ENV=default}` with its default as a fallback).

import { CharacterCodes } from "../shared/character-codes.js";
import { appendInterpolation, appendText, bareString, findLineEnd, indexOfWithin, isBlankOrCR, isLineBreak, nextLine, scanLineComment } from "../shared/scanner.js";
import type { InterpolationPart, LexResult, StringPart, Token } from "../shared/tokens.js";

/** A cell: its range on the line. */
interface Cell {
  start: number;
  end: number;
}

/** `${NAME}`, `${NAME}=`, `${NAME} =`: a scalar, list or dictionary variable cell; group 1 is the name. */
const VARIABLE_CELL = /^[$@&]\{([^{}]+)\}\s*=?$/;
/** Keywords whose arguments are a variable and its value. */
const SETTERS = /^set (?:global|suite|test|task|local) variable$/i;
/** The keyword that returns its argument: `${t}=    Set Variable    value`. */
const SET_VARIABLE = /^set variable$/i;

export function lexRobot(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  let section = "";
  for (let lineStart = start; lineStart < end; ) {
    const lineEnd = findLineEnd(text, lineStart, end);
    const cells = cellsOf(text, lineStart, lineEnd);
    // A section header: `*** Variables ***`.
    const header = cells.length > 0 && text.charCodeAt(cells[0]!.start) === CharacterCodes.asterisk;
    if (header) section = text.slice(cells[0]!.start, cells[0]!.end).replaceAll("*", "").trim().toLowerCase();
    else if (section === "comments" || section === "comment") {
      if (cells.length > 0) tokens.push(scanLineComment(text, cells[0]!.start, lineEnd, 0));
    } else lexRow(text, cells, section.startsWith("variable"), tokens, lineEnd);
    lineStart = nextLine(text, lineEnd, end);
  }
  return { tokens, embedded: [] };
}

/** The tokens of one row: a variable bound to the value cell after it, the rest as strings; a `#` cell comments out the rest of the line. */
function lexRow(text: string, cells: readonly Cell[], variableTable: boolean, tokens: Token[], lineEnd: number): void {
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index]!;
    if (text.charCodeAt(cell.start) === CharacterCodes.hash) {
      tokens.push(scanLineComment(text, cell.start, lineEnd, 1));
      return;
    }
    const content = text.slice(cell.start, cell.end);
    const variable = VARIABLE_CELL.exec(content);
    const following = cells[index + 1];
    const binds =
      variable !== null &&
      following !== undefined &&
      ((variableTable && index === 0) ||
        content.trimEnd().endsWith("=") ||
        // The `=` of an assignment is optional: `${t}    Set Variable    value`.
        (index === 0 && SET_VARIABLE.test(text.slice(following.start, following.end))) ||
        (index > 0 && SETTERS.test(text.slice(cells[index - 1]!.start, cells[index - 1]!.end))));
    if (!binds) {
      tokens.push(cellString(text, cell));
      continue;
    }
    const nameStart = cell.start + 2;
    tokens.push({ kind: "identifier", start: nameStart, end: nameStart + variable[1]!.length, text: variable[1]! });
    // The gap up to the value stands for the `=` a variable table leaves out.
    tokens.push({ kind: "punct", start: nameStart + variable[1]!.length, end: following.start, text: "=" });
    // `${t}=    Set Variable    value`: the keyword only passes the value on.
    if (SET_VARIABLE.test(text.slice(following.start, following.end))) index++;
  }
}

/** A cell as a bare string with its variables as interpolations. */
function cellString(text: string, cell: Cell): Token {
  const parts: StringPart[] = [];
  let textStart = cell.start;
  for (let pos = cell.start; pos < cell.end - 1; pos++) {
    const code = text.charCodeAt(pos);
    if (code === CharacterCodes.backslash) {
      pos++;
      continue;
    }
    const sigil = code === CharacterCodes.dollar || code === CharacterCodes.at || code === CharacterCodes.ampersand || code === CharacterCodes.percent;
    if (!sigil || text.charCodeAt(pos + 1) !== CharacterCodes.openBrace) continue;
    const close = indexOfWithin(text, "}", pos + 2, cell.end);
    if (close < 0) break;
    const part: InterpolationPart = { kind: "interpolation", start: pos, end: close + 1, name: text.slice(pos + 2, close) };
    // `%{NAME=default}`: an environment variable with a hardcoded default.
    const equals = code === CharacterCodes.percent ? indexOfWithin(text, "=", pos + 2, close) : -1;
    if (equals >= 0) Object.assign(part, { name: text.slice(pos + 2, equals), fallback: { start: equals + 1, end: close } });
    pos = textStart = appendInterpolation(parts, textStart, part);
    pos--;
  }
  appendText(parts, textStart, cell.end);
  return bareString(cell.start, cell.end, parts);
}

/** The cells of `lineStart..lineEnd`: runs split by a tab, two blanks, or a ` | ` separator (the pipe format). */
function cellsOf(text: string, lineStart: number, lineEnd: number): Cell[] {
  const cells: Cell[] = [];
  let cellStart = -1;
  let lastNonBlank = -1;
  for (let pos = lineStart; pos <= lineEnd; pos++) {
    const code = pos < lineEnd ? text.charCodeAt(pos) : CharacterCodes.lineFeed;
    const blank = isBlankOrCR(code) || isLineBreak(code);
    const pipe = code === CharacterCodes.bar && (pos === lineStart || isBlankOrCR(text.charCodeAt(pos - 1))) && (pos + 1 >= lineEnd || isBlankOrCR(text.charCodeAt(pos + 1)));
    const separates = blank && (code !== CharacterCodes.space || pos + 1 >= lineEnd || isBlankOrCR(text.charCodeAt(pos + 1)));
    if (cellStart >= 0 && (separates || pipe)) {
      cells.push({ start: cellStart, end: lastNonBlank + 1 });
      cellStart = -1;
    }
    if (!blank && !pipe) {
      if (cellStart < 0) cellStart = pos;
      lastNonBlank = pos;
    }
  }
  return cells;
}
