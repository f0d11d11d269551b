// SecretMask: every known value in a printed line is redacted, whole or overlapping.
import { describe, expect, it } from "vitest";
import { redact } from "../../src/detect/redact.js";
import { SecretMask } from "../../src/fix/secret-mask.js";

describe("SecretMask", () => {
  it("redacts every occurrence of every value and leaves the rest of the line", () => {
    const mask = new SecretMask(["s3cret-value-one", "another_secret_2"]);
    const one = redact("s3cret-value-one");
    const two = redact("another_secret_2");
    expect(mask.mask(`a = "s3cret-value-one"; b = 'another_secret_2'; c = "s3cret-value-one"`)).toBe(`a = "${one}"; b = '${two}'; c = "${one}"`);
  });

  it("merges overlapping values so that neither survives in pieces", () => {
    const first = "abcdefgh-12345";
    const second = "gh-12345-zyxwvu";
    const line = `x=abcdefgh-12345-zyxwvu;`;
    const masked = new SecretMask([first, second]).mask(line);
    expect(masked).toBe(`x=${redact("abcdefgh-12345-zyxwvu")};`);
    expect(masked).not.toContain(first);
    expect(masked).not.toContain(second);
  });

  it("ignores values shorter than 8 characters and still masks token-shaped runs", () => {
    const mask = new SecretMask(["short", "tiny1234"]);
    expect(mask.mask("short tiny1234 plainwordsonly Ab3dEf6hIj9kLm")).toBe(`short ${redact("tiny1234")} plainwordsonly ${redact("Ab3dEf6hIj9kLm")}`);
  });

  it("handles thousands of values in one pass per line", () => {
    const values = Array.from({ length: 16_000 }, (_, index) => `value-${String(index).padStart(6, "0")}-end`);
    const mask = new SecretMask(values);
    const line = values.slice(100, 140).join(" + ");
    const masked = mask.mask(line);
    expect(values.filter((value) => masked.includes(value))).toEqual([]);
    expect(masked.split(" + ")).toHaveLength(40);
  });
});
