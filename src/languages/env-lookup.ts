// How each language reads an environment variable, written so that it is
// correct where the hardcoded value stood: a whole literal, a piece of a string
// (which may have to become a template literal, an f-string, a concatenation
// or a double-quoted shell word), or a fallback that should simply go.

import { isComposeFile, isGitHubWorkflow } from "./detect-language.js";
import type { LanguageId, StringToken, Token } from "./shared/tokens.js";

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
  /** The file's path, when known: docker-compose files and GitHub workflows substitute variables themselves. */
  path?: string;
}

type Family = "js" | "python" | "php" | "shell" | "powershell" | "makefile" | "dockerfile" | "markdown" | "config";

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
    case "dockerfile":
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
    case "dockerfile":
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
  // Compose and Actions substitute these before anything parses the value: no quoting to change.
  if (site.path !== undefined && isComposeFile(site.path)) return substitutedValue(site, `\${${site.envVar}}`);
  if (site.path !== undefined && isGitHubWorkflow(site.path)) return substitutedValue(site, `\${{ secrets.${site.envVar} }}`);
  if (family === "dockerfile") return dockerfileAdvice(site.envVar);
  if (family === "makefile") return makefileReplacement(site);
  if (site.assignment && site.assignment.name.replace(/^\$env:/i, "") === site.envVar) {
    // In JS, Python and PHP a constant named like the variable simply reads it.
    const guard = guardAssignment(site, family);
    if (guard) return guard;
  }
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
    case "config":
      return {
        text: `keep the value out of this file: set ${site.envVar} in the environment or a secret store and reference it (\${${site.envVar}})`,
        edits: [],
      };
  }
}

/**
 * `${NAME}` (compose) or `${{ secrets.NAME }}` (Actions) in place of the value. A
 * plain scalar inside `{…}` or `[…]` may not hold braces: it becomes a double-quoted one.
 */
