// How shell reads an environment variable where a value stood: shell scripts,
// Markdown prose and commands, and Makefile recipe lines all run through a shell.

import { assignsItsOwnVariable, escapeOutside, lineEndAfter, lineStartBefore, replaceInString, sortEdits, valueOnly, type Replacement, type ReplacementEdit, type ReplacementSite } from "./replacement.js";
import type { StringToken } from "./tokens.js";
import { escapeRegExp } from "./escape-regexp.js";

/** `"$NAME"`: the lookup as a standalone shell word. */
export function shellEnvLookup(envVar: string): string {
  return `"$${envVar}"`;
}

/** The shell replacement for a value in code (not in a comment, not a fallback). */
export function writeShellReplacement(site: ReplacementSite): Replacement {
  if (assignsItsOwnVariable(site)) return guardAssignment(site);
  return replaceInString(site, shellEnvLookup, (token, whole) => shellReplacement(site, token, whole));
}

/** `export CONVOSO_AUTH_TOKEN=…` in a committed script: require it from the environment instead. */
function guardAssignment(site: ReplacementSite): Replacement {
  const statementEnd = site.token ? site.token.end : site.valueEnd;
  const guard = `: "\${${site.envVar}:?set ${site.envVar} in the environment}"`;
  // `NAME=value command`: the assignment only sets the command's environment, so
  // the command must still run; require the variable inside the word instead.
  if (/^[ \t]*[^\s;&|#)]/.test(site.text.slice(statementEnd, lineEndAfter(site.text, statementEnd)))) {
    const required = `"\${${site.envVar}:?set ${site.envVar} in the environment}"`;
    return { text: required, edits: [{ start: site.token?.start ?? site.valueStart, end: statementEnd, text: required }] };
  }
  return { text: guard, edits: [{ start: site.assignment!.statementStart, end: statementEnd, text: guard }] };
}

function shellReplacement(site: ReplacementSite, token: StringToken, whole: boolean): Replacement {
  const variable = `\${${site.envVar}}`;
  switch (token.quote) {
    case "double":
    case "heredoc":
      return valueOnly(site, variable);
    case "single": {
      // Leave the single quotes, expand in double quotes between them.
      const text = `'"${variable}"'`;
      if (whole) return { text: `"${variable}"`, edits: [{ start: token.start, end: token.end, text: `"${variable}"` }] };
      return { text: `"${variable}"`, edits: [{ start: site.valueStart, end: site.valueEnd, text }] };
    }
    case "nowdoc":
      return shellNowdoc(site, token, variable);
    default:
      return valueOnly(site, `"${variable}"`);
  }
}

/** What an unquoted heredoc expands (a module constant: string-matches.ts memoises by pattern). */
const HEREDOC_SPECIAL = /[\\$`]/g;

/**
 * `<<'EOF'` keeps its body literal: unquote the delimiter so the variable
 * expands, and escape the body's own `\`, `$` and backquotes so nothing else does.
 */
function shellNowdoc(site: ReplacementSite, token: StringToken, variable: string): Replacement {
  const manual = { text: `use an unquoted heredoc delimiter so ${variable} expands`, edits: [] };
  // The operator opens the token, or (when the command goes on after it) ends the line before the body.
  const word = site.text.slice(site.text.lastIndexOf("\n", token.end - 1) + 1, token.end).trim();
  const headStart = token.start < token.contentStart ? token.start : lineStartBefore(site.text, token.start - 1);
  const head = site.text.slice(headStart, token.start < token.contentStart ? token.contentStart : token.start);
  const escaped = escapeRegExp(word);
  const quoted = new RegExp(`<<-?[ \\t]*('${escaped}'|"${escaped}"|\\\\${escaped})(?![^\\s;&|<>])`).exec(head);
  if (word === "" || !quoted) return manual;
  const wordStart = headStart + quoted.index + quoted[0].length - quoted[1]!.length;
  const edits: ReplacementEdit[] = [
    { start: wordStart, end: wordStart + quoted[1]!.length, text: word },
    ...escapeOutside(site, token, HEREDOC_SPECIAL, (char) => `\\${char}`),
    { start: site.valueStart, end: site.valueEnd, text: variable },
  ];
  return { text: variable, edits: sortEdits(edits) };
}
