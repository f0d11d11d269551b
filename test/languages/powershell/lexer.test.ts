// lexPowerShell: scoped variables, strings and here-strings, hashtables, cmdlets and operators.
import { describe, expect, it } from "vitest";
import { lexPowerShell } from "../../../src/languages/powershell/lexer.js";
import type { StringToken } from "../../../src/languages/shared/tokens.js";
import { assertRangesInside, describeParts, describeTokens, expectReadsBelow, expectSurvivesRandomInput, lexChecked, stringTokens } from "../lex-helpers.js";

const lex = (text: string, start?: number, end?: number): string[] => lexChecked(lexPowerShell, text, start, end);
const strings = (text: string): StringToken[] => stringTokens(lexPowerShell(text));

describe("lexPowerShell", () => {
  it("reads the Convoso `$env:` assignment with the scope in the variable", () => {
    expect(lex(`$env:CONVOSO_AUTH_TOKEN = "your_token_here"`)).toEqual(["ident:$env:CONVOSO_AUTH_TOKEN", "punct:=", "string[double]:your_token_here"]);
  });

  it("reads variables with sigil, scope and braces as one identifier", () => {
    expect(lex(`$auth_token; $script:x; \${env:X}; \${my var}; $_; $?; $$; @splat`)).toEqual([
      "ident:$auth_token",
      "punct:;",
      "ident:$script:x",
      "punct:;",
      "ident:${env:X}",
      "punct:;",
      "ident:${my var}",
      "punct:;",
      "ident:$_",
      "punct:;",
      "ident:$?",
      "punct:;",
      "ident:$$",
      "punct:;",
      "ident:@splat",
    ]);
    // `::` after a variable is a static member access, not a scope.
    expect(lex(`$x::Y`)).toEqual(["ident:$x", "punct:::", "ident:Y"]);
  });

  it("reads a hashtable with `@{` and its entries", () => {
    expect(lex(`$body = @{\n  auth_token = "abc"\n  'list_id' = 5; x = $t\n}`)).toEqual([
      "ident:$body",
      "punct:=",
      "punct:@{",
      "ident:auth_token",
      "punct:=",
      "string[double]:abc",
      "punct:;",
      "string[single]:list_id",
      "punct:=",
      "number:5",
      "punct:;",
      "ident:x",
      "punct:=",
      "ident:$t",
      "punct:;",
      "punct:}",
    ]);
  });

  it("reads Invoke-RestMethod with its parameters and URL string", () => {
    const text = `Invoke-RestMethod -Uri "https://api.convoso.com/v1/campaigns/search?auth_token=$token" -Method Post -Body $body`;
    expect(lex(text)).toEqual([
      "ident:Invoke-RestMethod",
      "ident:-Uri",
      "string[double]:https://api.convoso.com/v1/campaigns/search?auth_token=$token",
      "ident:-Method",
      "ident:Post",
      "ident:-Body",
      "ident:$body",
    ]);
    expect(describeParts(text, strings(text)[0]!)).toEqual(["https://api.convoso.com/v1/campaigns/search?auth_token=", "{$token}"]);
    // An unquoted URL argument is a bare string.
    expect(lex(`irm https://api.convoso.com/v1/x?auth_token=abc -Method Get`)).toEqual([
      "ident:irm",
      "string[bare]:https://api.convoso.com/v1/x?auth_token=abc",
      "ident:-Method",
      "ident:Get",
    ]);
  });

  it("reads double-quoted strings: backtick escapes, doubled quotes, and every expansion", () => {
    const text = '"a`"b""c $x $env:T ${env:U} ${v} $($t) $($a + 1) $5 `$y"';
    expect(lex(text)).toEqual(['string[double]:a`"b""c $x $env:T ${env:U} ${v} $($t) $($a + 1) $5 `$y']);
    expect(describeParts(text, strings(text)[0]!)).toEqual([
      'a`"b""c ',
      "{$x}",
      " ",
      "{$env:T}",
      " ",
      "{$env:U}",
      " ",
      "{$v}",
      " ",
      "{$t}",
      " ",
      "{}",
      " $5 `$y",
    ]);
    const embedded = lexPowerShell(text).embedded.map((region) => [region.language, text.slice(region.start, region.end)]);
    expect(embedded).toEqual([
      ["powershell", "$t"],
      ["powershell", "$a + 1"],
    ]);
  });

  it("reads single-quoted strings literally, with `''` as a quote, across lines", () => {
    const text = `'it''s $x\nnext'`;
    expect(lex(text)).toEqual(["string[single]:it''s $x\nnext"]);
    expect(describeParts(text, strings(text)[0]!)).toEqual(["it''s $x\nnext"]);
    expect(lex(`“smart $x” ‘quotes’`)).toEqual(["string[double]:smart $x", "string[single]:quotes"]);
  });

  it("reads here-strings whose closer starts a line", () => {
    const text = `$h = @"\nauth_token=$token\n "@ not yet\n"@\n$n = @'\nraw $x\n'@`;
    expect(lex(text)).toEqual(["ident:$h", "punct:=", 'string[heredoc]:auth_token=$token\n "@ not yet', "punct:;", "ident:$n", "punct:=", "string[nowdoc]:raw $x"]);
    const [heredoc, nowdoc] = strings(text);
    expect(heredoc).toMatchObject({ start: text.indexOf('@"'), end: text.indexOf('\n"@') + 3 });
    expect(describeParts(text, heredoc!)).toEqual(["auth_token=", "{$token}", '\n "@ not yet']);
    expect(describeParts(text, nowdoc!)).toEqual(["raw $x"]);
    expect(lex(`@"\r\nx\r\n"@`)).toEqual(["string[heredoc]:x"]);
    expect(lex(`@"\n"@`)).toEqual(["string[heredoc]:"]);
  });

  it("reads line and block comments", () => {
    expect(lex(`$a = 1 # note\n<# block\n $t = "x" #>\n$b`)).toEqual([
      "ident:$a",
      "punct:=",
      "number:1",
      "comment:note",
      "punct:;",
      'comment:block\n $t = "x"',
      "ident:$b",
    ]);
    expect(lex(`Write-Output a#b`)).toEqual(["ident:Write-Output", "string[bare]:a#b"]);
  });

  it("reads operators and tells `-eq` (operator) from `-Uri` (parameter)", () => {
    expect(lex(`if ($a -eq 1 -and $b -CNotLike 'x') { $c ?? 'd'; $e ??= 2; $f += 1 }`)).toEqual([
      "ident:if",
      "punct:(",
      "ident:$a",
      "punct:-eq",
      "number:1",
      "punct:-and",
      "ident:$b",
      "punct:-CNotLike",
      "string[single]:x",
      "punct:)",
      "punct:{",
      "ident:$c",
      "punct:??",
      "string[single]:d",
      "punct:;",
      "ident:$e",
      "punct:??=",
      "number:2",
      "punct:;",
      "ident:$f",
      "punct:+=",
      "number:1",
      "punct:}",
    ]);
    expect(lex(`[string]$x = $null; 1..5; $y.Length`)).toEqual([
      "punct:[",
      "ident:string",
      "punct:]",
      "ident:$x",
      "punct:=",
      "ident:$null",
      "punct:;",
      "number:1",
      "punct:..",
      "number:5",
      "punct:;",
      "ident:$y",
      "punct:.",
      "ident:Length",
    ]);
  });

  it("ends statements at line breaks, not after an operator or a backtick continuation", () => {
    expect(lex(`$a = 1\n$b =\n  2\nGet-Thing |\n  Out-Null\nInvoke-RestMethod -Uri $u \`\n  -Method Post\n\n`)).toEqual([
      "ident:$a",
      "punct:=",
      "number:1",
      "punct:;",
      "ident:$b",
      "punct:=",
      "number:2",
      "punct:;",
      "ident:Get-Thing",
      "punct:|",
      "ident:Out-Null",
      "punct:;",
      "ident:Invoke-RestMethod",
      "ident:-Uri",
      "ident:$u",
      "ident:-Method",
      "ident:Post",
      "punct:;",
    ]);
  });

  it("reads `$(…)` and `@(…)` outside strings as operators", () => {
    expect(lex(`$x = $(Get-Date); $y = @(1, 2)`)).toEqual([
      "ident:$x",
      "punct:=",
      "punct:$(",
      "ident:Get-Date",
      "punct:)",
      "punct:;",
      "ident:$y",
      "punct:=",
      "punct:@(",
      "number:1",
      "punct:,",
      "number:2",
      "punct:)",
    ]);
  });

  it("reads the rest of the line after `--%` as one bare string", () => {
    expect(lex(`curl.exe --% -d auth_token=abc\nnext`)).toEqual(["ident:curl", "punct:.", "ident:exe", "punct:--%", "string[bare]:-d auth_token=abc", "punct:;", "ident:next"]);
  });

  it("never throws on unterminated input", () => {
    for (const text of [`"abc`, `'abc`, `@"\nabc`, `@'\nabc`, `<# abc`, `\${abc`, `"$(abc`, `"\${abc`, "`", `$`, `@`, `-`, `--%`, `"abc\``, `@"`]) {
      expect(() => lex(text), text).not.toThrow();
    }
    expect(lex(`$a = "open\n$b`)).toEqual(["ident:$a", "punct:=", "string[double]:open\n$b"]);
    expect(lex(`@"\nbody`)).toEqual(["string[heredoc]:body"]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `$ignored = 1\n$env:T = "abc" # c`;
    const start = text.indexOf("$env");
    const end = text.indexOf(" #");
    const result = lexPowerShell(text, start, end);
    assertRangesInside(text, result, start, end);
    expect(describeTokens(text, result)).toEqual(["ident:$env:T", "punct:=", "string[double]:abc"]);
    expect(result.tokens[0]).toMatchObject({ start });
    expect(lex(`"abcdef"`, 0, 4)).toEqual(["string[double]:abc"]);
  });

  it("survives random input over the characters that matter", () => {
    const alphabet = ["$", "env:", "{", "}", "(", ")", '"', "'", "@", "@\"\n", "\n\"@", "`", "#", "<#", "#>", "-", "eq", "x", " ", "\n", "=", "--%"];
    expectSurvivesRandomInput(lex, alphabet);
  });

  it("does work linear in the input on adversarial text (counted reads, no clock)", () => {
    const size = 1 << 20;
    const small = 1 << 16;
    const inputs = [
      `"${"$(".repeat(size / 2)}`,
      `"${"${".repeat(size / 2)}`,
      `"${"`".repeat(size)}`,
      `@"\n${"$(\n".repeat(size / 3)}`,
      `<#${"<#".repeat(size / 2)}`,
      "@\"\n".repeat(size / 3),
      `"${'""'.repeat(size / 2)}`,
      "${".repeat(small / 2),
      "$(".repeat(small / 2),
      "'".repeat(small),
    ];
    expectReadsBelow(lexPowerShell, inputs, 40);
  });
});
