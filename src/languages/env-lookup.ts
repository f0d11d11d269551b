// How each language reads an environment variable, written so that it is
// correct where the hardcoded value stood: a whole literal, a piece of a string
// (which may have to become a template literal, an f-string, a concatenation
// or a double-quoted shell word), or a fallback that should simply go.

import type { LanguageId, StringToken, Token } from "./tokens.js";

export interface ReplacementEdit {
  start: number;
  end: number;
  text: string;
}

export interface Replacement {
  /** What the user should write, as one line. */
  text: string;
  edits: ReplacementEdit[];
}

/** Where the value stands; everything the writer needs, nothing about rules. */
export interface ReplacementSite {
  language: LanguageId;
  text: string;
  /** Tokens of the unit (to find `import os`, JSX attributes). */
  tokens: readonly Token[];
  envVar: string;
  valueStart: number;
  valueEnd: number;
  /** The string holding the value; absent in comments. */
  token?: StringToken;
  /** Delete this range instead of replacing the value (fallbacks). */
  removal?: { start: number; end: number };
  /** `export NAME=value` statements: the assigned name and the statement start. */
  assignment?: { name: string; statementStart: number };
  /** The value sits in a `<tag name="…" value="…">` pair. */
  attribute?: boolean;
  inComment: boolean;
}

type Family = "js" | "python" | "php" | "shell" | "powershell" | "makefile" | "markdown" | "config";

function familyOf(language: LanguageId): Family {
  switch (language) {
    case "javascript":
    case "typescript":
      return "js";
    case "python":
    case "php":
    case "shell":
    case "powershell":
    case "makefile":
    case "markdown":
      return language;
    default:
      return "config";
  }
}

/** The expression that reads `envVar` in `family`, as a standalone value. */
export function envExpression(language: LanguageId, envVar: string): string {
  switch (familyOf(language)) {
    case "js":
      return `process.env.${envVar}`;
    case "python":
      return `os.environ["${envVar}"]`;
    case "php":
      return `getenv('${envVar}')`;
    case "shell":
    case "markdown":
      return `"$${envVar}"`;
    case "powershell":
      return `$env:${envVar}`;
    case "makefile":
      return `$(${envVar})`;
    case "config":
      return `\${${envVar}}`;
  }
}

export function writeReplacement(site: ReplacementSite): Replacement {
  const family = familyOf(site.language);
  if (site.inComment) {
    return { text: `delete the commented-out value and read ${envExpression(site.language, site.envVar)}`, edits: [] };
  }
  if (site.removal) return removeFallback(site);
  if (site.assignment && site.assignment.name.replace(/^\$env:/i, "") === site.envVar) return guardAssignment(site, family);
  const token = site.token;
  if (!token) return { text: envExpression(site.language, site.envVar), edits: [] };
  const whole = site.valueStart === token.contentStart && site.valueEnd === token.contentEnd;
  switch (family) {
    case "js":
      return whole ? jsWhole(site, token) : jsInside(site, token);
    case "python":
      return whole ? pythonWhole(site, token) : pythonInside(site, token);
    case "php":
      return phpReplacement(site, token, whole);
    case "shell":
    case "markdown":
      return shellReplacement(site, token, whole);
    case "powershell":
      return powershellReplacement(site, token, whole);
    case "makefile":
      return valueOnly(site, `$(${site.envVar})`);
    case "config":
      return {
        text: `keep the value out of this file: set ${site.envVar} in the environment or a secret store and reference it (\${${site.envVar}})`,
        edits: [],
      };
  }
}

function valueOnly(site: ReplacementSite, text: string): Replacement {
  return { text, edits: [{ start: site.valueStart, end: site.valueEnd, text }] };
}

