// Fallbacks inside the template expressions tools expand before they run a
// command or write a file: Go templates (Taskfile, Helm, gomplate:
// `{{.AUTH_TOKEN | default "v"}}`, Sprig's `{{ default "v" .Values.authToken }}`)
// and Jinja (Ansible, Salt, cookiecutter: `{{ lookup('env', 'AUTH_TOKEN') | default('v') }}`).
// The literal is what a missing variable falls back to: a token committed with
// the template. One pass over each `{{ … }}`; nothing outside one is read.

import { CharacterCodes } from "../languages/shared/character-codes.js";
import { indexOfWithin, isIdentChar, isIdentStart, isSpace } from "../languages/shared/scanner.js";

export interface TemplateDefault {
  /** Ranges of the names the expression reads (`AUTH_TOKEN` of `.AUTH_TOKEN`, `authToken` of `.Values.authToken`, a quoted `'AUTH_TOKEN'`). */
  names: { start: number; end: number }[];
  /** The default literal's content. */
  value: { start: number; end: number };
  /** For the piped form (`| default "v"`), the range to delete so only the lookup remains. */
  removal?: { start: number; end: number };
}

/** The words that give a template variable its fallback (Go/Sprig and Jinja `default`, Jinja's short `d`). */
const DEFAULT_WORDS = new Set(["default", "d"]);

/** Every `{{ … default "v" … }}` between `start` and `end` of `text`. */
export function templateDefaults(text: string, start: number, end: number): TemplateDefault[] {
  const found: TemplateDefault[] = [];
  for (let open = indexOfWithin(text, "{{", start, end); open >= 0; ) {
    const close = indexOfWithin(text, "}}", open + 2, end);
    if (close < 0) break;
    const inside = readExpression(text, open + 2, close);
    if (inside) found.push(inside);
    open = indexOfWithin(text, "{{", close + 2, end);
  }
  return found;
}

function readExpression(text: string, start: number, end: number): TemplateDefault | undefined {
  const names: { start: number; end: number }[] = [];
  let value: TemplateDefault["value"] | undefined;
  let removal: TemplateDefault["removal"];
  /** Where the last `|` stood, and whether a default word just came (and where its pipe was). */
  let pipe = -1;
  let afterDefault: { pipe: number } | undefined;
  for (let pos = start; pos < end; ) {
    const code = text.charCodeAt(pos);
    if (isSpace(code) || code === CharacterCodes.openParen || code === CharacterCodes.comma) {
      pos++;
      continue;
    }
    if (code === CharacterCodes.doubleQuote || code === CharacterCodes.singleQuote || code === CharacterCodes.backtick) {
      const closeQuote = indexOfWithin(text, text[pos]!, pos + 1, end);
      if (closeQuote < 0) return undefined;
      const content = { start: pos + 1, end: closeQuote };
      if (afterDefault && value === undefined) {
        value = content;
        const closeParen = text.charCodeAt(closeQuote + 1) === CharacterCodes.closeParen ? 1 : 0;
        if (afterDefault.pipe >= 0) removal = { start: trimBefore(text, afterDefault.pipe, start), end: closeQuote + 1 + closeParen };
      } else names.push(content);
      afterDefault = undefined;
      pos = closeQuote + 1;
      continue;
    }
    if (code === CharacterCodes.bar) {
      pipe = pos++;
      continue;
    }
    if (code === CharacterCodes.dot || isIdentStart(code)) {
      let wordEnd = pos + 1;
      let partStart = code === CharacterCodes.dot ? pos + 1 : pos;
      while (wordEnd < end && (isIdentChar(text.charCodeAt(wordEnd)) || text.charCodeAt(wordEnd) === CharacterCodes.dot)) {
        if (text.charCodeAt(wordEnd) === CharacterCodes.dot) partStart = wordEnd + 1;
        wordEnd++;
      }
      const word = text.slice(pos, wordEnd);
      if (DEFAULT_WORDS.has(word)) afterDefault = { pipe };
      else {
        if (partStart < wordEnd) names.push({ start: partStart, end: wordEnd });
        afterDefault = undefined;
      }
      pipe = -1;
      pos = wordEnd;
      continue;
    }
    afterDefault = undefined;
    pos++;
  }
  return value !== undefined && names.length > 0 ? { names, value, removal } : undefined;
}

/** `pos` moved back over the spaces before it (down to `floor`). */
function trimBefore(text: string, pos: number, floor: number): number {
  while (pos > floor && isSpace(text.charCodeAt(pos - 1))) pos--;
  return pos;
}
