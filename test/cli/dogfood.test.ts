// This repository scans clean with its own config: fixtures and the demo hold
// fake tokens on purpose and are excluded there, and rule samples carry ignore markers.
import { expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../support/cli.js";

it("token-guard scan . is clean on token-guard itself", () => {
  const result = runCli(["scan", ".", "--format", "json"], REPO_ROOT);
  const report = JSON.parse(result.stdout) as { findings: { file: string; line: number }[] };
  expect(report.findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual([]);
  expect(result.status).toBe(0);
});
