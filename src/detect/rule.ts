// The shape of a credential rule (data in `rules/`, or in a user's config) and
// its validation. A new provider is a new data file, never new code.

import { backtrackingProblem } from "./backtracking.js";
import { escapeRegExp } from "../languages/shared/escape-regexp.js";
import { endsWithWords, splitWords, spellings, withoutNameNumber } from "./key-names.js";

/** A credential definition: what it is called, where it lives, what to write instead. */
export interface CredentialRule {
  /** Stable id used everywhere: CLI output, SARIF ruleId, ignore comments, ESLint messages. Kebab-case. */
  id: string;
  /** One sentence for reports and docs. */
  description: string;
  /**
   * Names that carry the credential. A name matches when an identifier's words end
   * with its words (`auth_token` matches `prodAuthToken`, not `auth_token_url`).
   */
  keyNames: string[];
  /** Environment variable to suggest, e.g. `CONVOSO_AUTH_TOKEN`. */
  envVar: string;
  /** Shortest value treated as a real credential (shorter ones are examples). */
  minLength: number;
  /** Optional pattern (JavaScript regex source, matched against the whole value) a real value fits. */
  valuePattern?: string;
  /**
   * Words whose presence in a file makes it "talk to" this provider (`convoso`,
   * `api.convoso.com`); there, any name ending in `token` bound to a random-looking
   * literal is flagged too.
   */
  contextWords: string[];
  /** Where the user reads about the rule. */
  docsUrl: string;
  /**
   * Where a leaked value is revoked or rotated, completing "revoke it in …",
   * e.g. `the Convoso dashboard (Settings > API Tokens)`. History findings and
   * SARIF help say it: a committed token stays leaked after it is deleted.
   */
  revoke?: string;
  /** Values that look real but are known examples for this provider. */
  placeholders?: string[];
}

