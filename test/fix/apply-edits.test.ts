// applyEdits: offsets into the original text, duplicates once, conflicts refused with both edits named.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdits, EditSet, editsConflict, normalizeEdits, OverlappingEditsError } from "../../src/fix/apply-edits.js";

describe("applyEdits", () => {
  it("applies edits given in any order, against the original offsets", () => {
    expect(applyEdits("abcdef", [{ start: 4, end: 5, text: "E" }, { start: 0, end: 1, text: "AA" }])).toBe("AAbcdEf");
  });

  it("applies an identical edit once (one `import os` for two findings)", () => {
    const insert = { start: 0, end: 0, text: "import os\n" };
    expect(applyEdits("x = 1\n", [insert, { ...insert }])).toBe("import os\nx = 1\n");
  });

  it("puts an insertion before a replacement that starts at the same offset, and after one that ends there", () => {
    expect(applyEdits("'abc'", [{ start: 0, end: 5, text: "X" }, { start: 0, end: 0, text: "(" }, { start: 5, end: 5, text: ")" }])).toBe("(X)");
  });

  it("keeps CRLF line breaks and a BOM outside the edited ranges", () => {
    const text = "\uFEFFa = 'x'\r\nb = 2\r\n";
    expect(applyEdits(text, [{ start: 5, end: 8, text: "env" }])).toBe("\uFEFFa = env\r\nb = 2\r\n");
  });

  it("refuses overlapping replacements with a clear error", () => {
    const first = { start: 1, end: 4, text: "x" };
    const second = { start: 3, end: 6, text: "y" };
    expect(() => applyEdits("abcdefg", [first, second])).toThrow(OverlappingEditsError);
    expect(() => applyEdits("abcdefg", [first, second])).toThrow("overlapping edits: replace 1..4 and replace 3..6");
  });

  it("refuses an insertion inside a replaced range, and two different insertions at one offset", () => {
    expect(() => applyEdits("abcdef", [{ start: 1, end: 4, text: "x" }, { start: 2, end: 2, text: "y" }])).toThrow(OverlappingEditsError);
    expect(() => applyEdits("abcdef", [{ start: 2, end: 2, text: "x" }, { start: 2, end: 2, text: "y" }])).toThrow(OverlappingEditsError);
  });

  it("refuses an edit outside the text", () => {
    expect(() => applyEdits("abc", [{ start: 2, end: 9, text: "" }])).toThrow(RangeError);
    expect(() => applyEdits("abc", [{ start: 2, end: 1, text: "" }])).toThrow(RangeError);
  });
});

describe("editsConflict / normalizeEdits", () => {
  it("lets touching edits be", () => {
    expect(editsConflict({ start: 0, end: 2, text: "a" }, { start: 2, end: 4, text: "b" })).toBe(false);
    expect(normalizeEdits([{ start: 2, end: 4, text: "b" }, { start: 0, end: 2, text: "a" }], 4).map((edit) => edit.start)).toEqual([0, 2]);
  });
});

describe("EditSet", () => {
  const edit = fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom("", "a", "b"))
    .map(([start, length, text]) => ({ start, end: start + length, text }));

  it("agrees with comparing every pair, whatever the order edits arrive in", () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const set = new EditSet();
        const kept: { start: number; end: number; text: string }[] = [];
        for (const next of edits) {
          const pairwise = kept.find((other) => editsConflict(other, next));
          const duplicate = kept.some((other) => other.start === next.start && other.end === next.end && other.text === next.text);
          expect(set.has(next)).toBe(duplicate);
          expect(set.conflictWith(next) !== undefined).toBe(pairwise !== undefined);
          if (pairwise === undefined && !duplicate) {
            set.add(next);
            kept.push(next);
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("normalizes 16,000 findings' edits sharing one import without comparing every pair", () => {
    const text = "x\n".repeat(16_000);
    const edits = Array.from({ length: 16_000 }, (_, line) => [{ start: 0, end: 0, text: "import os\n" }, { start: 2 * line, end: 2 * line + 1, text: "y" }]).flat();
    expect(applyEdits(text, edits)).toBe("import os\n" + "y\n".repeat(16_000));
  });
});
