// Masking of secret values: the only form in which a found value (or anything
// shaped like one: a file name, an env var name, a diff's context line) is printed.

import { judgeValue } from "./judge-value.js";

/** The most characters a redacted form shows, whatever the value's length. */
const MAX_SHOWN = 8;

/**
 * Shows at most a quarter of the value (never more than 8 characters), most of
 * it at the start, and nothing of its length: a 12-character token shows 3
 * (`Ab****k`), a 32-character one 8 (4 at each end).
 */
export function redact(value: string): string {
  const shown = Math.min(MAX_SHOWN, Math.floor(value.length / 4));
  if (shown === 0) return "****";
  const head = Math.ceil(shown / 2);
  const tail = shown - head;
  return `${value.slice(0, head)}****${tail === 0 ? "" : value.slice(-tail)}`;
}

/** How many characters `redact(value)` hides: what a guesser must find. */
export function hiddenLength(value: string): number {
  return value.length - Math.min(MAX_SHOWN, Math.floor(value.length / 4));
}

/** Nothing token-shaped is shorter: the shortest value any built-in rule accepts. */
const MIN_TOKEN_LENGTH = 12;
const NO_PLACEHOLDERS: ReadonlySet<string> = new Set();

/**
 * Whether a run of letters and digits would pass the detector's value judge on
 * weak evidence (random-looking, not a word, number, hash or identifier): what
 * outputs mask even where no finding named it.
 */
export function isTokenShaped(run: string): boolean {
  return run.length >= MIN_TOKEN_LENGTH && judgeValue(run, { minLength: MIN_TOKEN_LENGTH, placeholders: NO_PLACEHOLDERS, weak: true }) === "secret";
}

/** Maximal runs of letters and digits long enough to be a token (each run is matched once: linear). */
const ALPHANUMERIC_RUN = /[A-Za-z0-9]{12,}/g;

/**
 * `text` with every token-shaped run of letters and digits redacted: diff lines,
 * and paths as outputs print them and baselines store them (a file or folder named after a token).
 */
export function maskTokenShaped(text: string): string {
  return text.replace(ALPHANUMERIC_RUN, (run) => (isTokenShaped(run) ? redact(run) : run));
}

/** Letters and digits of one case of hexadecimal only: how revision ids and content hashes name files. */
const HEX_RUN = /^(?:[0-9a-f]+|[0-9A-F]+)$/;

/**
 * A path as outputs print it, with a folder or file named after a token masked, but
 * not the hexadecimal runs that name files everywhere (an Alembic revision
 * `3f9a1c2b7d4e_seed.py`, a bundle's `app.5d41402abc4b2a76.js`, a commit's folder):
 * masked, a path no longer opens in an editor, a SARIF viewer or a CI annotation.
 */
export function maskTokenShapedPath(path: string): string {
  return path.replace(ALPHANUMERIC_RUN, (run) => (!HEX_RUN.test(run) && isTokenShaped(run) ? redact(run) : run));
}

