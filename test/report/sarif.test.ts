// formatSarif: a snapshot, validity against the official SARIF 2.1.0 schema, and
// the fields code scanning reads (rules, locations, partialFingerprints).
import { describe, expect, it } from "vitest";
import { FINGERPRINT_KEY, formatSarif } from "../../src/report/sarif.js";
import { sarifSchemaErrors } from "../support/sarif-schema.js";
import { sampleContext, sampleFinding, sampleHistoryFinding } from "./sample.js";

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] } };
    results: Record<string, unknown>[];
  }[];
}

function parse(text: string): SarifLog {
  return JSON.parse(text) as SarifLog;
}

describe("formatSarif", () => {
  it("matches the snapshot", async () => {
    const text = formatSarif([sampleFinding(), sampleHistoryFinding()], sampleContext({ mode: "history" }));
    await expect(text).toMatchFileSnapshot("__snapshots__/sarif.sarif.json");
  });

  it.each([
    ["no findings", []],
    ["a finding with fixes", [sampleFinding()]],
    ["a history finding", [sampleHistoryFinding()]],
    ["odd file names", [sampleFinding({ path: "dir with space/ünï cödé/#hash%.ts" }), sampleFinding({ path: "../outside/a.ts" })]],
    ["a finding still in the working tree", [{ ...sampleHistoryFinding(), removed: false }]],
  ])("validates against the official SARIF 2.1.0 schema: %s", (_name, findings) => {
    expect(sarifSchemaErrors(formatSarif(findings, sampleContext()))).toEqual([]);
  });

  it("describes each rule with the env-var remediation and the revoke step, and links its doc", () => {
    const [run] = parse(formatSarif([], sampleContext())).runs;
    expect(run!.tool.driver).toMatchObject({ name: "token-guard", version: "0.1.0", informationUri: "https://github.com/token-guard/token-guard" });
    const [rule] = run!.tool.driver.rules;
    expect(rule).toMatchObject({
      id: "convoso-auth-token",
      shortDescription: { text: "Hardcoded Convoso API auth_token" },
      helpUri: "https://github.com/token-guard/token-guard/blob/main/rules/convoso-auth-token.md",
      defaultConfiguration: { level: "error" },
    });
    const help = rule!.help as { text: string; markdown: string };
    for (const text of [help.text, help.markdown]) {
      expect(text).toContain("process.env.CONVOSO_AUTH_TOKEN");
      expect(text).toContain('os.environ["CONVOSO_AUTH_TOKEN"]');
      expect(text).toContain("the Convoso dashboard (Settings > API Tokens)");
    }
  });

  it("leaves out helpUri when a custom rule has no absolute docs URL, and stays valid", () => {
    const context = sampleContext({ rules: [{ id: "acme-api-key", description: "Hardcoded ACME API key", envVar: "ACME_API_KEY", docsUrl: "" }] });
    const text = formatSarif([sampleFinding({ ruleId: "acme-api-key", envVar: "ACME_API_KEY" })], context);
    expect(parse(text).runs[0]!.tool.driver.rules[0]).not.toHaveProperty("helpUri");
    expect(sarifSchemaErrors(text)).toEqual([]);
  });

  it("gives each result its rule, an error level, a relative %SRCROOT% location and the fingerprint", () => {
    const [result] = parse(formatSarif([sampleFinding({ path: "dir with space/a.ts" })], sampleContext())).runs[0]!.results;
    expect(result).toMatchObject({
      ruleId: "convoso-auth-token",
      ruleIndex: 0,
      level: "error",
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "dir%20with%20space/a.ts", uriBaseId: "%SRCROOT%" },
            region: { startLine: 3, startColumn: 20, endLine: 3, endColumn: 52 },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: "9f1c0e5d2b7a48c6a1e3f0d9b8c7a6e5" },
    });
    expect((result!.message as { text: string }).text).toContain("suggestion: process.env.CONVOSO_AUTH_TOKEN");
  });

  it("carries a history finding's commit, date and revoke note, and no fix", () => {
    const [result] = parse(formatSarif([sampleHistoryFinding()], sampleContext({ mode: "history" }))).runs[0]!.results;
    expect(result).not.toHaveProperty("fixes");
    expect(result!.properties).toMatchObject({ commit: "3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39", date: "2026-01-01T00:00:00Z", removed: true });
    expect((result!.message as { text: string }).text).toContain("revoke it in the Convoso dashboard");
  });
});
