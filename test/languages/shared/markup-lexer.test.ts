import { describe, expect, it } from "vitest";
import { lexHtml } from "../../../src/languages/shared/markup-lexer.js";
import type { LexResult } from "../../../src/languages/shared/tokens.js";
import { assertPartsCover, assertRangesInside, describeTokens, readsFor } from "../lex-helpers.js";

/** Checks what assertRangesInside does not: string parts tile the content (assertPartsCover), regions stay in range and in order. */
function assertWellFormed(result: LexResult, start: number, end: number): void {
  assertPartsCover(result);
  let previousEnd = start;
  for (const region of result.embedded) {
    if (region.start < previousEnd || region.end > end || region.start > region.end) throw new Error(`region ${region.start}-${region.end} out of place`);
    previousEnd = region.end;
  }
}

function check(text: string, start = 0, end = text.length): LexResult {
  const result = lexHtml(text, start, end);
  assertRangesInside(text, result, start, end);
  assertWellFormed(result, start, end);
  return result;
}

function lex(text: string): string[] {
  return describeTokens(text, check(text));
}

function regions(text: string, result: LexResult): string[] {
  return result.embedded.map((region) => `${region.language}:${text.slice(region.start, region.end)}`);
}

describe("lexHtml", () => {
  it("reads a tag's name, attributes and quoted values", () => {
    expect(lex(`<input type="hidden" name="auth_token" value="abc">`)).toEqual([
      "punct:<",
      "ident:input",
      "ident:type",
      "punct:=",
      "string[double]:hidden",
      "ident:name",
      "punct:=",
      "string[double]:auth_token",
      "ident:value",
      "punct:=",
      "string[double]:abc",
      "punct:>",
    ]);
  });

  it("reads single-quoted, unquoted and valueless attributes, end tags and />", () => {
    expect(lex(`<a href='/x?auth_token=1' data-t = abc/ hidden :bind="y"/></a >`)).toEqual([
      "punct:<",
      "ident:a",
      "ident:href",
      "punct:=",
      "string[single]:/x?auth_token=1",
      "ident:data-t",
      "punct:=",
      "string[bare]:abc/",
      "ident:hidden",
      "ident::bind",
      "punct:=",
      "string[double]:y",
      "punct:/>",
      "punct:</",
      "ident:a",
      "punct:>",
    ]);
  });

  it("keeps an unquoted value's range exact", () => {
    const text = `<meta content=abc123>`;
    const token = check(text).tokens[4];
    expect(token).toMatchObject({ kind: "string", quote: "bare", start: 14, end: 20, contentStart: 14, contentEnd: 20 });
  });

  it("reads quoted values across lines without escapes", () => {
    expect(lex(`<a title="one\\" two">`)).toEqual(["punct:<", "ident:a", "ident:title", "punct:=", "string[double]:one\\", 'ident:two"', "punct:>"]);
    expect(lex(`<a title="line 1\nline 2">`)).toContain("string[double]:line 1\nline 2");
  });

  it("keeps comments with their text", () => {
    expect(lex(`<!-- auth_token=abc -->\n<p>x</p>`)).toEqual(["comment:auth_token=abc", "punct:<", "ident:p", "punct:>", "string[bare]:x", "punct:</", "ident:p", "punct:>"]);
  });

  it("reads each run of prose as one trimmed bare string and skips whitespace-only runs", () => {
    const text = `<p>\n  Use auth_token=abc123&amp;list_id=1 here\n</p>\n  \n<br>a < b`;
    const result = check(text);
    expect(describeTokens(text, result)).toEqual([
      "punct:<",
      "ident:p",
      "punct:>",
      "string[bare]:Use auth_token=abc123&amp;list_id=1 here",
      "punct:</",
      "ident:p",
      "punct:>",
      "punct:<",
      "ident:br",
      "punct:>",
      "string[bare]:a < b",
    ]);
    expect(result.tokens[3]).toMatchObject({ start: text.indexOf("Use"), end: text.indexOf(" here") + 5 });
  });

  it("reads a whole text file with no tags as prose", () => {
    expect(lex(`auth_token=your_token_here&list_id=123`)).toEqual(["string[bare]:auth_token=your_token_here&list_id=123"]);
  });

  it("reads a CDATA section as text, trimmed, `<` and `>` included; an unclosed one runs to the end", () => {
    const text = `<authToken><![CDATA[ a<b>c ]]></authToken><x><![CDATA[open`;
    expect(lex(text)).toEqual(["punct:<", "ident:authToken", "punct:>", "string[bare]:a<b>c", "punct:</", "ident:authToken", "punct:>", "punct:<", "ident:x", "punct:>", "string[bare]:open"]);
    expect(check(text).tokens[3]).toMatchObject({ start: 11, end: 30 });
    expect(lex(`<![CDATA[`)).toEqual(["string[bare]:"]);
    expect(lex(`<![CDA`)).toEqual([]);
  });

  it("skips doctypes and processing instructions", () => {
    expect(lex(`<!DOCTYPE html><?xml version="1.0"?><html>`)).toEqual(["punct:<", "ident:html", "punct:>"]);
  });

  it("hands <script> bodies on as JavaScript regions, in any case", () => {
    const text = `<script>const authToken = "a<b>";</script><p>x</p><SCRIPT type="module">let t = 1</Script >`;
    const result = check(text);
    expect(regions(text, result)).toEqual([`javascript:const authToken = "a<b>";`, "javascript:let t = 1"]);
    expect(describeTokens(text, result)).toEqual([
      "punct:<",
      "ident:script",
      "punct:>",
      "punct:</",
      "ident:script",
      "punct:>",
      "punct:<",
      "ident:p",
      "punct:>",
      "string[bare]:x",
      "punct:</",
      "ident:p",
      "punct:>",
      "punct:<",
      "ident:SCRIPT",
      "ident:type",
      "punct:=",
      "string[double]:module",
      "punct:>",
      "punct:</",
      "ident:Script",
      "punct:>",
    ]);
  });

  it("gives no region for an empty script, and reads a non-JavaScript script or a style as text", () => {
    expect(check(`<script src="a.js"></script>`).embedded).toEqual([]);
    expect(lex(`<script type="text/template"><b>auth_token=x</b></script>`)).toContain("string[bare]:<b>auth_token=x</b>");
    expect(lex(`<style>\n.a::after { content: "auth_token=x" }\n</style>`)).toContain(`string[bare]:.a::after { content: "auth_token=x" }`);
    expect(lex(`<textarea><p>not a tag</p></textarea>`)).toContain("string[bare]:<p>not a tag</p>");
  });

  it("does not end a script at a longer tag name", () => {
    const text = `<script>a</scripts>b</script>`;
    expect(regions(text, check(text))).toEqual(["javascript:a</scripts>b"]);
  });

  it("runs unterminated tags, values, comments and scripts to the end", () => {
    expect(lex(`<input value="abc`)).toEqual(["punct:<", "ident:input", "ident:value", "punct:=", "string[double]:abc"]);
    expect(lex(`<input value=`)).toEqual(["punct:<", "ident:input", "ident:value", "punct:="]);
    expect(lex(`<!-- open`)).toEqual(["comment:open"]);
    expect(lex(`<!DOCTYPE`)).toEqual([]);
    const text = `<script>let t = "x"`;
    expect(regions(text, check(text))).toEqual([`javascript:let t = "x"`]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `<p>skip</p><input value="abc"><script>x()</script><i>tail</i>`;
    const start = text.indexOf("<input");
    const end = text.indexOf("<i>");
    const result = check(text, start, end);
    expect(describeTokens(text, result).slice(0, 5)).toEqual(["punct:<", "ident:input", "ident:value", "punct:=", "string[double]:abc"]);
    expect(result.tokens[0]).toMatchObject({ start });
    expect(result.embedded).toEqual([{ language: "javascript", start: text.indexOf("x()"), end: text.indexOf("</script>") }]);
  });

  it("never throws and stays in range on every prefix and sub-range", () => {
    const text = `<!DOCTYPE html><p a=b c='d' e="f>g<!-- h --><script type=module>i</script ><style>j</style><textarea>k`;
    for (let cut = 0; cut <= text.length; cut++) {
      expect(() => check(text.slice(0, cut))).not.toThrow();
      for (let start = 0; start <= cut; start += 5) expect(() => check(text, start, cut)).not.toThrow();
    }
  });

  it("lexes 1 MB of unterminated openers in one pass", () => {
    // One tag whose attribute names are `<a`.
    expect(check("<a ".repeat(350_000)).tokens).toHaveLength(350_000 + 1);
    expect(check("<!--".repeat(250_000)).tokens).toHaveLength(1);
    expect(check("<script>".repeat(125_000)).embedded).toHaveLength(1);
    // One tag: `b="<a b="` pairs, then attribute names `<a`.
    expect(check(`<a b="`.repeat(175_000)).tokens).toHaveLength(175_000 * 2 + 1);
  });

  it("reads each character a bounded number of times as the input doubles", () => {
    const units = ["<a ", "<!--", "<script>", `<a b="`, "</scrip", "<b c=d e", "x<!", "text < ", "<style></sty"];
    for (const unit of units) {
      const small = readsFor(lexHtml, unit.repeat(4_000));
      const large = readsFor(lexHtml, unit.repeat(8_000));
      expect(large / small, unit).toBeLessThan(2.2);
    }
  });
});
