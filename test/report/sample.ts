// Hand-made findings and a report context for the formatter tests: fixed values,
// so a snapshot changes only when a formatter does, never with the detector.
import type { ReportContext, ReportedFinding } from "../../src/report/types.js";

export function sampleFinding(overrides: Partial<ReportedFinding> = {}): ReportedFinding {
  return {
    ruleId: "convoso-auth-token",
    path: "src/api/client.ts",
    start: 41,
    end: 73,
    line: 3,
    column: 20,
    endLine: 3,
    endColumn: 52,
    language: "typescript",
    context: "assignment",
    envVar: "CONVOSO_AUTH_TOKEN",
    redacted: "Fk3h****D5aE",
    fingerprint: "9f1c0e5d2b7a48c6a1e3f0d9b8c7a6e5",
    inComment: false,
    message: "Hardcoded Convoso API auth_token (Fk3h****D5aE): read CONVOSO_AUTH_TOKEN from the environment",
    suggestion: { text: "process.env.CONVOSO_AUTH_TOKEN", edits: [{ start: 40, end: 74, text: "process.env.CONVOSO_AUTH_TOKEN" }] },
    ...overrides,
  };
}

/** A finding from `scan --history`: committed, then deleted from the working tree. */
export function sampleHistoryFinding(): ReportedFinding {
  return sampleFinding({
    path: "scripts/sync leads.py",
    language: "python",
    line: 9,
    column: 15,
    endLine: 9,
    endColumn: 47,
    redacted: "Gh4J****d2Ef",
    fingerprint: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
    message: "Hardcoded Convoso API auth_token (Gh4J****d2Ef): read CONVOSO_AUTH_TOKEN from the environment",
    suggestion: { text: 'os.environ["CONVOSO_AUTH_TOKEN"]', edits: [] },
    commit: "3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39",
    date: "2026-01-01T00:00:00Z",
    removed: true,
  });
}

export function sampleContext(overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    stats: { filesListed: 3, filesScanned: 3, filesSkipped: {}, bytesScanned: 420, findings: 2, durationMs: 5 },
    mode: "files",
    color: false,
    version: "0.1.0",
    rules: [
      {
        id: "convoso-auth-token",
        description: "Hardcoded Convoso API auth_token",
        envVar: "CONVOSO_AUTH_TOKEN",
        docsUrl: "https://github.com/token-guard/token-guard/blob/main/rules/convoso-auth-token.md",
        revoke: "the Convoso dashboard (Settings > API Tokens)",
      },
    ],
    ...overrides,
  };
}
