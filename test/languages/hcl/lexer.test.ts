import { describe, expect, it } from "vitest";
import { lexHcl } from "../../../src/languages/hcl/lexer.js";
import { describeParts, lexChecked, stringTokens } from "../lex-helpers.js";

describe("lexHcl", () => {
  it("reads blocks with labels and `key = value` attributes", () => {
    expect(lexChecked(lexHcl, `variable "region" {\n  type    = string\n  default = "eu-west-1"\n}\n`)).toEqual([
      "ident:variable",
      "string[double]:region",
      "punct:{",
      "ident:type",
      "punct:=",
      "ident:string",
      "ident:default",
      "punct:=",
      "string[double]:eu-west-1",
      "punct:}",
    ]);
  });

  it("reads the three comment kinds", () => {
    expect(lexChecked(lexHcl, `# one\n// two\n/* three\n   lines */ a = 1`)).toEqual(["comment:one", "comment:two", "comment:three\n   lines", "ident:a", "punct:=", "number:1"]);
  });

  it("keeps `${…}` and `%{…}` as interpolations, not literal text", () => {
    const text = `url = "https://x/?t=\${var.token}&%{ if true }a%{ endif }"`;
    const [url] = stringTokens(lexHcl(text));
    expect(describeParts(text, url!)).toEqual(["https://x/?t=", "{var.token}", "&", "{}", "a", "{}"]);
  });

  it("reads heredocs, indented and not, up to their marker line", () => {
    const text = `a = <<EOT\nline \${x}\nEOT\nb = <<-JSON\n    {"k": 1}\n    JSON\nc = 2\n`;
    expect(lexChecked(lexHcl, text)).toEqual([
      "ident:a",
      "punct:=",
      "string[heredoc]:line ${x}\n",
      "ident:b",
      "punct:=",
      'string[heredoc]:    {"k": 1}\n',
      "ident:c",
      "punct:=",
      "number:2",
    ]);
  });

  it("tolerates an unterminated heredoc and string, and names with dashes", () => {
    expect(lexChecked(lexHcl, `x-y = "open\nz = <<EOT\nnever closed`)).toEqual(["ident:x-y", "punct:=", "string[double]:open", "ident:z", "punct:=", "string[heredoc]:never closed"]);
  });
});
