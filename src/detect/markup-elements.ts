// Values markup holds as element text, bound to a key the markup names:
//   <authToken>…</authToken>, <convoso.auth.token>…</…>   an element named for the key
//   <key>AuthToken</key><string>…</string>                a name element, then the
//   <name>auth_token</name><value>…</value>                  next element's text (plist, Hadoop)
//   <entry key="auth_token">…</entry>                     an element a name-like attribute
//   <setting name="AuthToken"><value>…</value></setting>     names: its text, or its value child's
// Attribute pairs (`<add key="…" value="…"/>`) are name/value records
// (name-value-records.ts). Read at a key token only: each look is bounded by
// the tags around it, so the work per key is constant.
//
// The markup lexer's shapes: a start tag is `<` name (attribute [`=` value])* then
// `>` or `/>`; an end tag `</` name `>`; text and CDATA between tags are strings.

import type { StringToken } from "../languages/shared/tokens.js";
import type { CodeView } from "./code-view.js";
import { fieldRole } from "./name-value-records.js";

/** How many tokens a start tag may take: its name, and a name, `=` and value per attribute. */
const MAX_TAG_TOKENS = 3 * 32 + 1;

/** What element text is bound to the key at a token, and how. */
export interface ElementValue {
  value: StringToken;
  context: "assignment" | "name-value";
}

/** The element text the key token at `index` names, when the markup around it binds one. */
export function elementValue(view: CodeView, index: number): ElementValue | undefined {
  const token = view.code[index];
  if (token?.kind === "identifier" && view.punctAt(index - 1) === "<") {
    const value = ownText(view, index);
    return value && { value, context: "assignment" };
  }
  if (token?.kind !== "string") return undefined;
  const value = view.punctAt(index - 1) === "=" ? namedByAttribute(view, index) : view.punctAt(index - 1) === ">" ? namedByElement(view, index) : undefined;
  return value && { value, context: "name-value" };
}

/** `<name …>text</name>`: the text of the element whose name is at `nameIndex`. */
function ownText(view: CodeView, nameIndex: number): StringToken | undefined {
  const tagEnd = startTagEnd(view, nameIndex);
  if (tagEnd === undefined || view.punctAt(tagEnd) !== ">") return undefined;
  return textBeforeEndTag(view, tagEnd + 1, view.identAt(nameIndex)!);
}

/** The string at `index` when the end tag of `name` follows it. */
function textBeforeEndTag(view: CodeView, index: number, name: string): StringToken | undefined {
  return view.punctAt(index + 1) === "</" && view.identAt(index + 2) === name ? view.literalAt(index) : undefined;
}

/** The index of the `>` or `/>` ending the start tag whose name is at `nameIndex`. */
function startTagEnd(view: CodeView, nameIndex: number): number | undefined {
  for (let probe = nameIndex + 1; probe <= nameIndex + MAX_TAG_TOKENS; probe++) {
    const token = view.code[probe];
    if (token === undefined) return undefined;
    if (token.kind === "punct") {
      if (token.text === ">" || token.text === "/>") return probe;
      if (token.text !== "=") return undefined;
    }
  }
  return undefined;
}

/** `<key>K</key><string>…</string>`: K is the text of a name element; the next element's text is its value. */
function namedByElement(view: CodeView, index: number): StringToken | undefined {
  const name = view.identAt(index - 2);
  if (view.punctAt(index - 3) !== "<" || name === undefined || fieldRole(name) !== "name") return undefined;
  if (view.punctAt(index + 1) !== "</" || view.identAt(index + 2) !== name || view.punctAt(index + 3) !== ">") return undefined;
  const next = view.identAt(index + 5);
  if (view.punctAt(index + 4) !== "<" || next === undefined || fieldRole(next) === "name") return undefined;
  return ownText(view, index + 5);
}

/**
 * `<entry key="K">…</entry>`, `<setting name="K"><value>…</value></setting>`: K
 * is a name-like attribute's value; the element's own text, or its value-like
 * child's, is the value. A start tag with a value-like attribute is a record
 * the name/value records bind already.
 */
function namedByAttribute(view: CodeView, index: number): StringToken | undefined {
  const attribute = view.identAt(index - 2);
  if (attribute === undefined || fieldRole(attribute) !== "name") return undefined;
  const nameIndex = tagNameBefore(view, index - 2);
  const tagEnd = nameIndex === undefined ? undefined : startTagEnd(view, nameIndex);
  if (nameIndex === undefined || tagEnd === undefined || view.punctAt(tagEnd) !== ">") return undefined;
  for (let probe = nameIndex + 1; probe < tagEnd; probe++) {
    const field = view.identAt(probe);
    if (field !== undefined && view.punctAt(probe + 1) === "=" && fieldRole(field) === "value") return undefined;
  }
  const text = textBeforeEndTag(view, tagEnd + 1, view.identAt(nameIndex)!);
  if (text !== undefined) return text;
  const child = view.identAt(tagEnd + 2);
  return view.punctAt(tagEnd + 1) === "<" && child !== undefined && fieldRole(child) === "value" ? ownText(view, tagEnd + 2) : undefined;
}

/** The index of the name of the start tag holding the attribute at `attributeIndex`: back over attributes to `<`. */
function tagNameBefore(view: CodeView, attributeIndex: number): number | undefined {
  for (let probe = attributeIndex - 1; probe >= 0 && attributeIndex - probe <= MAX_TAG_TOKENS; probe--) {
    const token = view.code[probe]!;
    if (token.kind === "identifier" && view.punctAt(probe - 1) === "<") return probe;
    if (token.kind === "punct" && token.text !== "=") return undefined;
  }
  return undefined;
}
