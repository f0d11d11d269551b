// Config patterns the backtracking check accepts match in linear time (issue 16),
// proven by operation counts: a backtracking matcher built like JavaScript's
// (alternatives in order, greedy repeats, an empty iteration ends a repeat) counts
// its steps on values made of the pattern's own characters, at two lengths. Eight
// times the value must cost about eight times the steps; `(a1|a|1)+Z`, which the
// check refuses, shows the count growing exponentially.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backtrackingProblem } from "../../src/detect/backtracking.js";
import { parseRegex, type RegexNode } from "../../src/detect/regex-syntax.js";
import { runs } from "./support.js";

class OverBudget extends Error {}

/** Steps a backtracking matcher takes to decide whether `pattern` matches all of `value` (anchored, as compileRule does). */
function backtrackingSteps(pattern: string, value: string, budget = 2_000_000): number {
  let steps = 0;
  const match = (node: RegexNode, at: number, next: (at: number) => boolean): boolean => {
    if (++steps > budget) throw new OverBudget();
    switch (node.kind) {
      case "chars": {
        const code = value.charCodeAt(at);
        return at < value.length && node.set.some(([low, high]) => low <= code && code <= high) && next(at + 1);
      }
      case "sequence": {
        const from = (index: number, position: number): boolean => (index === node.items.length ? next(position) : match(node.items[index]!, position, (after) => from(index + 1, after)));
        return from(0, at);
      }
      case "alternation":
        return node.branches.some((branch) => match(branch, at, next));
      case "repeat": {
        const iterate = (count: number, position: number): boolean =>
          (count < node.max && match(node.body, position, (after) => (after !== position || count < node.min) && iterate(count + 1, after))) || (count >= node.min && next(position));
        return iterate(0, at);
      }
      default:
        throw new Error(`the generator makes no ${node.kind}`);
    }
  };
  match(parseRegex(pattern), 0, (end) => end === value.length);
  return steps;
}

/** Patterns over a few overlapping atoms, nested and repeated at random: many are refused, the rest must be linear. */
const atomArb = fc.constantFrom("a", "1", "Z", "[a1]", "[a-z]", "[0-9]", "\\w", ".");
const quantifierArb = fc.constantFrom("", "", "?", "*", "+", "{2}", "{1,3}", "{2,}");
const patternArb: fc.Arbitrary<string> = fc.letrec<{ pattern: string; term: string }>((tie) => ({
  term: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.tuple(atomArb, quantifierArb).map(([atom, quantifier]) => atom + quantifier),
    fc.tuple(tie("pattern"), quantifierArb).map(([inner, quantifier]) => `(?:${inner})${quantifier}`),
  ),
  pattern: fc.oneof(
    { depthSize: "small" },
    fc.array(tie("term"), { minLength: 1, maxLength: 4 }).map((terms) => terms.join("")),
    fc.array(fc.array(tie("term"), { minLength: 1, maxLength: 3 }).map((terms) => terms.join("")), { minLength: 2, maxLength: 3 }).map((branches) => branches.join("|")),
  ),
})).pattern;

/** A value of `length` characters repeating `unit`, then one character that may end any match. */
const valueOf = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + "!";
const unitArb = fc.array(fc.constantFrom("a", "1", "Z", "b"), { minLength: 1, maxLength: 4 }).map((chars) => chars.join(""));

describe("config patterns the check accepts", () => {
  it("take linear backtracking steps in the value's length", () => {
    fc.assert(
      fc.property(patternArb, unitArb, (pattern, unit) => {
        fc.pre(backtrackingProblem(pattern) === undefined);
        const small = backtrackingSteps(pattern, valueOf(unit, 40));
        const large = backtrackingSteps(pattern, valueOf(unit, 320));
        expect(large, `${pattern} on ${JSON.stringify(unit)}…: ${small} → ${large} steps`).toBeLessThan(small * 12 + 2_000);
      }),
      { seed: 16, numRuns: runs(400) },
    );
  });

  it("the counter sees what the check prevents: (a1|a|1)+Z grows exponentially", () => {
    expect(backtrackingProblem("(a1|a|1)+Z")).toBeDefined();
    const small = backtrackingSteps("(a1|a|1)+Z", "a1".repeat(8));
    expect(() => backtrackingSteps("(a1|a|1)+Z", "a1".repeat(64))).toThrow(OverBudget);
    expect(small).toBeGreaterThan(1_000);
  });
});
