// CI output through the built CLI: --format sarif and github on real files, and --exit-zero.
import { describe, expect, it } from "vitest";
import { makeTree, runCli } from "../support/cli.js";
import { sarifSchemaErrors } from "../support/sarif-schema.js";
import { fakeToken } from "../support/tokens.js";
import { typeScriptEnvLookup } from "../../src/languages/javascript/replacement.js";

const TOKEN = fakeToken(700);
const OTHER = fakeToken(701);
const tree = () =>
  makeTree({
    "src/api client.ts": `// client\nexport const authToken = "${TOKEN}";\n`,
    "scripts/sync.sh": `curl -d "auth_token=${OTHER}" https://api.convoso.com/v1/campaigns/search\n`,
    "clean.py": "import os\n",
  });

describe("--format sarif", () => {
  it("writes valid SARIF 2.1.0 whose fingerprints and locations match the JSON report, without the tokens", () => {
    const dir = tree();
    const sarif = runCli(["scan", "--format", "sarif"], dir);
    expect(sarif.status).toBe(1);
    expect(sarifSchemaErrors(sarif.stdout)).toEqual([]);
    for (const token of [TOKEN, OTHER]) expect(sarif.stdout).not.toContain(token);
    const json = JSON.parse(runCli(["scan", "--format", "json"], dir).stdout) as { findings: { file: string; line: number; column: number; fingerprint: string }[] };
    const log = JSON.parse(sarif.stdout) as {
      runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    const results = log.runs[0]!.results.map((result) => {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      return [decodeURIComponent(artifactLocation.uri), artifactLocation.uriBaseId, region.startLine, region.startColumn, Object.values(result.partialFingerprints)[0]];
    });
    expect(results).toEqual(json.findings.map((finding) => [finding.file, "%SRCROOT%", finding.line, finding.column, finding.fingerprint]));
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe("scripts/sync.sh");
  });

  it("is valid with no findings", () => {
    const result = runCli(["scan", "--format", "sarif"], makeTree({ "a.ts": "export {};\n" }));
    expect(result.status).toBe(0);
    expect(sarifSchemaErrors(result.stdout)).toEqual([]);
  });
});

describe("--format github", () => {
  it("prints one ::error command per finding with the suggestion, and never the token", () => {
    const result = runCli(["scan", "--format", "github"], tree());
    expect(result.status).toBe(1);
    const errors = result.stdout.split("\n").filter((line) => line.startsWith("::error "));
    expect(errors).toHaveLength(2);
    expect(errors[1]).toMatch(/^::error file=src\/api client\.ts,line=2,col=27,endLine=2,endColumn=\d+,title=Hardcoded Convoso API auth_token \(convoso-auth-token\)::.*%0Asuggestion: /);
    // TypeScript's read stays `string` under strict (test/cli/fix-strict-typescript.test.ts).
    expect(errors[1]!.endsWith(`%0Asuggestion: ${typeScriptEnvLookup("CONVOSO_AUTH_TOKEN")}`)).toBe(true);
    for (const token of [TOKEN, OTHER]) expect(result.stdout).not.toContain(token);
  });
});

describe("--exit-zero", () => {
  it("reports findings but exits 0", () => {
    const result = runCli(["scan", "--exit-zero"], tree());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("2 hardcoded tokens in 2 files");
  });

  it("still exits 2 on a usage error", () => {
    expect(runCli(["scan", "--exit-zero", "--format", "xml"], tree()).status).toBe(2);
  });
});
