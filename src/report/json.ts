// `--format json`: the stable machine-readable shape documented in the README.

import { maskTokenShapedPath } from "../detect/redact.js";
import type { Formatter } from "./types.js";

export const formatJson: Formatter = (findings, context) =>
  `${JSON.stringify(
    {
      findings: findings.map((finding) => ({
        ruleId: finding.ruleId,
        file: maskTokenShapedPath(finding.path),
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        language: finding.language,
        context: finding.context,
        redacted: finding.redacted,
        envVar: finding.envVar,
        fingerprint: finding.fingerprint,
        message: finding.message,
        suggestion: { text: finding.suggestion.text, edits: finding.suggestion.edits },
        ...(finding.commit === undefined ? {} : { commit: finding.commit, date: finding.date, removed: finding.removed === true }),
      })),
      stats: context.stats,
    },
    null,
    2,
  )}\n`;