function removeFallback(site: ReplacementSite): Replacement {
  const kept = site.text.slice(Math.max(0, site.removal!.start - 60), site.removal!.start);
  const expression = /[\w$.:[\]'"()-]*$/.exec(kept)?.[0] ?? "";
  return {
    text: expression ? `${expression} (drop the hardcoded fallback)` : "drop the hardcoded fallback",
    edits: [{ start: site.removal!.start, end: site.removal!.end, text: "" }],
  };
}

/** `export CONVOSO_AUTH_TOKEN=…` in a committed script: require it from the environment instead. */
function guardAssignment(site: ReplacementSite, family: Family): Replacement {
  const statementEnd = site.token ? site.token.end : site.valueEnd;
  if (family === "shell" || family === "markdown") {
    const guard = `: "\${${site.envVar}:?set ${site.envVar} in the environment}"`;
    return { text: guard, edits: [{ start: site.assignment!.statementStart, end: statementEnd, text: guard }] };
  }
  if (family === "powershell") {
    const guard = `if (-not $env:${site.envVar}) { throw "set ${site.envVar} in the environment" }`;
    return { text: guard, edits: [{ start: site.assignment!.statementStart, end: statementEnd, text: guard }] };
  }
  return { text: envExpression(site.language, site.envVar), edits: [] };
}

// --- JavaScript / TypeScript ---------------------------------------------------------

function jsWhole(site: ReplacementSite, token: StringToken): Replacement {
  const expression = `process.env.${site.envVar}`;
  const text = site.attribute ? `{${expression}}` : expression;
  return { text, edits: [{ start: token.start, end: token.end, text }] };
}

/** A value inside a '…' or "…" string turns the string into a template literal. */
function jsInside(site: ReplacementSite, token: StringToken): Replacement {
  const interpolation = `\${process.env.${site.envVar}}`;
  const valueEdit = { start: site.valueStart, end: site.valueEnd, text: interpolation };
  if (token.quote === "backtick") return { text: interpolation, edits: [valueEdit] };
  const edits: ReplacementEdit[] = [{ start: token.start, end: token.contentStart, text: "`" }];
  // Characters that mean something in a template literal but not in a quoted string.
  for (let index = token.contentStart; index < token.contentEnd; index++) {
    if (index >= site.valueStart && index < site.valueEnd) continue;
    const char = site.text[index];
    if (char === "`") edits.push({ start: index, end: index + 1, text: "\\`" });
    else if (char === "$" && site.text[index + 1] === "{") edits.push({ start: index, end: index + 1, text: "\\$" });
  }
  edits.push(valueEdit, { start: token.contentEnd, end: token.end, text: "`" });
  return { text: `\`…${interpolation}…\``, edits: sortEdits(edits) };
}

// --- Python -------------------------------------------------------------------

function pythonWhole(site: ReplacementSite, token: StringToken): Replacement {
  const expression = `os.environ["${site.envVar}"]`;
  return { text: expression, edits: [{ start: token.start, end: token.end, text: expression }, ...importOs(site)] };
}

/** A value inside a string makes it an f-string; the lookup's quotes must differ from the string's (before 3.12). */
function pythonInside(site: ReplacementSite, token: StringToken): Replacement {
  if (token.prefix.includes("b")) {
    return { text: `build the bytes from os.environ["${site.envVar}"].encode()`, edits: [] };
  }
  const inner = token.quote.endsWith("double") ? `'${site.envVar}'` : `"${site.envVar}"`;
  const interpolation = `{os.environ[${inner}]}`;
  const edits: ReplacementEdit[] = [{ start: site.valueStart, end: site.valueEnd, text: interpolation }];
  if (!token.prefix.includes("f")) {
    edits.push({ start: token.start, end: token.start, text: "f" });
    for (let index = token.contentStart; index < token.contentEnd; index++) {
      if (index >= site.valueStart && index < site.valueEnd) continue;
      const char = site.text[index];
      if (char === "{" || char === "}") edits.push({ start: index, end: index + 1, text: char + char });
    }
  }
  return { text: `f"…${interpolation}…"`, edits: sortEdits([...edits, ...importOs(site)]) };
}

/**
 * `import os` when the module lacks it, after the module docstring and any
 * `from __future__` imports (which must stay first).
 */
function importOs(site: ReplacementSite): ReplacementEdit[] {
  if (/^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os\b/m.test(site.text)) return [];
  const tokens = site.tokens.filter((token) => token.kind !== "comment");
  let insertAt = 0;
  const first = tokens[0];
  if (first?.kind === "string") insertAt = lineEndAfter(site.text, first.end);
  for (let index = 0; index + 1 < tokens.length; index++) {
    const token = tokens[index]!;
    const next = tokens[index + 1]!;
    if (token.kind === "identifier" && token.text === "from" && next.kind === "identifier" && next.text === "__future__") {
      insertAt = lineEndAfter(site.text, next.end);
    }
  }
  if (insertAt === 0) {
    // Keep a shebang or encoding comment on the first lines.
    while (site.text.startsWith("#", insertAt)) insertAt = lineEndAfter(site.text, insertAt);
  }
  return [{ start: insertAt, end: insertAt, text: "import os\n" }];
}

function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline + 1;
}

