// The held-out corpora (test/fixtures/corpora), scanned as the corpus kit's scorer
// does: the built CLI on a copy outside any git repository, findings counted by line.
// Each corpus must yield no false positive and miss exactly the positives listed here,
// so a regression and an improvement both show.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../support/cli.js";

interface Labelled {
  file: string;
  line: number;
  also?: number[];
  note?: string;
}

interface Expected {
  positives: Labelled[];
  unscored: Labelled[];
  traps: Labelled[];
}

/** The positives each corpus still misses, `file:line` with why. */
const KNOWN_MISSES: Record<string, Record<string, string>> = {
  "corpus-e": {
    "corpus/corpus-e1/crates/convoso-client/src/lib.rs:53": "Client::new(\"…\") of a type whose name does not name the provider (only its crate does)",
  },
  "corpus-f": {
    "corpus/corpus-f2/automation/apps-script/convoso-sheet-sync/Code.gs:37": "setProperty(AUTH_TOKEN_PROP, '…'): the key is a constant holding the name",
    "corpus/corpus-f2/infra/caddy/Caddyfile:19": "a Caddyfile directive (uri query +auth_token …): no Caddyfile front end",
    "corpus/corpus-f2/infra/caddy/Caddyfile:20": "the same directive commented out",
    "corpus/corpus-f2/orchestration/airflow/config/connections.json:7": "a connection's password field, sent as the token by hook code elsewhere",
  },
  "corpus-g": {
    "corpus/corpus-g1/ops/windows/Register-ConvosoSyncTask.ps1:9": "a token inside a -Argument string of a PowerShell command line, after -AuthToken",
    "corpus/corpus-g2/kong/plugins/convoso-auth/handler.lua:11": "a Lua table value in a Kong plugin's config schema",
    "corpus/corpus-g2/logs/lead-router/app-2025-06-02.log:4": "a form body in a DEBUG log line",
    "corpus/corpus-g2/ops/nginx/conf.d/convoso-proxy.conf:9": "an nginx map value: no nginx front end",
  },
  "corpus-e3": {
    "corpus/corpus-e3/slack-export/dialer-integrations/2025-02-11.json:13": "a token pasted in chat prose, with no name and no parameter",
  },
};

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

function score(name: string): { misses: string[]; falsePositives: string[] } {
  const source = join(REPO_ROOT, "test/fixtures/corpora", name);
  const copy = mkdtempSync(join(tmpdir(), "token-guard-corpus-"));
  copies.push(copy);
  cpSync(join(source, "corpus"), join(copy, "corpus"), { recursive: true });
  const result = runCli(["scan", "corpus", "--format", "json", "--no-config"], copy);
  expect(result.status, result.stderr).toBe(1);
  const findings = (JSON.parse(result.stdout) as { findings: { file: string; line: number }[] }).findings;
  const expected = JSON.parse(readFileSync(join(source, "expected.json"), "utf8")) as Expected;
  const lines = new Set(findings.map((finding) => `${finding.file}:${finding.line}`));
  const counted = new Set<string>();
  const misses: string[] = [];
  for (const positive of expected.positives) {
    const keys = [positive.line, ...(positive.also ?? [])].map((line) => `${positive.file}:${line}`);
    for (const key of keys) counted.add(key);
    if (!keys.some((key) => lines.has(key))) misses.push(`${positive.file}:${positive.line}`);
  }
  for (const unscored of expected.unscored) counted.add(`${unscored.file}:${unscored.line}`);
  const falsePositives = [...lines].filter((key) => !counted.has(key));
  return { misses, falsePositives };
}

describe("held-out corpora", () => {
  for (const [name, known] of Object.entries(KNOWN_MISSES)) {
    it(`${name}: no false positive, and only the known misses`, () => {
      const { misses, falsePositives } = score(name);
      expect(falsePositives).toEqual([]);
      expect(misses.sort()).toEqual(Object.keys(known).sort());
    });
  }
});
