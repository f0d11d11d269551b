import { describe, expect, it } from "vitest";
import { lexHttp } from "../../../src/languages/http/lexer.js";
import { detectLanguage } from "../../../src/languages/detect-language.js";
import type { StringToken } from "../../../src/languages/shared/tokens.js";
import { expectLinear, fuzz, lexChecked } from "../lex-helpers.js";

describe("lexHttp", () => {
  it("reads file variables, comments, request lines, headers and bodies", () => {
    const text = [
      "# scratch file",
      "@baseUrl = https://api.convoso.com/v1",
      "@reportingToken = 47hlgn2cl06ddefuold73yyta8iage3j",
      "### Search",
      "POST {{baseUrl}}/campaigns/search",
      "Content-Type: application/x-www-form-urlencoded",
      "// note",
      "",
      "auth_token={{reportingToken}}&list_id=1",
    ].join("\n");
    expect(lexChecked(lexHttp, text)).toEqual([
      "comment:scratch file",
      "ident:baseUrl",
      "punct:=",
      "string[bare]:https://api.convoso.com/v1",
      "ident:reportingToken",
      "punct:=",
      "string[bare]:47hlgn2cl06ddefuold73yyta8iage3j",
      "comment:## Search",
      "string[bare]:POST {{baseUrl}}/campaigns/search",
      "ident:Content-Type",
      "punct::",
      "string[bare]:application/x-www-form-urlencoded",
      "comment:note",
      "string[bare]:auth_token={{reportingToken}}&list_id=1",
    ]);
  });

  it("marks {{name}} as an interpolation that reads the variable, and system variables as nameless", () => {
    const text = "auth_token={{reportingToken}}&x={{$dotenv CONVOSO_AUTH_TOKEN}}&y={{ unclosed";
    const [body] = lexHttp(text).tokens as StringToken[];
    const interpolations = body!.parts.filter((part) => part.kind === "interpolation");
    expect(interpolations.map((part) => [text.slice(part.start, part.end), part.kind === "interpolation" ? part.name : ""])).toEqual([
      ["{{reportingToken}}", "reportingToken"],
      ["{{$dotenv CONVOSO_AUTH_TOKEN}}", undefined],
    ]);
  });

  it("claims .http and .rest files", () => {
    expect(detectLanguage("api/convoso.http")).toBe("http");
    expect(detectLanguage("requests/leads.rest")).toBe("http");
  });

  it("keeps its ranges on random input and reads each character a bounded number of times", () => {
    fuzz(lexHttp, "@= {}#/:\nab$-");
    expectLinear(lexHttp, (n) => "{{".repeat(n / 2));
    expectLinear(lexHttp, (n) => "a={{x".repeat(n / 5));
    expectLinear(lexHttp, (n) => "@a = {{".repeat(n / 7));
  });
});
