// `--format github`: GitHub Actions workflow commands, so each finding shows as
// an error annotation on its line in the pull request, with the suggestion.

import { maskTokenShaped, maskTokenShapedPath } from "../detect/redact.js";
import { escapeControlCharacters, shown } from "./control-characters.js";
import { historyNote } from "./history-note.js";
import type { Formatter } from "./types.js";

export const formatGithub: Formatter = (findings, context) => {
  const lines: string[] = [];
  for (const finding of findings) {
    const title = context.rules.find((rule) => rule.id === finding.ruleId)?.description ?? finding.ruleId;
    const properties = [
      `file=${escapeProperty(maskTokenShapedPath(finding.path))}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      `endLine=${finding.endLine}`,
      `endColumn=${finding.endColumn}`,
      `title=${escapeProperty(`${title} (${finding.ruleId})`)}`,
    ];
    const note = historyNote(finding, context.rules);
    const message = [finding.message, `suggestion: ${finding.suggestion.text}`, ...(note === undefined ? [] : [note])].join("\n");
    lines.push(`::error ${properties.join(",")}::${escapeData(message)}`);
  }
  for (const entry of context.stats.baseline?.stale ?? []) {
    const message = `the baseline accepts a ${entry.ruleId} finding in ${maskTokenShaped(entry.file)} that is gone: run \`token-guard baseline\` to drop the entry`;
    lines.push(`::warning title=${escapeProperty("stale baseline entry")}::${escapeData(message)}`);
  }
  const suppressed = context.stats.baseline?.suppressed ?? 0;
  const known = suppressed > 0 ? shown`; ${suppressed} known in ${context.stats.baseline?.file} not reported` : "";
  lines.push(`token-guard: ${findings.length} hardcoded token${findings.length === 1 ? "" : "s"} (${context.stats.filesScanned} files scanned${known})`);
  return `${lines.join("\n")}\n`;
};

/**
 * A command's message. GitHub decodes `%25`, `%0D` and `%0A`; anything else is
 * taken literally, and a raw newline would end the command. Other control
 * characters would reach the log raw (ESC sequences are rendered there).
 */
export function escapeData(text: string): string {
  return escapeControlCharacters(text, true).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A command property value: also `:` and `,`, which end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
