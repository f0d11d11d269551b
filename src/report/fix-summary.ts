// What `token-guard fix` prints after planning (and writing): what moved where,
// what is left for the user, and what to do next. Pure: a result in, the text out.

import { maskTokenShapedPath } from "../detect/redact.js";
import { followUps } from "../fix/follow-ups.js";
import { shown } from "./control-characters.js";
import type { FixPlan, LeftFinding } from "../fix/plan.js";
import type { Write, WriteOutcome } from "../fix/transaction.js";

/** What a fix run did, for the summary. */
export type FixResult =
  | {
      kind: "nothing-to-fix";
      /** Files read and scanned. */
      scanned: number;
      left: LeftFinding[];
      notes: string[];
    }
  | { kind: "fixed"; dryRun: boolean; plan: FixPlan; left: LeftFinding[]; context: FixSummaryContext }
  | {
      kind: "interrupted";
      outcome: WriteOutcome;
      /** Every write that was planned, in order. */
      writes: Write[];
    };

export interface FixSummaryContext {
  envShown: string;
  envCreated: boolean;
  exampleShown: string;
  exampleLines: string[];
  gitignoreLine: string | undefined;
  notes: string[];
  /** Code files rewritten. */
  changed: string[];
  /** Staged mode: files to `git add` again. */
  restage: string[];
}

export function formatFixSummary(result: FixResult): string {
  switch (result.kind) {
    case "nothing-to-fix":
      return (
        (result.left.length === 0 ? `token-guard fix: nothing to fix (${result.scanned} ${result.scanned === 1 ? "file" : "files"} scanned)\n` : `token-guard fix: nothing fixable automatically\n`) +
        leftAndNotes(result.left, result.notes)
      );
    case "fixed":
      return fixed(result.dryRun, result.plan, result.left, result.context);
    case "interrupted":
      return interrupted(result.outcome, result.writes);
  }
}

function fixed(dryRun: boolean, plan: FixPlan, left: LeftFinding[], context: FixSummaryContext): string {
  let out = "";
  const would = dryRun ? "would move" : "moved";
  const values = plan.files.flatMap((file) => file.fixed);
  const fileCount = dryRun ? plan.files.length : context.changed.length;
  const dry = dryRun ? " (dry run: nothing written)" : "";
  out +=
    values.length === 0
      ? `${dryRun ? "\n" : ""}token-guard fix: no values to move${dry}\n`
      : (dryRun ? "\n" : "") + shown`token-guard fix: ${would} ${values.length} ${values.length === 1 ? "value" : "values"} out of ${fileCount} ${fileCount === 1 ? "file" : "files"} into ${context.envShown}${dry}\n`;
  for (const value of values) {
    if (!dryRun && !context.changed.includes(value.path)) continue;
    out += shown`  ${maskTokenShapedPath(value.path)}:${value.line}:${value.column}  ${value.redacted} -> ${value.envVar}  (${value.replacement})\n`;
    if (value.otherValue) out += shown`    note: ${value.envVar} in ${context.envShown} holds a different value: this one is kept there as a commented-out line\n`;
    if (value.fromExample) out += shown`    note: emptied in the example file, which is committed and copied: this token is published, revoke it; ${context.envShown} keeps it as a commented-out line only\n`;
  }
  for (const { name, values: count } of plan.shared) {
    out += shown`warning: ${count} different values were found for ${name}: each is a separate token. ${context.envShown} sets the first and keeps the others commented out; revoke every one no longer needed, or give it its own name (--env-var NAME, or "envVar" in the config's rules)\n`;
  }
  const added = dryRun ? "would add" : "added";
  const names = [...new Set(plan.envEntries.filter((entry) => entry.foundAt === undefined).map((entry) => entry.name))];
  if (names.length > 0) out += shown`${context.envShown}: ${added} ${names.join(", ")}${context.envCreated ? " (new file, mode 0600)" : ""}\n`;
  if (context.exampleLines.length > 0) out += shown`${context.exampleShown}: ${added} ${context.exampleLines.join(", ")}\n`;
  if (context.gitignoreLine !== undefined) out += shown`.gitignore: ${added} ${context.gitignoreLine} so git ignores ${context.envShown}\n`;
  const rewritten = dryRun ? plan.files : plan.files.filter((file) => context.changed.includes(file.path));
  for (const step of followUps(rewritten, context.envShown)) out += shown`next: ${step}\n`;
  if (context.restage.length > 0) out += shown`re-stage the fixed files (fix never edits the index): git add -- ${context.restage.map((path) => shellQuote(maskTokenShapedPath(path))).join(" ")}\n`;
  return out + leftAndNotes(left, context.notes);
}

function interrupted(outcome: WriteOutcome, writes: Write[]): string {
  const done = outcome.done.map((write) => maskTokenShapedPath(write.shown));
  const untouched = writes.filter((write) => !outcome.done.includes(write) && !outcome.skipped.includes(write)).map((write) => maskTokenShapedPath(write.shown));
  const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  return (
    shown`token-guard fix: stopped part-way${outcome.failed ? ` writing ${maskTokenShapedPath(outcome.failed.shown)}` : ""}: ${reason}\n` +
    shown`  rewritten (complete): ${done.length > 0 ? done.join(", ") : "none"}\n` +
    shown`  untouched (complete): ${untouched.length > 0 ? untouched.join(", ") : "none"}\n` +
    `  every file is either wholly rewritten or wholly untouched; run token-guard fix again to finish\n`
  );
}

function leftAndNotes(left: LeftFinding[], notes: string[]): string {
  let out = "";
  if (left.length > 0) {
    out += `left for you (${left.length}): fix cannot rewrite these safely\n`;
    for (const finding of left) out += shown`  ${maskTokenShapedPath(finding.path)}:${finding.line}:${finding.column}  ${finding.redacted}  ${finding.advice}\n`;
  }
  for (const note of notes) out += shown`note: ${note}\n`;
  return out;
}

function shellQuote(path: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
