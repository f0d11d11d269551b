// Outside JavaScript there is no AST to vet the core's edits, but there is the
// core's own lexing: a finding inside an embedded region (a Markdown fence, the
// HTML of a PHP file) must be fixed inside that region. Edits that reach outside
// it (e.g. an `import os` placed above a Markdown file's prose) are not offered;
// the finding itself is always reported.

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
