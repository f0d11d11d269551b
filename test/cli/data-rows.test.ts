// Name/value records stored as table rows, through the built CLI: SQL VALUES
// lists and UPDATE … WHERE name = 'key'; Terraform state read as JSON.
import { describe, expect, it } from "vitest";
import { makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const [A, B, C] = [1, 2, 3].map((seed) => fakeToken(940 + seed));

describe("token-guard scan on name/value rows", () => {
  it("reports the value cell of the key's row and the UPDATE's value, not the digest row", () => {
    const dir = makeTree({
      "db/seed.sql": `INSERT INTO kv (id, name, value) VALUES\n  (1, 'region', 'us'),\n  (2, 'convoso_auth_token', '${A}');\nINSERT INTO kv_digest (name, sha1) VALUES ('convoso_auth_token', 'da39a3ee5e6b4b0d3255bfef95601890afd80709');\nUPDATE kv SET value = '${B}' WHERE name = 'convoso_auth_token';\n`,
    });
    const result = runCli(["scan", ".", "--format", "json", "--no-config"], dir);
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: { file: string; line: number }[] }).findings;
    expect(findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual(["db/seed.sql:3", "db/seed.sql:5"]);
  });

  it("reads Terraform state backups as JSON: the named resource's secret attribute", () => {
    const dir = makeTree({
      "infra/prod.tfstate.backup": `{\n  "resources": [\n    { "name": "convoso_auth_token", "instances": [ { "attributes": {\n      "id": "arn:aws:secretsmanager:us-east-1:1:secret:x",\n      "secret_string": "${C}"\n    } } ] }\n  ]\n}\n`,
    });
    const result = runCli(["scan", ".", "--format", "json", "--no-config"], dir);
    const findings = (JSON.parse(result.stdout) as { findings: { file: string; line: number; language: string }[] }).findings;
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.language}`)).toEqual(["infra/prod.tfstate.backup:5 json"]);
  });
});
