// parseRawLog: git's NUL-separated `log --raw` output into first appearances of blobs.
import { describe, expect, it } from "vitest";
import { parseRawLog } from "../../src/sources/history.js";

const ZERO = "0".repeat(40);
const oid = (digit: string) => digit.repeat(40);
const header = (commit: string, date: string) => `\u0001${commit} ${date}\0\n`;
const raw = (status: string, oldOid: string, newOid: string, path: string, mode = "100644") => `:${status === "A" ? "000000" : mode} ${status === "D" ? "000000" : mode} ${oldOid} ${newOid} ${status}\0${path}\0`;

describe("parseRawLog", () => {
  it("keeps each blob's first commit and path, skips deletions, and takes paths verbatim", () => {
    const output =
      header(oid("a"), "2026-01-01T00:00:00+00:00") +
      raw("A", ZERO, oid("1"), "sync.py") +
      raw("A", ZERO, oid("2"), "\nname with\nnewlines :and spaces.py") +
      header(oid("b"), "2026-01-02T00:00:00+00:00") +
      raw("D", oid("1"), ZERO, "sync.py") +
      raw("A", ZERO, oid("1"), "renamed.py") +
      raw("M", oid("2"), oid("3"), "\nname with\nnewlines :and spaces.py") +
      // a merge is listed once per parent
      header(oid("c"), "2026-01-03T00:00:00+00:00") +
      raw("M", oid("3"), oid("4"), "x.ts") +
      header(oid("c"), "2026-01-03T00:00:00+00:00") +
      raw("M", oid("5"), oid("4"), "x.ts") +
      raw("A", ZERO, oid("6"), "vendor/lib", "160000");
    expect(parseRawLog(output, (path) => `./${path}`)).toEqual([
      { oid: oid("1"), repoPath: "sync.py", path: "./sync.py", commit: oid("a"), date: "2026-01-01T00:00:00+00:00", mode: "100644" },
      { oid: oid("2"), repoPath: "\nname with\nnewlines :and spaces.py", path: "./\nname with\nnewlines :and spaces.py", commit: oid("a"), date: "2026-01-01T00:00:00+00:00", mode: "100644" },
      { oid: oid("3"), repoPath: "\nname with\nnewlines :and spaces.py", path: "./\nname with\nnewlines :and spaces.py", commit: oid("b"), date: "2026-01-02T00:00:00+00:00", mode: "100644" },
      { oid: oid("4"), repoPath: "x.ts", path: "./x.ts", commit: oid("c"), date: "2026-01-03T00:00:00+00:00", mode: "100644" },
      { oid: oid("6"), repoPath: "vendor/lib", path: "./vendor/lib", commit: oid("c"), date: "2026-01-03T00:00:00+00:00", mode: "160000" },
    ]);
  });

  it("reads empty output as no blobs", () => {
    expect(parseRawLog("")).toEqual([]);
  });
});
