// Tables through the built CLI: CSV/TSV exports (a key-named column, name/value
// rows), with `fix` advising rather than rewriting a data file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const [A, B, C] = [1, 2, 3].map((seed) => fakeToken(1600 + seed));

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  language: string;
  suggestion: { text: string; edits: unknown[] };
}

function scan(dir: string): { status: number; findings: JsonFinding[] } {
  const result = runCli(["scan", ".", "--format", "json", "--no-config"], dir);
  return { status: result.status, findings: (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings };
}

describe("token-guard scan on CSV and TSV files", () => {
  it("reports a key-named column's cells and a name/value row's value, each on its own line, and nothing in the traps", () => {
    const dir = makeTree({
      "exports/accounts.csv": `id,campaign,convoso_auth_token\n1,"sales, east",${A}\n2,renewals,\${CONVOSO_AUTH_TOKEN}\n3,test,your-token-here\n`,
      "exports/settings.tsv": `setting\tvalue\nregion\tus-east-1\nauth_token\t${B}\n`,
      "exports/checksums.csv": `name,sha256\nauth_token,9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n`,
      "exports/ids.csv": `env,auth_token\nprod,550e8400-e29b-41d4-a716-446655440000\n`,
    });
    const { status, findings } = scan(dir);
    expect(status).toBe(1);
    expect(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.language}`)).toEqual([
      "exports/accounts.csv:2:17 csv",
      "exports/settings.tsv:3:12 csv",
    ]);
  });

  it("advises instead of rewriting: the suggestion has no edits and `fix` leaves the file as it was", () => {
    const text = `key;value\n"CONVOSO_AUTH_TOKEN";"${C}"\n`;
    const dir = makeTree({ "seed/kv.csv": text });
    const [finding] = scan(dir).findings;
    expect(finding?.suggestion.edits).toEqual([]);
    expect(finding?.suggestion.text).toContain("CONVOSO_AUTH_TOKEN");
    const fixed = runCli(["fix", "--no-config"], dir);
    expect(fixed.stdout).toContain("seed/kv.csv:2:");
    expect(fixed.stdout).not.toContain(C);
    expect(readFileSync(join(dir, "seed/kv.csv"), "utf8")).toBe(text);
  });
});
