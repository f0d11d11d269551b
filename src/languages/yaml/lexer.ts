// Front end for YAML (CI workflows, Compose files, Kubernetes manifests, Ansible vars):
// keys, scalars in every style, and the shell scripts held in `run:`/`script:` values.

import { CharacterCodes } from "../shared/character-codes.js";
import {
  bareString,
  findLineEnd,
  isLineBreak,
  isSpace,
  nextLine,
  pushToken,
  scanLineComment,
  skipSpaces,
  skipWhile,
  textParts,
  trimEnd,
} from "../shared/scanner.js";
import type { EmbeddedRegion, LexResult, StringToken, Token } from "../shared/tokens.js";

/** A block scalar's first line that opens a YAML mapping or sequence of mappings, or JSON: `- op: add`, `name: x`, `{`. */
const STRUCTURED_LINE = /^(?:- )?[\w.\/-]+:(?: |$)|^[{[]/;
/** Keys whose scalar value is a shell script: GitHub Actions, GitLab CI, Compose. */
const SHELL_KEYS = new Set(["run", "script", "before_script", "after_script", "command", "entrypoint"]);
/** Keys whose block-sequence entries are shell lines too (GitLab CI `script:` lists). */
const SHELL_LIST_KEYS = new Set(["script", "before_script", "after_script"]);

interface YamlScan {
  text: string;
  end: number;
  tokens: Token[];
  embedded: EmbeddedRegion[];
  /** Mapping keys whose values are still open, innermost last; they tell a `- ` entry what it belongs to. */
  keys: { column: number; name: string }[];
  /**
   * A quoted scalar that ran unterminated across lines proved there is no closing
   * quote up to here, so quotes opening before it are read on one line only:
   * many stray quotes stay linear instead of each rescanning the same lines.
   */
  singleLineUntil: number;
}

/** Where a node sits: what its continuation lines must be indented past, and what it may be. */
interface NodeContext {
  /** Column of the enclosing key or `- ` entry (-1 at top level): block and multi-line scalars are indented past it. */
  parentColumn: number;
  /** Whether a plain or quoted scalar followed by `: ` is a mapping key here. */
  keyAllowed: boolean;
  /** Whether a scalar here is a shell script (reported as an embedded region). */
  shell: boolean;
  /** The key whose value this is; one that names a file (a ConfigMap's `app.properties:`) makes a block scalar here that file. */
  key?: string;
}

/** A key that names a file by its extension or as a dotfile: `app.properties`, `settings.json`, `.env`. */
const FILE_NAME_KEY = /^(?:[\w-]+(?:\.[\w-]+)*\.[A-Za-z][A-Za-z0-9]{0,9}|\.[\w.-]+)$/;

export function lexYaml(text: string, start = 0, end = text.length): LexResult {
  const scan: YamlScan = { text, end, tokens: [], embedded: [], keys: [], singleLineUntil: start };
  let pos = start;
  while (pos < end) pos = lexLine(scan, pos);
  return { tokens: scan.tokens, embedded: scan.embedded };
}

/** Lexes the line starting at `lineStart` (and any lines its node spans); returns where the next line starts. */
function lexLine(scan: YamlScan, lineStart: number): number {
  const { text, tokens } = scan;
  const lineEnd = findLineEnd(text, lineStart, scan.end);
  const first = skipSpaces(text, lineStart, lineEnd);
  if (first === lineEnd) return nextLine(text, lineEnd, scan.end);
  if (first === lineStart && isDocumentMarker(text, first, lineEnd)) {
    tokens.push({ kind: "punct", start: first, end: first + 3, text: text.slice(first, first + 3) });
    scan.keys.length = 0;
    return lexNode(scan, first + 3, lineStart, lineEnd, { parentColumn: -1, keyAllowed: false, shell: false });
  }
  let pos = first;
  const context: NodeContext = { parentColumn: first - lineStart - 1, keyAllowed: true, shell: false };
  // `- ` entries (possibly nested on one line: `- - x`) and `? ` complex-key markers.
  for (;;) {
    const code = text.charCodeAt(pos);
    if ((code !== CharacterCodes.minus && code !== CharacterCodes.question) || !isBlankAt(text, pos + 1, lineEnd)) break;
    tokens.push({ kind: "punct", start: pos, end: pos + 1, text: code === CharacterCodes.minus ? "-" : "?" });
    const column = pos - lineStart;
    if (code === CharacterCodes.minus) {
      // An entry belongs to the nearest key left of it, or at its column (`key:\n- a` is a compact sequence).
      while ((scan.keys.at(-1)?.column ?? -1) > column) scan.keys.pop();
      const parent = scan.keys.at(-1);
      context.shell = parent !== undefined && SHELL_LIST_KEYS.has(parent.name);
    }
    context.parentColumn = column;
    pos = skipSpaces(text, pos + 1, lineEnd);
    if (pos === lineEnd) return nextLine(text, lineEnd, scan.end);
  }
  return lexNode(scan, pos, lineStart, lineEnd, context);
}

/**
 * Lexes one node starting at `pos` on the line `lineStart..lineEnd`: properties
 * (tags, anchors), then a key with its value, or a scalar or flow collection.
 * Returns where the next unlexed line starts.
 */
function lexNode(scan: YamlScan, pos: number, lineStart: number, lineEnd: number, context: NodeContext): number {
  const { text, tokens } = scan;
  for (;;) {
    pos = skipSpaces(text, pos, lineEnd);
    if (pos >= lineEnd) return nextLine(text, lineEnd, scan.end);
    const code = text.charCodeAt(pos);
    if (code === CharacterCodes.hash) {
      // At a node's start `#` always follows whitespace (or starts the line), so it is a comment.
      tokens.push(scanLineComment(text, pos, lineEnd, 1));
      return nextLine(text, lineEnd, scan.end);
    }
    if (code === CharacterCodes.exclamation || code === CharacterCodes.ampersand) {
      // `!vault`, `!!str`, `&anchor`: properties of the node that follows. An anchor
      // names its value for the aliases; a tag only types it, and must not stand
      // between a key and its value (`auth_token: !!str "…"`), so it is no token.
      const propertyEnd = skipWhile(text, pos + 1, lineEnd, (next) => !isSpace(next));
      if (code === CharacterCodes.ampersand) tokens.push({ kind: "identifier", start: pos, end: propertyEnd, text: text.slice(pos, propertyEnd) });
      pos = propertyEnd;
      continue;
    }
    if (code === CharacterCodes.asterisk) {
      const aliasEnd = skipWhile(text, pos + 1, lineEnd, (next) => !isSpace(next));
      tokens.push({ kind: "identifier", start: pos, end: aliasEnd, text: text.slice(pos, aliasEnd) });
      return lexRest(scan, aliasEnd, lineEnd);
    }
    if ((code === CharacterCodes.bar || code === CharacterCodes.greaterThan) && isBlockHeader(text, pos, lineEnd)) {
      return lexBlockScalar(scan, pos, lineEnd, context);
    }
    if (code === CharacterCodes.doubleQuote || code === CharacterCodes.singleQuote) {
      const token = scanFlowScalar(scan, pos, context.parentColumn);
      tokens.push(token);
      const tokenLineEnd = token.end > lineEnd ? findLineEnd(text, token.end, scan.end) : lineEnd;
      const colon = skipSpaces(text, token.end, tokenLineEnd);
      if (context.keyAllowed && tokenLineEnd === lineEnd && isKeyColon(text, colon, lineEnd)) {
        return lexValue(scan, text.slice(token.contentStart, token.contentEnd), pos, colon, lineStart, lineEnd);
      }
      if (context.shell) addShell(scan, token.contentStart, token.contentEnd);
      return lexRest(scan, token.end, tokenLineEnd);
    }
    if (code === CharacterCodes.openBracket || code === CharacterCodes.openBrace) {
      const after = lexFlow(scan, pos, context.parentColumn);
      if (after.aborted) return after.pos;
      return lexRest(scan, after.pos, findLineEnd(text, after.pos, scan.end));
    }
    return lexPlain(scan, pos, lineStart, lineEnd, context);
  }
}

/** A plain scalar in block context: a key when `: ` follows it, else a value running to a ` #` comment. */
function lexPlain(scan: YamlScan, pos: number, lineStart: number, lineEnd: number, context: NodeContext): number {
  const { text, tokens } = scan;
  let stop = pos + 1;
  let comment = -1;
  while (stop < lineEnd) {
    const code = text.charCodeAt(stop);
    if (code === CharacterCodes.hash && isSpace(text.charCodeAt(stop - 1))) {
      comment = stop;
      break;
    }
    if (code === CharacterCodes.colon && context.keyAllowed && isBlankAt(text, stop + 1, lineEnd)) {
      const keyEnd = trimEnd(text, pos, stop);
      tokens.push({ kind: "identifier", start: pos, end: keyEnd, text: text.slice(pos, keyEnd) });
      return lexValue(scan, text.slice(pos, keyEnd), pos, stop, lineStart, lineEnd);
    }
    stop++;
  }
  const valueEnd = trimEnd(text, pos, stop);
  tokens.push(bareString(pos, valueEnd));
  if (context.shell) addShell(scan, pos, valueEnd);
  if (comment >= 0) tokens.push(scanLineComment(text, comment, lineEnd, 1));
  return nextLine(text, lineEnd, scan.end);
}

/** After a key (already emitted) that starts at `keyStart`: the `:` at `colon`, then the value on the same line. */
function lexValue(scan: YamlScan, name: string, keyStart: number, colon: number, lineStart: number, lineEnd: number): number {
  const column = keyStart - lineStart;
  while ((scan.keys.at(-1)?.column ?? -1) >= column) scan.keys.pop();
  scan.keys.push({ column, name });
  scan.tokens.push({ kind: "punct", start: colon, end: colon + 1, text: ":" });
  const shell = SHELL_KEYS.has(name);
  return lexNode(scan, colon + 1, lineStart, lineEnd, { parentColumn: column, keyAllowed: false, shell, key: name });
}

/** What may follow a finished node on its line: a comment, or stray text kept as a bare string. */
function lexRest(scan: YamlScan, pos: number, lineEnd: number): number {
  const { text, tokens } = scan;
  pos = skipSpaces(text, pos, lineEnd);
  if (pos < lineEnd) {
    if (text.charCodeAt(pos) === CharacterCodes.hash) tokens.push(scanLineComment(text, pos, lineEnd, 1));
    else return lexPlain(scan, pos, pos, lineEnd, { parentColumn: 0, keyAllowed: false, shell: false });
  }
  return nextLine(text, lineEnd, scan.end);
}

/**
 * `|`, `|-`, `>+2`…: one bare string covering the following lines indented past
 * the parent (blank lines included, trailing blank lines not), from the first
 * content character (the indentation is not the value's) to the last non-blank
 * line's last non-blank character.
 */
function lexBlockScalar(scan: YamlScan, pos: number, lineEnd: number, context: NodeContext): number {
  const { text, tokens, end } = scan;
  const headerEnd = skipWhile(text, pos + 1, lineEnd, (code) => code === CharacterCodes.plus || code === CharacterCodes.minus || (code >= CharacterCodes._1 && code <= CharacterCodes._9));
  const rest = skipSpaces(text, headerEnd, lineEnd);
  const comment = rest < lineEnd && text.charCodeAt(rest) === CharacterCodes.hash ? scanLineComment(text, rest, lineEnd, 1) : undefined;
  const contentStart = nextLine(text, lineEnd, end);
  let contentEnd = -1;
  let firstContent = -1;
  let line = contentStart;
  while (line < end) {
    const nextEnd = findLineEnd(text, line, end);
    const indentEnd = skipWhile(text, line, nextEnd, (code) => code === CharacterCodes.space);
    if (skipSpaces(text, indentEnd, nextEnd) < nextEnd) {
      if (indentEnd - line <= context.parentColumn) break;
      if (indentEnd === line && isDocumentMarker(text, line, nextEnd)) break;
      if (firstContent < 0) firstContent = indentEnd;
      contentEnd = trimEnd(text, indentEnd, nextEnd);
    }
    line = nextLine(text, nextEnd, end);
  }
  if (contentEnd < 0) {
    tokens.push(bareString(headerEnd, headerEnd));
    if (comment) tokens.push(comment);
    return contentStart;
  }
  if (comment) tokens.push(comment);
  tokens.push(bareString(firstContent, contentEnd));
  if (context.shell) addShell(scan, firstContent, contentEnd);
  else {
    // A document inside a document (a kustomize patch, Helm values for Argo CD, a ConfigMap's
    // config file): lexed as YAML too, from its first line's start so its indentation holds;
    // or as the language its key names (a ConfigMap's `convoso.properties: |`).
    const structured = STRUCTURED_LINE.test(text.slice(firstContent, Math.min(findLineEnd(text, firstContent, end), firstContent + 200)));
    const fileName = context.key !== undefined && FILE_NAME_KEY.test(context.key) ? context.key : undefined;
    if (structured || fileName !== undefined) {
      scan.embedded.push({ language: structured ? "yaml" : "text", ...(fileName !== undefined && { fileName }), start: contentStart, end: contentEnd });
    }
  }
  return nextLine(text, findLineEnd(text, contentEnd, end), end);
}

/**
 * A `"…"` (backslash escapes) or `'…'` (`''` escape) scalar opening at `open`.
 * It may continue on lines indented past `parentColumn`; when no closing quote
 * comes before a line that is not, the scalar ends unterminated at its first line break.
 */
function scanFlowScalar(scan: YamlScan, open: number, parentColumn: number): StringToken {
  const { text, end } = scan;
  const quoteCode = text.charCodeAt(open);
  const double = quoteCode === CharacterCodes.doubleQuote;
  const multiline = open >= scan.singleLineUntil;
  let pos = open + 1;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (double && code === CharacterCodes.backslash) {
      pos += 2;
      continue;
    }
    if (code === quoteCode) {
      if (!double && pos + 1 < end && text.charCodeAt(pos + 1) === CharacterCodes.singleQuote) {
        pos += 2;
        continue;
      }
      return quotedString(open, pos, pos + 1, double);
    }
    if (isLineBreak(code)) {
      const next = nextLine(text, pos, end);
      if (!multiline || !continuesFlow(text, next, end, parentColumn)) {
        if (multiline) scan.singleLineUntil = next;
        break;
      }
      pos = next;
      continue;
    }
    pos++;
  }
  const firstBreak = findLineEnd(text, open + 1, Math.min(pos, end));
  return quotedString(open, firstBreak, firstBreak, double);
}

/**
 * `[…]` / `{…}` opening at `open`, nested collections included, possibly over
 * several lines. A line indented no further than `parentColumn` (other than one
 * starting with a closing bracket) ends an unclosed collection: `aborted`, and
 * `pos` is that line's start.
 */
function lexFlow(scan: YamlScan, open: number, parentColumn: number): { pos: number; aborted: boolean } {
  const { text, tokens, end } = scan;
  let depth = 0;
  let pos = open;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isLineBreak(code)) {
      const next = nextLine(text, pos, end);
      const first = skipSpaces(text, next, end);
      if (first < end && !isLineBreak(text.charCodeAt(first))) {
        const firstCode = text.charCodeAt(first);
        const closing = firstCode === CharacterCodes.closeBracket || firstCode === CharacterCodes.closeBrace;
        if ((first - next <= parentColumn && !closing) || (first === next && isDocumentMarker(text, first, findLineEnd(text, first, end)))) {
          return { pos: next, aborted: true };
        }
      }
      pos = next;
      continue;
    }
    if (isSpace(code)) {
      pos++;
      continue;
    }
    if (code === CharacterCodes.hash && (isSpace(text.charCodeAt(pos - 1)) || isLineBreak(text.charCodeAt(pos - 1)))) {
      pos = pushToken(tokens, scanLineComment(text, pos, end, 1));
      continue;
    }
    if (code === CharacterCodes.openBracket || code === CharacterCodes.openBrace || code === CharacterCodes.closeBracket || code === CharacterCodes.closeBrace || code === CharacterCodes.comma || code === CharacterCodes.colon) {
      tokens.push({ kind: "punct", start: pos, end: pos + 1, text: text[pos]! });
      pos++;
      if (code === CharacterCodes.openBracket || code === CharacterCodes.openBrace) depth++;
      else if ((code === CharacterCodes.closeBracket || code === CharacterCodes.closeBrace) && --depth === 0) return { pos, aborted: false };
      continue;
    }
    if (code === CharacterCodes.doubleQuote || code === CharacterCodes.singleQuote) {
      pos = pushToken(tokens, scanFlowScalar(scan, pos, parentColumn));
      continue;
    }
    if (code === CharacterCodes.exclamation || code === CharacterCodes.ampersand || code === CharacterCodes.asterisk) {
      const propertyEnd = skipWhile(text, pos + 1, end, (next) => !isSpace(next) && !isLineBreak(next) && !isFlowIndicator(next));
      tokens.push({ kind: "identifier", start: pos, end: propertyEnd, text: text.slice(pos, propertyEnd) });
      pos = propertyEnd;
      continue;
    }
    pos = lexFlowPlain(scan, pos);
  }
  return { pos, aborted: false };
}

