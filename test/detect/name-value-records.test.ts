// Name/value records in data (src/detect/name-value-records.ts): a record whose
// name-like field holds a key name binds its value-like field's literal, in any
// order, across lines, past nested records; and never a value of another record.
import { describe, expect, it } from "vitest";
import { NameValueRecords, type RecordLayout } from "../../src/detect/name-value-records.js";
import { lexJavaScript } from "../../src/languages/shared/script-lexer.js";
import type { LexResult } from "../../src/languages/shared/tokens.js";
import { lexYaml } from "../../src/languages/yaml/lexer.js";
import { countingText } from "../languages/lex-helpers.js";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(700);
const U = fakeToken(701);

/** `line:column` of each finding, 1-based. */
function found(path: string, text: string): string[] {
  return scanText(path, text).map((finding) => `${finding.line}:${finding.column}`);
}

/** Where `needle` starts in `text`, as `line:column`. */
function at(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset).split("\n");
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe("name/value records: positives", () => {
  it("an Insomnia request's parameters: a non-key `id` first, the key in `name`, the value lines below", () => {
    const text = `{\n  "_type": "request",\n  "parameters": [\n    {\n      "id": "pair_8f2c",\n      "name": "auth_token",\n      "description": "",\n      "value": "${T}",\n      "disabled": false\n    }\n  ]\n}\n`;
    expect(found("insomnia-export.json", text)).toEqual([at(text, T)]);
  });

  it("a Postman environment: the value before the key, with a nested record between them", () => {
    const text = `{ "values": [\n  {\n    "value": "${T}",\n    "meta": { "source": "vault", "tags": ["prod", "dialer"] },\n    "key": "convoso_auth_token",\n    "enabled": true\n  }\n] }\n`;
    expect(found("dialer.postman_environment.json", text)).toEqual([at(text, T)]);
  });

  it("YAML sequences of mappings: Azure Pipelines variables and a CI step's `with:`", () => {
    const text = `variables:\n  - name: BUILD_FLAVOR\n    value: release\n  - value: ${T}\n    name: CONVOSO_AUTH_TOKEN\nsteps:\n  - uses: acme/put-parameter@v3\n    with:\n      key: CONVOSO_AUTH_TOKEN\n      value: "${U}"\n`;
    expect(found("azure-pipelines.yml", text)).toEqual([at(text, T), at(text, `"${U}`).replace(/:(\d+)$/, (_, c: string) => `:${Number(c) + 1}`)]);
  });

  it("keyword arguments in Python and a PHP array, with `val` and `param` as the fields", () => {
    const python = `from httpx import QueryParams\nparams = [\n    Param(\n        key="X-Auth-Token",\n        val="${T}",\n    ),\n]\n`;
    expect(found("client.py", python)).toEqual([at(python, T)]);
    const php = `<?php\nreturn [\n    'query' => [\n        ['val' => '${T}', 'param' => 'auth_token'],\n    ],\n];\n`;
    expect(found("config/dialer.php", php)).toEqual([at(php, T)]);
  });

  it("TOML: an array of inline tables, and each `[[table]]` a record up to the next header", () => {
    const inline = `[request]\nparams = [\n  { name = "auth_token", value = "${T}" },\n]\n`;
    expect(found("request.toml", inline)).toEqual([at(inline, T)]);
    const tables = `[[job.params]]\nvalue = "${T}"\ntags = ["a", "b"]\nkey = "auth_token"\n\n[[job.params]]\nkey = "campaign_id"\nvalue = "${U}"\n`;
    expect(found("jobs.toml", tables)).toEqual([at(tables, T)]);
  });

  it("Terraform: a variable's default under its label, an SSM parameter named by its path", () => {
    const text = `variable "convoso_auth_token" {\n  type      = string\n  sensitive = true\n  default   = "${T}"\n}\n\nresource "aws_ssm_parameter" "dialer" {\n  name  = "/dialer/prod/CONVOSO_AUTH_TOKEN"\n  type  = "SecureString"\n  value = "${U}"\n}\n`;
    expect(found("main.tf", text)).toEqual([at(text, T), at(text, U)]);
  });
});

