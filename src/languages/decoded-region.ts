// Lexing code that a host file holds escaped (a notebook cell inside JSON
// strings): the decoded text is lexed by its own front end, and every offset of
// the result is mapped back to the host file, so a finding points at the
// characters in the file, on the file's own line.

import type { DecodedText, EmbeddedRegion, LexResult, Lexer, StringPart, StringToken, TableGrid, Token } from "./shared/tokens.js";
import { firstAtOrAfter } from "./shared/first-not-before.js";

/** Maps decoded offsets to host offsets: a start to where its character begins, an end to where the character before it ends. */
class HostOffsets {
  constructor(private readonly decoded: DecodedText) {}

  start(offset: number): number {
    const { starts, ends } = this.decoded;
    return offset < starts.length ? starts[offset]! : ends[starts.length - 1]!;
  }

  end(offset: number): number {
    return offset === 0 ? this.decoded.starts[0]! : this.decoded.ends[offset - 1]!;
  }

  /** A decoded range in host offsets; an empty one stays empty where it starts (at a line's seam the end would fall before it). */
  range(start: number, end: number): { start: number; end: number } {
    const hostStart = this.start(start);
    return { start: hostStart, end: end <= start ? hostStart : Math.max(hostStart, this.end(end)) };
  }
}

/**
 * `result`, lexed over `decoded.text`, with its offsets in the host `text`.
 * Identifiers take the host's spelling (the same but for escapes written in
 * them), so every token still covers what it says. Linear in the tokens.
 */
export function toHostOffsets(result: LexResult, decoded: DecodedText, text: string): LexResult {
  if (decoded.text.length === 0) return { tokens: [], embedded: [] };
  const at = new HostOffsets(decoded);
  const span = <T extends { start: number; end: number }>(item: T): T => ({ ...item, ...at.range(item.start, item.end) });
  const tokens = result.tokens.map((token): Token => {
    const mapped = span(token);
    switch (mapped.kind) {
      case "identifier":
        return { ...mapped, text: text.slice(mapped.start, mapped.end) };
      case "comment":
        return { ...mapped, ...content(at.range(mapped.contentStart, mapped.contentEnd)) };
      case "string":
        return { ...mapped, ...content(at.range(mapped.contentStart, mapped.contentEnd)), parts: mapped.parts.map((part) => mapPart(part, at)) };
      default:
        return mapped;
    }
  });
  // Regions inside the decoded code (a shell `$(…)`) are lexed on the host text: escapes are rare there.
  const embedded = result.embedded.map((region): EmbeddedRegion => ({ language: region.language, ...at.range(region.start, region.end) }));
  if (result.tables === undefined) return { tokens, embedded };
  // A table's cells are tokens of the result: each stands for its mapped copy.
  const mapped = new Map(result.tokens.map((token, index) => [token, tokens[index] as StringToken]));
  const cell = (token: StringToken | undefined) => (token === undefined ? undefined : mapped.get(token));
  const tables = result.tables.map((table): TableGrid => ({ header: table.header.map(cell), rows: table.rows.map((row) => row.map(cell)) }));
  return { tokens, embedded, tables };
}

function mapPart(part: StringPart, at: HostOffsets): StringPart {
  const mapped = { ...part, ...at.range(part.start, part.end) };
  if (mapped.kind === "interpolation" && mapped.fallback) mapped.fallback = at.range(mapped.fallback.start, mapped.fallback.end);
  return mapped;
}

function content(range: { start: number; end: number }): { contentStart: number; contentEnd: number } {
  return { contentStart: range.start, contentEnd: range.end };
}

/**
 * Lexes the host range `start..end` of a decoded unit (a comment's content, a
 * string holding markup) over the decoded text, with host offsets: commented-out
 * code in a notebook cell reads as the cell shows it, not as JSON escapes it.
 */
export function lexDecodedRange(lexer: Lexer, decoded: DecodedText, text: string, start: number, end: number): LexResult {
  const from = firstAtOrAfter(decoded.starts, start);
  const to = firstAtOrAfter(decoded.ends, end + 1);
  return toHostOffsets(lexer(decoded.text, from, Math.max(from, to)), decoded, text);
}
