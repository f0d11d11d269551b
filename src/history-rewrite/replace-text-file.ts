// `scan --history --replace-text FILE`: the file `git filter-repo --replace-text`
// reads to scrub the leaked values from every commit. Its syntax (filter-repo's
// get_replace_text): one rule a line, `literal==>replacement`, split at the last
// `==>`; a line starting `regex:` or `glob:` is a pattern and `literal:` is
// stripped; no comments; a line cannot hold a line break. The file holds the
// values themselves, so it is created new with mode 0600, never replaces a file,
// and nothing of it is printed.

import { access, link, rm } from "node:fs/promises";
import { temporaryPathFor, writeTemporary, WriteError } from "../fix/atomic-write.js";

export const REPLACEMENT = "REDACTED";
const PREFIXES = ["regex:", "glob:", "literal:"];

/** The rules for `values` (each once, sorted), and how many could not be written as a rule (a line break inside). */
export function replaceTextRules(values: Iterable<string>): { text: string; rules: number; unwritable: number } {
  const distinct = [...new Set(values)].sort();
  const writable = distinct.filter((value) => !value.includes("\n") && !value.includes("\r"));
  // A value that starts like a prefix would be read as a pattern (or lose its start): `literal:` keeps it literal.
  const lines = writable.map((value) => `${PREFIXES.some((prefix) => value.startsWith(prefix)) ? "literal:" : ""}${value}==>${REPLACEMENT}\n`);
  return { text: lines.join(""), rules: lines.length, unwritable: distinct.length - writable.length };
}

/** Refuses, before a long scan, a file that exists already. */
export async function checkReplaceTextTarget(file: string, shown: string): Promise<void> {
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) throw new WriteError(`${shown} already exists: --replace-text never overwrites a file; remove it or name a new one`);
}

/**
 * Writes `text` to `file`, which must not exist: a 0600 temporary file beside it,
 * then a hard link to the name (which fails if the name was taken meanwhile), so
 * the file appears whole or not at all.
 */
export async function writeReplaceTextFile(file: string, shown: string, text: string): Promise<void> {
  const temporary = temporaryPathFor(file);
  try {
    await writeTemporary(temporary, text, 0o600);
    await link(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new WriteError(`${shown} already exists: --replace-text never overwrites a file; remove it or name a new one`);
    throw new WriteError(`cannot write ${shown}: ${code ?? (error as Error).message}`);
  } finally {
    await rm(temporary, { force: true });
  }
}
