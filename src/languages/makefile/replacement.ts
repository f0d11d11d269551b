// Makefiles: `$(NAME)` in assignments, `NAME ?=` for a variable named like the
// environment's, and a shell lookup (with make's `$$`) on recipe lines.

import { fillsString, lineStartBefore, valueOnly, type Replacement, type ReplacementSite } from "../shared/replacement.js";
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
  if (isRecipeLine(site.text, site.valueStart)) {
    const shell = writeShellReplacement(site);
    const escape = (text: string): string => text.replaceAll("$", () => "$$");
    return { text: escape(shell.text), edits: shell.edits.map((edit) => ({ ...edit, text: escape(edit.text) })) };
  }
  const token = site.token;
  if (token && site.assignment?.name === site.envVar) {
    const index = site.tokens.indexOf(token);
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
function isRecipeLine(text: string, offset: number): boolean {
  let start = lineStartBefore(text, offset);
  while (start > 0 && /\\\r?\n$/.test(text.slice(Math.max(0, start - 3), start))) start = lineStartBefore(text, start - 1);
  return text[start] === "\t";
}
