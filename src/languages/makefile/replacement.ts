// Makefiles: `$(NAME)` in assignments, `NAME ?=` for a variable named like the
// environment's, and a shell lookup (with make's `$$`) on recipe lines.

import { firstNotBefore } from "../shared/first-not-before.js";
import { fillsString, lineEndAfter, lineStartBefore, valueOnly, type Replacement, type ReplacementSite } from "../shared/replacement.js";
import { tokenIndex } from "../shared/token-facts.js";
import type { Token } from "../shared/tokens.js";
import { writeShellReplacement } from "../shared/shell-replacement.js";

/** `$(NAME)`. */
export function makefileEnvLookup(envVar: string): string {
  return `$(${envVar})`;
}

/**
 * make reads the environment as variables: `$(NAME)` in an assignment, and a
 * statement that set NAME itself becomes `NAME ?=`, so the environment's value
 * wins. A recipe line is shell, and make echoes it after expanding `$(…)`: there
 * the shell reads the variable (`$$` is make's `$`), so the token stays out of the log.
 */
export function writeMakefileReplacement(site: ReplacementSite): Replacement {
  if (isRecipeLine(site, site.valueStart)) {
    const shell = writeShellReplacement(site);
    const escape = (text: string): string => text.replaceAll("$", () => "$$");
    return { text: escape(shell.text), edits: shell.edits.map((edit) => ({ ...edit, text: escape(edit.text) })) };
  }
  const token = site.token;
  if (token && site.assignment?.name === site.envVar) {
    const index = tokenIndex(site.tokens, token);
    const name = site.tokens[index - 2];
    if (!fillsString(site, token) || name?.kind !== "identifier" || name.text !== site.envVar || site.tokens[index - 1]?.kind !== "punct") {
      return { text: `read ${site.envVar} from the environment: delete this assignment`, edits: [] };
    }
    const text = `${site.envVar} ?=`;
    return { text, edits: [{ start: name.start, end: token.end, text }] };
  }
  return valueOnly(site, makefileEnvLookup(site.envVar));
}

/** Whether `offset` is on a recipe line (a logical line opening with a tab). */
function isRecipeLine(site: ReplacementSite, offset: number): boolean {
  const { text } = site;
  const logicalLines = logicalLinesOf(site);
  const physical = lineStartBefore(text, offset);
  const at = firstNotBefore(logicalLines.physical.length, (index) => logicalLines.physical[index]! < physical);
  // Every value lies on a line of its unit; any other offset walks back alone.
  const start = logicalLines.physical[at] === physical ? logicalLines.logical[at]! : logicalLineStart(text, physical);
  return text[start] === "\t";
}

/** Where the logical line holding the physical line starting at `start` begins, walking back over continued lines. */
function logicalLineStart(text: string, start: number): number {
  while (start > 0 && continuesBefore(text, start)) start = lineStartBefore(text, start - 1);
  return start;
}

/** Whether the line before the one starting at `start` ends with a `\` continuation. */
function continuesBefore(text: string, start: number): boolean {
  return /\\\r?\n$/.test(text.slice(Math.max(0, start - 3), start));
}

interface LogicalLines {
  /** Where each physical line of the unit starts, ascending. */
  physical: number[];
  /** Where the logical line holding it starts (after `\` continuations). */
  logical: number[];
}

/**
 * The logical line of every physical line of the unit, found in one pass: walking
 * back over continuation lines for each finding cost the recipe's length per finding.
 */
const logicalLinesByTokens = new WeakMap<readonly Token[], LogicalLines>();

function logicalLinesOf(site: ReplacementSite): LogicalLines {
  let lines = logicalLinesByTokens.get(site.tokens);
  if (lines === undefined) {
    const { text, tokens } = site;
    lines = { physical: [], logical: [] };
    const first = tokens[0];
    const end = tokens[tokens.length - 1]?.end ?? 0;
    const from = first === undefined ? end : lineStartBefore(text, first.start);
    let logical = logicalLineStart(text, from);
    for (let start = from; start <= end && start < text.length; start = lineEndAfter(text, start)) {
      if (start > from && !continuesBefore(text, start)) logical = start;
      lines.physical.push(start);
      lines.logical.push(logical);
    }
    logicalLinesByTokens.set(site.tokens, lines);
  }
  return lines;
}
