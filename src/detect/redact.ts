// Masking and hashing of secret values: the only forms in which a found value
// ever leaves the core.

import { createHash } from "node:crypto";

/**
 * Shows at most a sixth of the value at each end (never more than 4 characters),
 * so a 32-character token shows 8 and a 12-character one shows 4.
 */
export function redact(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 6));
  if (shown === 0) return "****";
  return `${value.slice(0, shown)}****${value.slice(-shown)}`;
}

/** Stable, one-way identifier of a secret for a rule: sha256 over a fixed domain prefix. */
export function fingerprintOf(ruleId: string, value: string): string {
  return createHash("sha256").update(`token-guard/v1\0${ruleId}\0${value}`).digest("hex").slice(0, 32);
}
