// Front end for Dockerfiles: instructions as identifiers, ENV/ARG/LABEL as
// assignments, RUN and the other shell-form arguments through the shell lexer.

import { CharacterCodes } from "../shared/character-codes.js";
import { lexJavaScript } from "../shared/script-lexer.js";
import { isBlankOrCR, scanLineComment, skipWhile, trimEnd } from "../shared/scanner.js";
import { ShellLexer } from "../shared/shell-lexer.js";
import type { LexResult } from "../shared/tokens.js";

function isLetter(code: number): boolean {
  return (code >= CharacterCodes.a && code <= CharacterCodes.z) || (code >= CharacterCodes.A && code <= CharacterCodes.Z);
}

export function lexDockerfile(text: string, start = 0, end = text.length): LexResult {
  const shell = new ShellLexer(text, start, end);
  let pos = start;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isBlankOrCR(code) || code === CharacterCodes.lineFeed) {
      pos++;
      continue;
    }
    if (code === CharacterCodes.hash) {
      // Only at a line's start; after an instruction `#` is the shell's business.
      pos = shell.emit(scanLineComment(text, pos, end, 1));
      continue;
    }
    pos = instruction(text, pos, end, shell);
  }
  return { tokens: shell.tokens, embedded: shell.embedded };
}

/** Lexes the instruction at `pos` (through its continuation lines and heredoc bodies); returns where the next line starts. */
function instruction(text: string, pos: number, end: number, shell: ShellLexer): number {
  const lineEnd = logicalLineEnd(text, pos, end);
  let argsStart = pos;
  let keyword = "";
  // `ONBUILD RUN …` carries a whole instruction.
  for (;;) {
    let wordEnd = argsStart;
    while (wordEnd < lineEnd && isLetter(text.charCodeAt(wordEnd))) wordEnd++;
    if (wordEnd === argsStart || (wordEnd < lineEnd && !isBlankOrCR(text.charCodeAt(wordEnd)) && text.charCodeAt(wordEnd) !== CharacterCodes.backslash)) break;
    keyword = text.slice(argsStart, wordEnd).toUpperCase();
    shell.emit({ kind: "identifier", start: argsStart, end: wordEnd, text: text.slice(argsStart, wordEnd) });
    argsStart = skipWhile(text, wordEnd, lineEnd, isBlankOrCR);
    if (keyword !== "ONBUILD") break;
  }
  let next = lineEnd;
  if (keyword === "ENV" && isOldEnvForm(text, argsStart, lineEnd)) oldEnv(text, argsStart, lineEnd, shell);
  else if (isJsonForm(text, argsStart, lineEnd)) {
    // Exec form `["curl", "-d", "…"]` is a JSON array; the JSON front end reads it.
    for (const token of lexJavaScript(text, argsStart, lineEnd).tokens) shell.emit(token);
  } else if (argsStart < lineEnd) {
    next = Math.max(lineEnd, shell.command(argsStart, lineEnd, { bodyLimit: end }));
  }
  if (next < end && text.charCodeAt(next) === CharacterCodes.carriageReturn) next++;
  if (next < end && text.charCodeAt(next) === CharacterCodes.lineFeed) {
    shell.emit({ kind: "punct", start: next, end: next + 1, text: ";" });
    next++;
  }
  return next;
}

/**
 * Where the instruction starting at `pos` ends: at the line break (CR of CRLF)
 * of its last line. A line ending in `\` (trailing blanks allowed, as Docker
 * does) continues it; comment and blank lines inside a continuation belong to it.
 */
function logicalLineEnd(text: string, pos: number, end: number): number {
  let lineStart = pos;
  let continued = false;
  for (;;) {
    let lineFeed = lineStart;
    while (lineFeed < end && text.charCodeAt(lineFeed) !== CharacterCodes.lineFeed) lineFeed++;
    const lineEnd = lineFeed > lineStart && text.charCodeAt(lineFeed - 1) === CharacterCodes.carriageReturn ? lineFeed - 1 : lineFeed;
    if (lineFeed >= end) return lineEnd;
    const first = skipWhile(text, lineStart, lineEnd, isBlankOrCR);
    if (continued && (first === lineEnd || text.charCodeAt(first) === CharacterCodes.hash)) {
      lineStart = lineFeed + 1;
      continue;
    }
    const last = trimEnd(text, lineStart, lineEnd, isBlankOrCR);
    if (last === lineStart || text.charCodeAt(last - 1) !== CharacterCodes.backslash) return lineEnd;
    continued = true;
    lineStart = lineFeed + 1;
  }
}

/** `ENV KEY value`: the first word has no `=` (Docker's own test for the old form). */
function isOldEnvForm(text: string, pos: number, end: number): boolean {
  for (; pos < end; pos++) {
    const code = text.charCodeAt(pos);
    if (code === CharacterCodes.equals) return false;
    if (isBlankOrCR(code) || code === CharacterCodes.lineFeed) return true;
  }
  return true;
}

function isJsonForm(text: string, pos: number, end: number): boolean {
  if (pos >= end || text.charCodeAt(pos) !== CharacterCodes.openBracket) return false;
  return text.charCodeAt(trimEnd(text, pos, end, isBlankOrCR) - 1) === CharacterCodes.closeBracket;
}

/**
 * `ENV KEY value with spaces`: identifier KEY, a `=` standing for the blanks that
 * separate them, then the value: a single word's pieces (so `"…"` keeps its
 * quotes' meaning), else one bare string to the line's end.
 */
function oldEnv(text: string, pos: number, end: number, shell: ShellLexer): void {
  let keyEnd = pos;
  while (keyEnd < end && !isBlankOrCR(text.charCodeAt(keyEnd)) && text.charCodeAt(keyEnd) !== CharacterCodes.lineFeed) keyEnd++;
  if (keyEnd === pos) return;
  shell.emit({ kind: "identifier", start: pos, end: keyEnd, text: text.slice(pos, keyEnd) });
  let valueStart = keyEnd;
  for (;;) {
    valueStart = skipWhile(text, valueStart, end, isBlankOrCR);
    const continuation = text.charCodeAt(valueStart) === CharacterCodes.backslash && valueStart + 1 < end ? skipWhile(text, valueStart + 1, end, isBlankOrCR) : -1;
    if (continuation < 0 || text.charCodeAt(continuation) !== CharacterCodes.lineFeed) break;
    valueStart = continuation + 1;
  }
  const valueEnd = trimEnd(text, valueStart, end, isBlankOrCR);
  if (valueEnd <= valueStart) return;
  shell.emit({ kind: "punct", start: keyEnd, end: valueStart, text: "=" });
  const word = shell.wordPieces(valueStart, valueEnd);
  if (word.end === valueEnd && word.pieces.length > 0) {
    for (const piece of word.pieces) shell.emit(piece);
  } else {
    shell.emit(shell.bareString(valueStart, valueEnd));
  }
}
