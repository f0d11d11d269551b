// Dotenv files, pure: read the entries a `.env` already holds, choose the name
// each removed value is stored under, and write new lines that every dotenv
// parser (and `set -a; . ./.env`) reads back as the same value.

import { numberedName } from "../detect/key-names.js";
import { lexDotenv } from "../languages/dotenv/lexer.js";
import { CharacterCodes } from "../languages/shared/character-codes.js";
import { findLineEnd } from "../languages/shared/scanner.js";
import type { StringToken } from "../languages/shared/tokens.js";

/** One `NAME=value` line. */
export interface EnvEntry {
  name: string;
  value: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

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

/** `.env` text with the entries appended as `NAME=value` lines. */
export function appendEntries(existing: string, entries: readonly EnvEntry[]): string {
  return appendLines(existing, entries.map((entry) => `${entry.name}=${serializeEnvValue(entry.value)}`));
}

/** The `NAME=` lines `.env.example` lacks, for the names given (its existing names untouched). */
export function exampleLines(exampleText: string, names: readonly string[]): string[] {
  const present = parseEnvFile(exampleText);
  return [...new Set(names)].filter((name) => !present.has(name)).map((name) => `${name}=`);
}

/** Why a value is stored under a name other than the one the finding suggested. */
export type NameChange =
  | { kind: "same-value"; preferred: string } // the value is already stored under another name
  | { kind: "taken"; preferred: string }; // the preferred name holds a different value

export interface NameChoice {
  name: string;
  /** True when this call added the entry (it must be written to the file). */
  added: boolean;
  change?: NameChange;
}

/**
 * Chooses env var names for removed values against what a `.env` already holds
 * and what this run has chosen: the same value always gets the same name; a
 * name already holding a different value is never reused, the value gets
 * `NAME_2`, `NAME_3`, … instead. Call in a stable order (file, then offset) and
 * the names are stable too.
 */
export class EnvNames {
  private readonly valueOf = new Map<string, string>();
  private readonly nameOf = new Map<string, string>();
  private readonly additions: EnvEntry[] = [];
  /**
   * Per preferred name, the next suffix to try: every one below it is held (names
   * are never freed), so 16,000 values with one preferred name do not each walk
   * the 16,000 suffixes before theirs.
   */
  private readonly nextSuffix = new Map<string, number>();
  /** `preferred\0value` → the smallest suffix below nextSuffix that holds the value. */
  private readonly heldSuffix = new Map<string, number>();

  constructor(existing: ReadonlyMap<string, string> = new Map()) {
    for (const [name, value] of existing) {
      this.valueOf.set(name, value);
      if (!this.nameOf.has(value)) this.nameOf.set(value, name);
    }
  }

  /**
   * The name for `value`, preferring `preferred`. `renamable`: whether the code
   * that will read it can use another name (false when the code already reads
   * `preferred` itself, e.g. a fallback that is only dropped).
   */
  choose(preferred: string, value: string, renamable: boolean): NameChoice {
    if (!NAME.test(preferred)) throw new RangeError(`not an environment variable name: ${preferred}`);
    if (this.valueOf.get(preferred) === value) return { name: preferred, added: false };
    const known = this.nameOf.get(value);
    if (renamable && known !== undefined) return { name: known, added: false, change: { kind: "same-value", preferred } };
    if (!this.valueOf.has(preferred)) return { name: this.add(preferred, value), added: true };
    const passed = this.heldSuffix.get(`${preferred}\0${value}`);
    if (passed !== undefined) return { name: numberedName(preferred, passed), added: false, change: { kind: "taken", preferred } };
    for (let suffix = this.nextSuffix.get(preferred) ?? 2; ; suffix++) {
      const candidate = numberedName(preferred, suffix);
      const held = this.valueOf.get(candidate);
      if (held === undefined) {
        this.nextSuffix.set(preferred, suffix + 1);
        this.heldSuffix.set(`${preferred}\0${value}`, suffix);
        return { name: this.add(candidate, value), added: true, change: { kind: "taken", preferred } };
      }
      const key = `${preferred}\0${held}`;
      if (!this.heldSuffix.has(key)) this.heldSuffix.set(key, suffix);
      if (held === value) {
        this.nextSuffix.set(preferred, suffix + 1);
        return { name: candidate, added: false, change: { kind: "taken", preferred } };
      }
    }
  }

  /** The entries chosen by this run that the file does not hold yet, in the order chosen. */
  added(): EnvEntry[] {
    return [...this.additions];
  }

  private add(name: string, value: string): string {
    this.valueOf.set(name, value);
    if (!this.nameOf.has(value)) this.nameOf.set(value, name);
    this.additions.push({ name, value });
    return name;
  }
}
