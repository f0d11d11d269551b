// scanner.ts: the shared lexing primitives, and the one bounded way every front end
// looks ahead for the bracket that closes an interpolation.
import { describe, expect, it } from "vitest";
import { lexDockerfile } from "../../../src/languages/dockerfile/lexer.js";
import { lexDotenv } from "../../../src/languages/dotenv/lexer.js";
import { lexJavaScript } from "../../../src/languages/shared/script-lexer.js";
import { lexMakefile } from "../../../src/languages/makefile/lexer.js";
import { lexPhp } from "../../../src/languages/php/lexer.js";
import { lexPowerShell } from "../../../src/languages/powershell/lexer.js";
import { lexPython } from "../../../src/languages/python/lexer.js";
import { BracketBudget, MAX_INTERPOLATION_LENGTH, nextLine, scanNumber, scanQuoted, trimEnd } from "../../../src/languages/shared/scanner.js";
import { lexShell } from "../../../src/languages/shared/shell-lexer.js";
import type { InterpolationPart } from "../../../src/languages/shared/tokens.js";
import { countingText, expectLinear } from "../lex-helpers.js";

describe("BracketBudget", () => {
  it("finds the closing bracket, counting nested pairs and skipping quoted runs and escapes", () => {
    const text = `\${a{b}"}"'}'\\}c}tail`;
    const budget = new BracketBudget(text, 0, text.length);
    expect(budget.closing(2, text.length, 123, 125)).toBe(text.lastIndexOf("}"));
    expect(budget.closing(2, text.indexOf("c"), 123, 125)).toBe(-1);
    expect(new BracketBudget("$(a(b)c)", 0, 8).closing(2, 8, 40, 41)).toBe(7);
  });

  it("gives up on an interpolation longer than MAX_INTERPOLATION_LENGTH", () => {
    const inner = "x".repeat(MAX_INTERPOLATION_LENGTH);
    const text = `\${${inner}}`;
    expect(new BracketBudget(text, 0, text.length).closing(2, text.length, 123, 125)).toBe(-1);
    const shorter = `\${${inner.slice(1)}}`;
    expect(new BracketBudget(shorter, 0, shorter.length).closing(2, shorter.length, 123, 125)).toBe(shorter.length - 1);
  });

  it("finds the next unescaped character, and the first character a test stops at", () => {
    const text = "a`}b}c";
    const budget = new BracketBudget(text, 0, text.length);
    expect(budget.next(0, text.length, 125, 96)).toBe(4);
    expect(budget.next(0, 3, 125, 96)).toBe(-1);
    expect(budget.until(0, text.length, (code) => code === 98)).toBe(3);
    expect(budget.until(4, text.length, (code) => code === 98)).toBe(-1);
  });

  it("bounds the total work of failed searches: 1 MB of unclosed `${` reads each character a few times", () => {
    const size = 1 << 20;
    const counted = countingText("${".repeat(size / 2));
    const budget = new BracketBudget(counted.text, 0, size);
    let found = 0;
    for (let pos = 0; pos < size; pos += 2) if (budget.closing(pos + 2, size, 123, 125) >= 0) found++;
    expect(found).toBe(0);
    // Without the budget each opener would read MAX_INTERPOLATION_LENGTH characters: ~2,000 per character.
    expect(counted.reads()).toBeLessThan(6 * size);
  });
});

describe("every front end that looks for a closing bracket stays linear on 1 MB of unclosed openers", () => {
  it("JavaScript: `${` in one template, and `` `${ `` repeated", () => {
    expectLinear(lexJavaScript, (size) => "`" + "${".repeat(size / 2));
    expectLinear(lexJavaScript, (size) => "`${".repeat(size / 3));
  });

  it("Python: `${` in one-line and triple-quoted f-strings", () => {
    expectLinear(lexPython, (size) => 'f"' + "${".repeat(size / 2));
    expectLinear(lexPython, (size) => 'f"""' + "${".repeat(size / 2));
  });

  it("PHP: `${` and `{$` in a double-quoted string and a heredoc", () => {
    expectLinear(lexPhp, (size) => '<?php "' + "${".repeat(size / 2));
    expectLinear(lexPhp, (size) => '<?php "' + "{$".repeat(size / 2));
    expectLinear(lexPhp, (size) => "<?php <<<EOT\n" + "${".repeat(size / 2));
  });

  it("shell, Makefile and Dockerfile: `${` in a double-quoted string and a bare word", () => {
    expectLinear(lexShell, (size) => '"' + "${".repeat(size / 2));
    expectLinear(lexShell, (size) => "${".repeat(size / 2));
    expectLinear(lexMakefile, (size) => "A = " + "${".repeat(size / 2));
    expectLinear(lexDockerfile, (size) => 'RUN "' + "${".repeat(size / 2));
  });

  it("PowerShell: `${` and `$(` in an expandable string", () => {
    expectLinear(lexPowerShell, (size) => '"' + "${".repeat(size / 2));
    expectLinear(lexPowerShell, (size) => '"' + "$(".repeat(size / 2));
  });

  it("dotenv: `${` in bare and double-quoted values", () => {
    expectLinear(lexDotenv, (size) => "A=" + "${".repeat(size / 2));
    expectLinear(lexDotenv, (size) => 'A="' + "${x:-".repeat(size / 5));
  });
});

describe("scanner primitives", () => {
  it("scanNumber reads radix, suffix and exponent forms, and stops at `end`", () => {
    const end = (text: string, stop = text.length) => scanNumber(text, 0, stop);
    expect(end("0x1F+1")).toBe(4);
    expect(end("1e-5-2")).toBe(4);
    expect(end("0xE-1")).toBe(3);
    expect(end("1_000.5j)")).toBe(8);
    expect(end("12345", 3)).toBe(3);
  });

  it("nextLine treats CRLF as one break and never passes `end`; trimEnd stops at `start`", () => {
    expect(nextLine("a\r\nb", 1, 4)).toBe(3);
    expect(nextLine("a\r\nb", 1, 2)).toBe(2);
    expect(nextLine("a\nb", 1, 3)).toBe(2);
    expect(nextLine("a", 1, 1)).toBe(1);
    expect(trimEnd("ab  ", 0, 4)).toBe(2);
    expect(trimEnd("    ", 2, 4)).toBe(2);
  });

  it("scanQuoted tries interpolation triggers in order and leaves other characters literal", () => {
    const seen: number[] = [];
    const scan = (_text: string, pos: number): InterpolationPart | undefined => {
      seen.push(pos);
      return { kind: "interpolation", start: pos, end: pos + 2 };
    };
    const text = `"a$xb{yc"`;
    const token = scanQuoted(text, 1, text.length, {
      close: '"',
      quote: "double",
      backslashEscapes: true,
      endsAtLineBreak: false,
      interpolation: [
        { trigger: 36, scan },
        { trigger: 123, scan: () => undefined },
      ],
    });
    expect(seen).toEqual([2]);
    expect(token.parts.map((part) => `${part.kind}:${text.slice(part.start, part.end)}`)).toEqual(["text:a", "interpolation:$x", "text:b{yc"]);
    expect(token.end).toBe(text.length);
  });
});
