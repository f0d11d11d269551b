// Values on command lines: `mycli --auth-token v`, `gh secret set CONVOSO_AUTH_TOKEN --body v`,
// `aws ssm put-parameter --name /convoso/auth_token --value v`, `setx CONVOSO_AUTH_TOKEN v`,
// `set -gx CONVOSO_AUTH_TOKEN v`. Read in shell code and in commented-out commands of every
// language, from shell-style tokens: a word is an identifier or a string, punctuation ends
// the command. One pass over the words; each key looks at a bounded number of words after it.

import { bareString } from "../languages/shared/scanner.js";
import type { StringToken, Token } from "../languages/shared/tokens.js";

/** A value a command line binds to a key: the whole word, or its part after `--flag=`. */
export interface CommandValue<Key> {
  key: Key;
  token: StringToken;
  start: number;
  end: number;
}

/** Flags that carry the value of the secret a command names: `gh secret set K --body v`, `--value`, `--secret-string`. */
const VALUE_FLAGS = new Set(["--body", "-b", "--value", "--secret-string", "--secret-value", "--default"]);
/** Commands whose first operand names a variable and the next one is its value: `setx K v`, fish `set -gx K v`, `doppler secrets set K v`. */
const SETTERS = new Set(["set", "setx"]);
/** How many words after a key its value flag may stand (`--name K --type SecureString --value v`). */
const MAX_WORDS_AFTER_KEY = 12;

/**
 * Every value the command lines in `tokens` bind to a key. `keyOf` classifies a word's
 * text (undefined when it names no key); `text` is the file.
 */
export function commandValues<Key>(text: string, tokens: readonly Token[], keyOf: (word: string, token: Token) => Key | undefined): CommandValue<Key>[] {
  const values: CommandValue<Key>[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const word = wordText(text, tokens[index]!);
    if (word === undefined) continue;
    const key = keyOf(word, tokens[index]!);
    if (key === undefined) continue;
    const value = word.startsWith("-") ? flagValue(text, tokens, index + 1) : (setterValue(text, tokens, index) ?? subjectValue(text, tokens, index));
    if (value !== undefined) values.push({ key, ...value });
  }
  return values;
}

/** `--auth-token v`: the word after a flag that names the key itself. */
function flagValue(text: string, tokens: readonly Token[], index: number): Omit<CommandValue<never>, "key"> | undefined {
  const token = tokens[index];
  const word = token === undefined ? undefined : wordText(text, token);
  if (token === undefined || word === undefined || word.startsWith("-") || word.startsWith("$")) return undefined;
  const literal = literalWord(token);
  return literal && { token: literal, start: literal.contentStart, end: literal.contentEnd };
}

/** `setx K v`, `set -gx K v`: the word after a key that a setter's first operand names. */
function setterValue(text: string, tokens: readonly Token[], index: number): Omit<CommandValue<never>, "key"> | undefined {
  let before = index - 1;
  while (before >= 0 && wordText(text, tokens[before]!)?.startsWith("-")) before--;
  const setter = before >= 0 ? wordText(text, tokens[before]!) : undefined;
  return setter !== undefined && SETTERS.has(setter.toLowerCase()) ? flagValue(text, tokens, index + 1) : undefined;
}

/** `gh secret set K --body v`, `--name …/auth_token --value=v`: a value flag later in the command that names the key. */
function subjectValue(text: string, tokens: readonly Token[], index: number): Omit<CommandValue<never>, "key"> | undefined {
  for (let probe = index + 1; probe < tokens.length && probe <= index + MAX_WORDS_AFTER_KEY; probe++) {
    const token = tokens[probe]!;
    const word = wordText(text, token);
    if (word === undefined) return undefined;
    if (VALUE_FLAGS.has(word)) return flagValue(text, tokens, probe + 1);
    const equals = word.indexOf("=");
    if (equals > 0 && VALUE_FLAGS.has(word.slice(0, equals)) && token.kind === "string" && token.parts.every((part) => part.kind === "text")) {
      const start = token.contentStart + equals + 1;
      return start < token.contentEnd ? { token, start, end: token.contentEnd } : undefined;
    }
  }
  return undefined;
}

/** A word's text: an identifier's name or a string's content; undefined for punctuation, which ends a command. */
function wordText(text: string, token: Token): string | undefined {
  if (token.kind === "identifier") return token.text;
  if (token.kind === "string") return text.slice(token.contentStart, token.contentEnd);
  return undefined;
}

/** The word as a literal string: a quoted or bare word without expansions (an identifier is a bare word on a command line). */
function literalWord(token: Token): StringToken | undefined {
  if (token.kind === "identifier") return bareString(token.start, token.end);
  if (token.kind !== "string" || token.contentEnd <= token.contentStart) return undefined;
  return token.parts.every((part) => part.kind === "text") ? token : undefined;
}
