// The pure entry point of detection: one Source in, its Findings out.
// Prefilter → front end → matchers → value judge → findings → shared filter.

import { withoutComments } from "../languages/shared/code-tokens.js";
import { detectLanguage } from "../languages/detect-language.js";
import { writeReplacement } from "../languages/write-replacement.js";
import { lexSource, type LexedUnit } from "../languages/lex-source.js";
import { sortEdits, type Replacement } from "../languages/shared/replacement.js";
import type { Token } from "../languages/shared/tokens.js";
import type { Candidate } from "./candidate.js";
import type { Detection } from "./detection.js";
import { isDotEnvFile } from "./dot-env-file.js";
import { filterFindings } from "./filter.js";
import { judgeValue, tooLongForCredential } from "./judge-value.js";
import { LineIndex } from "./line-index.js";
import { createMatchContext, matchUnit } from "./match.js";
import { legacyFingerprintOf } from "./fingerprint.js";
import { maskTokenShaped, redact } from "./redact.js";
import { ruleApplies, type CompiledRule } from "./rule.js";
import type { Finding, Source } from "./types.js";

export function scanSource(source: Source, detection: Detection): Finding[] {
  const { text } = source;
  // A .env file is where a token belongs: only one git does not ignore is worth matching
  // (after fix has filled one with CONVOSO_AUTH_TOKEN_2, _3, … every line is a key).
  const dotEnv = isDotEnvFile(source.path);
  if (dotEnv && source.gitIgnored !== false) return [];
  if (!detection.prefilter.test(text)) return [];
  const rules: CompiledRule[] = [];
  const contextRules = new Set<CompiledRule>();
  for (const rule of detection.rules) {
    const { applies, inContext } = ruleApplies(rule, text);
    if (applies) rules.push(rule);
    if (applies && inContext) contextRules.add(rule);
  }
  if (rules.length === 0) return [];
  const language = source.language ?? detectLanguage(source.path, text);
  const units = lexSource(text, language);
  const context = createMatchContext(text, rules, contextRules);
  const candidates = units.flatMap((unit) => matchUnit(unit, context));
  const secrets = candidates.filter((candidate) => isSecret(candidate, text, detection));
  if (secrets.length === 0) return [];
  const lines = new LineIndex(text);
  const code = new CodeTokens();
  let findings = secrets.map((candidate) => toFinding(candidate, source, lines, code, detection));
  if (dotEnv) findings = findings.map(asUnignoredEnvFile);
  return filterFindings(text, findings, lines, units);
}

function isSecret(candidate: Candidate, text: string, detection: Detection): boolean {
  const { rule } = candidate;
  if (tooLongForCredential(text, candidate.valueStart, candidate.valueEnd)) return false;
  const placeholders = rule.placeholders.size === 0 ? detection.placeholders : new Set([...rule.placeholders, ...detection.placeholders]);
  const verdict = judgeValue(text.slice(candidate.valueStart, candidate.valueEnd), {
    minLength: rule.rule.minLength,
    placeholders,
    valuePattern: rule.valuePattern,
    weak: candidate.weak,
    providerNamed: candidate.providerNamed === true,
  });
  return verdict === "secret";
}

function toFinding(candidate: Candidate, source: Source, lines: LineIndex, code: CodeTokens, detection: Detection): Finding {
  const { rule } = candidate.rule;
  const value = source.text.slice(candidate.valueStart, candidate.valueEnd);
  const start = lines.position(candidate.valueStart);
  const end = lines.position(candidate.valueEnd);
  // `os.getenv("T", "T")`: a variable named like a token is no name to print, keep or write to .env.
  // Where the lookup's name can be found, it is renamed to the rule's variable and the fallback
  // dropped (no copy of the token stays in the code); else the fallback reads the rule's variable.
  const lookupName = nameBefore(source.text, candidate.removal?.start);
  const tokenNamed = candidate.context === "env-fallback" && isTokenLike(candidate.envVar ?? lookupName?.name, value);
  const renamed = tokenNamed && lookupName !== undefined && (candidate.envVar === undefined || candidate.envVar === lookupName.name) ? lookupName : undefined;
  const envVar = tokenNamed ? rule.envVar : (candidate.envVar ?? rule.envVar);
  const redacted = redact(value);
  const written = writeReplacement({
    language: candidate.unit.language,
    text: source.text,
    tokens: candidate.unit.tokens,
    envVar,
    valueStart: candidate.valueStart,
    valueEnd: candidate.valueEnd,
    token: candidate.token,
    removal: tokenNamed && renamed === undefined ? undefined : candidate.removal,
    assignment: candidate.assignment,
    attribute: isAttributeValue(candidate, code),
    inComment: candidate.inComment,
    path: source.path,
  });
  const replacement = renamed === undefined ? written : renameLookup(written, renamed, envVar);
  return {
    ruleId: rule.id,
    path: source.path,
    start: candidate.valueStart,
    end: candidate.valueEnd,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    language: candidate.unit.language,
    context: candidate.context,
    envVar,
    redacted,
    fingerprint: detection.fingerprints.of(rule.id, value),
    ...(detection.legacyFingerprints ? { legacyFingerprint: legacyFingerprintOf(rule.id, value) } : {}),
    inComment: candidate.inComment,
    message: tokenNamed
      ? `${rule.description} as a hardcoded fallback for a variable named like a token (${redacted}): read ${envVar} from the environment`
      : describe(candidate, rule.description, envVar, redacted),
    // The text quotes code around the value (a kept lookup): nothing token-shaped in it is printed.
    suggestion: { text: maskTokenShaped(replacement.text), edits: replacement.edits },
  };
}

