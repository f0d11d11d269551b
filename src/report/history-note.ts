// The sentence every format adds to a history finding: a token that was ever
// committed stays leaked after it is deleted, so it must be revoked.

import type { ReportContext, ReportedFinding } from "./types.js";

/** Where the finding's rule says its values are revoked; a generic place for rules that do not say. */
export function revokeWhere(ruleId: string, rules: ReportContext["rules"]): string {
  return rules.find((rule) => rule.id === ruleId)?.revoke ?? "the service that issued it";
}

/** The note for a finding from `scan --history`; undefined for any other finding. */
export function historyNote(finding: ReportedFinding, rules: ReportContext["rules"]): string | undefined {
  if (finding.commit === undefined) return undefined;
  const when = finding.date === undefined ? finding.commit : `${finding.commit} (${finding.date})`;
  const where = revokeWhere(finding.ruleId, rules);
  return finding.removed
    ? `committed in ${when} and since removed, but still in git history: revoke it in ${where}; deleting it is not enough`
    : `committed in ${when} and still in ${finding.path}: read ${finding.envVar} from the environment, then revoke it in ${where}`;
}
