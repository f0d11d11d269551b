// Outside JavaScript there is no AST to vet the core's edits, but there is the
// core's own lexing: a finding inside an embedded region (a Markdown fence, the
// HTML of a PHP file) must be fixed inside that region. Edits that reach outside
// it (e.g. an `import os` placed above a Markdown file's prose) are not offered;
// the finding itself is always reported. An edit two findings share is offered once.

import type { Edit, Finding } from "../detect/types.js";
import type { LexedUnit } from "../languages/lex-source.js";
import type { LanguageId } from "../languages/shared/tokens.js";

/** The edits to offer for `finding`, or none when one would land outside the region the value sits in. */
export function editsWithinRegion(finding: Finding, fileLanguage: LanguageId, units: () => readonly LexedUnit[]): readonly Edit[] {
  const { edits } = finding.suggestion;
  if (edits.length === 0 || finding.language === fileLanguage) return edits;
  const region = regionOf(units(), finding);
  if (!region) return edits;
  return edits.every((edit) => edit.start >= region.start && edit.end <= region.end) ? edits : [];
}

/** The innermost embedded unit of the finding's language that holds its value. */
function regionOf(units: readonly LexedUnit[], finding: Finding): LexedUnit | undefined {
  let found: LexedUnit | undefined;
  for (const unit of units.slice(1)) {
    if (unit.language !== finding.language || finding.start < unit.start || finding.end > unit.end) continue;
    if (!found || unit.end - unit.start <= found.end - found.start) found = unit;
  }
  return found;
}

/**
 * Edits several findings' suggestions share (the `import os` a Python module
 * lacks): offered by the first suggestion only. ESLint merges a suggestion's edits
 * into one fix spanning the text between them, so a later finding that carried
 * the import too would span (and copy) the earlier token and be offered nothing.
 */
export class SharedEdits {
  private readonly seen = new Set<string>();

  /** `edits` without the ones an earlier suggestion offered (all of them when only those would remain). */
  offerOnce(edits: readonly Edit[]): readonly Edit[] {
    const fresh = edits.filter((edit) => !this.seen.has(keyOf(edit)));
    return fresh.length === 0 ? edits : fresh;
  }

  offered(edits: readonly Edit[]): void {
    for (const edit of edits) this.seen.add(keyOf(edit));
  }
}

function keyOf(edit: Edit): string {
  return `${edit.start}:${edit.end}:${edit.text}`;
}
