// unifiedDiff: standard hunks, line endings not shown, every line masked.
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/fix/diff.js";

const labels = { oldLabel: "a/x.txt", newLabel: "b/x.txt" };

/** Applies a unified diff to the old lines, checking every context and removed line against them. */
function applyDiff(oldLines: readonly string[], diff: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (const line of diff.split("\n").slice(2)) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line);
    if (header) {
      const start = Number(header[1]);
      const hunkStart = header[2] === "0" ? start : start - 1;
      while (at < hunkStart) out.push(oldLines[at++]!);
    } else if (line.startsWith(" ")) {
      expect(oldLines[at]).toBe(line.slice(1));
      out.push(oldLines[at++]!);
    } else if (line.startsWith("-")) {
      expect(oldLines[at++]).toBe(line.slice(1));
    } else if (line.startsWith("+")) out.push(line.slice(1));
  }
  while (at < oldLines.length) out.push(oldLines[at++]!);
  return out;
}

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a\n", "a\n", labels)).toBe("");
  });

  it("prints one hunk with context around a change", () => {
    const old = ["1", "2", "3", "4", "5", "6", "7", "8", "9"].join("\n") + "\n";
    const updated = old.replace("5", "five");
    expect(unifiedDiff(old, updated, labels)).toBe("--- a/x.txt\n+++ b/x.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  });

  it("splits far-apart changes into hunks and joins close ones", () => {
    const lines = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`);
    const updated = [...lines];
    updated[1] = "changed 2";
    updated[4] = "changed 5";
    updated[25] = "changed 26";
    const diff = unifiedDiff(lines.join("\n"), updated.join("\n"), labels);
    expect(diff.match(/^@@.*$/gm)).toEqual(["@@ -1,8 +1,8 @@", "@@ -23,7 +23,7 @@"]);
  });

  it("shows an insertion and a new file", () => {
    expect(unifiedDiff("a\nb\n", "import os\na\nb\n", labels)).toBe("--- a/x.txt\n+++ b/x.txt\n@@ -1,2 +1,3 @@\n+import os\n a\n b\n");
    expect(unifiedDiff("", "A=1\n", { oldLabel: "/dev/null", newLabel: "b/.env" })).toBe("--- /dev/null\n+++ b/.env\n@@ -0,0 +1 @@\n+A=1\n");
  });

  it("stays linear and exact when a fix rewrites thousands of lines", () => {
    // 16,000 rewritten lines took minutes and 4 GB with Myers alone (distance² trace).
    const oldLines = Array.from({ length: 12_000 }, (_, index) => (index % 2 === 0 ? `auth_token_${index} = "v${index}"` : `print(${index})`));
    const newLines = oldLines.map((line, index) => (index % 2 === 0 ? `auth_token_${index} = os.environ["T${index}"]` : line)).filter((_, index) => index % 997 !== 1);
    newLines.unshift("import os");
    newLines.splice(6_000, 0, ": \"${T:?set T}\"");
    const diff = unifiedDiff(oldLines.join("\n") + "\n", newLines.join("\n") + "\n", labels);
    expect(applyDiff(oldLines, diff)).toEqual(newLines);
    // Every changed line shows once on each side, with context: no blow-up.
    expect(diff.length).toBeLessThan(4 * (oldLines.join("\n").length + newLines.join("\n").length));
    expect(diff.split("\n").filter((line) => line.startsWith("-")).length).toBeLessThan(6_200);
  });

  it("still finds the shortest script for a few changes among repeated lines", () => {
    const oldLines = ["a", "b", "a", "b", "a", "b", "c"];
    const newLines = ["a", "b", "a", "x", "b", "a", "b", "c"];
    const diff = unifiedDiff(oldLines.join("\n"), newLines.join("\n"), labels);
    expect(applyDiff(oldLines, diff)).toEqual(newLines);
    expect(diff.split("\n").filter((line) => /^[-+][^-+]/.test(line) || line === "+" || line === "-")).toEqual(["+x"]);
  });

  it("ignores CRLF versus LF and masks every printed line", () => {
    const diff = unifiedDiff("x = secret\r\ny\r\n", "x = env\r\ny\r\n", { ...labels, mask: (line) => line.replace("secret", "s****t") });
    expect(diff).toBe("--- a/x.txt\n+++ b/x.txt\n@@ -1,2 +1,2 @@\n-x = s****t\n+x = env\n y\n");
  });
});
