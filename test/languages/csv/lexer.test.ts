import { describe, expect, it } from "vitest";
import { lexCsv } from "../../../src/languages/csv/lexer.js";
import type { StringToken } from "../../../src/languages/shared/tokens.js";
import { assertPartsCover, assertRangesInside, describeTokens, expectLinear, fuzz } from "../lex-helpers.js";

function lex(text: string): string[] {
  const result = lexCsv(text);
  assertRangesInside(text, result);
  assertPartsCover(result);
  expect(result.embedded).toEqual([]);
  return describeTokens(text, result);
}

/** The table as rows of cell texts ("" for an empty or missing cell), the header first. */
function grid(text: string): string[][] {
  const [table, ...more] = lexCsv(text).tables ?? [];
  expect(more).toEqual([]);
  const cell = (token: StringToken | undefined) => (token === undefined ? "" : text.slice(token.contentStart, token.contentEnd));
  return table === undefined ? [] : [table.header.map(cell), ...table.rows.map((row) => row.map(cell))];
}

describe("lexCsv", () => {
  it("reads every non-empty field as a string, unquoted ones bare and trimmed of spaces", () => {
    expect(lex(`env, auth_token ,region\nprod,abc,\n`)).toEqual(["string[bare]:env", "string[bare]:auth_token", "string[bare]:region", "string[bare]:prod", "string[bare]:abc"]);
  });

  it("makes the first record the header and the others rows, an empty or missing cell undefined", () => {
    expect(grid(`env,auth_token,region\nprod,abc,us\ndev,,\nshort\n`)).toEqual([
      ["env", "auth_token", "region"],
      ["prod", "abc", "us"],
      ["dev", "", ""],
      ["short"],
    ]);
  });

  it("reads RFC 4180 quoting: doubled quotes inside, delimiters and line breaks inside the quotes", () => {
    const text = `name,value,note\n"auth_token","a""b","one, two\nthree"\nlast,"x"\r\n`;
    expect(lex(text)).toEqual([
      "string[bare]:name",
      "string[bare]:value",
      "string[bare]:note",
      "string[double]:auth_token",
      'string[double]:a""b',
      "string[double]:one, two\nthree",
      "string[bare]:last",
      "string[double]:x",
    ]);
    expect(grid(text).length).toBe(3);
  });

  it("sniffs the delimiter from the header: tab, semicolon and pipe, commas then being text", () => {
    expect(grid(`env\tauth_token\nprod\ta,b\n`)).toEqual([["env", "auth_token"], ["prod", "a,b"]]);
    expect(grid(`env;auth_token;note\nprod;abc;1,5\n`)).toEqual([["env", "auth_token", "note"], ["prod", "abc", "1,5"]]);
    expect(grid(`env|auth_token\nprod|abc\n`)).toEqual([["env", "auth_token"], ["prod", "abc"]]);
  });

  it("does not count delimiters inside a quoted header cell, nor stop at blank lines before the header", () => {
    expect(grid(`\n\n"a;b;c",auth_token\nx,y\n`)).toEqual([["a;b;c", "auth_token"], ["x", "y"]]);
  });

  it("skips blank lines between rows and keeps each cell's offsets", () => {
    const text = `k,v\n\nauth_token,abc\n`;
    const table = lexCsv(text).tables![0]!;
    expect(table.rows.length).toBe(1);
    expect(table.rows[0]![1]).toMatchObject({ start: 16, end: 19 });
  });

  it("keeps an unclosed quote's text to the end, and ignores characters after a closing quote", () => {
    expect(lex(`a,"b"junk,c\n"open,d`)).toEqual(["string[bare]:a", "string[double]:b", "string[bare]:c", "string[double]:open,d"]);
  });

  it("lexes only its range", () => {
    const text = `xx\nk,auth_token\n1,abc\nyy`;
    const result = lexCsv(text, 3, 21);
    assertRangesInside(text, result, 3, 21);
    expect(describeTokens(text, result)).toEqual(["string[bare]:k", "string[bare]:auth_token", "string[bare]:1", "string[bare]:abc"]);
  });

  it("has no table for an empty text", () => {
    expect(lexCsv("").tables).toEqual([]);
    expect(lexCsv("\n\n").tables).toEqual([]);
  });

  it("survives random input", () => {
    fuzz(lexCsv, `",;|\t\r\n ab"`);
  });

  it("is linear in rows, in quoted fields holding line breaks, and in an unclosed quote", () => {
    expectLinear(lexCsv, (size) => "name,value\n" + "auth_token,abc\n".repeat(size / 15));
    expectLinear(lexCsv, (size) => `a,b\n` + `"x""\n,y",z\n`.repeat(size / 11));
    expectLinear(lexCsv, (size) => `"` + "a,\n".repeat(size / 3));
    expectLinear(lexCsv, (size) => "\n".repeat(size));
  });
});
