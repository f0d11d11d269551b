// Front end for HTML (and the HTML around PHP code): tags with their attributes,
// comments, prose as bare strings, and `<script>` bodies handed on as JavaScript.

import { CharacterCodes } from "./character-codes.js";
import { bareString, indexOfWithin, isLineBreak, isSpace, pushToken, scanBlockComment, scanQuoted, skipWhile, trimEnd } from "./scanner.js";
import type { EmbeddedRegion, LexResult, StringToken, Token } from "./tokens.js";

/** Elements whose content is raw text: no tags inside until the matching end tag. */
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "title"]);

/** `<script type>` values whose body is JavaScript (or JSON, which the JavaScript front end reads). */
const SCRIPT_TYPES = /^$|(java|ecma)script|module|json|importmap|jsx|babel/i;

/** `<script lang>` values (Vue, Svelte) whose body is TypeScript. */
const TYPESCRIPT_LANGS = /^(?:ts|tsx|typescript)$/i;

/** How far a `{…}` attribute value (Svelte, Astro, JSX) is followed before it counts as unclosed: keeps a file of stray `{` linear. */
const MAX_BRACE_VALUE = 512;

function isAsciiLetter(code: number): boolean {
  return (code >= CharacterCodes.a && code <= CharacterCodes.z) || (code >= CharacterCodes.A && code <= CharacterCodes.Z);
}

function isBlank(code: number): boolean {
  return isSpace(code) || isLineBreak(code);
}

// Per the HTML tokenizer, names run to whitespace, `/` or `>` (attribute names also stop at `=`).
function isTagNameChar(code: number): boolean {
  return !isBlank(code) && code !== CharacterCodes.slash && code !== CharacterCodes.greaterThan;
}

function isAttributeNameChar(code: number): boolean {
  return isTagNameChar(code) && code !== CharacterCodes.equals;
}

export function lexHtml(text: string, start = 0, end = text.length): LexResult {
  const tokens: Token[] = [];
  const embedded: EmbeddedRegion[] = [];
  const braces: BraceScans = { failedBefore: -1 };
  let pos = start;
  while (pos < end) {
    if (text.charCodeAt(pos) === CharacterCodes.lessThan && pos + 1 < end) {
      const next = text.charCodeAt(pos + 1);
      if (next === CharacterCodes.exclamation && pos + 4 <= end && text.startsWith("<!--", pos)) {
        // The search for `-->` stops at `end`: a PHP file lexes many short HTML ranges.
        pos = pushToken(tokens, scanBlockComment(text, pos, end, "<!--", "-->"));
        continue;
      }
      // `<![CDATA[…]]>`: text, `>` and `<` included (XML, and SVG or MathML inside HTML).
      if (next === CharacterCodes.exclamation && pos + CDATA_OPEN.length <= end && text.startsWith(CDATA_OPEN, pos)) {
        pos = pushCdata(text, pos, end, tokens);
        continue;
      }
      // `<!DOCTYPE …>`, `<?xml …?>`: declarations, not content.
      if (next === CharacterCodes.exclamation || next === CharacterCodes.question) {
        const close = indexOfWithin(text, ">", pos + 2, end);
        pos = close < 0 ? end : close + 1;
        continue;
      }
      if (isAsciiLetter(next) || (next === CharacterCodes.slash && pos + 2 < end && isAsciiLetter(text.charCodeAt(pos + 2)))) {
        pos = lexTag(text, pos, end, tokens, embedded, braces);
        continue;
      }
    }
    const runEnd = findMarkup(text, pos + 1, end);
    pushText(tokens, text, pos, runEnd);
    pos = runEnd;
  }
  return { tokens, embedded };
}

/**
 * Lexes the start or end tag at `pos` and, after a raw-text element's start tag, its
 * body; returns where lexing goes on.
 */
