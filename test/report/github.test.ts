// formatGithub: workflow-command output and GitHub's escaping rules for data and properties.
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithub } from "../../src/report/github.js";
import { sampleContext, sampleFinding, sampleHistoryFinding } from "./sample.js";

describe("formatGithub", () => {
  it("matches the snapshot", () => {
    const context = sampleContext({
      stats: {
        ...sampleContext().stats,
        baseline: { file: ".token-guard-baseline.json", suppressed: 2, stale: [{ ruleId: "convoso-auth-token", file: "old.py", hash: "00112233445566778899aabbccddeeff" }] },
      },
    });
    expect(formatGithub([sampleFinding(), sampleHistoryFinding()], context)).toBe(
      [
        "::error file=src/api/client.ts,line=3,col=20,endLine=3,endColumn=52,title=Hardcoded Convoso API auth_token (convoso-auth-token)::Hardcoded Convoso API auth_token (Fk3h****D5aE): read CONVOSO_AUTH_TOKEN from the environment%0Asuggestion: process.env.CONVOSO_AUTH_TOKEN",
        '::error file=scripts/sync leads.py,line=9,col=15,endLine=9,endColumn=47,title=Hardcoded Convoso API auth_token (convoso-auth-token)::Hardcoded Convoso API auth_token (Gh4J****d2Ef): read CONVOSO_AUTH_TOKEN from the environment%0Asuggestion: os.environ["CONVOSO_AUTH_TOKEN"]%0Acommitted in 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39 (2026-01-01T00:00:00Z) and since removed, but still in git history: revoke it in the Convoso dashboard (Settings > API Tokens); deleting it is not enough',
        "::warning title=stale baseline entry::the baseline accepts a convoso-auth-token finding in old.py that is gone: run `token-guard baseline` to drop the entry",
        "token-guard: 2 hardcoded tokens (3 files scanned; 2 known in .token-guard-baseline.json not reported)",
        "",
      ].join("\n"),
    );
  });

  it("prints only the summary when there is nothing to report", () => {
    expect(formatGithub([], sampleContext())).toBe("token-guard: 0 hardcoded tokens (3 files scanned)\n");
  });

  it("escapes %, CR and LF in data", () => {
    expect(escapeData("100% done\r\nnext: a,b")).toBe("100%25 done%0D%0Anext: a,b");
  });

  it("escapes %, CR, LF, : and , in properties", () => {
    expect(escapeProperty("C:\\dir,1/50%\nx")).toBe("C%3A\\dir%2C1/50%25%0Ax");
  });

  it("escapes a file name and message that would otherwise end the command early", () => {
    const finding = sampleFinding({ path: "a,b:c%d.ts", message: "line one\nline two: 100%" });
    const [line] = formatGithub([finding], sampleContext()).split("\n");
    expect(line).toMatch(/^::error file=a%2Cb%3Ac%25d\.ts,line=3,/);
    expect(line).toMatch(/::line one%0Aline two: 100%25%0Asuggestion: /);
    // One command per finding: nothing the data held may start a new line.
    expect(line).not.toMatch(/[\r\n]/);
  });
});
