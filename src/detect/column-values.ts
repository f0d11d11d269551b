// Values bound to a column by position: `INSERT INTO t (slug, auth_token) VALUES
// ('a', '…'), ('b', '…')`. The key names a column of the list before VALUES; the
// literal at the same position of each row is its value. Read only at a key
// token inside a parenthesised list, and each row once per key column.

import type { StringToken } from "../languages/shared/tokens.js";
import type { CodeView } from "./code-view.js";

/** How many columns a list may have, and how many tokens a row may take. */
const MAX_COLUMNS = 64;
const MAX_ROW_TOKENS = 400;
/** How many rows of one statement are read. */
const MAX_ROWS = 1000;

/** The literals the rows after `VALUES` hold at the position of the column named at `index`; empty when it names none. */
export function columnValues(view: CodeView, index: number): StringToken[] {
  const position = columnPosition(view, index);
  if (position === undefined) return [];
  const close = view.closingBracket(position.open, MAX_COLUMNS * 2 + 2);
  const keyword = close === undefined ? undefined : view.identAt(close + 1)?.toLowerCase();
  if (close === undefined || (keyword !== "values" && keyword !== "value")) return [];
  const found: StringToken[] = [];
  for (let row = close + 2, rows = 0; view.punctAt(row) === "(" && rows < MAX_ROWS; rows++) {
    const rowClose = view.closingBracket(row, MAX_ROW_TOKENS);
    if (rowClose === undefined) break;
    const literal = elementAt(view, row, rowClose, position.column);
    if (literal) found.push(literal);
    if (view.punctAt(rowClose + 1) !== ",") break;
    row = rowClose + 2;
  }
  return found;
}

/** The `(` of the name list holding the name at `index`, and the name's position in it: names (`"quoted"` too) and commas only. */
function columnPosition(view: CodeView, index: number): { open: number; column: number } | undefined {
  let column = 0;
  for (let probe = index - 1; probe >= 0 && index - probe <= MAX_COLUMNS * 2; probe--) {
    const text = view.punctAt(probe);
    if (text === "(") return { open: probe, column };
    if (text === ",") column++;
    else if (text !== undefined || (view.identAt(probe) === undefined && view.code[probe]?.kind !== "string")) return undefined;
  }
  return undefined;
}

/** The plain literal that is the whole `column`-th element of the row between `open` and `close`. */
function elementAt(view: CodeView, open: number, close: number, column: number): StringToken | undefined {
  let element = 0;
  let depth = 0;
  let start = open + 1;
  for (let probe = open + 1; probe <= close; probe++) {
    const text = view.punctAt(probe);
    if (probe < close && (text === "(" || text === "[" || text === "{")) depth++;
    else if (probe < close && (text === ")" || text === "]" || text === "}")) depth--;
    else if (depth === 0 && (text === "," || probe === close)) {
      if (element === column) return probe === start + 1 ? view.literalAt(start) : undefined;
      element++;
      start = probe + 1;
    }
  }
  return undefined;
}