// --- PHP --------------------------------------------------------------------------

function phpReplacement(site: ReplacementSite, token: StringToken, whole: boolean): Replacement {
  const call = `getenv('${site.envVar}')`;
  if (site.attribute) {
    const echo = `<?= htmlspecialchars((string) ${call}) ?>`;
    return { text: echo, edits: [{ start: site.valueStart, end: site.valueEnd, text: echo }] };
  }
  if (whole && token.quote !== "heredoc" && token.quote !== "nowdoc") {
    return { text: call, edits: [{ start: token.start, end: token.end, text: call }] };
  }
  if (token.quote === "heredoc" || token.quote === "nowdoc") {
    return { text: `assign ${call} to a variable and interpolate it, or build the string with . ${call} .`, edits: [] };
  }
  // Close the string, concatenate the lookup, reopen it; no empty '' at either end.
  const quote = site.text[token.contentEnd] === '"' ? '"' : "'";
  const atStart = site.valueStart === token.contentStart;
  const atEnd = site.valueEnd === token.contentEnd;
  const start = atStart ? token.start : site.valueStart;
  const end = atEnd ? token.end : site.valueEnd;
  const text = `${atStart ? "" : `${quote} . `}${call}${atEnd ? "" : ` . ${quote}`}`;
  return { text: `… . ${call} . …`, edits: [{ start, end, text }] };
}

// --- shell and Markdown prose -----------------------------------------------------------

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
      return { text: `use an unquoted heredoc delimiter so ${variable} expands`, edits: [] };
    default:
      return valueOnly(site, `"${variable}"`);
  }
}

// --- PowerShell -----------------------------------------------------------------------

function powershellReplacement(site: ReplacementSite, token: StringToken, whole: boolean): Replacement {
  const variable = `$env:${site.envVar}`;
  if (whole && token.quote !== "heredoc" && token.quote !== "nowdoc") {
    return { text: variable, edits: [{ start: token.start, end: token.end, text: variable }] };
  }
  if (token.quote === "double" || token.quote === "heredoc") return valueOnly(site, `$(${variable})`);
  if (token.quote === "nowdoc") return { text: `use a double-quoted here-string (@"…"@) with $(${variable})`, edits: [] };
  const atStart = site.valueStart === token.contentStart;
  const atEnd = site.valueEnd === token.contentEnd;
  const start = atStart ? token.start : site.valueStart;
  const end = atEnd ? token.end : site.valueEnd;
  const text = `${atStart ? "" : "' + "}${variable}${atEnd ? "" : " + '"}`;
  return { text: `… + ${variable} + …`, edits: [{ start, end, text }] };
}

function sortEdits(edits: ReplacementEdit[]): ReplacementEdit[] {
  return edits.sort((a, b) => a.start - b.start || a.end - b.end);
}
