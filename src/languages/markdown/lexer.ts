// Front end for Markdown: code blocks become regions in the language their info string or
// content names; prose, inline code and HTML comments become tokens, so text is read too;
// pipe tables become tables whose cells the matcher binds by column.

import { CharacterCodes } from "../shared/character-codes.js";
import { bareString, findLineEnd, isSpace, nextLine, scanBlockComment, skipSpaces, skipWhile, trimEnd } from "../shared/scanner.js";
import type { EmbeddedRegion, FenceLanguages, LanguageId, LexResult, StringToken, TableGrid, Token } from "../shared/tokens.js";

/** How many non-blank lines, and how much of each, the sniffer reads: code shows its language early. */
const SNIFF_LINES = 8;
const SNIFF_LINE_LENGTH = 200;

/** Line shapes that name a language, tried in order on each sampled line; the first line that matches one decides. */
const LINE_RULES: [RegExp, LanguageId][] = [
  [/^\$env:/i, "powershell"],
  [/^PS(?: [^>]*)?> /, "powershell"],
  [/^(?:Invoke|Get|Set|New|Remove|Add|Write|Start|Import|ConvertTo|ConvertFrom)-[A-Z][A-Za-z]*(?:\s|$)/, "powershell"],
  [/^\$ /, "shell"],
  [/^(?:curl|wget|http|https)(?:\s|$)/, "shell"],
  [/^export\s+[A-Za-z_]\w*(?:=|\s*$)/, "shell"],
  [/^#!.*\bpython/, "python"],
  [/^#!.*\b(?:node|deno|bun)\b/, "javascript"],
  [/^#!/, "shell"],
  [/^>>> /, "python"],
  [/^import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*\s*$/, "python"],
  [/^from\s+[\w.]+\s+import\s/, "python"],
  [/^(?:async\s+)?def\s+\w+\s*\(/, "python"],
  [/^class\s+\w+(?:\([^)]*\))?:\s*$/, "python"],
  [/^(?:const|let|var)\s+[\w$[{]/, "javascript"],
  [/^import\s.*\bfrom\s+["']|^import\s+["'{*]/, "javascript"],
  [/^export\s+(?:default|const|let|var|function|class|async)\b/, "javascript"],
  [/\b(?:fetch|require)\(/, "javascript"],
  [/^(?:await\s|console\.|axios[.(]|module\.exports)/, "javascript"],
];

/** A first line shaped like a YAML mapping entry (`key: value`, `- name: x`). */
const YAML_PAIR = /^(?:- )?[\w"'.-][\w"'. -]*:(?:\s|$)/;

/**
 * The front end `fences` names for a fence's info string (`bash`, ` Python {linenos}`),
 * or undefined when its content must be sniffed (`http`, an unknown word, no word).
 */
export function languageForInfoString(info: string, fences: FenceLanguages): LanguageId | undefined {
  const word = /^[\s{.]*([\w+#-]+)/.exec(info.slice(0, 100))?.[1];
  return word === undefined ? undefined : fences.get(word.toLowerCase());
}

/** The language of unlabelled code, judged from its first few non-blank lines; shell when nothing stands out. */
export function sniffCodeLanguage(code: string): LanguageId {
  const sample: string[] = [];
  let pos = 0;
  while (pos < code.length && sample.length < SNIFF_LINES) {
    const lineEnd = findLineEnd(code, pos, code.length);
    addSample(sample, code, skipSpaces(code, pos, lineEnd), lineEnd);
    pos = lineEnd + 1;
  }
  return sniffLines(sample);
}

function sniffLines(sample: readonly string[]): LanguageId {
  if (sample.some((line) => line.startsWith("<?php") || line.startsWith("<?="))) return "php";
  for (const [index, line] of sample.entries()) {
    const rule = LINE_RULES.find(([pattern]) => pattern.test(line));
    if (rule) return rule[1];
    // Data shapes count on the first line only: a `curl` inside a YAML `run:` must not win, nor a `key: value` after a command.
    if (index > 0) continue;
    if (line.startsWith("{") || line.startsWith("[")) return "json";
    if (line === "---" || YAML_PAIR.test(line)) return "yaml";
  }
  return "shell";
}

/** One line as the block structure sees it: blockquote markers counted, then its indentation. */
interface MarkdownLine {
  start: number;
  end: number;
  /** Where the next line starts. */
  next: number;
  /** How many `>` markers open the line. */
  depth: number;
  /** First non-blank character after the markers (`end` when the line is blank). */
  first: number;
  /** Columns of whitespace before `first`, after the markers (tabs to multiples of 4). */
  indent: number;
}

type Previous = "blank" | "paragraph" | "other";

/** No fence names: every fence is sniffed. */
const NO_FENCES: FenceLanguages = new Map();

export function lexMarkdown(text: string, start = 0, end = text.length, fences = NO_FENCES): LexResult {
  const tokens: Token[] = [];
  const embedded: EmbeddedRegion[] = [];
  const tables: TableGrid[] = [];
  /** Content columns of the open list items, innermost last: code inside an item is indented relative to it. */
  let lists: number[] = [];
  let depth = 0;
  // An indented line continues a paragraph rather than starting code.
  let previous: Previous = "blank";
  let pos = lexFrontMatter(text, start, end, embedded);
  while (pos < end) {
    let line = readLine(text, pos, end);
    pos = line.next;
    if (line.first === line.end) {
      previous = "blank";
      continue;
    }
    if (line.depth !== depth) {
      lists = [];
      depth = line.depth;
    }
    while (lists.length > 0 && line.indent < lists.at(-1)!) lists.pop();
    if (isBreakLine(text, line.first, line.end)) {
      previous = "other";
      continue;
    }
    let at = line.first;
    let column = line.indent;
    let listItem = false;
    for (;;) {
      if (column - (lists.at(-1) ?? 0) >= 4) break;
      const markerEnd = listMarkerEnd(text, at, line.end);
      if (markerEnd < 0) break;
      const contentAt = skipSpaces(text, markerEnd, line.end);
      column += contentAt === line.end ? markerEnd - at + 1 : contentAt - at;
      lists.push(column);
      listItem = true;
      at = contentAt;
      if (at === line.end) break;
    }
    if (listItem && text.charCodeAt(at) === CharacterCodes.greaterThan) {
      // `- > ```js`: a blockquote opens inside the list item on the marker's line.
      const quoted = readLine(text, at, end);
      line = { ...line, depth: line.depth + quoted.depth, first: quoted.first, indent: quoted.indent };
      at = quoted.first;
      column = quoted.indent;
      depth = line.depth;
      lists = [];
    }
    if (at === line.end) {
      previous = "other";
      continue;
    }
    const base = lists.at(-1) ?? 0;
    if (!listItem && column - base >= 4 && previous !== "paragraph") {
      pos = lexIndentedCode(text, line, base, end, embedded);
      previous = "other";
      continue;
    }
    const code = text.charCodeAt(at);
    if ((code === CharacterCodes.backtick || code === CharacterCodes.tilde) && column - base < 4) {
      const after = lexFence(text, line, at, column, end, embedded, fences);
      if (after >= 0) {
        pos = after;
        previous = "other";
        continue;
      }
    }
    const tableEnd = lexTable(text, line, at, end, tokens, tables);
    if (tableEnd >= 0) {
      pos = tableEnd;
      previous = "other";
      continue;
    }
    previous = "paragraph";
    if (code === CharacterCodes.hash) {
      const hashesEnd = skipWhile(text, at, line.end, (next) => next === CharacterCodes.hash);
      if (hashesEnd - at <= 6 && (hashesEnd === line.end || isSpace(text.charCodeAt(hashesEnd)))) {
        at = skipSpaces(text, hashesEnd, line.end);
        previous = "other";
      }
    } else if (code === CharacterCodes.lessThan && text.startsWith("<!--", at)) {
      previous = "other";
    }
    const lastLineEnd = lexInline(tokens, text, at, end);
    if (lastLineEnd > line.end) pos = nextLine(text, lastLineEnd, end);
  }
  return { tokens, embedded, tables };
}

/** A cell's content between its pipes, trimmed. */
interface CellRange {
  start: number;
  end: number;
}

/**
 * A pipe table whose header line starts at `at`: the header, a delimiter row
 * (`|---|:-:|`, as many cells) and the rows up to a blank line, a line without
 * a pipe or the end of the blockquote. Each cell's text is read as inline
 * prose; a cell holding one string (a word, a code span) is that cell of the
 * grid. Returns where lexing resumes, or -1 when no table starts here.
 */
function lexTable(text: string, line: MarkdownLine, at: number, end: number, tokens: Token[], tables: TableGrid[]): number {
  const header = tableCells(text, at, line.end);
  if (header === undefined || line.next >= end) return -1;
  const delimiter = readLine(text, line.next, end);
  const delimiters = delimiter.depth === line.depth ? tableCells(text, delimiter.first, delimiter.end) : undefined;
  if (delimiters === undefined || delimiters.length !== header.length || !delimiters.every((cell) => DELIMITER_CELL.test(text.slice(cell.start, cell.end)))) return -1;
  const grid: TableGrid = { header: header.map((cell) => lexCell(text, cell, tokens)), rows: [] };
  let pos = delimiter.next;
  while (pos < end) {
    const row = readLine(text, pos, end);
    const cells = row.depth === line.depth && row.first < row.end ? tableCells(text, row.first, row.end) : undefined;
    if (cells === undefined) break;
    // Cells past the header's count are not part of the table.
    grid.rows.push(cells.slice(0, header.length).map((cell) => lexCell(text, cell, tokens)));
    pos = row.next;
  }
  tables.push(grid);
  return pos;
}

/** A delimiter row's cell: dashes, with a colon at either end for alignment. */
const DELIMITER_CELL = /^:?-+:?$/;

/**
 * The cells of a table line: the ranges between unescaped pipes, trimmed, the
 * optional pipes at the line's ends dropped; undefined when the line has none.
 * A pipe splits a cell inside a code span too (GFM), unless escaped (`\|`).
 */
function tableCells(text: string, start: number, end: number): CellRange[] | undefined {
  const first = skipSpaces(text, start, end);
  const last = trimEnd(text, first, end);
  const pipes: number[] = [];
  for (let pos = first; pos < last; pos++) {
    const code = text.charCodeAt(pos);
    if (code === CharacterCodes.backslash) pos++;
    else if (code === CharacterCodes.bar) pipes.push(pos);
  }
  if (pipes.length === 0) return undefined;
  const bounds = [pipes[0] === first ? first : first - 1, ...pipes.filter((pipe) => pipe !== first && pipe !== last - 1), pipes.at(-1) === last - 1 ? last - 1 : last];
  const cells: CellRange[] = [];
  for (let index = 1; index < bounds.length; index++) {
    const cellStart = skipSpaces(text, bounds[index - 1]! + 1, bounds[index]!);
    cells.push({ start: cellStart, end: trimEnd(text, cellStart, bounds[index]!) });
  }
  return cells;
}

/** Lexes a cell as inline prose; the cell's string when it holds just one. */
function lexCell(text: string, cell: CellRange, tokens: Token[]): StringToken | undefined {
  const before = tokens.length;
  lexInline(tokens, text, cell.start, cell.end);
  const only = tokens.length === before + 1 ? tokens[before] : undefined;
  return only?.kind === "string" ? only : undefined;
}

/**
 * A fence opening at `at` (column `column`), or -1 when the run there does not
 * open one. Its content, the lines between the fences as they stand in the file
 * (blockquote markers and list indentation included), becomes one region. It
 * closes at a fence of the same character at least as long, at the end of its
 * blockquote, or at `end`. Returns where lexing resumes.
 */
function lexFence(text: string, line: MarkdownLine, at: number, column: number, end: number, embedded: EmbeddedRegion[], fences: FenceLanguages): number {
  const fenceCode = text.charCodeAt(at);
  const runEnd = skipWhile(text, at, line.end, (code) => code === fenceCode);
  const length = runEnd - at;
  if (length < 3) return -1;
  // A backtick in a backtick fence's info string makes the line inline code instead.
  if (fenceCode === CharacterCodes.backtick && skipWhile(text, runEnd, line.end, (code) => code !== CharacterCodes.backtick) < line.end) return -1;
  const sample: string[] = [];
  let contentEnd = -1;
  let resume = end;
  let pos = line.next;
  while (pos < end) {
    const inner = readLine(text, pos, end);
    if (inner.depth < line.depth) {
      resume = pos;
      break;
    }
    if (inner.depth === line.depth && inner.indent <= column + 3 && isClosingFence(text, inner, fenceCode, length)) {
      resume = inner.next;
      break;
    }
    contentEnd = inner.end;
    if (sample.length < SNIFF_LINES) addSample(sample, text, inner.first, inner.end);
    pos = inner.next;
  }
  if (contentEnd > line.next) {
    const language = languageForInfoString(text.slice(runEnd, Math.min(line.end, runEnd + 100)), fences) ?? sniffLines(sample);
    embedded.push({ language, start: line.next, end: contentEnd, ...(line.depth > 0 ? { quoteDepth: line.depth } : {}) });
  }
  return resume;
}

/** Code indented 4 columns past its container, running over blank lines to the last line indented as far. */
function lexIndentedCode(text: string, line: MarkdownLine, base: number, end: number, embedded: EmbeddedRegion[]): number {
  const sample: string[] = [];
  addSample(sample, text, line.first, line.end);
  let contentEnd = line.end;
  let resume = line.next;
  let pos = line.next;
  while (pos < end) {
    const inner = readLine(text, pos, end);
    pos = inner.next;
    if (inner.first === inner.end) continue;
    if (inner.depth !== line.depth || inner.indent - base < 4) break;
    contentEnd = inner.end;
    resume = inner.next;
    if (sample.length < SNIFF_LINES) addSample(sample, text, inner.first, inner.end);
  }
  embedded.push({ language: sniffLines(sample), start: line.start, end: contentEnd });
  return resume;
}

/** YAML front matter (`---` … `---` at the very start) is a YAML region when its first line is a `key:`. */
function lexFrontMatter(text: string, start: number, end: number, embedded: EmbeddedRegion[]): number {
  const firstEnd = findLineEnd(text, start, end);
  if (!text.startsWith("---", start) || trimEnd(text, start + 3, firstEnd) !== start + 3) return start;
  const contentStart = nextLine(text, firstEnd, end);
  let contentEnd = contentStart;
  let pos = contentStart;
  while (pos < end) {
    const lineEnd = findLineEnd(text, pos, end);
    if (trimEnd(text, pos, lineEnd) === pos + 3 && (text.startsWith("---", pos) || text.startsWith("...", pos))) {
      const firstLine = text.slice(contentStart, Math.min(findLineEnd(text, contentStart, end), contentStart + SNIFF_LINE_LENGTH));
      if (contentEnd === contentStart || !YAML_PAIR.test(firstLine)) return start;
      embedded.push({ language: "yaml", start: contentStart, end: contentEnd });
      return nextLine(text, lineEnd, end);
    }
    contentEnd = lineEnd;
    pos = nextLine(text, lineEnd, end);
  }
  return start;
}

/**
 * Prose from `from` to its line's end: bare strings between inline code spans
 * (themselves bare strings) and HTML comments. A comment may run over lines; the
 * prose then continues to the end of the line where it closes, which is returned.
 */
function lexInline(tokens: Token[], text: string, from: number, end: number): number {
  let lineEnd = findLineEnd(text, from, end);
  let runs = backtickRuns(text, from, lineEnd);
  let runIndex = 0;
  let proseStart = from;
  let pos = from;
  while (pos < lineEnd) {
    while (runIndex < runs.starts.length && runs.starts[runIndex]! < pos) runIndex++;
    const stop = runs.starts[runIndex] ?? lineEnd;
    let comment = pos;
    while (comment < stop && !(text.charCodeAt(comment) === CharacterCodes.lessThan && comment + 4 <= lineEnd && text.startsWith("<!--", comment))) comment++;
    if (comment < stop) {
      pushProse(tokens, text, proseStart, comment);
      const token = scanBlockComment(text, comment, end, "<!--", "-->");
      tokens.push(token);
      pos = proseStart = token.end;
      if (pos > lineEnd) {
        lineEnd = findLineEnd(text, pos, end);
        runs = backtickRuns(text, pos, lineEnd);
        runIndex = 0;
      }
      continue;
    }
    if (runIndex >= runs.starts.length) break;
    const closer = runs.closers[runIndex]!;
    if (closer < 0) {
      // An unmatched run is literal backticks in the prose.
      pos = runs.ends[runIndex]!;
      runIndex++;
      continue;
    }
    pushProse(tokens, text, proseStart, runs.starts[runIndex]!);
    tokens.push(codeSpan(text, runs.starts[runIndex]!, runs.ends[runIndex]!, runs.starts[closer]!, runs.ends[closer]!));
    pos = proseStart = runs.ends[closer]!;
    runIndex = closer + 1;
  }
  pushProse(tokens, text, proseStart, lineEnd);
  return lineEnd;
}

/**
 * The backtick runs of `start..end` with, for each, the index of the next run of
 * the same length (its closer when it opens a code span) or -1. Computed once
 * per line so that many unmatched runs stay linear.
 */
function backtickRuns(text: string, start: number, end: number): { starts: number[]; ends: number[]; closers: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = start;
  while (pos < end) {
    if (text.charCodeAt(pos) !== CharacterCodes.backtick) {
      pos++;
      continue;
    }
    const runEnd = skipWhile(text, pos, end, (code) => code === CharacterCodes.backtick);
    starts.push(pos);
    ends.push(runEnd);
    pos = runEnd;
  }
  const closers = new Array<number>(starts.length).fill(-1);
  const nextOfLength = new Map<number, number>();
  for (let index = starts.length - 1; index >= 0; index--) {
    const length = ends[index]! - starts[index]!;
    closers[index] = nextOfLength.get(length) ?? -1;
    nextOfLength.set(length, index);
  }
  return { starts, ends, closers };
}

/** `` `code` ``: one space is stripped from each side when both have one (CommonMark), so `` ` x ` `` holds `x`. */
function codeSpan(text: string, start: number, contentStart: number, contentEnd: number, end: number): StringToken {
  if (
    contentEnd - contentStart >= 2 &&
    text.charCodeAt(contentStart) === CharacterCodes.space &&
    text.charCodeAt(contentEnd - 1) === CharacterCodes.space &&
    skipWhile(text, contentStart, contentEnd, (code) => code === CharacterCodes.space) < contentEnd
  ) {
    contentStart++;
    contentEnd--;
  }
  return { ...bareString(contentStart, contentEnd), start, end };
}

function pushProse(tokens: Token[], text: string, start: number, end: number): void {
  start = skipSpaces(text, start, end);
  end = trimEnd(text, start, end);
  if (end > start) tokens.push(bareString(start, end));
}

function readLine(text: string, start: number, end: number): MarkdownLine {
  const lineEnd = findLineEnd(text, start, end);
  let pos = start;
  let depth = 0;
  for (;;) {
    let marker = pos;
    // Up to 3 spaces before `>`, or more inside a list item (`10. step` then `    > …`):
    // a lexer without the list context tolerates up to 12.
    while (marker < lineEnd && marker - pos < 12 && text.charCodeAt(marker) === CharacterCodes.space) marker++;
    if (marker >= lineEnd || text.charCodeAt(marker) !== CharacterCodes.greaterThan) break;
    depth++;
    pos = marker + 1;
    if (pos < lineEnd && (text.charCodeAt(pos) === CharacterCodes.space || text.charCodeAt(pos) === CharacterCodes.tab)) pos++;
  }
  let indent = 0;
  let first = pos;
  for (; first < lineEnd; first++) {
    const code = text.charCodeAt(first);
    if (!isSpace(code)) break;
    indent += code === CharacterCodes.tab ? 4 - (indent % 4) : 1;
  }
  return { start, end: lineEnd, next: nextLine(text, lineEnd, end), depth, first, indent };
}

/** End of a list marker (`-`, `*`, `+`, `1.`, `1)`) at `pos` that is followed by whitespace or the line's end, else -1. */
function listMarkerEnd(text: string, pos: number, lineEnd: number): number {
  const code = text.charCodeAt(pos);
  let markerEnd = -1;
  if (code === CharacterCodes.minus || code === CharacterCodes.asterisk || code === CharacterCodes.plus) markerEnd = pos + 1;
  else {
    const digitsEnd = skipWhile(text, pos, Math.min(lineEnd, pos + 9), (next) => next >= CharacterCodes._0 && next <= CharacterCodes._9);
    const delimiter = text.charCodeAt(digitsEnd);
    if (digitsEnd > pos && digitsEnd < lineEnd && (delimiter === CharacterCodes.dot || delimiter === CharacterCodes.closeParen)) markerEnd = digitsEnd + 1;
  }
  if (markerEnd < 0 || (markerEnd < lineEnd && !isSpace(text.charCodeAt(markerEnd)))) return -1;
  return markerEnd;
}

/** A closing fence: a run of the fence character at least `length` long, then only whitespace. */
function isClosingFence(text: string, line: MarkdownLine, fenceCode: number, length: number): boolean {
  const runEnd = skipWhile(text, line.first, line.end, (code) => code === fenceCode);
  return runEnd - line.first >= length && skipSpaces(text, runEnd, line.end) === line.end;
}

/** Thematic breaks, setext underlines and table delimiter rows (`---`, `***`, `===`, `|---|:-:|`): no text to read. */
function isBreakLine(text: string, first: number, lineEnd: number): boolean {
  let marks = 0;
  for (let pos = first; pos < lineEnd; pos++) {
    const code = text.charCodeAt(pos);
    if (code === CharacterCodes.minus || code === CharacterCodes.asterisk || code === CharacterCodes.underscore || code === CharacterCodes.equals || code === CharacterCodes.bar || code === CharacterCodes.colon) marks++;
    else if (!isSpace(code)) return false;
  }
  return marks >= 3;
}

function addSample(sample: string[], text: string, first: number, lineEnd: number): void {
  if (first < lineEnd) sample.push(text.slice(first, Math.min(lineEnd, first + SNIFF_LINE_LENGTH)));
}
