// PowerShell: `$env:NAME` where the literal stood, `$(…)` inside an expandable
// string, and a guard that requires the variable instead of assigning it.

import {
  assignsItsOwnVariable,
  escapeOutside,
  replaceInString,
  sortEdits,
  valueOnly,
  type Replacement,
  type ReplacementEdit,
  type ReplacementSite,
} from "../shared/replacement.js";
import { contentMatches } from "../shared/string-matches.js";
import type { StringToken } from "../shared/tokens.js";

/** `$env:NAME`. */
export function powershellEnvLookup(envVar: string): string {
  return `$env:${envVar}`;
}

export function writePowerShellReplacement(site: ReplacementSite): Replacement {
  if (assignsItsOwnVariable(site)) return guardAssignment(site);
  return replaceInString(site, powershellEnvLookup, (token, whole) => powershellReplacement(site, token, whole));
}

/** `$env:CONVOSO_AUTH_TOKEN = …` in a committed script: require it from the environment instead. */
function guardAssignment(site: ReplacementSite): Replacement {
  const statementEnd = site.token ? site.token.end : site.valueEnd;
  const guard = `if (-not $env:${site.envVar}) { throw "set ${site.envVar} in the environment" }`;
  return { text: guard, edits: [{ start: site.assignment!.statementStart, end: statementEnd, text: guard }] };
}

function powershellReplacement(site: ReplacementSite, token: StringToken, whole: boolean): Replacement {
  const variable = `$env:${site.envVar}`;
  if (whole && token.quote !== "heredoc" && token.quote !== "nowdoc") {
    return { text: variable, edits: [{ start: token.start, end: token.end, text: variable }] };
  }
  if (token.quote === "double" || token.quote === "heredoc") return valueOnly(site, `$(${variable})`);
  if (token.quote === "nowdoc") return powershellNowdoc(site, token, variable);
  const atStart = site.valueStart === token.contentStart;
  const atEnd = site.valueEnd === token.contentEnd;
  const start = atStart ? token.start : site.valueStart;
  const end = atEnd ? token.end : site.valueEnd;
  const text = `${atStart ? "" : "' + "}${variable}${atEnd ? "" : " + '"}`;
  // Parentheses: as a command argument, `'…' + $env:X` would be three arguments.
  const edits: ReplacementEdit[] = [
    { start: token.start, end: token.start, text: "(" },
    { start, end, text },
    { start: token.end, end: token.end, text: ")" },
  ];
  return { text: `(… + ${variable} + …)`, edits };
}

/** A line that would close the here-string once it is `@"…"@`. (Patterns are module constants: string-matches.ts memoises by pattern.) */
const DOUBLE_HERE_STRING_CLOSER = /^"@/gm;
/** What expands in `@"…"@`. */
const EXPANDABLE_SPECIAL = /[$`]/g;

/** `@'…'@` becomes `@"…"@`, with the body's own `$` and backticks escaped so only the lookup expands. */
function powershellNowdoc(site: ReplacementSite, token: StringToken, variable: string): Replacement {
  // Searched once per here-string however many findings it holds.
  const closesEarly = contentMatches(site.text, token, DOUBLE_HERE_STRING_CLOSER).length > 0;
  if (!site.text.startsWith("@'", token.start) || !site.text.startsWith("'@", token.end - 2) || closesEarly) {
    return { text: `use a double-quoted here-string (@"…"@) with $(${variable})`, edits: [] };
  }
  const edits: ReplacementEdit[] = [
    { start: token.start, end: token.start + 2, text: '@"' },
    ...escapeOutside(site, token, EXPANDABLE_SPECIAL, (char) => `\`${char}`),
    { start: site.valueStart, end: site.valueEnd, text: `$(${variable})` },
    { start: token.end - 2, end: token.end, text: '"@' },
  ];
  return { text: `$(${variable})`, edits: sortEdits(edits) };
}
