// Column binding's work per token stays flat as a statement grows: token reads
// are counted (never timed) for every key column of wide lists and long row sets,
// read as the matcher does, once per key column.
import { describe, expect, it } from "vitest";
import { CodeView } from "../../src/detect/code-view.js";
import { columnValues } from "../../src/detect/column-values.js";
import { lexSql } from "../../src/languages/sql/lexer.js";
import type { Token } from "../../src/languages/shared/tokens.js";

function readsPerToken(text: string): number {
  let reads = 0;
  const code = lexSql(text).tokens.filter((token) => token.kind !== "comment");
  const counted = new Proxy(code, {
    get(target, property, receiver): unknown {
      if (typeof property === "string" && property.length > 0 && property.charCodeAt(0) >= 48 && property.charCodeAt(0) <= 57) reads++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as Token[];
  const view = new CodeView(text, counted);
  for (let index = 0; index < code.length; index++) {
    const token = code[index]!;
    if (token.kind === "identifier" && /token/i.test(token.text)) columnValues(view, index);
  }
  return reads / code.length;
}

const rows = (size: number): string => `INSERT INTO t (a, auth_token, b, auth_token_2) VALUES ${Array.from({ length: size }, (_, i) => `('x${i}', 'v${i}', 'y', 'w')`).join(", ")};\n`;
const statements = (size: number): string => Array.from({ length: size }, (_, i) => `INSERT INTO t (${"auth_token, ".repeat(30)}a) VALUES ('v${i}', 'w');\n`).join("");
const calls = (size: number): string => `f(${Array.from({ length: size }, (_, i) => `auth_token${i}`).join(", ")});\n`;

describe("column values cost", () => {
  it.each([
    ["many rows, two key columns", rows],
    ["many statements with wide key-column lists", statements],
    ["a long argument list of key names, no VALUES", calls],
  ])("%s: reads per token stay flat from 200 to 2,000", (_name, make) => {
    const small = readsPerToken(make(200));
    const large = readsPerToken(make(2_000));
    expect(large).toBeLessThan(small * 1.5 + 1);
    expect(large).toBeLessThan(400);
  });
});
