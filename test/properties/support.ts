// Shared pieces of the property-based suites: the fixture corpus, hostile input
// fragments, and an independent checker of the token contract (src/languages/tokens.ts)
// that names every violation instead of stopping at a boolean.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { CodeView } from "../../src/detect/code-view.js";
import { detectLanguage } from "../../src/languages/detect-language.js";
import { lexSource } from "../../src/languages/lex-source.js";
import type { LexedUnit } from "../../src/languages/lex-source.js";
import type { LanguageId, LexResult, Token } from "../../src/languages/shared/tokens.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = join(ROOT, "test", "fixtures");

export interface Fixture {
  /** POSIX path from the repository root, e.g. `test/fixtures/shell/clean-env.sh`. */
  path: string;
  text: string;
  language: LanguageId;
}

function walk(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (entry.name !== "expected.json") files.push(full);
  }
  return files.sort();
}

let cache: Fixture[] | undefined;

/** Every clean-* fixture file (a path part starts with `clean-`), with the language its name and shebang select. */
export function cleanFixtures(): Fixture[] {
  cache ??= walk(FIXTURES)
    .map((full) => relative(ROOT, full).split(sep).join("/"))
    .filter((path) => path.split("/").some((part) => part.startsWith("clean-")))
    .map((path) => {
      const text = readFileSync(join(ROOT, path), "utf8");
      return { path, text, language: detectLanguage(path, text) };
    });
  return cache;
}

/** The clean fixtures of `language`; every clean fixture when the language has none of its own. */
export function fixturesFor(language: LanguageId): Fixture[] {
  const own = cleanFixtures().filter((fixture) => fixture.language === language);
  return own.length > 0 ? own : cleanFixtures();
}

/** Whether `path`'s expected.json (in its family directory) lists it with no findings. */
export function expectedClean(path: string): boolean {
  const [, , family, ...rest] = path.split("/");
  const expected = JSON.parse(readFileSync(join(FIXTURES, family!, "expected.json"), "utf8")) as Record<string, unknown>;
  const lines = expected[rest.join("/")];
  return Array.isArray(lines) && lines.length === 0;
}

// ---------------------------------------------------------------------------
// Hostile fragments

/**
 * Openers and closers of every syntax the front ends know, left unbalanced on
 * purpose, with line ends of every kind, NUL, BOM, lone surrogate halves and the
 * Unicode line separators.
 */
export const HOSTILE_PIECES: readonly string[] = [
  '"', "'", "`", '"""', "'''", "```", "~~~", "````", "\\", "\\\\", "\\\r\n", "\\\n",
  "${", "{$", "$(", "$((", "${{", "}}", "}", "{", "(", ")", "[", "]", "#{", "@{", "@(",
  "<<EOF\n", "<<'EOF'\n", "<<-EOF\n", "<<~EOF\n", "\nEOF\n", "EOF", "<<<EOT\n", "<<<'EOT'\n", "<<<\"EOT\"\n", "\nEOT;\n",
  '@"\n', '\n"@', "@'\n", "\n'@", "<#", "#>", "/*", "*/", "//", "#", "<!--", "-->", "--", ";", "`\n",
  "<?php ", "<?=", "<?", "?>", "<script>", "</script>", "<style>", "<script type=\"module\">", "<", ">", "</",
  "f\"", "rb'", "u'", "r\"\"\"", "f'{", "$env:", "$", "@", "%", "=", ":", ": ", ":=", "?=", "+=", "-", "- ", "? ", "|", "|-", ">-", "&", "*",
  "---\n", "...\n", "[section]\n", "export ", "ENV ", "RUN ", "define X\n", "endef\n", "\t", "    ", "  - ", "1. ", "> ",
  "run: |\n", "script:\n  - ", "auth_token=", "authToken = ", "AUTH_TOKEN: ", "\"auth_token\": ", "CONVOSO_AUTH_TOKEN",
  "\n", "\r\n", "\r", "\u2028", "\u2029", "\u0000", "\uFEFF", "\u00A0", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D\uDE00", "é", "e\u0301",
];

/** One fragment: mostly hostile syntax, sometimes arbitrary code units or graphemes. */
export const pieceArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z_]{1,8}$/) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
);

/** Arbitrary text: plain code units, code points, graphemes, and runs of hostile fragments. */
export const arbitraryTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.string({ unit: "binary-ascii", maxLength: 160 }),
  fc.string({ unit: pieceArb, maxLength: 60 }),
  fc.string({ unit: pieceArb, maxLength: 200 }),
);