/** A plain scalar inside `[…]`/`{…}`: an identifier when it is a key (`:` follows), else a bare string. */
function lexFlowPlain(scan: YamlScan, pos: number): number {
  const { text, end } = scan;
  let stop = pos + 1;
  while (stop < end) {
    const code = text.charCodeAt(stop);
    if (isLineBreak(code) || code === CharacterCodes.comma || code === CharacterCodes.openBracket || code === CharacterCodes.closeBracket || code === CharacterCodes.openBrace || code === CharacterCodes.closeBrace) break;
    if (code === CharacterCodes.colon && (stop + 1 >= end || isBlankOrFlowEnd(text.charCodeAt(stop + 1)))) break;
    if (code === CharacterCodes.hash && isSpace(text.charCodeAt(stop - 1))) break;
    stop++;
  }
  const valueEnd = trimEnd(text, pos, stop);
  const after = skipSpaces(text, stop, end);
  if (after < end && text.charCodeAt(after) === CharacterCodes.colon) {
    scan.tokens.push({ kind: "identifier", start: pos, end: valueEnd, text: text.slice(pos, valueEnd) });
  } else {
    scan.tokens.push(bareString(pos, valueEnd));
  }
  return stop;
}

function addShell(scan: YamlScan, start: number, end: number): void {
  if (end > start) scan.embedded.push({ language: "shell", start, end });
}

