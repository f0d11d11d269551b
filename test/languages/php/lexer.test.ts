import { describe, expect, it } from "vitest";
import { lexPhp, lexPhpCode } from "../../../src/languages/php/lexer.js";
import type { LexResult, Lexer, StringToken } from "../../../src/languages/shared/tokens.js";
import { assertPartsCover, assertRangesInside, describeTokens, readsFor, stringTokens as strings } from "../lex-helpers.js";

/** Checks what assertRangesInside does not: string parts tile the content (assertPartsCover), regions stay in range. */
function assertWellFormed(result: LexResult, start: number, end: number): void {
  assertPartsCover(result);
  for (const region of result.embedded) {
    if (region.start < start || region.end > end || region.start > region.end) throw new Error(`region ${region.start}-${region.end} outside`);
  }
}

function check(text: string, start = 0, end = text.length, lexer: Lexer = lexPhp): LexResult {
  const result = lexer(text, start, end);
  assertRangesInside(text, result, start, end);
  assertWellFormed(result, start, end);
  return result;
}

function lex(text: string): string[] {
  return describeTokens(text, check(text));
}

/** Text parts as their text, interpolations as `{name}` (`{?}` when not a plain name). */
function describeParts(text: string, token: StringToken | undefined): string[] {
  if (!token) throw new Error("no string");
  return token.parts.map((part) => (part.kind === "text" ? text.slice(part.start, part.end) : `{${part.name ?? "?"}}`));
}

const CONVOSO_EXAMPLE = `<?php
$auth_token = "YOUR_TOKEN_HERE";
$url = "https://api.convoso.com/v1/campaigns/search";
$ch = curl_init($url);
curl_setopt($ch, CURLOPT_POST, true);
curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query(['auth_token' => $auth_token]));
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$response = curl_exec($ch);
curl_close($ch);
$data = json_decode($response, true);
?>`;