describe("name/value records: negatives that look like positives", () => {
  it("placeholders, CI secrets and variables as the value", () => {
    const text = `{ "query": [\n  { "key": "auth_token", "value": "{{convoso_auth_token}}" },\n  { "key": "auth_token", "value": "\${{ secrets.CONVOSO_AUTH_TOKEN }}" },\n  { "key": "auth_token", "value": "$(CONVOSO_AUTH_TOKEN)" },\n  { "key": "auth_token", "value": "<your auth token>" }\n] }\n`;
    expect(found("collection.json", text)).toEqual([]);
  });

  it("a value in another record: a sibling, a nested record, a mapping after the record closed", () => {
    const json = `[\n  { "name": "auth_token", "in": "query" },\n  { "name": "campaign_id", "value": "${T}" },\n  { "name": "auth_token", "schema": { "default": "${U}" } }\n]\n`;
    expect(found("openapi-params.json", json)).toEqual([]);
    const yaml = `env:\n  - name: CONVOSO_AUTH_TOKEN\n    valueFrom:\n      secretKeyRef:\n        name: convoso\n        key: auth_token\n  - name: SESSION_SALT\n    value: ${T}\nparams:\n  name: auth_token\nother:\n  value: ${U}\n`;
    expect(found("deployment.yaml", yaml)).toEqual([]);
  });

  it("names that are not the key: auth_token_ttl, auth_token_url, a CSRF header in a capture of the provider's API", () => {
    const text = `{ "url": "https://api.convoso.com/v1/leads", "headers": [\n  { "name": "X-CSRF-Token", "value": "${T}" },\n  { "name": "auth_token_url", "value": "${U}" },\n  { "name": "auth_token_ttl", "value": "3600" }\n] }\n`;
    expect(found("capture.har", text)).toEqual([]);
  });

  it("Terraform inputs without a literal: no default, a reference, an interpolation, a variable read", () => {
    const text = `variable "convoso_auth_token" {\n  type      = string\n  sensitive = true\n}\n\nresource "aws_ssm_parameter" "dialer" {\n  name  = "/dialer/prod/CONVOSO_AUTH_TOKEN"\n  value = var.convoso_auth_token\n}\n\nresource "aws_ssm_parameter" "copy" {\n  name  = "convoso_auth_token"\n  value = "\${data.aws_secretsmanager_secret_version.convoso.secret_string}"\n}\n`;
    expect(found("main.tf", text)).toEqual([]);
  });

  it("TOML: a value under the next table header belongs to that table", () => {
    const text = `[[job.params]]\nkey = "auth_token"\nsource = "env"\n\n[[job.params]]\nkey = "campaign_id"\nvalue = "${T}"\n`;
    expect(found("jobs.toml", text)).toEqual([]);
  });

  it("a statement is no record field: `const name = …` then `const value = …` in one block", () => {
    const text = `function build() {\n  const name = "auth_token";\n  const value = "${T}";\n  return { [name]: lookup(value) };\n}\n`;
    expect(found("build.js", text)).toEqual([]);
  });
});

describe("name/value records: cost", () => {
  /** Text reads and reader calls per token of the records alone, over `text` lexed as `language`. */
  function operationsPerToken(text: string, layout: RecordLayout, lex: (text: string) => LexResult): number {
    const code = lex(text).tokens.filter((token) => token.kind !== "comment");
    const counted = countingText(text);
    let calls = 0;
    const reader = {
      fieldName: (index: number) => (calls++, code[index]?.kind === "identifier" ? "name" : undefined),
      keyAt: (index: number) => (calls++, index % 3 === 0 ? "key" : undefined),
    };
    const records = new NameValueRecords(code, counted.text, layout, reader, () => calls++);
    for (let index = 0; index < code.length; index++) records.visit(index);
    return (counted.reads() + calls) / code.length;
  }

  it("stays linear on deep nesting, stray closers and long indented lists", () => {
    const brackets = (n: number) => `${"{ name: a, value: b, ".repeat(n)}${")]>".repeat(n)}${"}".repeat(n)}`;
    const indented = (n: number) => Array.from({ length: n }, (_, i) => `${" ".repeat((i % 40) * 2)}- name: a${i}\n${" ".repeat((i % 40) * 2 + 2)}value: b\n`).join("");
    const flat = { indented: false, blockLabels: true, tables: true };
    const yaml = { indented: true, blockLabels: false, tables: false };
    const lexJs = (text: string) => lexJavaScript(text);
    const lexYamlText = (text: string) => lexYaml(text);
    expect(operationsPerToken(brackets(20_000), flat, lexJs)).toBeLessThan(operationsPerToken(brackets(2_000), flat, lexJs) * 1.2 + 1);
    expect(operationsPerToken(indented(20_000), yaml, lexYamlText)).toBeLessThan(operationsPerToken(indented(2_000), yaml, lexYamlText) * 1.2 + 1);
    expect(operationsPerToken(indented(20_000), yaml, lexYamlText)).toBeLessThan(40);
  });
});
