// Name/value records and the data file types through the built CLI: HAR captures
// (read as JSON), Terraform (`.tf`, `.tfvars`), Kubernetes env lists; `fix` leaves
// them as advice that names the way the tool reads the value (TF_VAR_…).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const [A, B, C, D, E] = [1, 2, 3, 4, 5].map((seed) => fakeToken(900 + seed));

const FILES: Record<string, string> = {
  "captures/leads.har": `{ "log": { "entries": [ { "request": {\n  "url": "https://api.convoso.com/v1/leads/search",\n  "headers": [ { "name": "X-XSRF-TOKEN", "value": "${E}" } ],\n  "queryString": [\n    {\n      "name": "auth_token",\n      "value": "${A}"\n    }\n  ]\n} } ] } }\n`,
  "infra/variables.tf": `# Convoso dialer\nvariable "convoso_auth_token" {\n  description = "API token"\n  default     = "${B}"\n}\n\nvariable "convoso_region" {\n  default = "us"\n}\n`,
  "infra/prod.tfvars": `convoso_auth_token = "${C}"\nconvoso_auth_token_ttl = 3600\n`,
  "k8s/deploy.yaml": `env:\n  - name: CONVOSO_AUTH_TOKEN\n    value: "${D}"\n  - name: CONVOSO_AUTH_TOKEN_FILE\n    value: /run/secrets/convoso\n`,
};

interface Finding {
  file: string;
  line: number;
  language: string;
  suggestion: { text: string; edits: unknown[] };
}

describe("token-guard scan on data files", () => {
  it("reports each record's value on its own line, with the language and advice of its file type", () => {
    const dir = makeTree(FILES);
    const result = runCli(["scan", ".", "--format", "json", "--no-config"], dir);
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.language}`)).toEqual([
      "captures/leads.har:7 json",
      "infra/prod.tfvars:1 hcl",
      "infra/variables.tf:4 hcl",
      "k8s/deploy.yaml:3 yaml",
    ]);
    const advice = Object.fromEntries(findings.map((finding) => [finding.file, finding.suggestion.text]));
    expect(advice["infra/variables.tf"]).toContain('declare variable "convoso_auth_token" with no default');
    expect(advice["infra/variables.tf"]).toContain("TF_VAR_convoso_auth_token");
    expect(advice["infra/prod.tfvars"]).toContain("delete this line and set TF_VAR_convoso_auth_token");
  });

  it("fix leaves them as advice and rewrites nothing", () => {
    const dir = makeTree(FILES);
    const result = runCli(["fix", "--no-config"], dir);
    expect(result.stdout).toContain("TF_VAR_convoso_auth_token");
    for (const [path, text] of Object.entries(FILES)) expect(readFileSync(join(dir, path), "utf8")).toBe(text);
  });
});