describe("lexPhp", () => {
  it("reads the Convoso example around auth_token", () => {
    const all = lex(CONVOSO_EXAMPLE);
    expect(all.slice(0, 4)).toEqual(["ident:$auth_token", "punct:=", "string[double]:YOUR_TOKEN_HERE", "punct:;"]);
    const key = all.indexOf("string[single]:auth_token");
    expect(all.slice(key - 3, key + 6)).toEqual([
      "ident:http_build_query",
      "punct:(",
      "punct:[",
      "string[single]:auth_token",
      "punct:=>",
      "ident:$auth_token",
      "punct:]",
      "punct:)",
      "punct:)",
    ]);
    expect(all.at(-1)).toBe("punct:;");
  });

  it("reads a variable as one identifier with its $", () => {
    const text = `<?php $auth_token = $$name;`;
    expect(lex(text)).toEqual(["ident:$auth_token", "punct:=", "punct:$", "ident:$name", "punct:;"]);
    expect(check(text).tokens[0]).toMatchObject({ start: 6, end: 17, text: "$auth_token" });
  });

  it("lexes HTML around PHP regions and emits ?> as the ; it implies", () => {
    const text = `<p>Token:</p>\n<?php $t = 'x' ?>\n<input name="auth_token" value="<?= $t ?>">\n<p>done</p>`;
    expect(lex(text)).toEqual([
      "punct:<",
      "ident:p",
      "punct:>",
      "string[bare]:Token:",
      "punct:</",
      "ident:p",
      "punct:>",
      "ident:$t",
      "punct:=",
      "string[single]:x",
      "punct:;",
      "punct:<",
      "ident:input",
      "ident:name",
      "punct:=",
      "string[double]:auth_token",
      "ident:value",
      "punct:=",
      "string[double]:",
      "ident:$t",
      "punct:;",
      `string[bare]:">`,
      "punct:<",
      "ident:p",
      "punct:>",
      "string[bare]:done",
      "punct:</",
      "ident:p",
      "punct:>",
    ]);
  });

  it("accepts <?PHP in any case and a short <? tag, but leaves <?xml to HTML", () => {
    expect(lex(`<?PHP $a;`)).toEqual(["ident:$a", "punct:;"]);
    expect(lex(`<? $a ?>`)).toEqual(["ident:$a", "punct:;"]);
    expect(lex(`<?xml version="1.0"?><a>`)).toEqual(["punct:<", "ident:a", "punct:>"]);
    expect(lex(`<?phpx $a`)).toEqual([]);
  });

  it("passes <script> bodies in the HTML on as JavaScript regions", () => {
    const text = `<script>const t = "<?= $token ?>";</script><?php echo 1;`;
    const result = check(text);
    expect(result.embedded).toEqual([{ language: "javascript", start: 8, end: text.indexOf("<?=") }]);
    expect(describeTokens(text, result)).toContain("ident:$token");
  });

  it("runs an unterminated <?php to the end", () => {
    expect(lex(`<b>x</b><?php $a = "b"; // tail`)).toEqual([
      "punct:<",
      "ident:b",
      "punct:>",
      "string[bare]:x",
      "punct:</",
      "ident:b",
      "punct:>",
      "ident:$a",
      "punct:=",
      "string[double]:b",
      "punct:;",
      "comment:tail",
    ]);
  });

  it("keeps //, # and /* */ comments, ends line comments at ?>, and reads #[ as an attribute", () => {
    expect(lex(`<?php // a\n# b\n/* c\n d */ #[Attr] $x; // e ?> <i>f</i>`)).toEqual([
      "comment:a",
      "comment:b",
      "comment:c\n d",
      "punct:#[",
      "ident:Attr",
      "punct:]",
      "ident:$x",
      "punct:;",
      "comment:e",
      "punct:;",
      "punct:<",
      "ident:i",
      "punct:>",
      "string[bare]:f",
      "punct:</",
      "ident:i",
      "punct:>",
    ]);
  });

  it("does not leave PHP at a ?> inside a string or block comment", () => {
    expect(lex(`<?php $a = "?>"; /* ?> */ $b = '?>';`)).toEqual([
      "ident:$a",
      "punct:=",
      "string[double]:?>",
      "punct:;",
      "comment:?>",
      "ident:$b",
      "punct:=",
      "string[single]:?>",
      "punct:;",
    ]);
  });

  it("reads single-quoted strings without interpolation, with \\' and \\\\ escapes", () => {
    const text = `<?php $a = 'it\\'s $auth_token {$x} \\\\'; $b = 1;`;
    const result = check(text);
    expect(describeTokens(text, result).slice(2, 5)).toEqual([`string[single]:it\\'s $auth_token {$x} \\\\`, "punct:;", "ident:$b"]);
    expect(describeParts(text, strings(result)[0])).toEqual([`it\\'s $auth_token {$x} \\\\`]);
  });

  it("names the interpolations of a double-quoted string", () => {
    const text = `<?php "a=$auth_token&b={$cfg->token}&c=\${name}&d=$obj->prop&e=$arr['k']&f=$arr[key]&g={$a['x']}&h=\\$lit&i=\${a . b}&j={ \$x}";`;
    expect(describeParts(text, strings(check(text))[0])).toEqual([
      "a=",
      "{$auth_token}",
      "&b=",
      "{$cfg->token}",
      "&c=",
      "{$name}",
      "&d=",
      "{$obj->prop}",
      "&e=",
      "{?}",
      "&f=",
      "{?}",
      "&g=",
      "{?}",
      "&h=\\$lit&i=",
      "{?}",
      "&j={ ",
      "{$x}",
      "}",
    ]);
  });

  it("stops a simple interpolation where PHP's simple syntax stops", () => {
    const text = `<?php "$a->b->c $d[ $e- $f->";`;
    const parts = strings(check(text))[0]!.parts;
    expect(parts.map((part) => text.slice(part.start, part.end))).toEqual(["$a->b", "->c ", "$d", "[ ", "$e", "- ", "$f", "->"]);
  });

  it("interpolates in backtick strings", () => {
    const text = "<?php `curl -d auth_token=$token`;";
    const [token] = strings(check(text));
    expect(token?.quote).toBe("backtick");
    expect(describeParts(text, token)).toEqual(["curl -d auth_token=", "{$token}"]);
  });

  it("reads a heredoc with its body lines and interpolations, starting at <<<", () => {
    const text = `<?php\n$q = <<<EOT\nauth_token=$auth_token\nx={$cfg->key}\nEOT;\n$n = 1;`;
    const result = check(text);
    const [token] = strings(result);
    expect(token).toMatchObject({ quote: "heredoc", start: text.indexOf("<<<"), end: text.indexOf("EOT;") + 3 });
    expect(describeParts(text, token)).toEqual(["auth_token=", "{$auth_token}", "\nx=", "{$cfg->key}"]);
    expect(describeTokens(text, result).slice(2)).toEqual([`string[heredoc]:auth_token=$auth_token\nx={$cfg->key}`, "punct:;", "ident:$n", "punct:=", "number:1", "punct:;"]);
  });

  it('reads <<<"EOT" as a heredoc and <<<\'EOT\' as a nowdoc without interpolation', () => {
    let text = `<?php $a = <<<"EOT"\n$t\nEOT;`;
    expect(strings(check(text))[0]).toMatchObject({ quote: "heredoc" });
    expect(describeParts(text, strings(check(text))[0])).toEqual(["{$t}"]);
    text = `<?php $a = <<<'EOT'\nauth_token=$t {$x}\nEOT;`;
    expect(lex(text)).toEqual(["ident:$a", "punct:=", "string[nowdoc]:auth_token=$t {$x}", "punct:;"]);
    expect(describeParts(text, strings(check(text))[0])).toEqual(["auth_token=$t {$x}"]);
  });

  it("finds an indented closer followed by punctuation, and not a longer name", () => {
    const text = `<?php f([\n    <<<EOT\n    EOTX\n      a = $b\n    EOT,\n    'next',\n]);`;
    expect(lex(text)).toEqual([
      "ident:f",
      "punct:(",
      "punct:[",
      "string[heredoc]:    EOTX\n      a = $b",
      "punct:,",
      "string[single]:next",
      "punct:,",
      "punct:]",
      "punct:)",
      "punct:;",
    ]);
  });

  it("reads an empty heredoc and a CRLF one", () => {
    expect(lex(`<?php $a = <<<EOT\nEOT;`)).toEqual(["ident:$a", "punct:=", "string[heredoc]:", "punct:;"]);
    const text = `<?php $a = <<<EOT\r\nx\r\ny\r\nEOT;`;
    expect(lex(text)).toEqual(["ident:$a", "punct:=", "string[heredoc]:x\r\ny", "punct:;"]);
  });

  it("runs an unterminated heredoc to the end, and reads a malformed <<< as operators", () => {
    const text = `<?php $a = <<<EOT\nauth_token=$t\n?>`;
    expect(lex(text)).toEqual(["ident:$a", "punct:=", "string[heredoc]:auth_token=$t\n?>"]);
    expect(strings(check(text))[0]?.end).toBe(text.length);
    expect(lex(`<?php $a <<<1`)).toEqual(["ident:$a", "punct:<<", "punct:<", "number:1"]);
  });

  it("emits multi-character operators as one token and . as concatenation", () => {
    const ops = lex(`<?php $a => -> :: ?? ?: ??= .= === !== == != <= >= && || ?-> <=> . ...`).filter((token) => token.startsWith("punct:"));
    expect(ops).toEqual(
      ["=>", "->", "::", "??", "?:", "??=", ".=", "===", "!==", "==", "!=", "<=", ">=", "&&", "||", "?->", "<=>", ".", "..."].map((op) => `punct:${op}`),
    );
    expect(lex(`<?php $u = $base . "?auth_token=" . $t;`)).toEqual([
      "ident:$u",
      "punct:=",
      "ident:$base",
      "punct:.",
      "string[double]:?auth_token=",
      "punct:.",
      "ident:$t",
      "punct:;",
    ]);
  });

  it("reads numbers as number tokens", () => {
    expect(lex(`<?php 1_000 + 0x1F + 1.5e-3 + .5;`).filter((token) => token.startsWith("number:"))).toEqual([
      "number:1_000",
      "number:0x1F",
      "number:1.5e-3",
      "number:.5",
    ]);
  });

  it("lexes code without an open tag through lexPhpCode", () => {
    const text = `$auth_token = 'abc'; ?><b>x</b>`;
    expect(describeTokens(text, check(text, 0, text.length, lexPhpCode))).toEqual([
      "ident:$auth_token",
      "punct:=",
      "string[single]:abc",
      "punct:;",
      "punct:;",
      "punct:<",
      "ident:b",
      "punct:>",
      "string[bare]:x",
      "punct:</",
      "ident:b",
      "punct:>",
    ]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `<?php $skip = "x"; ?>\n<p>mid</p>\n<?php $t = "$auth_token"; ?>\n<i>tail</i>`;
    const start = text.indexOf("<p>");
    const end = text.indexOf("\n<i>");
    const result = check(text, start, end);
    expect(describeTokens(text, result)).toEqual([
      "punct:<",
      "ident:p",
      "punct:>",
      "string[bare]:mid",
      "punct:</",
      "ident:p",
      "punct:>",
      "ident:$t",
      "punct:=",
      'string[double]:$auth_token',
      "punct:;",
      "punct:;",
    ]);
    expect(result.tokens[0]).toMatchObject({ start });
    expect(strings(result)[1]?.parts[0]).toMatchObject({ kind: "interpolation", start: text.indexOf("$auth_token"), name: "$auth_token" });
  });

  it("never throws and stays in range on every prefix and sub-range of unterminated input", () => {
    const text = `<p a="<?= $x ?>">t</p><?php\n# c ?>x<?php /* c\n"a $b->c {$d[" . '\\'\n$e = <<<  'E'\n  E\n$f = <<<G\n{$h}\n <!-- <script>`;
    for (let cut = 0; cut <= text.length; cut++) {
      expect(() => check(text.slice(0, cut))).not.toThrow();
      for (let start = 0; start <= cut; start += 7) expect(() => check(text, start, cut)).not.toThrow();
      expect(() => check(text, 0, cut, lexPhpCode)).not.toThrow();
    }
  });

  it("lexes 2 MB of open tags, heredoc openers and string openers in one pass", () => {
    const tags = "<?php ?>".repeat(250_000);
    expect(check(tags).tokens).toHaveLength(250_000);
    const heredocs = "<?php <<<EOT\n".repeat(150_000);
    expect(check(heredocs).tokens).toHaveLength(1);
    const quotes = `<?php ${`"\\`.repeat(1_000_000)}`;
    expect(check(quotes).tokens).toHaveLength(1);
  });

  it("reads each character a bounded number of times as the input doubles", () => {
    const units = ["<?php ?>", "?><!--<?php ", "<?php <<<EOT\n", `<?php "$a['`, `<?php "{$"`, "<?php // ?", "<?php $a.=1;", "<a x='<?= $b ?>'>"];
    for (const unit of units) {
      const small = readsFor(lexPhp, unit.repeat(2_000));
      const large = readsFor(lexPhp, unit.repeat(4_000));
      expect(large / small, unit).toBeLessThan(2.2);
    }
  });
});
