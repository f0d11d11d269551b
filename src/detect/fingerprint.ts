// Fingerprints: the stable identifier of a found value that outputs and baselines
// carry. Whoever holds a log sees the redacted form beside it, so guessing the
// hidden characters and checking each guess against the fingerprint must be
// costly: PBKDF2-HMAC-SHA256, with more iterations the fewer characters are hidden.

import { nodeCrypto } from "./lazy-crypto.js";
import { hiddenLength } from "./redact.js";

/**
 * Iterations as a power of two: enough that guessing the hidden characters
 * (taken as hex, 4 bits each: the worst case) costs about 2^64 hash steps, within
 * these bounds. Values up to 17 characters (13 hidden) get 2^11, from 18 characters 2^8.
 */
const TARGET_BITS = 64;
const MIN_ITERATIONS_LOG2 = 8;
const MAX_ITERATIONS_LOG2 = 11;
const BITS_PER_HIDDEN_CHARACTER = 4;

/** Fingerprints already computed in a run, by rule and value; bounded so a long-lived editor does not grow it forever. */
const CACHE_LIMIT = 65_536;

/** The PBKDF2 iterations for a value: a function of its length only, so every machine agrees. */
export function fingerprintIterations(value: string): number {
  const wanted = TARGET_BITS - BITS_PER_HIDDEN_CHARACTER * hiddenLength(value);
  return 2 ** Math.min(MAX_ITERATIONS_LOG2, Math.max(MIN_ITERATIONS_LOG2, wanted));
}

/** Stable, one-way, cost-hard identifier of a secret for a rule (32 hex digits). */
export function fingerprintOf(ruleId: string, value: string): string {
  return nodeCrypto().pbkdf2Sync(value, `token-guard/fingerprint/v2\0${ruleId}`, fingerprintIterations(value), 16, "sha256").toString("hex");
}

/**
 * The version-1 fingerprint (one public SHA-256): computed only to match a
 * baseline written before version 2, and never reported.
 */
export function legacyFingerprintOf(ruleId: string, value: string): string {
  return nodeCrypto().createHash("sha256").update(`token-guard/v1\0${ruleId}\0${value}`).digest("hex").slice(0, 32);
}

/** Computes each distinct (rule, value) fingerprint once: the same token in many places costs one derivation. */
export class FingerprintCache {
  private readonly known = new Map<string, string>();

  of(ruleId: string, value: string): string {
    const key = `${ruleId}\0${value}`;
    let fingerprint = this.known.get(key);
    if (fingerprint === undefined) {
      if (this.known.size >= CACHE_LIMIT) this.known.clear();
      fingerprint = fingerprintOf(ruleId, value);
      this.known.set(key, fingerprint);
    }
    return fingerprint;
  }
}