function lexTag(text: string, pos: number, end: number, tokens: Token[], embedded: EmbeddedRegion[], braces: BraceScans): number {
  const closing = text.charCodeAt(pos + 1) === CharacterCodes.slash;
  const nameStart = pos + (closing ? 2 : 1);
  const nameEnd = skipWhile(text, nameStart, end, isTagNameChar);
  const tagName = text.slice(nameStart, nameEnd);
  tokens.push({ kind: "punct", start: pos, end: nameStart, text: closing ? "</" : "<" });
  tokens.push({ kind: "identifier", start: nameStart, end: nameEnd, text: tagName });
  let scriptType = "";
  let scriptLang = "";
  let p = nameEnd;
  while (p < end) {
    const code = text.charCodeAt(p);
    if (isBlank(code)) {
      p++;
      continue;
    }
    if (code === CharacterCodes.greaterThan) {
      tokens.push({ kind: "punct", start: p, end: p + 1, text: ">" });
      p++;
      const name = tagName.toLowerCase();
      return closing || !RAW_TEXT_ELEMENTS.has(name) ? p : lexRawText(text, p, end, name, { type: scriptType, lang: scriptLang }, tokens, embedded);
    }
    if (code === CharacterCodes.slash) {
      if (p + 1 < end && text.charCodeAt(p + 1) === CharacterCodes.greaterThan) {
        tokens.push({ kind: "punct", start: p, end: p + 2, text: "/>" });
        // HTML ignores the slash on non-void elements: `<script />` still opens a script.
        const name = tagName.toLowerCase();
        return closing || !RAW_TEXT_ELEMENTS.has(name) ? p + 2 : lexRawText(text, p + 2, end, name, { type: scriptType, lang: scriptLang }, tokens, embedded);
      }
      p++;
      continue;
    }
    // A stray `=` before any name starts the attribute's name, as in the HTML tokenizer.
    const attributeEnd = skipWhile(text, p + 1, end, isAttributeNameChar);
    const attribute = text.slice(p, attributeEnd);
    tokens.push({ kind: "identifier", start: p, end: attributeEnd, text: attribute });
    p = skipWhile(text, attributeEnd, end, isBlank);
    if (p >= end || text.charCodeAt(p) !== CharacterCodes.equals) continue;
    tokens.push({ kind: "punct", start: p, end: p + 1, text: "=" });
    p = skipWhile(text, p + 1, end, isBlank);
    if (p >= end || text.charCodeAt(p) === CharacterCodes.greaterThan) continue;
    const value = scanAttributeValue(text, p, end, braces);
    tokens.push(value);
    p = value.end;
    if (attribute.toLowerCase() === "type") scriptType = text.slice(value.contentStart, value.contentEnd).trim();
    if (attribute.toLowerCase() === "lang") scriptLang = text.slice(value.contentStart, value.contentEnd).trim();
  }
  return end;
}

/**
 * Where the last `{…}` value that found no close stopped looking: a `{` before
 * that point is not followed again, so a file of stray `{` is read about twice, not 512 times.
 */
interface BraceScans {
  failedBefore: number;
}

function scanAttributeValue(text: string, pos: number, end: number, braces: BraceScans): StringToken {
  const code = text.charCodeAt(pos);
  if (code === CharacterCodes.doubleQuote || code === CharacterCodes.singleQuote) {
    // Quoted values may span lines and know no escapes (entities are not quotes).
    return scanQuoted(text, pos + 1, end, {
      close: text.charAt(pos),
      quote: code === CharacterCodes.doubleQuote ? "double" : "single",
      backslashEscapes: false,
      endsAtLineBreak: false,
    });
  }
  if (code === CharacterCodes.openBrace && pos >= braces.failedBefore) {
    const limit = Math.min(end, pos + MAX_BRACE_VALUE);
    const close = closingBrace(text, pos, limit);
    if (close >= 0) return bareString(pos, close + 1);
    braces.failedBefore = limit;
  }
  return bareString(pos, skipWhile(text, pos, end, (c) => !isBlank(c) && c !== CharacterCodes.greaterThan));
}

/**
 * The `}` that closes the `{` at `pos` (an attribute's expression in Svelte,
 * Astro or JSX, which may hold spaces, quotes and `>`), or -1 before `limit`.
 * Braces inside quotes do not count.
 */
