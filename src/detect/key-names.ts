// Key-name matching by words: `vault_convoso_auth_token`, `prodAuthToken` and
// `$env:STAGING_AUTH_TOKEN` all end with the words of `auth_token`, while
// `auth_token_url` and `oauth_token` do not. Case, separators and sigils never matter.

/** Splits a name into lower-case words at `_ - . : / $ @ space`, camelCase humps and digit runs. */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  let current = "";
  let previousKind: "lower" | "upper" | "digit" | "none" = "none";
  for (let index = 0; index < name.length; index++) {
    const char = name[index]!;
    const kind = /[a-z]/.test(char) ? "lower" : /[A-Z]/.test(char) ? "upper" : /[0-9]/.test(char) ? "digit" : "none";
    if (kind === "none") {
      if (current) words.push(current);
      current = "";
      previousKind = "none";
      continue;
    }
    const nextIsLower = /[a-z]/.test(name[index + 1] ?? "");
    const startsWord =
      current !== "" &&
      ((kind === "upper" && previousKind === "lower") || // camelCase
        (kind === "upper" && previousKind === "upper" && nextIsLower) || // HTTPServer -> http server
        (kind === "digit") !== (previousKind === "digit")); // token2 -> token 2
    if (startsWord) {
      words.push(current);
      current = "";
    }
    current += char.toLowerCase();
    previousKind = kind;
  }
  if (current) words.push(current);
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
