// Pure planning for `token-guard fix`: findings and file texts in; the new texts,
// the `.env` entries that receive the removed values, and a report out. No I/O:
// the CLI door reads, re-checks and writes.

import type { Edit, Finding } from "../detect/types.js";
import { isEnvExampleFile } from "../languages/dotenv/example-file.js";
import { CharacterCodes } from "../languages/shared/character-codes.js";
import { applyEdits, EditSet } from "./apply-edits.js";
import { newlineOf, type EnvEntry } from "./env-file.js";
import { EnvNames } from "./env-names.js";
import { withStringCopies, type SplitToken } from "./string-copies.js";

/** A file to fix, as scanned. */
export interface FixInput {
  /** POSIX path relative to the working directory (for the report). */
  path: string;
  text: string;
  findings: readonly Finding[];
}

/** One value taken out of a file. */
export interface FixedValue {
  path: string;
  /** Position in the text as it was before this fix. */
  line: number;
  column: number;
  redacted: string;
  /** The variable the rewritten code reads (the finding's own). */
  envVar: string;
  /** What replaced the value, as one line. */
  replacement: string;
  /** True when `envVar` holds a different value: this one is only a commented-out line in the env file. */
  otherValue?: boolean;
  /** The value was in an example file: emptied there, and only a commented-out line in the env file. */
  fromExample?: boolean;
}

/** A finding left in place, with what a person has to do. */
export interface LeftFinding {
  path: string;
  line: number;
  column: number;
  redacted: string;
  envVar: string;
  why: "manual" | "comment" | "overlap";
  advice: string;
}

export interface FilePlan {
  path: string;
  oldText: string;
  newText: string;
  fixed: FixedValue[];
  /** The values removed from this file (the dry-run diff masks them). */
  values: string[];
}

export interface FixPlan {
  /** Only files whose text changes. */
  files: FilePlan[];
  /** Entries to append to the env file, in a stable order. */
  envEntries: EnvEntry[];
  left: LeftFinding[];
  /** Names that several different values were found for: each is its own token, to revoke or name apart. */
  shared: Array<{ name: string; values: number }>;
}

export interface PlanOptions {
  /** What the env file already holds. */
  existingEnv?: ReadonlyMap<string, string>;
  /** Its commented-out values (`NAME\0value`), so a later run does not add them again. */
  commentedEnv?: ReadonlySet<string>;
  /**
   * Scans a rewritten text again (the pure core). Findings whose edits overlap
   * another finding's are fixed on the next pass, and what is left is reported
   * at its position in the new text.
   */
  scan: (path: string, text: string) => Finding[];
}

/** Passes over one file before overlapping fixes are given up on (each pass fixes at least one finding). */
const MAX_PASSES = 8;

export function planFixes(inputs: readonly FixInput[], options: PlanOptions): FixPlan {
  const names = new EnvNames(options.existingEnv, options.commentedEnv);
  const files: FilePlan[] = [];
  const left: LeftFinding[] = [];
  // A stable order makes the names stable: by path, then by position.
  const sorted = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const fixable: FixInput[] = [];
  for (const input of sorted) {
    const { findings, split } = withStringCopies(input.path, input.text, input.findings);
    if (split.length === 0) fixable.push({ ...input, findings });
    else left.push(...untouched(input, split));
  }
  for (const input of fixable) {
    const plan = planFile(input, names, options.scan);
    if (plan.file) files.push(plan.file);
    left.push(...plan.left);
  }
  return { files, envEntries: names.added(), left, shared: names.shared() };
}

function planFile(input: FixInput, names: EnvNames, scan: PlanOptions["scan"]): { file?: FilePlan; left: LeftFinding[] } {
  const fixed: FixedValue[] = [];
  const values: string[] = [];
  const newline = newlineOf(input.text);
  const fromExample = isEnvExampleFile(input.path);
  let text = input.text;
  let findings = input.findings;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const accepted: Edit[] = [];
    const acceptedSet = new EditSet();
    let deferred = 0;
    for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
      const { edits } = finding.suggestion;
      if (edits.length === 0) continue;
      const value = text.slice(finding.start, finding.end);
      // The edits as they will be written decide (newlines and a byte-order mark applied).
      const written = edits.map((edit) => afterByteOrderMark({ ...edit, text: withNewlines(edit.text, newline) }, text));
      if (written.some((edit) => acceptedSet.conflictWith(edit) !== undefined)) {
        deferred++;
        continue;
      }
      for (const edit of written) {
        accepted.push(edit);
        if (!acceptedSet.has(edit)) acceptedSet.add(edit);
      }
      values.push(value);
      const foundAt = `${input.path}:${finding.line}`;
      if (fromExample) names.keepFromExample(finding.envVar, value, foundAt);
      const otherValue = !fromExample && names.choose(finding.envVar, value, foundAt).otherValue;
      fixed.push({
        path: input.path,
        line: finding.line,
        column: finding.column,
        redacted: finding.redacted,
        envVar: finding.envVar,
        replacement: finding.suggestion.text,
        ...(otherValue ? { otherValue: true } : {}),
        ...(fromExample ? { fromExample: true } : {}),
      });
    }
    if (accepted.length === 0) break;
    text = applyEdits(text, accepted);
    findings = withStringCopies(input.path, text, scan(input.path, text)).findings;
    if (deferred === 0 && !findings.some((finding) => finding.suggestion.edits.length > 0)) break;
  }
  // What is left, where it now stands.
  const left = findings.map((finding): LeftFinding => ({
    path: input.path,
    line: finding.line,
    column: finding.column,
    redacted: finding.redacted,
    envVar: finding.envVar,
    why: finding.inComment ? "comment" : finding.suggestion.edits.length > 0 ? "overlap" : "manual",
    advice: finding.suggestion.edits.length > 0 ? "another fix in the same place came first: run `token-guard fix` again" : finding.suggestion.text,
  }));
  const file = text === input.text ? undefined : { path: input.path, oldText: input.text, newText: text, fixed, values };
  return file ? { file, left } : { left };
}

/** A file with a token split across strings stays as it is: every finding in it is left, the split ones saying why. */
function untouched(input: FixInput, split: readonly SplitToken[]): LeftFinding[] {
  const advice = new Map(split.map((entry) => [entry.finding, entry.advice]));
  const first = split[0]!.finding;
  return [...input.findings].sort((a, b) => a.start - b.start).map((finding): LeftFinding => ({
    path: input.path,
    line: finding.line,
    column: finding.column,
    redacted: finding.redacted,
    envVar: finding.envVar,
    why: finding.inComment ? "comment" : "manual",
    advice: advice.get(finding) ?? (finding.suggestion.edits.length > 0 ? `not fixed: fix leaves this file untouched until the split token at line ${first.line} is joined` : finding.suggestion.text),
  }));
}

/** An insertion at the very start (`import os`) goes after a byte-order mark: before it, the mark is no longer one and Python rejects the file. */
function afterByteOrderMark(edit: Edit, text: string): Edit {
  return edit.start === 0 && edit.end === 0 && text.charCodeAt(0) === CharacterCodes.byteOrderMark ? { ...edit, start: 1, end: 1 } : edit;
}

function withNewlines(text: string, newline: "\n" | "\r\n"): string {
  return newline === "\n" ? text : text.replace(/\r?\n/g, "\r\n");
}
