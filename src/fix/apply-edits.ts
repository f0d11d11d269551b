// Applies offset edits to a text: pure, all-or-nothing. Several findings may ask
// for the same edit (one `import os` for the whole module); those count once.

import type { Edit } from "../detect/types.js";

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

/** The edits sorted by position with duplicates removed; throws OverlappingEditsError on a conflict. */
export function normalizeEdits(edits: readonly Edit[], textLength: number): Edit[] {
  for (const edit of edits) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end) || edit.start < 0 || edit.end < edit.start || edit.end > textLength) {
      throw new RangeError(`edit ${describe(edit)} lies outside the text (length ${textLength})`);
    }
  }
  // Insertions sort before a replacement starting at the same offset, so they land in front of it.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  for (const edit of sorted) {
    if (kept.some((other) => sameEdit(other, edit))) continue;
    // Sorted by start: only edits reaching at least this far can conflict.
    const clash = kept.find((other) => other.end >= edit.start && editsConflict(other, edit));
    if (clash) throw new OverlappingEditsError(clash, edit);
    kept.push(edit);
  }
  return kept;
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