function closingBrace(text: string, pos: number, limit: number): number {
  let depth = 0;
  let quote = 0;
  for (let p = pos; p < limit; p++) {
    const code = text.charCodeAt(p);
    if (quote !== 0) {
      if (code === CharacterCodes.backslash) p++;
      else if (code === quote) quote = 0;
    } else if (code === CharacterCodes.doubleQuote || code === CharacterCodes.singleQuote || code === CharacterCodes.backtick) quote = code;
    else if (code === CharacterCodes.openBrace) depth++;
    else if (code === CharacterCodes.closeBrace && --depth === 0) return p;
  }
  return -1;
}

/**
 * The body of a raw-text element up to its end tag: a JavaScript (or, with `lang="ts"`, TypeScript) region for scripts,
 * else a bare string (CSS, textarea and title text may still hold a pasted token).
 */
function lexRawText(
  text: string,
  bodyStart: number,
  end: number,
  name: string,
  script: { type: string; lang: string },
  tokens: Token[],
  embedded: EmbeddedRegion[],
): number {
  const bodyEnd = findEndTag(text, bodyStart, end, name);
  if (name === "script" && SCRIPT_TYPES.test(script.type)) {
    const language = TYPESCRIPT_LANGS.test(script.lang) ? "typescript" : "javascript";
    if (skipWhile(text, bodyStart, bodyEnd, isBlank) < bodyEnd) embedded.push({ language, start: bodyStart, end: bodyEnd });
  } else {
    pushText(tokens, text, bodyStart, bodyEnd);
  }
  return bodyEnd;
}

/** Index of `</name` (any case, followed by a name end) at or after `pos`, or `end`. */
function findEndTag(text: string, pos: number, end: number, name: string): number {
  const limit = end - name.length - 2;
  for (let p = pos; p <= limit; p++) {
    if (text.charCodeAt(p) !== CharacterCodes.lessThan || text.charCodeAt(p + 1) !== CharacterCodes.slash) continue;
    if (text.slice(p + 2, p + 2 + name.length).toLowerCase() !== name) continue;
    const after = p + 2 + name.length;
    if (after === end || !isTagNameChar(text.charCodeAt(after))) return p;
  }
  return end;
}

/** Index of the next `<` at or after `pos` that opens a tag, comment or declaration, or `end`. */
function findMarkup(text: string, pos: number, end: number): number {
  for (let p = pos; p + 1 < end; p++) {
    if (text.charCodeAt(p) !== CharacterCodes.lessThan) continue;
    const next = text.charCodeAt(p + 1);
    if (isAsciiLetter(next) || next === CharacterCodes.exclamation || next === CharacterCodes.question) return p;
    if (next === CharacterCodes.slash && p + 2 < end && isAsciiLetter(text.charCodeAt(p + 2))) return p;
  }
  return end;
}

const CDATA_OPEN = "<![CDATA[";
const CDATA_CLOSE = "]]>";

/** The CDATA section at `pos` as a bare string of its trimmed text (an unclosed one runs to `end`); returns where lexing goes on. */
function pushCdata(text: string, pos: number, end: number, tokens: Token[]): number {
  const open = pos + CDATA_OPEN.length;
  const close = indexOfWithin(text, CDATA_CLOSE, open, end);
  const contentEnd = close < 0 ? end : close;
  const sectionEnd = close < 0 ? end : close + CDATA_CLOSE.length;
  const first = skipWhile(text, open, contentEnd, isBlank);
  const last = trimEnd(text, first, contentEnd, isBlank);
  tokens.push({ ...bareString(first, last), start: pos, end: sectionEnd });
  return sectionEnd;
}

/** Prose between tags as one bare string, trimmed; whitespace-only runs give nothing. */
function pushText(tokens: Token[], text: string, start: number, end: number): void {
  const first = skipWhile(text, start, end, isBlank);
  const last = trimEnd(text, first, end, isBlank);
  if (last > first) tokens.push(bareString(first, last));
}
