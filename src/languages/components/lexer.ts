// Front end for single-file components (Vue, Svelte, Astro): markup whose
// `<script>` blocks are JavaScript or TypeScript, whose bound attributes hold
// JavaScript expressions (`:auth-token="'…'"`, `v-bind:auth-token`,
// `authToken={"…"}`), and, in Astro, a `---` frontmatter of TypeScript.

import { CharacterCodes } from "../shared/character-codes.js";
import { lexHtml } from "../shared/markup-lexer.js";
import { findLineEnd, nextLine, skipWhile, isSpace } from "../shared/scanner.js";
import { lexJavaScript } from "../shared/script-lexer.js";
import type { EmbeddedRegion, LexResult, Token } from "../shared/tokens.js";

/** Prefixes that bind an attribute to an expression: Vue's `:name` and `v-bind:name`. */
const BINDING_PREFIXES = ["v-bind:", ":"];

export function lexComponent(text: string, start = 0, end = text.length): LexResult {
  const frontmatter = astroFrontmatter(text, start, end);
  const markupStart = frontmatter?.after ?? start;
  const markup = lexHtml(text, markupStart, end);
  const embedded: EmbeddedRegion[] = frontmatter ? [{ language: "typescript", start: frontmatter.start, end: frontmatter.end }, ...markup.embedded] : markup.embedded;
  return { tokens: withBoundExpressions(text, markup.tokens), embedded };
}

/** The code between a leading `---` line and the next `---` line (Astro), and where the markup starts. */
function astroFrontmatter(text: string, start: number, end: number): { start: number; end: number; after: number } | undefined {
  const first = skipWhile(text, start, end, (code) => code === CharacterCodes.byteOrderMark || isSpace(code) || code === CharacterCodes.lineFeed || code === CharacterCodes.carriageReturn);
  if (!isFence(text, first, end)) return undefined;
  const bodyStart = nextLine(text, findLineEnd(text, first, end), end);
  for (let line = bodyStart; line < end; line = nextLine(text, findLineEnd(text, line, end), end)) {
    if (isFence(text, line, end)) return { start: bodyStart, end: line, after: nextLine(text, findLineEnd(text, line, end), end) };
  }
  return undefined;
}

/** A line that is `---` and nothing else but spaces. */
function isFence(text: string, pos: number, end: number): boolean {
  if (!text.startsWith("---", pos)) return false;
  const rest = skipWhile(text, pos + 3, end, isSpace);
  return rest === findLineEnd(text, rest, end);
}

/**
 * The markup tokens with each bound attribute's value replaced by the tokens of
 * its expression, and the binding prefix left off its name, so `:auth-token="'…'"`
 * reads as `auth-token = '…'` and `authToken={"…"}` as `authToken = "…"`.
 */
function withBoundExpressions(text: string, tokens: Token[]): Token[] {
  const result: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const equals = tokens[index + 1];
    const value = tokens[index + 2];
    if (token.kind !== "identifier" || equals?.kind !== "punct" || equals.text !== "=" || value?.kind !== "string") {
      result.push(token);
      continue;
    }
    const prefix = BINDING_PREFIXES.find((candidate) => token.text.startsWith(candidate) && token.text.length > candidate.length);
    const braced = value.quote === "bare" && text.charCodeAt(value.start) === CharacterCodes.openBrace;
    if (prefix === undefined && !braced) {
      result.push(token);
      continue;
    }
    const name = prefix === undefined ? token : { ...token, start: token.start + prefix.length, text: token.text.slice(prefix.length) };
    const [from, to] = braced ? [value.start + 1, value.end - 1] : [value.contentStart, value.contentEnd];
    result.push(name, equals, ...lexJavaScript(text, from, to).tokens);
    index += 2;
  }
  return result;
}
