import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestName, editDistanceWithin } from "../../src/config/did-you-mean.js";

/** The textbook full-table distance (insert, delete, substitute, swap neighbours), as the reference. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe("editDistanceWithin", () => {
  it("agrees with the full table wherever the distance is within the limit", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "-"), maxLength: 10 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
        const full = fullDistance(a, b);
        expect(editDistanceWithin(a, b, limit)).toBe(full <= limit ? full : undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it("does work linear in the length for a fixed limit (cells counted, not time)", () => {
    const cells = (length: number): number => {
      const tally = { cells: 0 };
      editDistanceWithin("ab".repeat(length / 2), "ba".repeat(length / 2), 3, tally);
      editDistanceWithin("a".repeat(length), "a".repeat(length - 1) + "b", 3, tally);
      return tally.cells;
    };
    // At most 2 × limit + 1 cells a row, two pairs: the full table would be length² per pair.
    for (const length of [2_000, 20_000]) expect(cells(length)).toBeLessThanOrEqual(2 * 7 * length);
  });
});

describe("closestName", () => {
  it.each([
    ["scna", ["scan", "baseline", "fix"], "scan"],
    ["SCAN", ["scan"], "scan"],
    ["colour", ["color", "no-color"], "color"],
    ["ignor", ["ignore", "rules"], "ignore"],
    ["frobnicate", ["scan", "fix", "init"], undefined],
    ["x", ["fix"], undefined],
  ])("%s among %j: %s", (word, candidates, expected) => {
    expect(closestName(word, candidates)).toBe(expected);
  });
});
