// `--format stylish` (default): grouped by file like ESLint's, with the
// replacement to write under each finding.

import { maskTokenShaped, maskTokenShapedPath } from "../detect/redact.js";
import { escapeControlCharacters, shown } from "./control-characters.js";
import { historyNote } from "./history-note.js";
import { plural } from "./plural.js";
import type { Formatter, ReportedFinding } from "./types.js";

interface Palette {
  dim(text: string): string;
  red(text: string): string;
  bold(text: string): string;
  green(text: string): string;
  underline(text: string): string;
}

const plain: Palette = { dim: (t) => t, red: (t) => t, bold: (t) => t, green: (t) => t, underline: (t) => t };
const ansi: Palette = {
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  red: (t) => `\u001b[31m${t}\u001b[39m`,
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  green: (t) => `\u001b[32m${t}\u001b[39m`,
  underline: (t) => `\u001b[4m${t}\u001b[24m`,
};

export const formatStylish: Formatter = (findings, context) => {
  const paint = context.color ? ansi : plain;
  const lines: string[] = [];
  const byFile = new Map<string, ReportedFinding[]>();
  for (const finding of findings) {
    const path = maskTokenShapedPath(finding.path);
    const key = finding.commit ? `${path} @ ${finding.commit.slice(0, 12)}` : path;
    byFile.set(key, [...(byFile.get(key) ?? []), finding]);
  }
  for (const [file, fileFindings] of byFile) {
    lines.push(paint.underline(escapeControlCharacters(file)));
    for (const finding of fileFindings) {
      const position = `${finding.line}:${finding.column}`.padEnd(8);
      lines.push(`  ${paint.dim(position)}${paint.red("error")}  ${escapeControlCharacters(finding.message)}  ${paint.dim(escapeControlCharacters(finding.ruleId))}`);
      lines.push(`  ${" ".repeat(8)}${paint.green("suggestion:")} ${escapeControlCharacters(finding.suggestion.text)}`);
      const note = historyNote(finding, context.rules);
      if (note !== undefined) lines.push(`  ${" ".repeat(8)}${paint.bold("revoke:")} ${escapeControlCharacters(note)}`);
    }
    lines.push("");
  }
  const skipped = Object.entries(context.stats.filesSkipped)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  const skippedNote = skipped.length ? ` (skipped ${skipped.map(([reason, count]) => `${count} ${reason}`).join(", ")})` : "";
  const baseline = context.stats.baseline;
  if (baseline !== undefined && baseline.stale.length > 0) {
    lines.push(paint.bold(shown`Stale baseline entries in ${baseline.file} (their findings are gone; run \`token-guard baseline\` to drop them):`));
    for (const entry of baseline.stale) lines.push(`  ${escapeControlCharacters(maskTokenShaped(entry.file))}  ${paint.dim(escapeControlCharacters(entry.ruleId))}`);
    lines.push("");
  }
  const knownNote = baseline !== undefined && baseline.suppressed > 0 ? shown`; ${baseline.suppressed} known in ${baseline.file} not shown` : "";
  if (findings.length === 0) {
    lines.push(`${paint.green("✔")} no ${baseline === undefined ? "" : "new "}hardcoded tokens in ${plural(context.stats.filesScanned, "file")}${skippedNote}${knownNote}`);
  } else {
    lines.push(paint.red(paint.bold(`✖ ${plural(findings.length, "hardcoded token")} in ${plural(byFile.size, "file")}`)) + ` (${plural(context.stats.filesScanned, "file")} scanned)${skippedNote}${knownNote}`);
    if (context.mode === "history") {
      lines.push("  Every token committed to git history has leaked to whoever has a clone: revoke each one (see its `revoke:` line).");
      lines.push("  Rewriting history afterwards does not un-leak a pushed token; fix the ones still present with `npx token-guard fix`.");
    } else lines.push("  Rewrite them with `npx token-guard fix`, or mark a deliberate fake with a `token-guard-ignore` comment on its line.");
    if (context.mode === "staged" && context.fromCommitHook === true) {
      lines.push("  The commit was blocked: these values are in the staged content. After fixing, `git add` the files again.");
      lines.push("  To commit anyway (not recommended): git commit --no-verify");
    } else if (context.mode === "staged") {
      lines.push("  These values are staged: `git commit` would record them. After fixing, `git add` the files again.");
    }
  }
  return `${lines.join("\n")}\n`;
};
