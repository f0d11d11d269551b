// Front end for Jupyter notebooks (.ipynb): the JSON document's strings, except
// that each cell's `source` lines are one region of code in the notebook's
// language (markdown cells: Markdown) and each output's text is one region of
// text, decoded from JSON and mapped back, so a finding lands on the JSON line
// that holds its source line.

import { lexJavaScript } from "../shared/script-lexer.js";
import type { EmbeddedRegion, FenceLanguages, LanguageId, LexResult, StringToken, Token } from "../shared/tokens.js";
import { decodeJsonStrings, jsonStringValue } from "../shared/json-string.js";
import { parseJsonTokens, type JsonValue } from "./json-tree.js";

/** The language of a notebook that names none (Jupyter's default kernel is Python). */
const DEFAULT_LANGUAGE: LanguageId = "python";

export function lexNotebook(text: string, start = 0, end = text.length, fences?: FenceLanguages): LexResult {
  const { tokens } = lexJavaScript(text, start, end);
  const root = parseJsonTokens(tokens);
  if (root?.kind !== "object") return { tokens, embedded: [] };
  const codeLanguage = kernelLanguage(text, root, fences);
  const embedded: EmbeddedRegion[] = [];
  const inRegions = new Set<Token>();
  const addRegion = (language: LanguageId, strings: StringToken[]): void => {
    if (strings.length === 0) return;
    for (const token of strings) inRegions.add(token);
    embedded.push({ language, start: strings[0]!.start, end: strings[strings.length - 1]!.end, decoded: decodeJsonStrings(text, strings) });
  };
  const cells = member(text, root, "cells");
  for (const cell of cells?.kind === "array" ? cells.items : []) {
    const type = stringOf(text, member(text, cell, "cell_type"));
    addRegion(type === "code" ? codeLanguage : type === "markdown" ? "markdown" : "text", linesOf(member(text, cell, "source")));
    const outputs = member(text, cell, "outputs");
    for (const output of outputs?.kind === "array" ? outputs.items : []) {
      addRegion("text", linesOf(member(text, output, "text")));
      addRegion("text", linesOf(member(text, member(text, output, "data"), "text/plain")));
    }
  }
  // The strings now lexed as code or text leave the JSON unit: the same characters must not match twice.
  return { tokens: tokens.filter((token) => !inRegions.has(token)), embedded };
}

/** `metadata.kernelspec.language`, else `metadata.language_info.name`, as a language token-guard reads; text for others. */
function kernelLanguage(text: string, root: JsonValue, fences?: FenceLanguages): LanguageId {
  const metadata = member(text, root, "metadata");
  const name = stringOf(text, member(text, member(text, metadata, "kernelspec"), "language")) ?? stringOf(text, member(text, member(text, metadata, "language_info"), "name"));
  if (name === undefined) return DEFAULT_LANGUAGE;
  return fences?.get(name.toLowerCase()) ?? "text";
}

function member(text: string, value: JsonValue | undefined, name: string): JsonValue | undefined {
  if (value?.kind !== "object") return undefined;
  return value.entries.find((entry) => jsonStringValue(text, entry.key) === name)?.value;
}

function stringOf(text: string, value: JsonValue | undefined): string | undefined {
  return value?.kind === "string" ? jsonStringValue(text, value.token) : undefined;
}

/** A multiline string as nbformat writes it: an array of lines, or one string. */
function linesOf(value: JsonValue | undefined): StringToken[] {
  if (value?.kind === "string") return [value.token];
  if (value?.kind !== "array") return [];
  return value.items.flatMap((item) => (item.kind === "string" ? [item.token] : []));
}
