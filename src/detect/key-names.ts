// Key-name matching by words: `vault_convoso_auth_token`, `prodAuthToken` and
// `$env:STAGING_AUTH_TOKEN` all end with the words of `auth_token`, while
// `auth_token_url` and `oauth_token` do not. Case, separators and sigils never matter.

import { CharacterCodes } from "../languages/shared/character-codes.js";

const enum CharKind {
  separator,
  lower,
  upper,
  digit,
}

function kindOf(code: number): CharKind {
  if (code >= CharacterCodes.a && code <= CharacterCodes.z) return CharKind.lower;
  if (code >= CharacterCodes.A && code <= CharacterCodes.Z) return CharKind.upper;
  return code >= CharacterCodes._0 && code <= CharacterCodes._9 ? CharKind.digit : CharKind.separator;
}

/**
 * Names already split. The matchers ask about the same identifiers again and
 * again (every call's callee, every weak name's words), and a fresh array per
 * question was a fifth of everything a scan allocates. Bounded: cleared when full.
 */
const splitNames = new Map<string, readonly string[]>();
const SPLIT_NAMES_LIMIT = 4096;

/** Splits a name into lower-case words at `_ - . : / $ @ space`, camelCase humps and digit runs. */
export function splitWords(name: string): readonly string[] {
  let words = splitNames.get(name);
  if (words === undefined) {
    if (splitNames.size >= SPLIT_NAMES_LIMIT) splitNames.clear();
    splitNames.set(name, (words = Object.freeze(wordsOf(name))));
  }
  return words;
}

function wordsOf(name: string): string[] {
  const words: string[] = [];
  let wordStart = -1;
  let previous = CharKind.separator;
  for (let index = 0; index < name.length; index++) {
    const kind = kindOf(name.charCodeAt(index));
    if (kind === CharKind.separator) {
      if (wordStart >= 0) words.push(name.slice(wordStart, index).toLowerCase());
      wordStart = -1;
      previous = kind;
      continue;
    }
    const startsWord =
      wordStart >= 0 &&
      ((kind === CharKind.upper && previous === CharKind.lower) || // camelCase
        (kind === CharKind.upper && previous === CharKind.upper && kindOf(name.charCodeAt(index + 1)) === CharKind.lower) || // HTTPServer -> http server
        (kind === CharKind.digit) !== (previous === CharKind.digit)); // token2 -> token 2
    if (startsWord) words.push(name.slice(wordStart, index).toLowerCase());
    if (wordStart < 0 || startsWord) wordStart = index;
    previous = kind;
  }
  if (wordStart >= 0) words.push(name.slice(wordStart).toLowerCase());
  return words;
}

/** Whether `words` ends with `suffix` (both lower case). */
export function endsWithWords(words: readonly string[], suffix: readonly string[]): boolean {
  if (suffix.length === 0 || suffix.length > words.length) return false;
  const offset = words.length - suffix.length;
  return suffix.every((word, index) => words[offset + index] === word);
}

/** Lower-case spellings of a word sequence as it may appear in text, for the keyword prefilter. */
export function spellings(words: readonly string[]): string[] {
  return [...new Set([words.join("_"), words.join(""), words.join("-")])];
}

/** A `_2`-style number at the end of a name (no leading zero), as earlier versions of `token-guard fix` wrote it. */
const NAME_NUMBER = /_[1-9][0-9]*$/;

/**
 * `name` without the number earlier fix runs appended (`CONVOSO_AUTH_TOKEN_2` is a
 * `CONVOSO_AUTH_TOKEN`), or undefined when it ends otherwise. Only `_` and digits
 * to the end: `auth_token_2fa`, `authToken2` and `auth_token_ttl_30` keep their words.
 */
export function withoutNameNumber(name: string): string | undefined {
  const match = NAME_NUMBER.exec(name);
  return match === null ? undefined : name.slice(0, match.index);
}
