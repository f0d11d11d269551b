// A new user's first day on a repository with an old leak in its history and a
// current one in its working tree: baseline, history scan, SARIF for code scanning.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { git, makeRepo, runCli, writeFiles } from "../support/cli.js";
import { sarifSchemaErrors } from "../support/sarif-schema.js";
import { fakeToken } from "../support/tokens.js";

const OLD = fakeToken(800);
const CURRENT = fakeToken(801);

it("adopts the present leak, finds the old one with its commit, and writes valid SARIF", () => {
  const repo = makeRepo({ "scripts/sync.py": `import requests\nauth_token = "${OLD}"\n` });
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "--no-verify", "-m", "sync script");
  const leakCommit = git(repo, "rev-parse", "HEAD").trim();
  writeFileSync(join(repo, "scripts/sync.py"), 'import os\nauth_token = os.environ["CONVOSO_AUTH_TOKEN"]\n');
  writeFiles(repo, { "src/client.ts": `export const authToken = "${CURRENT}";\n` });
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "--no-verify", "-m", "client; sync reads the environment");

  expect(runCli(["scan"], repo).status).toBe(1);
  expect(runCli(["baseline"], repo).status).toBe(0);
  expect(runCli(["scan"], repo).status).toBe(0);

  const history = runCli(["scan", "--history", "--format", "json"], repo);
  expect(history.status).toBe(1);
  const findings = (JSON.parse(history.stdout) as { findings: { file: string; commit: string; removed: boolean }[] }).findings;
  expect(findings.map((finding) => [finding.file, finding.commit, finding.removed])).toEqual([["scripts/sync.py", leakCommit, true]]);

  // With the baseline ignored, history holds both tokens; the log code scanning would load:
  const text = runCli(["scan", "--no-baseline", "--history", "--format", "sarif"], repo).stdout;
  expect((JSON.parse(text) as { runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(2);
  expect(sarifSchemaErrors(text)).toEqual([]);
  for (const token of [OLD, CURRENT]) expect(text).not.toContain(token);
});
