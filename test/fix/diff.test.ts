// unifiedDiff: standard hunks, line endings not shown, every line masked.
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/fix/diff.js";

const labels = { oldLabel: "a/x.txt", newLabel: "b/x.txt" };

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

  it("ignores CRLF versus LF and masks every printed line", () => {
    const diff = unifiedDiff("x = secret\r\ny\r\n", "x = env\r\ny\r\n", { ...labels, mask: (line) => line.replace("secret", "s****t") });
    expect(diff).toBe("--- a/x.txt\n+++ b/x.txt\n@@ -1,2 +1,2 @@\n-x = s****t\n+x = env\n y\n");
  });
});
