// Dispatches a text to its front end and follows embedded regions (Markdown
// fences, <script> bodies, YAML `run:` blocks) into theirs, keeping file offsets.

import { toHostOffsets } from "./decoded-region.js";
import { detectLanguage } from "./detect-language.js";
import { FENCE_LANGUAGES, languageById } from "./registry.js";
import type { DecodedText, LanguageId, LexResult, Lexer, TableGrid, Token } from "./shared/tokens.js";

/** One stretch of a file lexed by one front end. */
export interface LexedUnit {
  language: LanguageId;
  start: number;
  end: number;
  tokens: Token[];
  /** Tables its front end read; their cells are among `tokens`. */
  tables?: TableGrid[];
  /** The decoded text the unit was lexed from, when its host writes it escaped (a notebook cell); offsets are the host's all the same. */
  decoded?: DecodedText;
}

/** Embedded regions inside embedded regions are followed this deep (a fence in a heredoc in a fence is noise). */
const MAX_NESTING = 3;

/** Lexes `text` (or its `start..end` slice) as `language`, returning the host unit first, then every embedded unit. */
export function lexSource(text: string, language: LanguageId, start = 0, end = text.length): LexedUnit[] {
  const units: LexedUnit[] = [];
  const pending: { language: LanguageId; start: number; end: number; depth: number; text: string; decoded?: DecodedText }[] = [{ language, start, end, depth: 0, text }];
  // An index, not shift(): a file with thousands of embedded regions (`` `"`"… ``) would move the queue once per region.
  for (let next = 0; next < pending.length; next++) {
    const region = pending[next]!;
    const result = region.decoded === undefined ? lexRegion(region) : toHostOffsets(lexRegion({ ...region, text: region.decoded.text, start: 0, end: region.decoded.text.length }), region.decoded, region.text);
    units.push({ language: region.language, start: region.start, end: region.end, tokens: result.tokens, ...(result.tables && { tables: result.tables }), ...(region.decoded && { decoded: region.decoded }) });
    if (region.depth >= MAX_NESTING) continue;
    for (const embedded of result.embedded) {
      const innerStart = Math.max(embedded.start, region.start);
      const innerEnd = Math.min(embedded.end, region.end);
      if (innerEnd <= innerStart) continue;
      const named = embedded.fileName === undefined ? "text" : detectLanguage(embedded.fileName);
      const innerLanguage = named === "text" ? embedded.language : named;
      // A file named for no language, and not sniffed as one either, is already its host's string token.
      if (embedded.fileName !== undefined && innerLanguage === "text") continue;
      const innerText = embedded.quoteDepth ? withoutQuoteMarkers(region.text, innerStart, innerEnd, embedded.quoteDepth) : region.text;
      pending.push({ language: innerLanguage, start: innerStart, end: innerEnd, depth: region.depth + 1, text: innerText, decoded: embedded.decoded });
    }
  }
  return units;
}

function lexRegion(region: { language: LanguageId; start: number; end: number; depth: number; text: string }): LexResult {
  return lexerFor(region.language, region.text, region.start, region.end, region.depth)(region.text, region.start, region.end, FENCE_LANGUAGES);
}

/**
 * The text with the `>` markers (and the space after each) that open every
 * line of `start..end` replaced by spaces: same length, so offsets still hold.
 */
function withoutQuoteMarkers(text: string, start: number, end: number, depth: number): string {
  const chars = text.slice(start, end).split("");
  let lineStart = true;
  for (let index = 0; index < chars.length; index++) {
    if (!lineStart) {
      if (chars[index] === "\n" || (chars[index] === "\r" && chars[index + 1] !== "\n")) lineStart = true;
      continue;
    }
    let at = index;
    for (let level = 0; level < depth; level++) {
      let marker = at;
      while (marker < chars.length && marker - at < 12 && chars[marker] === " ") marker++;
      if (chars[marker] !== ">") break;
      chars[marker] = " ";
      at = marker + 1;
      if (chars[at] === " " || chars[at] === "\t") at++;
    }
    lineStart = false;
    index = Math.max(index, at - 1);
  }
  return text.slice(0, start) + chars.join("") + text.slice(end);
}

/** An embedded region the language calls a snippet (PHP code without `<?php`) is lexed as one. */
function lexerFor(language: LanguageId, text: string, start: number, end: number, depth: number): Lexer {
  const { lex, snippet } = languageById(language);
  return snippet !== undefined && depth > 0 && snippet.isSnippet(text, start, end) ? snippet.lex : lex;
}

/** The front end for a fragment of code with no file around it (commented-out code). */
export function snippetLexer(language: LanguageId): Lexer {
  const { lex, snippet } = languageById(language);
  return snippet?.lex ?? lex;
}