/** One edit of a text; positions are taken modulo the current length. */
export type Mutation =
  | { kind: "insert"; at: number; piece: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "truncate"; at: number }
  | { kind: "eol"; style: "\n" | "\r\n" | "\r" | "mixed"; seed: number }
  | { kind: "duplicate"; at: number; length: number; to: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), piece: pieceArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("eol" as const), style: fc.constantFrom("\n" as const, "\r\n" as const, "\r" as const, "mixed" as const), seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), to: fc.nat() }) },
);

export function applyMutation(text: string, mutation: Mutation): string {
  const at = "at" in mutation ? mutation.at % (text.length + 1) : 0;
  switch (mutation.kind) {
    case "insert":
      return text.slice(0, at) + mutation.piece + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + mutation.length);
    case "truncate":
      return text.slice(0, at);
    case "duplicate": {
      const to = mutation.to % (text.length + 1);
      return text.slice(0, to) + text.slice(at, at + mutation.length) + text.slice(to);
    }
    case "eol": {
      let state = mutation.seed >>> 0;
      const styles = ["\n", "\r\n", "\r"];
      return text.replace(/\r\n|\r|\n/g, () => {
        if (mutation.style !== "mixed") return mutation.style;
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return styles[(state >>> 8) % 3]!;
      });
    }
  }
}

/** A sub-range [start, end) of a text of `length` characters, from two free numbers. */
export function rangeOf(length: number, a: number, b: number): { start: number; end: number } {
  const x = a % (length + 1);
  const y = b % (length + 1);
  return { start: Math.min(x, y), end: Math.max(x, y) };
}

// ---------------------------------------------------------------------------
// The contract, checked

/**
 * The quote characters that may open and the texts that may close each quoted style
 * (PowerShell also takes the typographic quotes).
 */
const DELIMITERS: Partial<Record<string, { open: string; close: string[] }>> = {
  single: { open: "'\u2018\u2019\u201A\u201B", close: ["'", "\u2018", "\u2019", "\u201A", "\u201B"] },
  double: { open: '"\u201C\u201D\u201E', close: ['"', "\u201C", "\u201D", "\u201E"] },
  backtick: { open: "`", close: ["`"] },
  "triple-single": { open: "'", close: ["'''"] },
  "triple-double": { open: '"', close: ['"""'] },
};

/** Everything wrong with `result` as the lexing of `text[start..end)`; empty when it keeps the contract. */
export function contractViolations(text: string, result: LexResult, start: number, end: number, escapedQuotes = false): string[] {
  const problems: string[] = [];
  const inside = (from: number, to: number) => Number.isInteger(from) && Number.isInteger(to) && start <= from && from <= to && to <= end;
  let previousEnd = start;
  result.tokens.forEach((token: Token, index) => {
    const where = `token #${index} ${token.kind} ${token.start}-${token.end}`;
    if (!inside(token.start, token.end)) problems.push(`${where} is not inside ${start}-${end}`);
    if (token.start < previousEnd) problems.push(`${where} starts before the previous token's end ${previousEnd}`);
    previousEnd = Math.max(previousEnd, token.end);
    switch (token.kind) {
      case "identifier":
        if (token.text !== text.slice(token.start, token.end)) problems.push(`${where} has text ${JSON.stringify(token.text)} but covers ${JSON.stringify(text.slice(token.start, token.end))}`);
        break;
      case "comment":
        if (!(token.start <= token.contentStart && token.contentStart <= token.contentEnd && token.contentEnd <= token.end)) {
          problems.push(`${where} has content ${token.contentStart}-${token.contentEnd} outside it`);
        }
        if (!inside(token.contentStart, token.contentEnd)) problems.push(`${where} has content ${token.contentStart}-${token.contentEnd} outside ${start}-${end}`);
        break;
      case "string": {
        if (!(token.start <= token.contentStart && token.contentStart <= token.contentEnd && token.contentEnd <= token.end)) {
          problems.push(`${where} has content ${token.contentStart}-${token.contentEnd} outside it`);
        }
        if (!inside(token.contentStart, token.contentEnd)) problems.push(`${where} has content ${token.contentStart}-${token.contentEnd} outside ${start}-${end}`);
        let at = token.contentStart;
        for (const part of token.parts) {
          const partWhere = `${where} part ${part.kind} ${part.start}-${part.end}`;
          if (part.start !== at) problems.push(`${partWhere} does not follow ${at} (parts must cover ${token.contentStart}-${token.contentEnd} in order)`);
          if (!(token.contentStart <= part.start && part.start <= part.end && part.end <= token.contentEnd)) {
            problems.push(`${partWhere} is not inside the content ${token.contentStart}-${token.contentEnd}`);
          }
          if (part.kind === "interpolation" && part.fallback && !(part.start <= part.fallback.start && part.fallback.start <= part.fallback.end && part.fallback.end <= part.end)) {
            problems.push(`${partWhere} has fallback ${part.fallback.start}-${part.fallback.end} outside it`);
          }
          at = Math.max(at, part.end);
        }
        if (at !== token.contentEnd) problems.push(`${where}: parts end at ${at}, content at ${token.contentEnd}`);
        const delimiter = DELIMITERS[token.quote];
        if (delimiter !== undefined) {
          // The text maps back: a quoted string's content sits right after its opening quote, and a closed one ends with its closing quote.
          const before = text.charAt(token.contentStart - 1);
          if (before === "" || !delimiter.open.includes(before)) problems.push(`${where} (${token.quote}) has content starting after ${JSON.stringify(before)}, not its opening quote`);
          // A unit decoded out of a host string (a notebook cell, JSON in a JSON string) closes with the host's escaped quote (`\"`).
          const close = escapedQuotes ? text.slice(token.contentEnd, token.end).replace(/^\\/, "") : text.slice(token.contentEnd, token.end);
          if (close !== "" && !delimiter.close.includes(close)) problems.push(`${where} (${token.quote}) ends with ${JSON.stringify(close)}, not its closing quote`);
        }
        break;
      }
      default:
        break;
    }
  });
  result.embedded.forEach((region, index) => {
    if (!inside(region.start, region.end)) problems.push(`embedded #${index} ${region.language} ${region.start}-${region.end} is not inside ${start}-${end}`);
  });
  return problems;
}

