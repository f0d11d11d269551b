// The one line `scan --output FILE` still prints to stderr, so a CI log shows
// what failed without opening the report: counts and the report's name, never a finding's path or value.

import { maskTokenShapedPath } from "../detect/redact.js";
import { plural } from "./plural.js";
import type { ReportedFinding, ScanStats } from "./types.js";

/** `token-guard: 3 findings in 2 files (report written to out/report.sarif)`. */
export function formatSummaryLine(findings: readonly ReportedFinding[], stats: ScanStats, output: string): string {
  const files = new Set(findings.map((finding) => finding.path)).size;
  const found = findings.length === 0 ? `no findings in ${plural(stats.filesScanned, "file")} scanned` : `${plural(findings.length, "finding")} in ${plural(files, "file")}`;
  const known = stats.baseline !== undefined && stats.baseline.suppressed > 0 ? `, ${stats.baseline.suppressed} known in ${stats.baseline.file} not counted` : "";
  return `token-guard: ${found}${known} (report written to ${maskTokenShapedPath(output)})\n`;
}
