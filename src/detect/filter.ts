// The one post-detection filter every door shares: inline ignore comments,
// duplicates (the same value found by two matchers) and ordering.

import type { LexedUnit } from "../languages/lex-source.js";
import type { LineIndex } from "./line-index.js";
import type { Finding } from "./types.js";

/**
 * `token-guard-ignore [rule-id,…]` on a line, `token-guard-ignore-next-line [rule-id,…]`
 * on the line before, `token-guard-ignore-next-block` before a Markdown fence,
 * and the markers of the tools people migrate from. Markers are found in the raw
 * line, so they work in any comment syntax (line, block or HTML comments).
 */
const MARKER = /token-guard-ignore(-next-line|-next-block)?(?:[ \t]+([a-z][a-z0-9-]*(?:[ \t]*,[ \t]*[a-z][a-z0-9-]*)*))?|gitleaks:allow|pragma: allowlist secret/g;

interface Ignore {
  /** Offsets covered. */
  start: number;
  end: number;
  /** Rule ids it applies to; undefined for all. */
  ruleIds?: Set<string>;
}

export function filterFindings(text: string, findings: Finding[], lines: LineIndex, units: readonly LexedUnit[]): Finding[] {
  if (findings.length === 0) return findings;
  const ignores = collectIgnores(text, lines, units);
  const kept = findings.filter(
    (finding) => !ignores.some((ignore) => finding.start >= ignore.start && finding.start < ignore.end && (!ignore.ruleIds || ignore.ruleIds.has(finding.ruleId))),
  );
  return dedupeAndSort(kept);
}

/** Sorts by position and keeps one finding per rule and value range (the first matcher's). */
export function dedupeAndSort(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end || a.order - b.order)
    .map(({ finding }) => finding)
    .filter((finding) => {
      const key = `${finding.ruleId}\0${finding.start}\0${finding.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function collectIgnores(text: string, lines: LineIndex, units: readonly LexedUnit[]): Ignore[] {
  const ignores: Ignore[] = [];
  if (!/token-guard-ignore|gitleaks:allow|pragma: allowlist secret/.test(text)) return ignores;
  for (const match of text.matchAll(MARKER)) {
    const line = lines.position(match.index).line;
    const ruleIds = match[2] ? new Set(match[2].split(",").map((id) => id.trim())) : undefined;
    if (match[1] === "-next-line") {
      ignores.push({ start: lines.lineStart(line + 1), end: lines.lineStart(line + 2) === lines.lineStart(line + 1) ? text.length : lines.lineStart(line + 2), ruleIds });
    } else if (match[1] === "-next-block") {
      const block = units.find((unit) => unit.start > match.index && onlyBlankOrFenceBetween(text, match.index, unit.start));
      if (block) ignores.push({ start: block.start, end: block.end, ruleIds });
    } else {
      const end = line + 1 > lines.lineCount ? text.length : lines.lineStart(line + 1);
      ignores.push({ start: lines.lineStart(line), end: end === lines.lineStart(line) ? text.length : end, ruleIds });
    }
  }
  return ignores;
}

/** Between the marker and the fence's content: the rest of the marker's line, blank lines and the fence line. */
function onlyBlankOrFenceBetween(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  const lines = between.split(/\r?\n/).slice(1);
  return lines.length <= 4 && lines.every((line) => line.trim() === "" || /^\s{0,3}(?:>\s*)*(?:[-*+]\s+)?(?:```|~~~)/.test(line));
}
