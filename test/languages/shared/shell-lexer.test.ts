// lexShell: word pieces, quoting, expansions, heredocs, comments, ranges and linear work.
import { describe, expect, it } from "vitest";
import { lexShell } from "../../../src/languages/shared/shell-lexer.js";
import type { StringToken } from "../../../src/languages/shared/tokens.js";
import { assertRangesInside, describeParts, describeTokens, expectReadsBelow, expectSurvivesRandomInput, lexChecked, randomText, stringTokens } from "../lex-helpers.js";

const lex = (text: string, start?: number, end?: number): string[] => lexChecked(lexShell, text, start, end);
const strings = (text: string): StringToken[] => stringTokens(lexShell(text));

describe("lexShell", () => {
  it("reads the Convoso curl example across its backslash continuation", () => {
    const text = `curl -X POST "https://api.convoso.com/v1/campaigns/search" \\\n-d "auth_token=YOUR_TOKEN_HERE"`;
    expect(lex(text)).toEqual([
      "ident:curl",
      "ident:-X",
      "ident:POST",
      "string[double]:https://api.convoso.com/v1/campaigns/search",
      "ident:-d",
      "string[double]:auth_token=YOUR_TOKEN_HERE",
    ]);
  });

  it("reads `export NAME=\"…\"` as keyword, name, = and the value", () => {
    expect(lex(`export CONVOSO_AUTH_TOKEN="your_token_here"`)).toEqual([
      "ident:export",
      "ident:CONVOSO_AUTH_TOKEN",
      "punct:=",
      "string[double]:your_token_here",
    ]);
    expect(lex(`local a=1 b='two'; readonly C`)).toEqual([
      "ident:local",
      "ident:a",
      "punct:=",
      "string[bare]:1",
      "ident:b",
      "punct:=",
      "string[single]:two",
      "punct:;",
      "ident:readonly",
      "ident:C",
    ]);
  });

  it("reads prefix assignments, `+=`, and an empty value as no string", () => {
    expect(lex(`A=1 B+=x C= cmd`)).toEqual(["ident:A", "punct:=", "string[bare]:1", "ident:B", "punct:=", "string[bare]:x", "ident:C", "punct:=", "ident:cmd"]);
    const [, plusEquals] = lexShell(`B+=x`).tokens;
    expect(plusEquals).toMatchObject({ kind: "punct", start: 1, end: 3, text: "=" });
  });

  it("keeps NAME=value in argument position one word (a query-like string)", () => {
    expect(lex(`curl -d auth_token=abc`)).toEqual(["ident:curl", "ident:-d", "string[bare]:auth_token=abc"]);
    expect(lex(`docker run -e TOKEN=abc img && X=1 make`)).toEqual([
      "ident:docker",
      "ident:run",
      "ident:-e",
      "string[bare]:TOKEN=abc",
      "ident:img",
      "punct:&&",
      "ident:X",
      "punct:=",
      "string[bare]:1",
      "ident:make",
    ]);
    expect(lex(`if true; then T=abc; fi`)).toContain("ident:T");
  });

  it("splits a word into adjacent pieces, one per quoting", () => {
    const text = `curl -d 'auth_token='"$T"`;
    const [single, double] = strings(text);
    expect(single).toMatchObject({ quote: "single" });
    expect(double).toMatchObject({ quote: "double" });
    expect(double!.start).toBe(single!.end);
    expect(describeParts(text, double!)).toEqual(["{T}"]);
    expect(lex(`a"b"'c'$'d'e`)).toEqual(["string[bare]:a", "string[double]:b", "string[single]:c", "string[single]:d", "string[bare]:e"]);
  });

  it("reads every quoting form", () => {
    const text = `echo 'a $X \\' "b \\" $Y" $'c\\'d' $"e $Z" f\\ g`;
    expect(lex(text)).toEqual([
      "ident:echo",
      "string[single]:a $X \\",
      "string[double]:b \\\" $Y",
      "string[single]:c\\'d",
      "string[double]:e $Z",
      "string[bare]:f\\ g",
    ]);
    const tokens = strings(text);
    expect(describeParts(text, tokens[0]!)).toEqual(["a $X \\"]);
    expect(describeParts(text, tokens[1]!)).toEqual(['b \\" ', "{Y}"]);
    expect(describeParts(text, tokens[2]!)).toEqual(["c\\'d"]);
    expect(tokens[2]!.start).toBe(text.indexOf("$'"));
    expect(describeParts(text, tokens[3]!)).toEqual(["e ", "{Z}"]);
  });

  it("lets single and double quotes span lines", () => {
    expect(lex(`echo 'a\nb' "c\nd"\nnext`)).toEqual(["ident:echo", "string[single]:a\nb", "string[double]:c\nd", "punct:;", "ident:next"]);
  });

  it("names the variable of each expansion and records `${X:-default}` fallbacks", () => {
    const text = `"$A \${B} \${C:-c1} \${D-d1} \${E:=e1} \${F=f1} \${G:?msg} \${H:+alt} \${#I} \${J%x} $1 $@ \${K:-}"`;
    const [token] = strings(text);
    expect(describeParts(text, token!).filter((part) => part.startsWith("{"))).toEqual([
      "{A}",
      "{B}",
      "{C:-c1}",
      "{D:-d1}",
      "{E:-e1}",
      "{F:-f1}",
      "{G}",
      "{}",
      "{}",
      "{}",
      "{}",
      "{}",
      "{K}",
    ]);
  });

  it("gives the fallback's exact range, in double quotes and bare words alike", () => {
    const text = `curl -d "auth_token=\${CONVOSO_AUTH_TOKEN:-abc123}" \${T-xyz}`;
    const [quoted, bare] = strings(text);
    const fallback = quoted!.parts.find((part) => part.kind === "interpolation")!;
    expect(fallback).toMatchObject({ name: "CONVOSO_AUTH_TOKEN" });
    if (fallback.kind !== "interpolation" || !fallback.fallback) throw new Error("no fallback");
    expect(text.slice(fallback.fallback.start, fallback.fallback.end)).toBe("abc123");
    expect(text.slice(fallback.start, fallback.end)).toBe("${CONVOSO_AUTH_TOKEN:-abc123}");
    expect(bare).toMatchObject({ quote: "bare" });
    expect(describeParts(text, bare!)).toEqual(["{T:-xyz}"]);
  });

  it("reads `$(…)` and backticks as unnamed parts and hands their commands to the dispatcher", () => {
    const text = "T=$(curl -d \"auth_token=abc\" x) && echo \"`date` $((1 + 2))\"";
    expect(lex(text)).toEqual(["ident:T", "punct:=", 'string[bare]:$(curl -d "auth_token=abc" x)', "punct:&&", "ident:echo", "string[double]:`date` $((1 + 2))"]);
    const result = lexShell(text);
    expect(result.embedded.map((region) => text.slice(region.start, region.end))).toEqual(['curl -d "auth_token=abc" x', "date"]);
    expect(result.embedded.every((region) => region.language === "shell")).toBe(true);
    const quoted = strings(text)[1]!;
    expect(describeParts(text, quoted)).toEqual(["{}", " ", "{}"]);
  });

  it("reads a quote inside `$(…)` inside double quotes without closing the string", () => {
    const text = `echo "a $(echo "b") c" d`;
    expect(lex(text)).toEqual(["ident:echo", 'string[double]:a $(echo "b") c', "ident:d"]);
  });

  it("reads a heredoc body as one interpolating string starting at `<<`", () => {
    const text = `cat <<EOF > out\nauth_token=$TOKEN\nsecond line\nEOF\necho done`;
    const result = lexShell(text);
    expect(lex(text)).toEqual(["ident:cat", "punct:>", "ident:out", "string[heredoc]:auth_token=$TOKEN\nsecond line", "punct:;", "ident:echo", "ident:done"]);
    const heredoc = result.tokens.find((token) => token.kind === "string")!;
    // Words follow the delimiter on its line, so the token starts at the body to keep order.
    expect(heredoc.start).toBe(text.indexOf("auth_token"));
    expect(describeParts(text, heredoc as StringToken)).toEqual(["auth_token=", "{TOKEN}", "\nsecond line"]);

    const plain = `cat <<EOF\nx=$Y\nEOF`;
    const [token] = strings(plain);
    expect(token).toMatchObject({ start: plain.indexOf("<<"), end: plain.length, quote: "heredoc" });
  });

  it("reads quoted delimiters as nowdocs without interpolation", () => {
    for (const opener of [`<<'EOF'`, `<<"EOF"`, `<<\\EOF`, `<< 'EOF'`]) {
      const text = `cat ${opener}\nauth_token=$T\nEOF\n`;
      const [token] = strings(text);
      expect(token, opener).toMatchObject({ quote: "nowdoc", start: text.indexOf("<<") });
      expect(describeParts(text, token!)).toEqual(["auth_token=$T"]);
    }
  });

  it("strips leading tabs before the closing delimiter of `<<-`", () => {
    const text = `if x; then\n\tcat <<-EOF\n\t\tbody $V\n\tEOF\nfi`;
    expect(lex(text)).toEqual(["ident:if", "ident:x", "punct:;", "ident:then", "punct:;", "ident:cat", "string[heredoc]:\t\tbody $V", "punct:;", "ident:fi"]);
    // Without `-` a tab-indented delimiter does not close the body.
    expect(strings(`cat <<EOF\n\tEOF\nEOF\n`)[0]).toMatchObject({ quote: "heredoc" });
    expect(lex(`cat <<EOF\n\tEOF\nEOF\n`)[1]).toBe("string[heredoc]:\tEOF");
  });

  it("reads several heredocs on one line in order, with CRLF line ends", () => {
    const text = `paste <<A <<'B'\r\none\r\nA\r\ntwo\r\nB\r\nnext`;
    expect(lex(text)).toEqual(["ident:paste", "string[heredoc]:one", "string[nowdoc]:two", "punct:;", "ident:next"]);
    expect(lex(`cat <<EOF\nEOF\n`)).toEqual(["ident:cat", "string[heredoc]:", "punct:;"]);
  });

  it("reads `<<<` as a here-string operator and `<<` without a delimiter as punctuation", () => {
    expect(lex(`cat <<< "$T"`)).toEqual(["ident:cat", "punct:<<<", "string[double]:$T"]);
    expect(lex(`x <<`)).toEqual(["ident:x", "punct:<<"]);
  });

  it("starts a comment only at a word's start", () => {
    expect(lex(`echo a#b "c"#d # note\n#whole`)).toEqual(["ident:echo", "string[bare]:a#b", "string[double]:c", "string[bare]:#d", "comment:note", "punct:;", "comment:whole"]);
    expect(lex(`echo $# \${#x};#c`)).toEqual(["ident:echo", "string[bare]:$#", "string[bare]:${#x}", "punct:;", "comment:c"]);
  });

  it("ends commands at line breaks and operators, but not after an operator or a continuation", () => {
    expect(lex(`a; b && c || d | e & f\ng`)).toEqual([
      "ident:a",
      "punct:;",
      "ident:b",
      "punct:&&",
      "ident:c",
      "punct:||",
      "ident:d",
      "punct:|",
      "ident:e",
      "punct:&",
      "ident:f",
      "punct:;",
      "ident:g",
    ]);
    expect(lex(`a &&\n\nb |\nc \\\n d\n\n\ne`)).toEqual(["ident:a", "punct:&&", "ident:b", "punct:|", "ident:c", "ident:d", "punct:;", "ident:e"]);
  });

  it("emits parentheses and standalone braces as punctuation, braces inside words as text", () => {
    expect(lex(`f() { echo {a,b}; }`)).toEqual(["ident:f", "punct:(", "punct:)", "punct:{", "ident:echo", "string[bare]:{a,b}", "punct:;", "punct:}"]);
    expect(lex(`cmd 2>&1 >>log`)).toEqual(["ident:cmd", "ident:2", "punct:>&", "ident:1", "punct:>>", "ident:log"]);
  });

  it("reads plain words as identifiers and anything else as bare strings", () => {
    expect(lex(`curl --data-raw x https://a.example/?q=1 ./run.sh`)).toEqual([
      "ident:curl",
      "ident:--data-raw",
      "ident:x",
      "string[bare]:https://a.example/?q=1",
      "string[bare]:./run.sh",
    ]);
    const text = `echo pre$VAR\${X}post`;
    expect(describeParts(text, strings(text)[0]!)).toEqual(["pre", "{VAR}", "{X}", "post"]);
  });

  it("never throws on unterminated input and keeps every token inside the text", () => {
    for (const text of [`echo "abc`, `echo 'abc`, `echo $'abc`, "echo `abc", `echo \${abc`, `echo $(abc`, `cat <<EOF\nbody`, `cat <<'EOF`, `x=`, `\\`, `$`, `"$(`, "`", `cat <<`, `<<-`, `a \\`]) {
      expect(() => lex(text), text).not.toThrow();
    }
    expect(lex(`echo "open\nnext`)).toEqual(["ident:echo", "string[double]:open\nnext"]);
    expect(lex(`cat <<EOF\nbody $X`)).toEqual(["ident:cat", "string[heredoc]:body $X"]);
    expect(lex(`cat <<EOF`)).toEqual(["ident:cat", "string[heredoc]:"]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `ignored "x"\nexport T="y" # tail`;
    const start = text.indexOf("export");
    const end = text.indexOf(" #");
    const result = lexShell(text, start, end);
    assertRangesInside(text, result, start, end);
    expect(describeTokens(text, result)).toEqual(["ident:export", "ident:T", "punct:=", 'string[double]:y']);
    expect(result.tokens[0]).toMatchObject({ start, text: "export" });
    // An unterminated string stops at the range's end, not the text's.
    const cut = `echo "abc" tail`;
    expect(lex(cut, 0, 8)).toEqual(["ident:echo", "string[double]:ab"]);
    expect(lex(`cat <<EOF\nbody\nEOF\n`, 0, 12)).toEqual(["ident:cat", "string[heredoc]:bo"]);
  });

  it("survives random input over the characters that matter", () => {
    const alphabet = ["'", '"', "$", "(", ")", "{", "}", "`", "\\", "\n", " ", "#", "<<", "<<-", "EOF", "=", "a", ":-", ";", "|", "&", "$'", "\t", "\r"];
    expectSurvivesRandomInput(lex, alphabet);
  });

  it("does work linear in the input on adversarial text (counted reads, no clock)", () => {
    const size = 1 << 20;
    // Few tokens, much look-ahead: unclosed `$(`, `${` and backticks inside one string or heredoc.
    const sparse = [
      `"${"$(".repeat(size / 2)}`,
      `"${"${".repeat(size / 2)}`,
      `"${"$('".repeat(size / 3)}`,
      `"${"`\\".repeat(size / 2)}`,
      `"\\`.repeat(size / 2),
      `x=${"\\\n".repeat(size / 2)}`,
      `cat <<EOF\n${"$(x\n".repeat(size / 4)}`,
      `echo '${"\\$(`".repeat(size / 3)}`,
    ];
    // Many tokens: smaller, since building a million token objects is slow whatever the lexer does.
    const small = 1 << 16;
    const dense = [
      "$(".repeat(small / 2),
      "${".repeat(small / 2),
      `'`.repeat(small),
      `cat ${"<<A ".repeat(small / 4)}\n${"A\n".repeat(small / 4)}`,
      randomText(7, small, ["$(", "${", '"', "'", "`", "\\", ")", "}", "\n", " ", "<<E", "E\n", "#", "a="]),
    ];
    expectReadsBelow(lexShell, [...sparse, ...dense], 40);
  });
});
