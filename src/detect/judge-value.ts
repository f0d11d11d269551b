// The value judge: is this literal a real credential, or an example, a
// reference, a hash or prose? Placeholders are decided here, once, for every door.

import { isEvidentlyNotCredential, isExampleJwt } from "./not-a-credential.js";

/** Why a value was rejected, or "secret". */
export type Verdict =
  | "secret"
  | "empty"
  | "too-short"
  | "placeholder"
  | "interpolation"
  | "prose"
  | "hash"
  | "identifier"
  | "not-random"
  | "not-a-credential"
  | "shape";

export interface JudgeOptions {
  minLength: number;
  /** Extra placeholder values (lower case), from the rule and the user's config. */
  placeholders: ReadonlySet<string>;
  /** When set, the value must match it. */
  valuePattern?: RegExp;
  /**
   * Weak evidence (a name merely ending in `token`): the value must also look
   * random, and hash-shaped values are rejected.
   */
  weak: boolean;
  /**
   * The weak name names the provider too (`CONVOSO_REPORTING_TOKEN`): it says what
   * the value is, so a hex value is not taken for a digest (which a `hash`/`sha`
   * word in the name would announce; those names never match).
   */
  providerNamed?: boolean;
}

/** Words that mark a value as an example when they make up most of it. */
const PLACEHOLDER_WORDS = /(?:your|my|the|insert|enter|replace|put|paste|add|set|fake|dummy|sample|example|test|placeholder|changeme|change[_-]?me|redacted|secret|token|here|xxx|todo|tbd|none|null|undefined|foo|bar|baz|api|auth|key|value|goes|demo|mock)/gi;

