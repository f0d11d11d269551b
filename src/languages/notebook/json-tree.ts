// A JSON document's shape read off the JavaScript front end's tokens: objects,
// arrays and the string tokens in them, so the notebook front end can find its
// cells by their keys with every string's offsets at hand. Error tolerant and
// iterative (a hostile file nests deeper than any stack).

import type { StringToken, Token } from "../shared/tokens.js";

export type JsonValue =
  | { kind: "object"; entries: { key: StringToken; value: JsonValue }[] }
  | { kind: "array"; items: JsonValue[] }
  | { kind: "string"; token: StringToken }
  | { kind: "other" };

type Open = { kind: "object"; value: Extract<JsonValue, { kind: "object" }>; key?: StringToken } | { kind: "array"; value: Extract<JsonValue, { kind: "array" }> };

/** The first value in `tokens`, or undefined when they hold none. One pass; malformed input gives a partial tree. */
export function parseJsonTokens(tokens: readonly Token[]): JsonValue | undefined {
  const stack: Open[] = [];
  let root: JsonValue | undefined;
  // An object's string is its key until a `:` follows.
  let pendingKey: StringToken | undefined;
  const place = (value: JsonValue): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) root ??= value;
    else if (top.kind === "array") top.value.items.push(value);
    else if (top.key !== undefined) {
      top.value.entries.push({ key: top.key, value });
      top.key = undefined;
    }
  };
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (token.kind === "string") {
      if (top?.kind === "object" && top.key === undefined) pendingKey = token;
      else place({ kind: "string", token });
      continue;
    }
    if (token.kind !== "punct") {
      if (token.kind !== "comment") place({ kind: "other" });
      continue;
    }
    if (token.text === ":" && top?.kind === "object" && pendingKey !== undefined) {
      top.key = pendingKey;
      pendingKey = undefined;
    } else if (token.text === "{" || token.text === "[") {
      const value: JsonValue = token.text === "{" ? { kind: "object", entries: [] } : { kind: "array", items: [] };
      place(value);
      stack.push(value.kind === "object" ? { kind: "object", value } : { kind: "array", value });
      pendingKey = undefined;
    } else if (token.text === "}" || token.text === "]") {
      stack.pop();
      pendingKey = undefined;
    }
  }
  return root;
}