function quotedString(open: number, contentEnd: number, end: number, double: boolean): StringToken {
  const contentStart = open + 1;
  return {
    kind: "string",
    start: open,
    end,
    contentStart,
    contentEnd,
    quote: double ? "double" : "single",
    prefix: "",
    parts: textParts(contentStart, contentEnd),
  };
}

/** Whether the line starting at `lineStart` continues a multi-line flow scalar or collection opened under `parentColumn`. */
function continuesFlow(text: string, lineStart: number, end: number, parentColumn: number): boolean {
  const first = skipWhile(text, lineStart, end, (code) => code === CharacterCodes.space);
  if (first >= end) return false;
  const code = text.charCodeAt(first);
  if (isLineBreak(code) || isSpace(code)) return true;
  if (first - lineStart <= parentColumn) return false;
  return !(first === lineStart && isDocumentMarker(text, first, findLineEnd(text, first, Math.min(end, first + 4))));
}

/** `|` or `>` with optional chomping and indentation indicators, then whitespace or the line's end. */
function isBlockHeader(text: string, pos: number, lineEnd: number): boolean {
  let headerEnd = pos + 1;
  while (headerEnd < lineEnd && headerEnd < pos + 3) {
    const code = text.charCodeAt(headerEnd);
    if (code !== CharacterCodes.plus && code !== CharacterCodes.minus && !(code >= CharacterCodes._1 && code <= CharacterCodes._9)) break;
    headerEnd++;
  }
  return isBlankAt(text, headerEnd, lineEnd);
}

function isDocumentMarker(text: string, pos: number, lineEnd: number): boolean {
  return (text.startsWith("---", pos) || text.startsWith("...", pos)) && pos + 3 <= lineEnd && isBlankAt(text, pos + 3, lineEnd);
}

/** A `:` that makes what precedes it a key: followed by whitespace or the line's end. */
function isKeyColon(text: string, pos: number, lineEnd: number): boolean {
  return pos < lineEnd && text.charCodeAt(pos) === CharacterCodes.colon && isBlankAt(text, pos + 1, lineEnd);
}

/** Whether `pos` is the line's end or whitespace. */
function isBlankAt(text: string, pos: number, lineEnd: number): boolean {
  return pos >= lineEnd || isSpace(text.charCodeAt(pos));
}

function isFlowIndicator(code: number): boolean {
  return code === CharacterCodes.comma || code === CharacterCodes.openBracket || code === CharacterCodes.closeBracket || code === CharacterCodes.openBrace || code === CharacterCodes.closeBrace;
}

function isBlankOrFlowEnd(code: number): boolean {
  return isSpace(code) || isLineBreak(code) || isFlowIndicator(code);
}
