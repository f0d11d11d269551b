// The one post-detection filter every door shares: inline ignore comments,
// duplicates (the same value found by two matchers) and ordering.

import type { LexedUnit } from "../languages/lex-source.js";
import { firstNotBefore } from "../languages/shared/first-not-before.js";
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
  return dedupeAndSort(ignores.length === 0 ? findings : withoutIgnored(findings, ignores));
}

/**
 * The findings no ignore covers, in one sweep by position: an ignore that has
 * started covers a finding while it has not ended, so the furthest end among
 * the started ones (for all rules, and per rule id) decides. Asking every
 * ignore about every finding cost markers × findings.
 */
function withoutIgnored(findings: readonly Finding[], ignores: Ignore[]): Finding[] {
  const byStart = [...ignores].sort((a, b) => a.start - b.start);
  const ignoredFor = (finding: Finding): boolean => finding.start < allRulesUntil || finding.start < (ruleUntil.get(finding.ruleId) ?? -1);
  let allRulesUntil = -1;
  const ruleUntil = new Map<string, number>();
  let next = 0;
  const ignored = new Set<Finding>();
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    for (; next < byStart.length && byStart[next]!.start <= finding.start; next++) {
      const { end, ruleIds } = byStart[next]!;
      if (!ruleIds) allRulesUntil = Math.max(allRulesUntil, end);
      else for (const id of ruleIds) ruleUntil.set(id, Math.max(ruleUntil.get(id) ?? -1, end));
    }
    if (ignoredFor(finding)) ignored.add(finding);
  }
  return findings.filter((finding) => !ignored.has(finding));
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
  const blocks = new NextBlocks(text, lines, units);
  for (const match of text.matchAll(MARKER)) {
    const line = lines.position(match.index).line;
    const ruleIds = match[2] ? new Set(match[2].split(",").map((id) => id.trim())) : undefined;
    if (match[1] === "-next-line") {
      ignores.push({ start: lines.lineStart(line + 1), end: lines.lineStart(line + 2) === lines.lineStart(line + 1) ? text.length : lines.lineStart(line + 2), ruleIds });
    } else if (match[1] === "-next-block") {
      const block = blocks.after(match.index);
      if (block) ignores.push({ start: block.start, end: block.end, ruleIds });
    } else {
      const end = line + 1 > lines.lineCount ? text.length : lines.lineStart(line + 1);
      ignores.push({ start: lines.lineStart(line), end: end === lines.lineStart(line) ? text.length : end, ruleIds });
    }
  }
  return ignores;
}

/** Lines between a `-next-block` marker's line and the block it silences, at most. */
const MAX_LINES_TO_BLOCK = 4;

/** A blank line, or a fence's opening line (inside a list item or block quote too). */
function isBlankOrFence(line: string): boolean {
  return line.trim() === "" || /^\s{0,3}(?:>\s*)*(?:[-*+]\s+)?(?:```|~~~)/.test(line);
}

/**
 * Finds the unit a `-next-block` marker silences: the first (in lexing order)
 * starting after the marker with only blank or fence lines between. Only units
 * starting within the next few lines can qualify, so each marker looks at
 * those alone (found by bisection), and each line is judged once however many
 * markers look at it: many markers and fences cost linear time.
 */
class NextBlocks {
  /** Indices into `units`, by start. */
  private readonly byStart: number[];
  private readonly lineVerdicts = new Map<number, boolean>();
  /** Per unit: whether its own line, up to its start, is blank or a fence. */
  private readonly leadVerdicts = new Map<number, boolean>();

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly units: readonly LexedUnit[],
  ) {
    this.byStart = units.map((_, index) => index).sort((a, b) => units[a]!.start - units[b]!.start || a - b);
  }

  after(marker: number): LexedUnit | undefined {
    const { lines, units, byStart } = this;
    const markerLine = lines.position(marker).line;
    const lastLine = markerLine + MAX_LINES_TO_BLOCK;
    const limit = lastLine >= lines.lineCount ? this.text.length + 1 : lines.lineStart(lastLine + 1);
    let best: number | undefined;
    for (let at = firstNotBefore(byStart.length, (index) => units[byStart[index]!]!.start <= marker); at < byStart.length; at++) {
      const index = byStart[at]!;
      if (units[index]!.start >= limit) break;
      if ((best === undefined || index < best) && this.onlyBlankOrFenceBetween(markerLine, index)) best = index;
    }
    return best === undefined ? undefined : units[best];
  }

  /** Between the marker's line and the unit's start: whole lines and the unit's own line up to it, each blank or a fence line. */
  private onlyBlankOrFenceBetween(markerLine: number, index: number): boolean {
    const unitLine = this.lines.position(this.units[index]!.start).line;
    if (unitLine === markerLine) return true;
    for (let line = markerLine + 1; line < unitLine; line++) if (!this.lineVerdict(line)) return false;
    let lead = this.leadVerdicts.get(index);
    if (lead === undefined) {
      lead = isBlankOrFence(this.text.slice(this.lines.lineStart(unitLine), this.units[index]!.start));
      this.leadVerdicts.set(index, lead);
    }
    return lead;
  }

  private lineVerdict(line: number): boolean {
    let verdict = this.lineVerdicts.get(line);
    if (verdict === undefined) {
      verdict = isBlankOrFence(this.text.slice(this.lines.lineStart(line), this.lines.lineStart(line + 1)));
      this.lineVerdicts.set(line, verdict);
    }
    return verdict;
  }
}
