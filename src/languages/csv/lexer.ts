// Front end for delimited tables (CSV, TSV and their kin): RFC 4180 records
// whose fields may be quoted (`"a ""b"" c"`, line breaks inside the quotes),
// with the delimiter sniffed from the header record. Every non-empty field is a
// string token; the records form one table whose first record is the header,
// whose cells src/detect/table-cells.ts binds by column.

import { CharacterCodes } from "../shared/character-codes.js";
import { bareString, isLineBreak, isSpace, nextLine, scanDoubledQuote, skipWhile, trimEnd } from "../shared/scanner.js";
import type { LexResult, StringToken, Token } from "../shared/tokens.js";

/** The delimiters a header is sniffed for; on a tie the earlier one wins. */
const DELIMITERS = [CharacterCodes.comma, CharacterCodes.tab, CharacterCodes.semicolon, CharacterCodes.bar] as const;

type Cell = StringToken | undefined;

export function lexCsv(text: string, start = 0, end = text.length): LexResult {
  const delimiter = sniffDelimiter(text, start, end);
  const tokens: Token[] = [];
  const records: Cell[][] = [];
  let pos = start;
  while (pos < end) {
    const record: Cell[] = [];
    pos = readRecord(text, pos, end, delimiter, record, tokens);
    // A blank line is no record.
    if (record.some((cell) => cell !== undefined)) records.push(record);
  }
  const [header, ...rows] = records;
  return { tokens, embedded: [], tables: header === undefined ? [] : [{ header, rows }] };
}

/**
 * The delimiter that occurs most often outside quotes in the first record (the
 * header names every column, so it holds one fewer delimiter than columns).
 */
function sniffDelimiter(text: string, start: number, end: number): number {
  const counts = new Map<number, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  // Blank lines before the header do not end it.
  let inHeader = false;
  for (let pos = start; pos < end; pos++) {
    const code = text.charCodeAt(pos);
    if (code === CharacterCodes.doubleQuote) quoted = !quoted;
    if (quoted || code === CharacterCodes.doubleQuote) {
      inHeader = true;
      continue;
    }
    if (isLineBreak(code)) {
      if (inHeader) break;
      continue;
    }
    if (!isSpace(code)) inHeader = true;
    const count = counts.get(code);
    if (count !== undefined) counts.set(code, count + 1);
  }
  let best: number = CharacterCodes.comma;
  for (const delimiter of DELIMITERS) if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}

/** Reads the record at `pos` into `record` (a cell per field), pushing its fields' tokens; returns where the next record starts. */
function readRecord(text: string, pos: number, end: number, delimiter: number, record: Cell[], tokens: Token[]): number {
  // Spaces around a field are not its value; a tab is, where it delimits.
  const isPadding = (code: number) => code !== delimiter && isSpace(code);
  for (;;) {
    pos = skipWhile(text, pos, end, isPadding);
    let cell: Cell;
    if (pos < end && text.charCodeAt(pos) === CharacterCodes.doubleQuote) {
      cell = scanDoubledQuote(text, pos, end);
      // Characters after the closing quote (malformed, but common) belong to no value.
      pos = skipWhile(text, cell.end, end, (code) => code !== delimiter && !isLineBreak(code));
    } else {
      const fieldEnd = skipWhile(text, pos, end, (code) => code !== delimiter && !isLineBreak(code));
      const valueEnd = trimEnd(text, pos, fieldEnd, isPadding);
      cell = valueEnd > pos ? bareString(pos, valueEnd) : undefined;
      pos = fieldEnd;
    }
    if (cell !== undefined) tokens.push(cell);
    record.push(cell);
    if (pos >= end) return end;
    if (text.charCodeAt(pos) !== delimiter) return nextLine(text, pos, end);
    pos++;
  }
}
