// Dotenv files, pure: read the entries a `.env` already holds, choose the name
// each removed value is stored under, and write new lines that every dotenv
// parser (and `set -a; . ./.env`) reads back as the same value.

import { lexDotenv } from "../languages/dotenv/lexer.js";
import { CharacterCodes } from "../languages/shared/character-codes.js";
import { findLineEnd } from "../languages/shared/scanner.js";
import type { StringToken } from "../languages/shared/tokens.js";

/** One `NAME=value` line; with `foundAt`, a commented-out `# NAME=value` line saying where the value was found. */
export interface EnvEntry {
  name: string;
  value: string;
  /** A second value for a name that already holds one, or a value from an example file: kept as a comment, not read. */
  foundAt?: string;
  /** The value was in an example file (`.env.example`): published, so never the one `.env` sets. */
  fromExample?: boolean;
}

/**
 * The entries of a dotenv text, later lines winning (as util.parseEnv and dotenv
 * do), read through the scanner's own dotenv lexer so fix and scan see the same
 * lines: LF, CRLF or CR line ends, `export KEY=…`, `KEY: value`, comments, quoted
 * values over several lines. Values as util.parseEnv reads them: '…' and `…`
 * literal, "…" with `\n` as a line break, bare ones cut at `#` and trimmed.
 */
export function parseEnvFile(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  const start = text.charCodeAt(0) === CharacterCodes.byteOrderMark ? 1 : 0;
  const { tokens } = lexDotenv(text, start);
  for (let index = 0; index + 2 < tokens.length; index++) {
    const [key, separator, value] = [tokens[index]!, tokens[index + 1]!, tokens[index + 2]!];
    if (key.kind !== "identifier" || separator.kind !== "punct" || value.kind !== "string") continue;
    entries.set(key.text, valueOf(text, value));
    index += 2;
  }
  return entries;
}

function valueOf(text: string, token: StringToken): string {
  const content = text.slice(token.contentStart, token.contentEnd);
  if (token.quote === "bare") return bare(content);
  // An unclosed quote is no quote: the line is read as it stands, quote included.
  if (token.end === token.contentEnd) return bare(text.slice(token.start, findLineEnd(text, token.start, text.length)));
  return token.quote === "double" ? content.replaceAll("\\n", "\n") : content;
}

function bare(raw: string): string {
  const comment = raw.indexOf("#");
  return (comment < 0 ? raw : raw.slice(0, comment)).trim();
}

/** Characters that mean the same to every dotenv parser and to a shell without quotes. */
const SAFE_BARE = /^[A-Za-z0-9_@%+=:,./~-]+$/;

/** `value` written so it reads back unchanged: bare when safe, else single quotes, else escaped double quotes. */
export function serializeEnvValue(value: string): string {
  if (SAFE_BARE.test(value)) return value;
  if (!/['\r\n]/.test(value)) return `'${value}'`;
  return `"${value.replace(/[\\"$`]/g, (char) => `\\${char}`).replace(/\n/g, "\\n").replace(/\r/g, "\\r")}"`;
}

/** The newline a text already uses (CRLF when most of its line breaks are), LF for an empty text. */
export function newlineOf(text: string): "\n" | "\r\n" {
  const crlf = text.split("\r\n").length - 1;
  const all = text.split("\n").length - 1;
  return crlf > 0 && crlf * 2 >= all ? "\r\n" : "\n";
}

/** `existing` with `lines` appended, each on its own line, in the file's own line endings. */
export function appendLines(existing: string, lines: readonly string[]): string {
  if (lines.length === 0) return existing;
  const newline = newlineOf(existing);
  const separator = existing === "" || existing.endsWith("\n") ? "" : newline;
  return `${existing}${separator}${lines.map((line) => `${line}${newline}`).join("")}`;
}

/** `.env` text with the entries appended as `NAME=value` lines (a `foundAt` one commented out). */
export function appendEntries(existing: string, entries: readonly EnvEntry[]): string {
  return appendLines(existing, entries.map((entry) => (entry.foundAt === undefined ? `${entry.name}=${serializeEnvValue(entry.value)}` : `${COMMENTED}${entry.name}=${serializeEnvValue(entry.value)} # ${entry.fromExample ? "from an example file" : "another value"}, found at ${oneLine(entry.foundAt)}`)));
}

/** How a commented-out value starts: a later run reads these back so it does not add them again. */
const COMMENTED = "# ";

/** The `# NAME=value` lines fix wrote, as `NAME\0value` keys. */
export function commentedEntries(text: string): Set<string> {
  const keys = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (!line.startsWith(COMMENTED)) continue;
    for (const [name, value] of parseEnvFile(line.slice(COMMENTED.length))) keys.add(`${name}\0${value}`);
  }
  return keys;
}

/** A path with a line break would end the comment early. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]/g, " ");
}

/** The `NAME=` lines `.env.example` lacks, for the names given (its existing names untouched). */
export function exampleLines(exampleText: string, names: readonly string[]): string[] {
  const present = parseEnvFile(exampleText);
  return [...new Set(names)].filter((name) => !present.has(name)).map((name) => `${name}=`);
}
