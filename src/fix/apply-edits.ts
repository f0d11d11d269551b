// Applies offset edits to a text: pure, all-or-nothing. Several findings may ask
// for the same edit (one `import os` for the whole module); those count once.

import type { Edit } from "../detect/types.js";
import { firstNotBefore } from "../languages/shared/first-not-before.js";

/** Two edits that cannot both be applied: their ranges cross, or two different texts go in at one point. */
export class OverlappingEditsError extends Error {
  override readonly name = "OverlappingEditsError";
  readonly first: Edit;
  readonly second: Edit;

  constructor(first: Edit, second: Edit) {
    super(`overlapping edits: ${describe(first)} and ${describe(second)}`);
    this.first = first;
    this.second = second;
  }
}

function describe(edit: Edit): string {
  return edit.start === edit.end ? `insert at ${edit.start}` : `replace ${edit.start}..${edit.end}`;
}

function sameEdit(a: Edit, b: Edit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/**
 * Whether `a` and `b` conflict. Touching ranges do not (an insertion at the end
 * of a replacement goes after it); an insertion inside a replaced range does, and
 * so do two different insertions at one offset, since their order would be a guess.
 */
export function editsConflict(a: Edit, b: Edit): boolean {
  if (sameEdit(a, b)) return false;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * A set of edits that do not conflict, answering "would this one conflict?" in
 * logarithmic time: fixing a file with 16,000 findings compared every edit with
 * every accepted one, 256 million times.
 */
export class EditSet {
  /** Insertions by offset. */
  private readonly insertions = new Map<number, Edit[]>();
  /** Offsets holding an insertion, ascending. */
  private readonly insertionOffsets: number[] = [];
  /** Replacements (non-empty ranges) by start; pairwise disjoint, so also by end. */
  private readonly replacements: Edit[] = [];

  /** Whether the set holds this very edit. */
  has(edit: Edit): boolean {
    if (edit.start === edit.end) return this.insertions.get(edit.start)?.some((other) => sameEdit(other, edit)) ?? false;
    const at = this.lastReplacementBefore(edit.end);
    return at >= 0 && sameEdit(this.replacements[at]!, edit);
  }

  /** An edit of the set that conflicts with `edit` (see editsConflict), if any. */
  conflictWith(edit: Edit): Edit | undefined {
    if (edit.start === edit.end) {
      const clash = this.insertions.get(edit.start)?.find((other) => editsConflict(other, edit));
      if (clash) return clash;
      // Only the last replacement starting before the point can reach over it.
      const at = this.lastReplacementBefore(edit.start);
      return at >= 0 && editsConflict(this.replacements[at]!, edit) ? this.replacements[at] : undefined;
    }
    // Disjoint replacements: the last one starting before this one ends reaches furthest.
    const at = this.lastReplacementBefore(edit.end);
    if (at >= 0 && editsConflict(this.replacements[at]!, edit)) return this.replacements[at];
    const inside = firstAbove(this.insertionOffsets, edit.start);
    if (inside < this.insertionOffsets.length && this.insertionOffsets[inside]! < edit.end) return this.insertions.get(this.insertionOffsets[inside]!)![0];
    return undefined;
  }

  /** Adds an edit that does not conflict with the set. */
  add(edit: Edit): void {
    if (edit.start === edit.end) {
      const list = this.insertions.get(edit.start);
      if (list) list.push(edit);
      else {
        this.insertions.set(edit.start, [edit]);
        this.insertionOffsets.splice(firstAbove(this.insertionOffsets, edit.start), 0, edit.start);
      }
      return;
    }
    this.replacements.splice(this.lastReplacementBefore(edit.end) + 1, 0, edit);
  }

  /** Index of the last replacement starting before `offset`, or -1. */
  private lastReplacementBefore(offset: number): number {
    return firstNotBefore(this.replacements.length, (index) => this.replacements[index]!.start < offset) - 1;
  }
}

/** Index of the first number above `value` in an ascending list. */
function firstAbove(sorted: readonly number[], value: number): number {
  return firstNotBefore(sorted.length, (index) => sorted[index]! <= value);
}

/** The edits sorted by position with duplicates removed; throws OverlappingEditsError on a conflict. */
export function normalizeEdits(edits: readonly Edit[], textLength: number): Edit[] {
  for (const edit of edits) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end) || edit.start < 0 || edit.end < edit.start || edit.end > textLength) {
      throw new RangeError(`edit ${describe(edit)} lies outside the text (length ${textLength})`);
    }
  }
  // Insertions sort before a replacement starting at the same offset, so they land in front of it.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept = new EditSet();
  const ordered: Edit[] = [];
  for (const edit of sorted) {
    if (kept.has(edit)) continue;
    const clash = kept.conflictWith(edit);
    if (clash) throw new OverlappingEditsError(clash, edit);
    kept.add(edit);
    ordered.push(edit);
  }
  return ordered;
}

/** `text` with every edit applied (offsets refer to the original text). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const normalized = normalizeEdits(edits, text.length);
  let result = "";
  let position = 0;
  for (const edit of normalized) {
    result += text.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return result + text.slice(position);
}
