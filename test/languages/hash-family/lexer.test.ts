// Ruby, Perl and Elixir through the shared code lexer: `#` comments (and `#{}` only
// inside strings), which quotes interpolate, regex literals, sigils, `or` as `||`.
import { describe, expect, it } from "vitest";
import { lexElixir, lexPerl, lexRuby } from "../../../src/languages/hash-family/lexer.js";
import { describeParts, expectLinear, expectSurvivesRandomInput, lexChecked, stringTokens } from "../lex-helpers.js";

describe("Ruby", () => {
  it("reads hash pairs, symbols, keyword arguments and comments", () => {
    expect(lexChecked(lexRuby, `params = { "auth_token" => 'v', auth_token: "w" } # note`)).toEqual([
      "ident:params", "punct:=", "punct:{", "string[double]:auth_token", "punct:=>", "string[single]:v", "punct:,", "ident:auth_token", "punct::", "string[double]:w", "punct:}", "comment:note",
    ]);
  });

  it("marks `#{…}` in double quotes as an interpolation, and leaves single quotes literal", () => {
    const text = `u = "auth_token=#{ENV.fetch("CONVOSO_AUTH_TOKEN")}"; v = 'auth_token=#{x}'`;
    const [double, single] = stringTokens(lexRuby(text));
    expect(describeParts(text, double!)).toEqual(["auth_token=", "{}"]);
    expect(describeParts(text, single!)).toEqual(["auth_token=#{x}"]);
  });

  it("skips a regex literal with quotes in it, and reads `or` as `||`", () => {
    expect(lexChecked(lexRuby, `PATTERN = /auth_token="[^"]+"/\nt = ENV["K"] or "v"`)).toEqual([
      "ident:PATTERN", "punct:=", "ident:t", "punct:=", "ident:ENV", "punct:[", "string[double]:K", "punct:]", "punct:||", "string[double]:v",
    ]);
  });

  it("reads heredoc bodies as strings after the opener's line, interpolating unless the word is single-quoted", () => {
    const text = `body = <<~EOS.strip # note\n  auth_token: #{token}\n  EOS\nraw = <<-'EOT'\nauth_token=#{x}\nEOT\nlist << item`;
    expect(lexChecked(lexRuby, text)).toEqual([
      "ident:body", "punct:=", "punct:.", "ident:strip", "comment:note", "string[heredoc]:  auth_token: #{token}\n",
      "ident:raw", "punct:=", "string[nowdoc]:auth_token=#{x}\n", "ident:list", "punct:<", "punct:<", "ident:item",
    ]);
    expect(describeParts(text, stringTokens(lexRuby(text))[0]!)).toEqual(["  auth_token: ", "{token}", "\n"]);
  });

  it("runs an unterminated heredoc to the end, once", () => {
    expect(lexChecked(lexRuby, `x = <<~EOS\na\nb`)).toEqual(["ident:x", "punct:=", "string[heredoc]:a\nb"]);
    expectLinear(lexRuby, (size) => "x = <<~EOS\n".repeat(Math.ceil(size / 11)).slice(0, size));
  });

  it("reads a division as an operator after an operand", () => {
    expect(lexChecked(lexRuby, `a = b / c / "d"`)).toEqual(["ident:a", "punct:=", "ident:b", "punct:/", "ident:c", "punct:/", "string[double]:d"]);
  });
});

describe("Perl", () => {
  it("interpolates `$x` in double quotes only, and reads `//` as `||`", () => {
    const text = `my $u = "auth_token=$token"; my $t = $ENV{'K'} // 'v';`;
    expect(describeParts(text, stringTokens(lexPerl(text))[0]!)).toEqual(["auth_token=", "{token}"]);
    expect(lexChecked(lexPerl, `print <<"EOT";\nauth_token=$token\nEOT\n`)).toEqual(["ident:print", "punct:;", "string[heredoc]:auth_token=$token\n"]);
    expect(lexChecked(lexPerl, `my $t = $ENV{'K'} // 'v';`)).toEqual(["ident:my", "ident:$t", "punct:=", "ident:$ENV", "punct:{", "string[single]:K", "punct:}", "punct:||", "string[single]:v", "punct:;"]);
  });
});

describe("Elixir", () => {
  it("reads keyword lists, module attributes and `#{}` in strings and heredocs", () => {
    expect(lexChecked(lexElixir, `config :app, auth_token: "v"\n@auth_token "w"`)).toEqual([
      "ident:config", "punct::", "ident:app", "punct:,", "ident:auth_token", "punct::", "string[double]:v", "punct:@", "ident:auth_token", "string[double]:w",
    ]);
    const text = `"""\nauth_token=#{token}\n"""`;
    expect(describeParts(text, stringTokens(lexElixir(text))[0]!)).toEqual(["\nauth_token=", "{token}", "\n"]);
  });

  it("reads sigils as strings to their closer, so their quotes open nothing", () => {
    expect(lexChecked(lexElixir, `~r/"auth_token/ <> ~S(x") <> "v"`)).toEqual(['string[heredoc,~r]:"auth_token', "punct:<", "punct:>", 'string[nowdoc,~s]:x"', "punct:<", "punct:>", "string[double]:v"]);
  });
});

describe("every scripting language's front end", () => {
  const LEXERS = { lexRuby, lexPerl, lexElixir };

  it.each(Object.entries(LEXERS))("%s survives random input of its own delimiters", (_name, lexer) => {
    expectSurvivesRandomInput((text, start, end) => lexChecked(lexer, text, start, end), ['"', "'", "`", '"""', "#", "#{", "$", "${", "{", "}", "~s(", "~r/", "/", "//", "\\", "\n", "a", "auth_token", " => ", " or "]);
  });

  it.each(Object.entries(LEXERS))("%s reads each character a bounded number of times on unclosed openers", (_name, lexer) => {
    expectLinear(lexer, (size) => '"#{ "${ ~s( = /'.repeat(Math.ceil(size / 15)).slice(0, size));
  });
});
