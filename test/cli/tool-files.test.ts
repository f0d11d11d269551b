// The shapes corpus B missed, through the built CLI: tools' own files (SQL seeds,
// justfiles, Taskfiles, fish, kustomize patches, pytest-env), records with
// derived field names, and flow through selectors and positional constructors;
// `fix --dry-run` gives each a replacement or advice, and leaves the justfile parseable.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const [A, B, C, D, E, F, G, H, R] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((seed) => fakeToken(15_600 + seed));

const FILES: Record<string, string> = {
  "db/seed.sql": `INSERT INTO accounts (slug, auth_token) VALUES ('north', '${A}'), ('south', NULL);\n`,
  justfile: `token := env_var_or_default("CONVOSO_AUTH_TOKEN", "${B}")\n\nping:\n    curl -d "auth_token={{token}}" https://api.convoso.com/v1/users/search\n`,
  "Taskfile.yml": `version: '3'\nenv:\n  AUTH_TOKEN: '{{.AUTH_TOKEN | default "${C}"}}'\n`,
  "conf.d/dialer.fish": `set -gx CONVOSO_AUTH_TOKEN ${D}\n`,
  "overlays/qa/kustomization.yaml": `patches:\n  - patch: |-\n      - op: add\n        path: /spec/template/spec/containers/0/env/-\n        value: { name: AUTH_TOKEN, value: "${E}" }\n`,
  "pyproject.toml": `# convoso jobs\n[tool.pytest.ini_options]\nenv = ["R:CONVOSO_QA_TOKEN=${F}", "CONVOSO_TIMEOUT=30"]\n`,
  "jobs/gateway.py": `@dataclass\nclass Gateway:\n    auth_token: str\n\nqa = Gateway("${G}")\nTEST_AUTH_TOKEN = "test-token-1234abcd"\n`,
  "ops/Seed.ps1": `$rows = @(\n  [pscustomobject]@{ Name = 'auth_token'; Value = '${H}' }\n  [pscustomobject]@{ Name = 'list_id'; Value = '${R}' }\n)\n`,
};

interface Finding {
  file: string;
  line: number;
  language: string;
  suggestion: { text: string; edits: unknown[] };
}

describe("token-guard scan on tools' files and the shapes corpus B missed", () => {
  it("reports each value on its line with its file's language", () => {
    const dir = makeTree(FILES);
    const result = runCli(["scan", ".", "--format", "json", "--no-config"], dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.language}`)).toEqual([
      "Taskfile.yml:3 yaml",
      "conf.d/dialer.fish:1 shell",
      "db/seed.sql:1 sql",
      "jobs/gateway.py:5 python",
      "justfile:1 just",
      "ops/Seed.ps1:2 powershell",
      "overlays/qa/kustomization.yaml:5 yaml",
      "pyproject.toml:3 toml",
    ]);
    const advice = Object.fromEntries(findings.map((finding) => [finding.file, finding.suggestion.text]));
    expect(advice["db/seed.sql"]).toContain("psql -v CONVOSO_AUTH_TOKEN=");
    expect(advice.justfile).toBe("env_var('CONVOSO_AUTH_TOKEN')");
  });

  it("fix rewrites the justfile's fallback call into env_var and keeps the recipe", () => {
    const dir = makeTree({ justfile: FILES.justfile! });
    const result = runCli(["fix", ".", "--no-config"], dir);
    expect(result.stderr).toBe("");
    expect(readFileSync(join(dir, "justfile"), "utf8")).toBe(`token := env_var('CONVOSO_AUTH_TOKEN')\n\nping:\n    curl -d "auth_token={{token}}" https://api.convoso.com/v1/users/search\n`);
  });
});
