// The detection settings every door passes to the core: the compiled rules and
// the user's adjustments, validated and built once per run. The rules are handed
// in (the built-in catalog and the user's custom rules, by each door): the core
// never reaches for a catalog itself, as gitleaks' `NewDetector(cfg)` does not.

import { FingerprintCache } from "./fingerprint.js";
import { anyOf, compileRule, type CompiledRule, type CredentialRule } from "./rule.js";

/** What a user may adjust (from the config file); all optional. */
export interface DetectionOverrides {
  /** Per-rule switches and env var names. */
  ruleSettings?: Record<string, { enabled?: boolean; envVar?: string; minLength?: number }>;
  /** More values to treat as examples. */
  placeholders?: string[];
  /** Minimum value length for every rule, below a `ruleSettings` entry's and above the rule's own `minLength`. */
  minLength?: number;
}

/** What a Detection is made from, as plain data: a scan thread rebuilds the run's Detection from it. */
export interface DetectionInput {
  /** Every rule to run, in report order: the built-in catalog, then custom rules. */
  rules: readonly CredentialRule[];
  overrides: DetectionOverrides;
  /** Also compute each finding's version-1 fingerprint, to match a baseline written before version 2. */
  legacyFingerprints?: boolean;
}

/** Ready-to-run settings: compiled once, shared by every source of a run. */
export interface Detection {
  rules: CompiledRule[];
  placeholders: ReadonlySet<string>;
  /**
   * Words every match needs (lower case): each rule's key names end with one, and
   * weak names must too. A file holding none of them cannot match: a door with a
   * fast byte search (git grep) may skip such files unread.
   */
  requiredWords: string[];
  /**
   * One case-insensitive test for any required word, for doors that hold the
   * text: a text it rejects cannot match, and far fewer texts pass it than the
   * prefilter (which also admits files that only mention a context word).
   */
  requiredPattern: RegExp;
  /** One case-insensitive test for any keyword of any rule: most files stop here. */
  prefilter: RegExp;
  /** The run's fingerprints by value: each distinct value pays the cost-hard derivation once. */
  fingerprints: FingerprintCache;
  /** Whether findings carry `legacyFingerprint` (only while a version-1 baseline is applied). */
  legacyFingerprints: boolean;
}

/** Compiles `rules` with the user's `overrides`; a rule turned off is left out. */
export function createDetection(rules: readonly CredentialRule[], overrides: DetectionOverrides = {}, legacyFingerprints = false): Detection {
  const compiled: CompiledRule[] = [];
  for (const rule of rules) {
    const settings = overrides.ruleSettings?.[rule.id];
    if (settings?.enabled === false) continue;
    compiled.push(
      compileRule({
        ...rule,
        envVar: settings?.envVar ?? rule.envVar,
        minLength: settings?.minLength ?? overrides.minLength ?? rule.minLength,
      }),
    );
  }
  const keywords = [...new Set(compiled.flatMap((rule) => [...rule.keywords, ...rule.contextWords]))];
  const requiredWords = [...new Set(compiled.flatMap((rule) => rule.keyWords.map((words) => words[words.length - 1]!)))];
  return {
    rules: compiled,
    placeholders: new Set((overrides.placeholders ?? []).map((value) => value.toLowerCase())),
    requiredWords,
    requiredPattern: anyOfOrNothing(requiredWords),
    prefilter: anyOfOrNothing(keywords),
    fingerprints: new FingerprintCache(),
    legacyFingerprints,
  };
}

/** Every rule disabled leaves no words: a pattern that matches nothing. */
function anyOfOrNothing(words: readonly string[]): RegExp {
  return words.length === 0 ? /(?!)/ : anyOf(words);
}
