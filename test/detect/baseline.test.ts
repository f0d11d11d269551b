// The pure baseline: stable, diff-friendly text; matched by rule, file and salted
// hash (never line); unmatched entries listed; bad files explained.
import { describe, expect, it } from "vitest";
import { formatBaseline, parseBaseline } from "../../src/config/baseline-format.js";
import { applyBaseline, baselineHash, createBaseline, type Baseline } from "../../src/detect/baseline.js";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const SALT = "00112233445566778899aabbccddeeff";
const A = fakeToken(1);
const B = fakeToken(2);

function findingsOf(files: Record<string, string>) {
  return Object.entries(files).flatMap(([path, text]) => scanText(path, text));
}

describe("baseline", () => {
  it("records rule id, file and a salted hash, sorted, without duplicates or the value", () => {
    const findings = findingsOf({ "z.py": `auth_token = "${A}"\nAUTH_TOKEN = "${A}"\n`, "a.ts": `const authToken = "${B}";\n` });
    const baseline = createBaseline(findings, SALT);
    expect(baseline.entries.map((entry) => [entry.file, entry.ruleId])).toEqual([
      ["a.ts", "convoso-auth-token"],
      ["z.py", "convoso-auth-token"],
    ]);
    expect(baseline.entries[1]!.hash).toBe(baselineHash(SALT, findings[0]!.fingerprint));
    const text = formatBaseline(baseline);
    expect(text).not.toContain(A);
    expect(text).not.toContain(B);
    // The salt keeps the hash apart from the fingerprint that reports print.
    expect(text).not.toContain(findings[0]!.fingerprint);
  });

  it("writes the same text for the same findings in any order, one entry per line", () => {
    const findings = findingsOf({ "b.ts": `const authToken = "${A}";\n`, "a.ts": `const authToken = "${B}";\n` });
    const text = formatBaseline(createBaseline(findings, SALT));
    expect(formatBaseline(createBaseline([...findings].reverse(), SALT))).toBe(text);
    expect(text.split("\n").filter((line) => line.includes('"hash"'))).toHaveLength(2);
    expect(text.endsWith("}\n")).toBe(true);
    expect(parseBaseline(text)).toEqual(createBaseline(findings, SALT));
  });

  it("suppresses a known finding wherever it moved in its file, and keeps new ones", () => {
    const baseline = createBaseline(findingsOf({ "a.ts": `const authToken = "${A}";\n` }), SALT);
    const moved = findingsOf({ "a.ts": `// new header\n\n\nexport const authToken = "${A}";\nconst other = { authToken: "${B}" };\n` });
    const outcome = applyBaseline(moved, baseline);
    expect(outcome.suppressed).toBe(1);
    expect(outcome.kept.map((finding) => finding.redacted)).toEqual(findingsOf({ "x.ts": `const authToken = "${B}";\n` }).map((finding) => finding.redacted));
    expect(outcome.unmatched).toEqual([]);
  });

  it("does not accept a known token copied into another file", () => {
    const baseline = createBaseline(findingsOf({ "a.ts": `const authToken = "${A}";\n` }), SALT);
    const outcome = applyBaseline(findingsOf({ "b.ts": `const authToken = "${A}";\n` }), baseline);
    expect(outcome.kept).toHaveLength(1);
    expect(outcome.unmatched).toEqual(baseline.entries);
  });

  it("maps finding paths to the baseline's folder", () => {
    const findings = findingsOf({ "a.ts": `const authToken = "${A}";\n` });
    const baseline = createBaseline(findings, SALT, (path) => `sub/${path}`);
    expect(baseline.entries[0]!.file).toBe("sub/a.ts");
    expect(applyBaseline(findings, baseline, (path) => `sub/${path}`).suppressed).toBe(1);
    expect(applyBaseline(findings, baseline).suppressed).toBe(0);
  });

  it("explains a file that is not a baseline", () => {
    const good: Baseline = { version: 2, salt: SALT, entries: [] };
    expect(parseBaseline(formatBaseline(good))).toEqual(good);
    expect(parseBaseline("{")).toMatch(/^not JSON/);
    expect(parseBaseline("[]")).toBe("expected a JSON object");
    expect(parseBaseline(JSON.stringify({ ...good, version: 3 }))).toBe('"version" must be 2');
    expect(parseBaseline(JSON.stringify({ ...good, salt: "xyz" }))).toBe('"salt" must be a hex string');
    expect(parseBaseline(JSON.stringify({ ...good, entries: {} }))).toBe('"entries" must be an array');
    expect(parseBaseline(JSON.stringify({ ...good, entries: [{ ruleId: "r", file: "f" }] }))).toMatch(/^"entries\[0\]" must be/);
  });
});
