// The baseline: findings a team has accepted for now, keyed by rule id, file and
// a salted hash of the value — never by line, so moving code does not churn it.

import { nodeCrypto } from "./lazy-crypto.js";
import { maskTokenShaped } from "./redact.js";
import type { Finding } from "./types.js";

/** One accepted finding. */
export interface BaselineEntry {
  ruleId: string;
  /** POSIX path relative to the baseline file's directory, token-shaped runs redacted (version 2). */
  file: string;
  /** Salted hash of the finding's fingerprint (itself a one-way, cost-hard hash of rule id and value). */
  hash: string;
}

/** A baseline file's content. */
export interface Baseline {
  /**
   * 2: fingerprints are PBKDF2 and paths masked. 1 (read, never written): plain
   * SHA-256 fingerprints and raw paths, matched through findings' legacy fingerprints.
   */
  version: typeof BASELINE_VERSION | typeof LEGACY_BASELINE_VERSION;
  /**
   * Random hex chosen when the file is first written and kept on every rewrite:
   * the hashes cannot be matched against fingerprints or hashes published elsewhere.
   */
  salt: string;
  /** Sorted by file, rule id, hash; no duplicates. */
  entries: BaselineEntry[];
}

/** What applying a baseline leaves. */
export interface BaselineOutcome<F extends Finding> {
  /** Findings not in the baseline: new leaks. */
  kept: F[];
  /** How many findings the baseline suppressed. */
  suppressed: number;
  /** Entries no finding matched (the token was removed, or its file was): candidates to drop. */
  unmatched: BaselineEntry[];
}

export const BASELINE_VERSION = 2;
export const LEGACY_BASELINE_VERSION = 1;

/** The salted hash a baseline stores for a finding. */
export function baselineHash(salt: string, fingerprint: string): string {
  return nodeCrypto().createHash("sha256").update(`token-guard-baseline/v1\0${salt}\0${fingerprint}`).digest("hex").slice(0, 32);
}

/**
 * The baseline accepting every finding. `fileOf` maps a finding's path to the
 * entry's file (relative to where the baseline is kept); identity by default.
 */
export function createBaseline(findings: readonly Finding[], salt: string, fileOf: (path: string) => string = (path) => path): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const entry = { ruleId: finding.ruleId, file: maskTokenShaped(fileOf(finding.path)), hash: baselineHash(salt, finding.fingerprint) };
    byKey.set(keyOf(entry), entry);
  }
  return { version: BASELINE_VERSION, salt, entries: [...byKey.values()].sort(compareEntries) };
}

/** Drops the findings the baseline accepts; lists the entries nothing matched. */
export function applyBaseline<F extends Finding>(findings: readonly F[], baseline: Baseline, fileOf: (path: string) => string = (path) => path): BaselineOutcome<F> {
  const known = new Map(baseline.entries.map((entry) => [keyOf(entry), entry]));
  const matched = new Set<string>();
  const kept: F[] = [];
  const legacy = baseline.version === LEGACY_BASELINE_VERSION;
  for (const finding of findings) {
    const file = legacy ? fileOf(finding.path) : maskTokenShaped(fileOf(finding.path));
    const fingerprint = legacy ? (finding.legacyFingerprint ?? finding.fingerprint) : finding.fingerprint;
    const key = keyOf({ ruleId: finding.ruleId, file, hash: baselineHash(baseline.salt, fingerprint) });
    if (known.has(key)) matched.add(key);
    else kept.push(finding);
  }
  return {
    kept,
    suppressed: findings.length - kept.length,
    unmatched: baseline.entries.filter((entry) => !matched.has(keyOf(entry))),
  };
}

function keyOf(entry: BaselineEntry): string {
  return `${entry.ruleId}\0${entry.file}\0${entry.hash}`;
}

/** By file, then rule id, then hash; code-unit order, so every machine and locale writes the same file. */
export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.hash, b.hash);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
