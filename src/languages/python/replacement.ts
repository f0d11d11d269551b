// Python: `os.environ["NAME"]` where the literal stood, an f-string when the
// value sits inside a string, and `import os` when the module lacks it.

import { withoutComments } from "../shared/code-tokens.js";
import { escapeOutside, lineEndAfter, newlineOf, lineStartBefore, removeFallback, replaceInString, sortEdits, type Replacement, type ReplacementEdit, type ReplacementSite } from "../shared/replacement.js";
import { enclosingOpener, isPunct, tokenIndex } from "../shared/token-facts.js";
import type { StringToken, Token } from "../shared/tokens.js";

/** `os.environ["NAME"]`. */
export function pythonEnvLookup(envVar: string): string {
  return `os.environ["${envVar}"]`;
}

export function writePythonReplacement(site: ReplacementSite): Replacement {
  return replaceInString(site, pythonEnvLookup, (token, whole) => (whole ? pythonWhole(site, token) : pythonInside(site, token)));
}

/** `os.environ.setdefault("X")` would store None (a TypeError): there, require the variable instead. */
export function writePythonFallbackRemoval(site: ReplacementSite): Replacement {
  const kept = site.text.slice(Math.max(0, site.removal!.start - 60), site.removal!.start);
  const setdefault = /os\.environ\.setdefault\(\s*(["'])(\w+)\1\s*$/.exec(kept);
  const close = /^\s*\)/.exec(site.text.slice(site.removal!.end));
  if (!setdefault || !close) return removeFallback(site);
  const text = `os.environ["${setdefault[2]}"]`;
  return { text, edits: [{ start: site.removal!.start - setdefault[0].length, end: site.removal!.end + close[0].length, text }] };
}

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

/** Braces, doubled when a string becomes an f-string (a module constant: string-matches.ts memoises by pattern). */
const F_STRING_BRACES = /[{}]/g;

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
    edits.push(...escapeOutside(site, token, F_STRING_BRACES, (char) => char + char));
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
  let edits = importOsByTokens.get(site.tokens);
  if (edits === undefined) {
    edits = importOsEdits(site);
    importOsByTokens.set(site.tokens, edits);
  }
  return edits.map((edit) => ({ ...edit }));
}

/** The `import os` edits of each unit, computed once per token array however many findings it holds. */
const importOsByTokens = new WeakMap<readonly Token[], ReplacementEdit[]>();

function importOsEdits(site: ReplacementSite): ReplacementEdit[] {
  const all = site.tokens;
  if (all.length === 0) return [];
  const unitStart = lineStartBefore(site.text, all[0]!.start);
  const unitText = site.text.slice(unitStart, all[all.length - 1]!.end);
  if (/^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os\b/m.test(unitText)) return [];
  const tokens = withoutComments(all);
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
  const newline = newlineOf(site);
  return [{ start: insertAt, end: insertAt, text: `${indent}import os${newline}` }];
}