/** Violations of lexSource's promises: units inside the requested range, each unit's tokens inside its own range and in order. */
export function unitViolations(text: string, units: readonly LexedUnit[], start: number, end: number): string[] {
  const problems: string[] = [];
  units.forEach((unit, index) => {
    if (!(start <= unit.start && unit.start <= unit.end && unit.end <= end)) problems.push(`unit #${index} ${unit.language} ${unit.start}-${unit.end} is not inside ${start}-${end}`);
    for (const problem of contractViolations(text, { tokens: unit.tokens, embedded: [] }, unit.start, unit.end, unit.decoded !== undefined)) problems.push(`unit #${index} ${unit.language}: ${problem}`);
  });
  return problems;
}

/** A short, copy-pastable rendering of a counterexample's text. */
export function show(text: string, limit = 400): string {
  return JSON.stringify(text.length > limit ? `${text.slice(0, limit)}…(${text.length} chars)` : text);
}

/** 1-based line and column (UTF-16 units) of `offset`, counting \r\n, \r and \n as line breaks: computed independently of LineIndex. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) continue;
    if (code === 10 || code === 13) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * `n` runs, scaled by the PROPERTY_RUNS_SCALE environment variable (default 1) so a
 * deeper local search is one variable away while CI keeps its fixed, quick count.
 */
export function runs(n: number): number {
  const scale = Number(process.env.PROPERTY_RUNS_SCALE ?? "1");
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** `code` behind a proxy that counts every indexed read (`code[i]`), for the operation-count properties. */
export function countingReads(code: Token[]): { tokens: Token[]; reads: () => number } {
  let reads = 0;
  const tokens = new Proxy(code, {
    get(target, property, receiver): unknown {
      if (typeof property === "string" && property.length > 0 && property.charCodeAt(0) >= 48 && property.charCodeAt(0) <= 57) reads++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as Token[];
  return { tokens, reads: () => reads };
}

/** Token reads per code token (comments left out) of `visit` on each unit of `text`, through a counting view. */
export function readsPerCodeToken(text: string, language: LanguageId, visit: (view: CodeView, code: readonly Token[]) => void): number {
  let reads = 0;
  let tokens = 0;
  for (const unit of lexSource(text, language)) {
    const code = unit.tokens.filter((token) => token.kind !== "comment");
    tokens += code.length;
    const counted = countingReads(code);
    visit(new CodeView(text, counted.tokens), code);
    reads += counted.reads();
  }
  return reads / tokens;
}