/** Whole-value placeholder shapes. */
const PLACEHOLDER_SHAPES: RegExp[] = [
  /^<[^<>]*>$/, // <auth_token>, <YOUR_TOKEN>
  /^\[[^[\]]*\]$/, // [TOKEN]
  /^\{[^{}]*\}$/, // {token}
  /^(.)\1+$/, // xxxxxxxx, ********, 00000000
  /^[x*.#_-]+$/i, // xxxx-xxxx, ***...
  /^(?:abc|123|qwerty|asdf|test|pass|password|secret|token)+\d*$/i,
  /^(?:0123456789|1234567890|abcdefghij)/i, // sequences
  /your[_-]?(?:api[_-]?)?(?:auth[_-]?)?(?:token|key|secret)|(?:token|key)[_-]?here/i, // YOUR_TOKEN_HERE glued to more text
];

/** Interpolations and references that are not literal values. */
const REFERENCE_SHAPES: RegExp[] = [
  /\$\{[^}]*\}/, // ${VAR}, ${{ secrets.X }}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^\$\(.*\)$/, // $(command)
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR%
  /^%\(?[A-Za-z_]*\)?[sd]$/, // %s, %(token)s
  /^#\{.*\}$/, // #{var}
  /^(?:process\.env|os\.environ|os\.getenv|getenv|\$_ENV|\$_SERVER|\$env:|ENV\[)/,
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_HASH = /^(?:[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i;
const INTEGRITY = /^(?:sha1|sha256|sha384|sha512|md5)[-:]/i;
/**
 * A chain of member names (`Rails.application.credentials`, `settings.convosoToken`,
 * `config.auth_token`): code that reads a value, where a line is read as text. Each
 * part is letters (and underscores) with at most trailing digits; random tokens mix digits in.
 */
const MEMBER_PATH = /^[A-Za-z_$][A-Za-z_$]*\d*(?:\.[A-Za-z_$][A-Za-z_$]*\d*)+$/;
/**
 * A relative file path (`secrets/convoso_auth_token.txt`, `config/prod.env`): folders,
 * then a name with an extension. No token alphabet holds both `/` and `.` (base64 has
 * no dot, base64url no slash, a JWT no slash).
 */
const RELATIVE_FILE_PATH = /^[\w-]+(?:\/[\w.-]+)*\/[\w.-]*\.[A-Za-z][A-Za-z0-9]{0,5}$/;
/** Characters a token may contain: base64(url), hex, dots and dashes. */
const TOKEN_CHARS = /^[A-Za-z0-9._~+/=:-]+$/;

/** Longer values are documents, not credentials; the bound also keeps every check below cheap. */
const MAX_VALUE_LENGTH = 512;

/**
 * Whether `text[start..end)`, trimmed, is too long to be a credential (judgeValue's
 * first "shape"), read at its whitespace ends only: a key inside a long run of
 * value characters (`auth_token=auth_token=…`) makes a candidate spanning the
 * rest of the run, one per key, and copying each to judge it read the run again.
 */
export function tooLongForCredential(text: string, start: number, end: number): boolean {
  if (end - start <= MAX_VALUE_LENGTH) return false;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end - start > MAX_VALUE_LENGTH;
}

export function judgeValue(value: string, options: JudgeOptions): Verdict {
  const trimmed = value.trim();
  if (trimmed === "") return "empty";
  if (trimmed.length > MAX_VALUE_LENGTH) return "shape";
  if (REFERENCE_SHAPES.some((shape) => shape.test(trimmed)) || isTemplatePlaceholder(trimmed)) return "interpolation";
  if (trimmed.startsWith("$ANSIBLE_VAULT") || trimmed.startsWith("ENC[") || trimmed.startsWith("vault:")) return "hash";
  if (INTEGRITY.test(trimmed)) return "hash";
  if (/\s/.test(trimmed)) return "prose";
  if (options.placeholders.has(trimmed.toLowerCase())) return "placeholder";
  if (PLACEHOLDER_SHAPES.some((shape) => shape.test(trimmed))) return "placeholder";
  if (isMostlyPlaceholderWords(trimmed) || isKeyboardSequence(trimmed) || announcesTestData(trimmed, options.minLength) || isExampleJwt(trimmed)) return "placeholder";
  if (trimmed.length < options.minLength) return "too-short";
  if (/^\d+$/.test(trimmed) || UUID.test(trimmed)) return "identifier";
  // Words and names (`authentication`, `CONVOSO_AUTH_TOKEN`, `x-auth-token`, `convosoAuthToken`),
  // not random characters: random mixed case almost never avoids two capitals in a row.
  if (/^[a-z]+(?:[_.-][a-z]+)*$/.test(trimmed) || /^[A-Z]+(?:[_.-][A-Z]+)*$/.test(trimmed)) return "identifier";
  if (/^[A-Za-z][a-z]+(?:[A-Z][a-z]+)+$/.test(trimmed)) return "identifier";
  if (MEMBER_PATH.test(trimmed)) return "identifier";
  if (/^(?:https?|ftp|file):\/\//i.test(trimmed) || /^[./~]*\//.test(trimmed) || RELATIVE_FILE_PATH.test(trimmed)) return "shape";
  if (!TOKEN_CHARS.test(trimmed)) return "shape";
  if (options.valuePattern && !options.valuePattern.test(trimmed)) return "shape";
  if (options.weak) {
    if (!options.providerNamed && HEX_HASH.test(trimmed)) return "hash";
    if (!looksRandom(trimmed)) return "not-random";
    if (isEvidentlyNotCredential(trimmed)) return "not-a-credential";
  }
  return "secret";
}

/** `{{ var }}` (Jinja, Mustache, Helm), found without a backtracking regex. */
function isTemplatePlaceholder(value: string): boolean {
  const open = value.indexOf("{{");
  return open >= 0 && value.indexOf("}}", open + 2) >= 0;
}

/** `abc123def456`, `1234abcd5678`: built from ascending runs (`abc`, `123`) that a person typed. */
function isKeyboardSequence(value: string): boolean {
  let inRuns = 0;
  let runLength = 1;
  for (let index = 1; index <= value.length; index++) {
    if (index < value.length && value.charCodeAt(index) === value.charCodeAt(index - 1) + 1) {
      runLength++;
      continue;
    }
    if (runLength >= 3) inRuns += runLength;
    runLength = 1;
  }
  return inRuns >= value.length * 0.9;
}

/** A value that opens with a word saying it is made up: `test-…`, `fake_…`, `dummy.…`. */
const TEST_DATA_OPENING = /^(?:test|fake|dummy|example|sample|mock)[-_.]/i;

/**
 * `test-auth-token-0123456789abcdef`, `fake_convoso_9f2c`: a value that opens with
 * a test-data word, and whose random part (the pieces holding a digit; the others
 * are words) is shorter than a credential or a typed run. Under any name: a real
 * token under `TEST_AUTH_TOKEN`, or a provider's own `test_…` key with its long
 * random tail, is still found.
 */
function announcesTestData(value: string, minLength: number): boolean {
  const opening = TEST_DATA_OPENING.exec(value);
  if (opening === null) return false;
  const random = value
    .slice(opening[0].length)
    .split(/[-_.]/)
    .filter((piece) => /\d/.test(piece))
    .join("");
  return random.length < minLength || isKeyboardSequence(random);
}

/** `YOUR_TOKEN_HERE`, `insert-api-key`, `my_secret_token`: the words, not the characters, carry it. */
function isMostlyPlaceholderWords(value: string): boolean {
  const withoutWords = value.replace(PLACEHOLDER_WORDS, "");
  const remaining = withoutWords.replace(/[^A-Za-z0-9]/g, "");
  return remaining.length <= Math.max(2, value.length * 0.2);
}

/**
 * A random-looking value mixes letters with digits and rarely repeats a
 * character: Shannon entropy of at least 3 bits per character. Camel-case words
 * (`Deploymentchannelname`) have the entropy but no digits.
 */
export function looksRandom(value: string): boolean {
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  return shannonEntropy(value) >= 3;
}

export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