/** A rule with everything the matchers need precomputed once. */
export interface CompiledRule {
  rule: CredentialRule;
  /** Word sequences of the key names, lower case. */
  keyWords: (readonly string[])[];
  /** Lower-case spellings of the key names; a file holding none of them needs context to be matched. */
  keywords: string[];
  /** Lower-case context words. */
  contextWords: string[];
  /** Any spelling of a key name, case-insensitive. */
  keywordPattern: RegExp;
  /** A context word, case-insensitive; undefined when the rule has none. */
  contextPattern?: RegExp;
  /** The last word of a key name (`token`): weak names end with it. */
  lastWordPattern: RegExp;
  /** The distinct last words of the key names, lower case. */
  lastWords: string[];
  /**
   * How names relate to this rule, memoised for the run: the same identifiers
   * (`const`, `requests`, `params`) recur in every file, and splitting them
   * into words was a fifth of the matching time.
   */
  nameMatches: Map<string, NameMatch>;
  valuePattern?: RegExp;
  placeholders: Set<string>;
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RULE_FIELDS = ["id", "description", "keyNames", "envVar", "minLength", "valuePattern", "contextWords", "docsUrl", "revoke", "placeholders"];
const ENV_VAR = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Problems with a rule, each naming the field; empty when the rule is valid. */
export function validateRule(rule: unknown, where = "rule"): string[] {
  const problems: string[] = [];
  if (typeof rule !== "object" || rule === null || Array.isArray(rule)) return [`${where} must be an object`];
  const r = rule as Record<string, unknown>;
  const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
  // A misspelt optional field would otherwise be dropped without a word.
  for (const key of Object.keys(r)) if (!RULE_FIELDS.includes(key)) problems.push(`${where}.${key} is not a rule field (fields: ${RULE_FIELDS.join(", ")})`);
  if (typeof r.id !== "string" || !RULE_ID.test(r.id)) problems.push(`${where}.id must be a kebab-case string such as "acme-api-key"`);
  if (typeof r.description !== "string" || r.description.trim() === "") problems.push(`${where}.description must be a non-empty string`);
  if (!isStringArray(r.keyNames) || r.keyNames.length === 0) problems.push(`${where}.keyNames must be a non-empty array of strings`);
  else if (r.keyNames.some((name) => splitWords(name).length === 0)) problems.push(`${where}.keyNames must contain letters or digits`);
  if (typeof r.envVar !== "string" || !ENV_VAR.test(r.envVar)) problems.push(`${where}.envVar must be an environment variable name such as "ACME_API_KEY"`);
  if (r.minLength !== undefined && (typeof r.minLength !== "number" || !Number.isInteger(r.minLength) || r.minLength < 1)) {
    problems.push(`${where}.minLength must be a positive integer`);
  }
  if (r.valuePattern !== undefined) {
    if (typeof r.valuePattern !== "string") problems.push(`${where}.valuePattern must be a string`);
    else {
      try {
        new RegExp(r.valuePattern);
        // A config's pattern runs in every developer's hook and editor: one that can backtrack super-linearly is refused here.
        const backtracking = backtrackingProblem(r.valuePattern);
        if (backtracking) problems.push(`${where}.valuePattern ${JSON.stringify(r.valuePattern)} ${backtracking}`);
      } catch {
        problems.push(`${where}.valuePattern is not a valid regular expression`);
      }
    }
  }
  for (const key of ["docsUrl", "revoke"]) {
    if (r[key] !== undefined && typeof r[key] !== "string") problems.push(`${where}.${key} must be a string`);
  }
  for (const key of ["contextWords", "placeholders"]) {
    if (r[key] !== undefined && !isStringArray(r[key])) problems.push(`${where}.${key} must be an array of strings`);
  }
  return problems;
}

export function compileRule(rule: CredentialRule): CompiledRule {
  const keyWords = rule.keyNames.map(splitWords);
  const contextWords = rule.contextWords.map((word) => word.toLowerCase());
  const keywords = [...new Set(keyWords.flatMap(spellings))];
  const lastWords = [...new Set(keyWords.map((words) => words[words.length - 1]!))];
  return {
    rule,
    keyWords,
    keywords,
    contextWords,
    keywordPattern: anyOf(keywords),
    contextPattern: contextWords.length > 0 ? anyOf(contextWords) : undefined,
    lastWordPattern: anyOf(lastWords),
    lastWords,
    nameMatches: new Map(),
    valuePattern: rule.valuePattern === undefined ? undefined : new RegExp(`^(?:${rule.valuePattern})$`),
    placeholders: new Set((rule.placeholders ?? []).map((value) => value.toLowerCase())),
  };
}

/**
 * How a name relates to a rule: one of its key names; a key name with a qualifier
 * after it (`auth_token_reporting`, `AUTH_TOKEN_PROD`: weak) or only ending with a key
 * name's last word (weak); or neither.
 */
export type NameMatch = "key" | "qualified" | "last-word" | null;

/** How many words may follow a key name's words in a qualified name (`auth_token_eu_west`). */
const MAX_QUALIFIER_WORDS = 2;

/**
 * Words after a key name that say the name is about the token, not the token
 * itself: where it is, when it ends, how it is sent or checked (`auth_token_url`,
 * `AUTH_TOKEN_FILE`, `authTokenTtl`, `auth_token_header`, `AUTH_TOKEN_SECRET_ARN`).
 */
const ATTRIBUTE_WORDS = new Set([
  ...["url", "uri", "endpoint", "host", "domain", "file", "path", "dir", "arn", "ref", "location", "store", "source", "cookie"],
  ...["ttl", "expiry", "expires", "expiration", "exp", "at", "time", "date", "timeout", "interval", "seconds", "age", "lifetime"],
  ...["len", "length", "size", "type", "header", "name", "param", "field", "var", "env", "key", "prefix", "format", "pattern", "regex"],
  ...["prop", "property", "setting", "config", "option", "flag", "placeholder", "example", "sample"],
  ...["hash", "sha", "digest", "checksum", "mask", "masked", "hint", "label", "description", "help", "enabled", "required", "valid", "version"],
]);

/** Memoised names per rule at most; beyond it the memo starts over (a minified bundle has endless names). */
const NAME_MEMO_LIMIT = 50_000;

/** Whether `name` is one of the rule's key names (by its last words) or ends with a key name's last word. */
export function nameMatch(compiled: CompiledRule, name: string): NameMatch {
  let match = compiled.nameMatches.get(name);
  if (match === undefined) {
    match = computeNameMatch(compiled, name);
    if (compiled.nameMatches.size >= NAME_MEMO_LIMIT) compiled.nameMatches.clear();
    compiled.nameMatches.set(name, match);
  }
  return match;
}

function computeNameMatch(compiled: CompiledRule, name: string): NameMatch {
  const lower = name.toLowerCase();
  if (!compiled.lastWords.some((word) => lower.includes(word))) return null;
  const words = splitWords(name);
  if (compiled.keyWords.some((keyWords) => endsWithWords(words, keyWords))) return "key";
  // The names `fix` writes when the preferred one is taken (`CONVOSO_AUTH_TOKEN_2`) are keys too.
  const unnumbered = withoutNameNumber(name);
  if (unnumbered !== undefined && computeNameMatch(compiled, unnumbered) === "key") return "key";
  if (compiled.keyWords.some((keyWords) => isQualified(words, keyWords))) return "qualified";
  return compiled.keyWords.some((keyWords) => words[words.length - 1] === keyWords[keyWords.length - 1]) ? "last-word" : null;
}

/** `words` hold `keyWords` followed by one or two words, none of which is an attribute of the token. */
function isQualified(words: readonly string[], keyWords: readonly string[]): boolean {
  for (let qualifiers = 1; qualifiers <= MAX_QUALIFIER_WORDS && qualifiers < words.length; qualifiers++) {
    const head = words.slice(0, words.length - qualifiers);
    if (!endsWithWords(head, keyWords)) continue;
    return words.slice(head.length).every((word) => !ATTRIBUTE_WORDS.has(word) && !/^\d+$/.test(word));
  }
  return false;
}

/** One case-insensitive alternation of literal words. */
export function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.map(escapeRegExp).join("|"), "i");
}

/**
 * Whether a rule can match anything in `text`: a spelling of a key name is
 * there, or (weak names) a context word and the key's last word both are.
 * Also tells whether the file talks to the provider.
 */
export function ruleApplies(rule: CompiledRule, text: string): { applies: boolean; inContext: boolean } {
  const inContext = rule.contextPattern?.test(text) === true;
  const applies = rule.keywordPattern.test(text) || (inContext && rule.lastWordPattern.test(text));
  return { applies, inContext };
}
