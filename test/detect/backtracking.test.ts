// The check that refuses config patterns able to backtrack super-linearly
// (issue 16): what it accepts, what it refuses and why, and the rule
// validation's one-line message naming the key and the pattern.
import { describe, expect, it } from "vitest";
import { backtrackingProblem } from "../../src/detect/backtracking.js";
import { validateRule } from "../../src/detect/rule.js";
import { ACME_RULE } from "../support/acme-rule.js";

describe("backtrackingProblem", () => {
  it.each([
    "[A-Za-z0-9]{32}",
    "ck_[a-f0-9]{32}",
    "(?:sk|pk)_(?:live|test)_[0-9a-zA-Z]{24,99}",
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    "(?:[a-f0-9]{4}-){3}[a-f0-9]{4}",
    "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+",
    "[a-z0-9]+_[A-Za-z0-9]{32}",
    "(?:-[a-z]+)?_[0-9]+",
    "(?:a+b)+",
    "a{2}a",
    "[^\\s]+",
    ".*",
    "^\\bAKIA[0-9A-Z]{16}$",
    "(?<prefix>ghp)_[A-Za-z0-9]{36}",
    "x{",
    "[\\d-]+",
    "\\x41+\\u0042+",
  ])("accepts %s, which matches in linear time", (pattern) => {
    expect(backtrackingProblem(pattern)).toBeUndefined();
  });

  it.each([
    ["(a1|a|1)+Z", /can match "a" in two ways/],
    ["(a+)+$", /can match "a" in two ways/],
    ["(a|a)*", /can match "a" in two ways/],
    ["(\\w+\\s?)*$", /in two ways/],
    ["\\w+_\\w+", /can match "_" in two ways/],
    ["a?a?a?aaa", /can match "a" in two ways/],
    ["a{2,3}a", /can match "a" in two ways/],
    ["ab|ac", /can match "a" in two ways/],
    ["[a-z]+[0-9a-f]+", /can match "a" in two ways/],
    [".*abc", /can match "a" in two ways/],
    ["(?:a?)?b", /repeats a part that can match nothing/],
    ["(?:a*)*b", /repeats a part that can match nothing/],
    ["(?:|)(?:|)x", /two alternatives that can both match nothing/],
    ["(\\w)\\1", /back-reference/],
    ["(?<n>a)\\k<n>", /back-reference/],
    ["(?=\\w+)x", /quantifier inside a lookaround/],
    ["(?i:a)", /syntax the safety check does not know/],
  ])("refuses %s", (pattern, reason) => {
    expect(backtrackingProblem(pattern)).toMatch(reason);
  });

  it("refuses a pattern too large to unroll instead of checking it for long", () => {
    // Each level doubles the positions: 2^13 of them.
    expect(backtrackingProblem(`${"(?:".repeat(13)}a${"){2}".repeat(13)}`)).toMatch(/too large/);
  });
});

describe("validateRule", () => {
  it("names the field and the pattern in one line", () => {
    const problems = validateRule({ ...ACME_RULE, valuePattern: "(a1|a|1)+Z" }, "customRules[0]");
    expect(problems).toEqual([expect.stringMatching(/^customRules\[0\]\.valuePattern "\(a1\|a\|1\)\+Z" can match "a" in two ways .*super-linearly$/)]);
  });
});