function substitutedValue(site: ReplacementSite, text: string): Replacement {
  const token = site.token;
  const index = token === undefined ? -1 : site.tokens.indexOf(token);
  if (site.language !== "yaml" || token?.quote !== "bare" || index < 0 || enclosingOpener(site.tokens, index) === undefined) return valueOnly(site, text);
  const edits: ReplacementEdit[] = [
    { start: token.start, end: token.start, text: '"' },
    ...escapeOutside(site, token, /[\\"]/g, (char) => `\\${char}`),
    { start: site.valueStart, end: site.valueEnd, text },
    { start: token.end, end: token.end, text: '"' },
  ];
  return { text, edits: sortEdits(edits) };
}

/** Docker keeps ENV and ARG values and RUN lines in the image and its history: no rewrite inside a Dockerfile keeps the token out. */
function dockerfileAdvice(envVar: string): Replacement {
  return {
    text: `a token in a Dockerfile ends up in the image: pass ${envVar} when the container runs (docker run --env-file .env), or mount it where a build step needs it (RUN --mount=type=secret,id=${envVar},env=${envVar} …; docker build --secret id=${envVar},env=${envVar})`,
    edits: [],
  };
}

/**
 * make reads the environment as variables: `$(NAME)` in an assignment, and a
 * statement that set NAME itself becomes `NAME ?=`, so the environment's value
 * wins. A recipe line is shell, and make echoes it after expanding `$(…)`: there
 * the shell reads the variable (`$$` is make's `$`), so the token stays out of the log.
 */
function makefileReplacement(site: ReplacementSite): Replacement {
  if (isRecipeLine(site.text, site.valueStart)) {
    const shell = writeReplacement({ ...site, language: "shell" });
    const escape = (text: string): string => text.replaceAll("$", () => "$$");
    return { text: escape(shell.text), edits: shell.edits.map((edit) => ({ ...edit, text: escape(edit.text) })) };
  }
  const token = site.token;
  if (token && site.assignment?.name === site.envVar) {
    const index = site.tokens.indexOf(token);
    const name = site.tokens[index - 2];
    const whole = site.valueStart === token.contentStart && site.valueEnd === token.contentEnd;
    if (!whole || name?.kind !== "identifier" || name.text !== site.envVar || site.tokens[index - 1]?.kind !== "punct") {
      return { text: `read ${site.envVar} from the environment: delete this assignment`, edits: [] };
    }
    const text = `${site.envVar} ?=`;
    return { text, edits: [{ start: name.start, end: token.end, text }] };
  }
  return valueOnly(site, `$(${site.envVar})`);
}

/** Whether `offset` is on a recipe line (a logical line opening with a tab). */
function isRecipeLine(text: string, offset: number): boolean {
  let start = lineStartBefore(text, offset);
  while (start > 0 && /\\\r?\n$/.test(text.slice(Math.max(0, start - 3), start))) start = lineStartBefore(text, start - 1);
  return text[start] === "\t";
}

function valueOnly(site: ReplacementSite, text: string): Replacement {
  return { text, edits: [{ start: site.valueStart, end: site.valueEnd, text }] };
}

function removeFallback(site: ReplacementSite): Replacement {
  const kept = site.text.slice(Math.max(0, site.removal!.start - 60), site.removal!.start);
  // `os.environ.setdefault("X")` would store None (a TypeError): require the variable instead.
  const setdefault = /os\.environ\.setdefault\(\s*(["'])(\w+)\1\s*$/.exec(kept);
  const close = /^\s*\)/.exec(site.text.slice(site.removal!.end));
  if (familyOf(site.language) === "python" && setdefault && close) {
    const text = `os.environ["${setdefault[2]}"]`;
    return { text, edits: [{ start: site.removal!.start - setdefault[0].length, end: site.removal!.end + close[0].length, text }] };
  }
  // `os.getenv("X", "v")` keeps its closing parenthesis after the removal: show the whole call.
  const closing = site.text[site.removal!.end] === ")" ? ")" : "";
  const expression = trailingExpression(kept) + closing;
  return {
    text: expression ? `${expression} (drop the hardcoded fallback)` : "drop the hardcoded fallback",
    edits: [{ start: site.removal!.start, end: site.removal!.end, text: "" }],
  };
}

/** `export CONVOSO_AUTH_TOKEN=…` in a committed script: require it from the environment instead (shell and PowerShell only). */
function guardAssignment(site: ReplacementSite, family: Family): Replacement | undefined {
  const statementEnd = site.token ? site.token.end : site.valueEnd;
  if (family === "shell" || family === "markdown") {
    const guard = `: "\${${site.envVar}:?set ${site.envVar} in the environment}"`;
    // `NAME=value command`: the assignment only sets the command's environment, so
    // the command must still run; require the variable inside the word instead.
    if (/^[ \t]*[^\s;&|#)]/.test(site.text.slice(statementEnd, lineEndAfter(site.text, statementEnd)))) {
      const required = `"\${${site.envVar}:?set ${site.envVar} in the environment}"`;
      return { text: required, edits: [{ start: site.token?.start ?? site.valueStart, end: statementEnd, text: required }] };
    }
    return { text: guard, edits: [{ start: site.assignment!.statementStart, end: statementEnd, text: guard }] };
  }
  if (family === "powershell") {
    const guard = `if (-not $env:${site.envVar}) { throw "set ${site.envVar} in the environment" }`;
    return { text: guard, edits: [{ start: site.assignment!.statementStart, end: statementEnd, text: guard }] };
  }
  return undefined;
}

// --- what every finding of a unit asks of its tokens -------------------------------------

/**
 * Where each token stands, which bracket encloses it, and the unit's `import os`
 * edit: computed once per token array (a unit's tokens never change), so a file
 * with thousands of findings costs linear time, not a scan of the unit per finding.
 */
interface TokenFacts {
  indexOf: Map<Token, number>;
  /** The innermost bracket still open at each index; -1 when none. */
  opener: Int32Array;
  importOs?: ReplacementEdit[];
}

const factsByTokens = new WeakMap<readonly Token[], TokenFacts>();

function factsOf(tokens: readonly Token[]): TokenFacts {
  let facts = factsByTokens.get(tokens);
  if (facts === undefined) {
    // A closer closes the innermost open bracket whatever its kind, as a backward scan counting depth would.
    const opener = new Int32Array(tokens.length);
    const open: number[] = [];
    tokens.forEach((token, index) => {
      opener[index] = open.length > 0 ? open[open.length - 1]! : -1;
      if (token.kind !== "punct") return;
      if (token.text === "(" || token.text === "[" || token.text === "{") open.push(index);
      else if (token.text === ")" || token.text === "]" || token.text === "}") open.pop();
    });
    facts = { indexOf: new Map(tokens.map((token, index) => [token, index])), opener };
    factsByTokens.set(tokens, facts);
  }
  return facts;
}

/** `tokens.indexOf(token)` without the scan. */
function tokenIndex(tokens: readonly Token[], token: Token): number {
  return factsOf(tokens).indexOf.get(token) ?? -1;
}

// --- JavaScript / TypeScript ---------------------------------------------------------

function jsWhole(site: ReplacementSite, token: StringToken): Replacement {
  const expression = `process.env.${site.envVar}`;
  const index = tokenIndex(site.tokens, token);
  const before = (offset: number): Token | undefined => site.tokens[index - offset];
  const after = (offset: number): Token | undefined => site.tokens[index + offset];
  // `const { CONVOSO_AUTH_TOKEN = "…" } = process.env`: the default is the fallback; drop it.
  const equals = before(1);
  const name = before(2);
  const opener = before(3);
  const closer = after(1);
  if (
    equals && isPunct(equals, "=") && name?.kind === "identifier" && name.text === site.envVar &&
    opener && (isPunct(opener, "{") || isPunct(opener, ",")) && closer && (isPunct(closer, "}") || isPunct(closer, ",")) &&
    destructuresProcessEnv(site.tokens, index)
  ) {
    return { text: `${expression} (drop the hardcoded default)`, edits: [{ start: name.end, end: token.end, text: "" }] };
  }
  // A string enum member must be a constant.
  const open = enclosingOpener(site.tokens, index);
  const enumName = open === undefined ? undefined : site.tokens[open - 2];
  if (open !== undefined && isPunct(site.tokens[open]!, "{") && enumName?.kind === "identifier" && enumName.text === "enum") {
    return { text: `an enum member must be a constant: read ${expression} where the value is used`, edits: [] };
  }
  const text = site.attribute ? `{${expression}}` : expression;
  const edits: ReplacementEdit[] = [{ start: token.start, end: token.end, text }];
  // `"…" as const` is a literal type; on an env lookup it does not compile.
  const as = after(1);
  const constant = after(2);
  if (as?.kind === "identifier" && as.text === "as" && constant?.kind === "identifier" && constant.text === "const") {
    edits.push({ start: token.end, end: constant.end, text: "" });
  }
  return { text, edits };
}

/** Whether the object pattern around `tokens[index]` is followed by `} = process.env`. */
function destructuresProcessEnv(tokens: readonly Token[], index: number): boolean {
  let depth = 0;
  for (let at = index + 1; at < tokens.length; at++) {
    const token = tokens[at]!;
    if (token.kind !== "punct") continue;
    if (token.text === "{" || token.text === "(" || token.text === "[") depth++;
    else if (token.text === ")" || token.text === "]") depth--;
    else if (token.text === "}" && depth-- === 0) {
      const [equals, object, dot, env] = tokens.slice(at + 1, at + 5);
      return (
        equals !== undefined && isPunct(equals, "=") && object?.kind === "identifier" && object.text === "process" &&
        dot !== undefined && isPunct(dot, ".") && env?.kind === "identifier" && env.text === "env"
      );
    }
  }
  return false;
}

function isPunct(token: Token, text: string): boolean {
  return token.kind === "punct" && token.text === text;
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
  // A default (`def f(token="…")`, `default="…"`) is evaluated even when the caller
  // passes a value: os.getenv keeps a missing variable from failing at import time.
  const lookup = isPythonDefault(site.tokens, tokenIndex(site.tokens, token)) ? `os.getenv("${site.envVar}")` : `os.environ["${site.envVar}"]`;
  // A bytes literal stays bytes.
  const expression = token.prefix.includes("b") ? `${lookup}.encode()` : lookup;
  return { text: expression, edits: [{ start: token.start, end: token.end, text: expression }, ...importOs(site)] };
}

/** `default="…"` as a keyword argument, or a parameter default in a `def`. */
function isPythonDefault(tokens: readonly Token[], index: number): boolean {
  const equals = tokens[index - 1];
  if (index < 2 || !equals || !isPunct(equals, "=")) return false;
  const open = enclosingOpener(tokens, index);
  if (open === undefined || !isPunct(tokens[open]!, "(")) return false;
  const name = tokens[index - 2];
  if (name?.kind === "identifier" && name.text === "default") return true;
  const callee = tokens[open - 1];
  const keyword = tokens[open - 2];
  return callee?.kind === "identifier" && keyword?.kind === "identifier" && keyword.text === "def";
}

/** The index of the innermost bracket still open at `tokens[index]`, if any. */
function enclosingOpener(tokens: readonly Token[], index: number): number | undefined {
  const open = index >= 0 && index < tokens.length ? factsOf(tokens).opener[index]! : -1;
  return open < 0 ? undefined : open;
}

/** A value inside a string makes it an f-string; the lookup's quotes must differ from the string's (before 3.12). */
function pythonInside(site: ReplacementSite, token: StringToken): Replacement {
  if (token.prefix.includes("b")) return pythonBytesInside(site, token);
  const inner = token.quote.endsWith("double") ? `'${site.envVar}'` : `"${site.envVar}"`;
  const interpolation = `{os.environ[${inner}]}`;
  const edits: ReplacementEdit[] = [{ start: site.valueStart, end: site.valueEnd, text: interpolation }];
  if (!token.prefix.includes("f")) {
    // `fu"…"` is not a prefix: the `u` (a no-op since Python 3) becomes the `f`.
    const u = token.prefix.indexOf("u");
    edits.push(u < 0 ? { start: token.start, end: token.start, text: "f" } : { start: token.start + u, end: token.start + u + 1, text: "f" });
    for (let index = token.contentStart; index < token.contentEnd; index++) {
      if (index >= site.valueStart && index < site.valueEnd) continue;
      const char = site.text[index];
      if (char === "{" || char === "}") edits.push({ start: index, end: index + 1, text: char + char });
    }
  }
  return { text: `f"…${interpolation}…"`, edits: sortEdits([...edits, ...importOs(site)]) };
}

/** A bytes string with the value inside: `(b"…" + os.environ["X"].encode() + b"…")`. */
function pythonBytesInside(site: ReplacementSite, token: StringToken): Replacement {
  const lookup = `os.environ["${site.envVar}"].encode()`;
  const open = site.text.slice(token.start, token.contentStart);
  const close = site.text.slice(token.contentEnd, token.end);
  const atStart = site.valueStart === token.contentStart;
  const atEnd = site.valueEnd === token.contentEnd;
  const edits: ReplacementEdit[] = [
    { start: token.start, end: token.start, text: "(" },
    { start: atStart ? token.start : site.valueStart, end: atEnd ? token.end : site.valueEnd, text: `${atStart ? "" : `${close} + `}${lookup}${atEnd ? "" : ` + ${open}`}` },
    { start: token.end, end: token.end, text: ")" },
  ];
  return { text: `(b"…" + ${lookup} + b"…")`, edits: [...edits, ...importOs(site)] };
}

/**
 * `import os` when the module lacks it, after the module docstring and any
 * `from __future__` imports (which must stay first). In a Markdown fence the
 * module is the fence: the import goes on its first code line, indented alike.
 */
function importOs(site: ReplacementSite): ReplacementEdit[] {
  const facts = factsOf(site.tokens);
  facts.importOs ??= importOsEdits(site);
  return facts.importOs.map((edit) => ({ ...edit }));
}

function importOsEdits(site: ReplacementSite): ReplacementEdit[] {
  const all = site.tokens;
  if (all.length === 0) return [];
  const unitStart = lineStartBefore(site.text, all[0]!.start);
  const unitText = site.text.slice(unitStart, all[all.length - 1]!.end);
  if (/^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os\b/m.test(unitText)) return [];
  const tokens = all.filter((token) => token.kind !== "comment");
  const first = tokens[0];
  if (!first) return [];
  const firstLine = lineStartBefore(site.text, first.start);
  const indent = /^[ \t]*$/.test(site.text.slice(firstLine, first.start)) ? site.text.slice(firstLine, first.start) : "";
  let insertAt = firstLine;
  if (first.kind === "string") insertAt = lineEndAfter(site.text, first.end);
  for (let index = 0; index + 1 < tokens.length; index++) {
    const token = tokens[index]!;
    const next = tokens[index + 1]!;
    if (token.kind === "identifier" && token.text === "from" && next.kind === "identifier" && next.text === "__future__") {
      insertAt = lineEndAfter(site.text, next.end);
    }
  }
  // Stay above a comment that silences the next line (`# token-guard-ignore-next-line`).
  while (insertAt > unitStart) {
    const previous = lineStartBefore(site.text, insertAt - 1);
    if (!/^[ \t]*#.*(?:next-line|disable-next)/.test(site.text.slice(previous, insertAt))) break;
    insertAt = previous;
  }
  const newline = site.text.includes("\r\n") ? "\r\n" : "\n";
  return [{ start: insertAt, end: insertAt, text: `${indent}import os${newline}` }];
}

function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline + 1;
}

// --- PHP --------------------------------------------------------------------------

function phpReplacement(site: ReplacementSite, token: StringToken, whole: boolean): Replacement {
  const call = `getenv('${site.envVar}')`;
  const index = tokenIndex(site.tokens, token);
  if (site.attribute) {
    const echo = `<?= htmlspecialchars((string) ${call}) ?>`;
    return { text: echo, edits: [{ start: site.valueStart, end: site.valueEnd, text: echo }] };
  }
  const constant = phpConstantExpression(site.tokens, index);
  if (constant === "const" && whole) {
    // A top-level `const NAME = '…';` cannot call a function; define() can.
    const [equals, name, keyword] = [site.tokens[index - 1]!, site.tokens[index - 2]!, site.tokens[index - 3]!];
    if (name.kind === "identifier" && keyword.kind === "identifier" && equals.kind === "punct") {
      const text = `define('${name.text}', ${call})`;
      return { text, edits: [{ start: keyword.start, end: token.end, text }] };
    }
  }
  if (constant !== undefined) {
    return { text: `PHP needs a constant expression here: read ${call} at run time (in the constructor or the function body) instead`, edits: [] };
  }
  if (whole && token.quote !== "heredoc" && token.quote !== "nowdoc") {
    return { text: call, edits: [{ start: token.start, end: token.end, text: call }] };
  }
  if (token.quote === "heredoc" || token.quote === "nowdoc") return phpHeredoc(site, token, index, call);
  // Close the string, concatenate the lookup, reopen it; no empty '' at either end.
  const quote = site.text[token.contentEnd] === '"' ? '"' : "'";
  const atStart = site.valueStart === token.contentStart;
  const atEnd = site.valueEnd === token.contentEnd;
  const start = atStart ? token.start : site.valueStart;
  const end = atEnd ? token.end : site.valueEnd;
  const text = `${atStart ? "" : `${quote} . `}${call}${atEnd ? "" : ` . ${quote}`}`;
  return { text: `… . ${call} . …`, edits: [{ start, end, text }] };
}

/**
 * Where PHP allows only constant expressions (no function call): class constants
 * and property defaults, parameter defaults, `static` variables, top-level `const`.
 * "const" is a top-level `const` statement, which define() can replace.
 */
function phpConstantExpression(tokens: readonly Token[], index: number): "const" | "declaration" | undefined {
  let open = enclosingOpener(tokens, index);
  while (open !== undefined) {
    const opener = tokens[open]!;
    if (isPunct(opener, "(") && isFunctionParameters(tokens, open)) return "declaration";
    if (isPunct(opener, "{")) {
      if (isClassBody(tokens, open)) return "declaration";
      break;
    }
    open = enclosingOpener(tokens, open);
  }
  const start = statementStart(tokens, index);
  const first = tokens[start];
  if (first?.kind === "identifier" && first.text === "static" && tokens[start + 1]?.kind === "identifier") return "declaration";
  if (first?.kind === "identifier" && first.text === "const") {
    const simple = start + 3 === index && isPunct(tokens[index - 1]!, "=") && (tokens[index + 1] === undefined || isPunct(tokens[index + 1]!, ";"));
    return simple ? "const" : "declaration";
  }
  return undefined;
}

/** The index of the first token of the statement holding `tokens[index]` (after `;`, `{` or `}`; comments skipped). */
function statementStart(tokens: readonly Token[], index: number): number {
  let at = index - 1;
  let depth = 0;
  for (; at >= 0; at--) {
    const token = tokens[at]!;
    if (token.kind !== "punct") continue;
    if (token.text === ")" || token.text === "]") depth++;
    else if (token.text === "(" || token.text === "[") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (token.text === ";" || token.text === "{" || token.text === "}")) break;
  }
  let start = at + 1;
  while (start < index && tokens[start]!.kind === "comment") start++;
  return start;
}

/** `function name(`, `function (`, `fn (`: a parameter list. */
function isFunctionParameters(tokens: readonly Token[], open: number): boolean {
  const before = tokens[open - 1];
  if (before?.kind !== "identifier") return false;
  if (before.text === "function" || before.text === "fn") return true;
  const keyword = tokens[open - 2];
  return keyword !== undefined && (keyword.kind === "identifier" && keyword.text === "function" || isPunct(keyword, "&") && tokens[open - 3]?.kind === "identifier");
}

/** Whether the `{` at `open` starts a class, interface, trait or enum body (not a method body). */
function isClassBody(tokens: readonly Token[], open: number): boolean {
  for (let at = open - 1; at >= 0; at--) {
    const token = tokens[at]!;
    if (token.kind === "punct" && (token.text === ";" || token.text === "{" || token.text === "}")) return false;
    if (token.kind !== "identifier") continue;
    if (token.text === "function" || token.text === "fn") return false;
    if (token.text === "class" || token.text === "interface" || token.text === "trait" || token.text === "enum") return true;
  }
  return false;
}

/**
 * A heredoc cannot call getenv(): read it into a variable just before the
 * statement and interpolate that. A nowdoc becomes a heredoc first, with its `\`
 * and `$` escaped so the rest of the text stays literal.
 */
function phpHeredoc(site: ReplacementSite, token: StringToken, index: number, call: string): Replacement {
  const variable = `$${site.envVar}`;
  const manual = { text: `assign ${call} to a variable and interpolate it, or build the string with . ${call} .`, edits: [] };
  const first = site.tokens[statementStart(site.tokens, index)]!;
  // Inserting before `case x:` or a brace-less `if (…)` would move code out of its branch.
  if (first.kind === "identifier" && /^(?:case|default|if|elseif|else|while|for|foreach|do|switch)$/i.test(first.text)) return manual;
  const assignment = `${variable} = ${call};`;
  const lineStart = lineStartBefore(site.text, first.start);
  const indent = site.text.slice(lineStart, first.start);
  const newline = site.text.includes("\r\n") ? "\r\n" : "\n";
  const edits: ReplacementEdit[] = [
    /^[ \t]*$/.test(indent)
      ? { start: lineStart, end: lineStart, text: `${indent}${assignment}${newline}` }
      : { start: first.start, end: first.start, text: `${assignment} ` },
    { start: site.valueStart, end: site.valueEnd, text: `{${variable}}` },
  ];
  if (token.quote === "nowdoc") {
    const label = /^<<<[ \t]*'([A-Za-z_][A-Za-z0-9_]*)'/.exec(site.text.slice(token.start, token.contentStart));
    if (!label) return manual;
    const labelStart = token.start + label[0].length - label[1]!.length - 2;
    edits.push({ start: labelStart, end: labelStart + label[1]!.length + 2, text: label[1]! });
    edits.push(...escapeOutside(site, token, /[\\$]/g, (char) => `\\${char}`));
  }
  return { text: `${assignment} … {${variable}} …`, edits: sortEdits(edits) };
}

/** Edits escaping every match of `pattern` in the string's content, except inside the value. */
function escapeOutside(site: ReplacementSite, token: StringToken, pattern: RegExp, escape: (char: string) => string): ReplacementEdit[] {
  const edits: ReplacementEdit[] = [];
  for (const match of site.text.slice(token.contentStart, token.contentEnd).matchAll(pattern)) {
    const start = token.contentStart + match.index;
    if (start >= site.valueStart && start < site.valueEnd) continue;
    edits.push({ start, end: start + match[0].length, text: escape(match[0]) });
  }
  return edits;
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
      return shellNowdoc(site, token, variable);
    default:
      return valueOnly(site, `"${variable}"`);
  }
}

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
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const quoted = new RegExp(`<<-?[ \\t]*('${escaped}'|"${escaped}"|\\\\${escaped})(?![^\\s;&|<>])`).exec(head);
  if (word === "" || !quoted) return manual;
  const wordStart = headStart + quoted.index + quoted[0].length - quoted[1]!.length;
  const edits: ReplacementEdit[] = [
    { start: wordStart, end: wordStart + quoted[1]!.length, text: word },
    ...escapeOutside(site, token, /[\\$`]/g, (char) => `\\${char}`),
    { start: site.valueStart, end: site.valueEnd, text: variable },
  ];
  return { text: variable, edits: sortEdits(edits) };
}

// --- PowerShell -----------------------------------------------------------------------

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

/** `@'…'@` becomes `@"…"@`, with the body's own `$` and backticks escaped so only the lookup expands. */
function powershellNowdoc(site: ReplacementSite, token: StringToken, variable: string): Replacement {
  const body = site.text.slice(token.contentStart, token.contentEnd);
  if (!site.text.startsWith("@'", token.start) || !site.text.startsWith("'@", token.end - 2) || /^"@/m.test(body)) {
    return { text: `use a double-quoted here-string (@"…"@) with $(${variable})`, edits: [] };
  }
  const edits: ReplacementEdit[] = [
    { start: token.start, end: token.start + 2, text: '@"' },
    ...escapeOutside(site, token, /[$`]/g, (char) => `\`${char}`),
    { start: site.valueStart, end: site.valueEnd, text: `$(${variable})` },
    { start: token.end - 2, end: token.end, text: '"@' },
  ];
  return { text: `$(${variable})`, edits: sortEdits(edits) };
}

function sortEdits(edits: ReplacementEdit[]): ReplacementEdit[] {
  return edits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The expression-like characters at the end of `text` (`process.env.X`, `getenv('X')`), read backwards without a regex. */
function trailingExpression(text: string): string {
  let start = text.length;
  while (start > 0 && /[\w$.:[\]'"()-]/.test(text[start - 1]!)) start--;
  return text.slice(start);
}