/** An env var name that is the value itself, or holds a token-shaped run. */
function isTokenLike(name: string | undefined, value: string): boolean {
  return name !== undefined && (name === value || maskTokenShaped(name) !== name);
}

/** Characters skipped back over from a lookup's end to its name: `"]`, `")`, `' ]`. */
const CLOSERS = new Set(['"', "'", "`", "]", ")", " "]);
const NAME_CHARACTER = /[A-Za-z0-9_]/;
/** Longer names are no env var names worth reading back. */
const MAX_NAME_LENGTH = 256;

interface LookupName {
  name: string;
  start: number;
  end: number;
}

/** The name a lookup ending at `end` reads (`process.env["K"]`, `ENV.K`), and where it stands, read backwards a bounded distance. */
function nameBefore(text: string, end: number | undefined): LookupName | undefined {
  if (end === undefined) return undefined;
  let at = end;
  while (at > 0 && end - at < CLOSERS.size && CLOSERS.has(text[at - 1]!)) at--;
  const nameEnd = at;
  while (at > 0 && nameEnd - at < MAX_NAME_LENGTH && NAME_CHARACTER.test(text[at - 1]!)) at--;
  return at === nameEnd ? undefined : { name: text.slice(at, nameEnd), start: at, end: nameEnd };
}

/** The replacement with the lookup's token-shaped name renamed to `envVar`: one more edit, and the text as it will read. */
function renameLookup(replacement: Replacement, lookup: LookupName, envVar: string): Replacement {
  const edits = sortEdits([{ start: lookup.start, end: lookup.end, text: envVar }, ...replacement.edits]);
  return { text: replacement.text.replaceAll(lookup.name, envVar), edits };
}

function describe(candidate: Candidate, description: string, envVar: string, redacted: string): string {
  if (candidate.inComment) return `${description} in a comment (${redacted}): commented-out code still leaks; delete it and read ${envVar} from the environment`;
  switch (candidate.context) {
    case "env-fallback":
      return `${description} as a hardcoded fallback for ${envVar} (${redacted}): drop the fallback so a missing variable fails instead of using a committed token`;
    case "query-string":
      return `${description} inside a request string (${redacted}): read ${envVar} from the environment`;
    case "reference":
      return `${description} bound to a variable that is sent as the token (${redacted}): read ${envVar} from the environment`;
    default:
      return `${description} (${redacted}): read ${envVar} from the environment`;
  }
}

/** Words that may stand before `name = "…"` in code, where it is no markup attribute. */
const DECLARATION_KEYWORDS = new Set(["const", "let", "var", "export", "declare", "readonly", "public", "private", "protected", "static", "override", "accessor", "abstract", "define", "set", "local"]);

/**
 * `name="…"` inside markup (a JSX or HTML attribute), where the replacement must
 * be an expression container: the attribute follows the tag name, another
 * attribute's value or `<`, never a declaration keyword, `(`, `,` or `;`.
 */
function isAttributeValue(candidate: Candidate, code: CodeTokens): boolean {
  const { tokens, indexOf } = code.of(candidate.unit);
  const index = candidate.token === undefined ? -1 : (indexOf.get(candidate.token) ?? -1);
  const [before, name, equals] = [tokens[index - 3], tokens[index - 2], tokens[index - 1]];
  if (index < 0 || equals?.kind !== "punct" || equals.text !== "=" || name?.kind !== "identifier") return false;
  // `$name = '…'` is a PHP or PowerShell variable, never a markup attribute (`string $x = '…'`).
  if (name.text.startsWith("$")) return false;
  if (candidate.context === "name-value") return true;
  if (before?.kind === "string") return true;
  if (before?.kind === "punct") return before.text === "<" || before.text === "}";
  return before?.kind === "identifier" && !DECLARATION_KEYWORDS.has(before.text) && !/^\$/.test(before.text);
}

/**
 * Each unit's tokens without comments, and where each stands: built once per
 * unit, not once per finding, so a file with thousands of tokens stays linear.
 */
class CodeTokens {
  private readonly byUnit = new Map<LexedUnit, { tokens: readonly Token[]; indexOf: Map<Token, number> }>();

  of(unit: LexedUnit): { tokens: readonly Token[]; indexOf: Map<Token, number> } {
    let code = this.byUnit.get(unit);
    if (code === undefined) {
      const tokens = withoutComments(unit.tokens);
      code = { tokens, indexOf: new Map(tokens.map((token, index) => [token, index])) };
      this.byUnit.set(unit, code);
    }
    return code;
  }
}

function asUnignoredEnvFile(finding: Finding): Finding {
  return {
    ...finding,
    context: "env-file-not-ignored",
    message: `${finding.envVar} (${finding.redacted}) is stored in a .env file that git does not ignore: add .env to .gitignore before it is committed`,
    suggestion: { text: "add .env to .gitignore", edits: [] },
  };
}
