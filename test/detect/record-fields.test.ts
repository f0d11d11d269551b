// Name/value records whose fields are named by principle, not by list: any
// `<something>_name` / `<something>_value` pair (and `key`, `id`, `path`,
// `parameter` as names), a record labelled by the field it is the value of
// (`K: { value: … }`, and YAML's `K:` with the mapping indented below), and
// PowerShell's `@{ Name = …; Value = … }`.
import { describe, expect, it } from "vitest";
import { fieldRole } from "../../src/detect/name-value-records.js";
import { foundLines } from "../support/lines.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(15_101);
const U = fakeToken(15_102);
/** Random-looking, but under no key. */
const R = fakeToken(15_103);

describe("field roles by their last word", () => {
  it.each([
    ["ParameterKey", "name"],
    ["header_name", "name"],
    ["envName", "name"],
    ["json_path", "name"],
    ["ParameterValue", "value"],
    ["secret_value", "value"],
    ["useValue", "value"],
    ["defaultvalue", "value"],
    ["hash_value", null],
    ["page_id", null],
    ["description", null],
    ["values", null],
  ])("%s is a %s field", (field, role) => {
    expect(fieldRole(field)).toBe(role);
  });
});

describe("records with derived field names", () => {
  it("CloudFormation parameter lists, one found and its look-alikes not", () => {
    const lines = [
      `[`,
      `  { "ParameterKey": "DialerAuthToken", "ParameterValue": "${T}" },`,
      `  { "ParameterKey": "DialerAuthTokenTtl", "ParameterValue": "${R}" },`,
      `  { "ParameterKey": "Region", "ParameterValue": "${R}" }`,
      `]`,
    ];
    expect(foundLines("stack-params.json", lines)).toEqual([2]);
  });

  it("a header_name/header_value pair across lines, and a hash_value beside a key name", () => {
    const lines = [`proxy:`, `  inject:`, `    - header_name: X-Auth-Token`, `      note: rotated monthly`, `      header_value: ${T}`, `    - header_name: X-Auth-Token`, `      hash_value: ${R}`];
    expect(foundLines("gateway.yaml", lines)).toEqual([5]);
  });

  it("a JSON patch whose path ends in the key", () => {
    const lines = [`[`, `  { "op": "replace", "path": "/settings/dialer/auth_token", "value": "${T}" },`, `  { "op": "replace", "path": "/settings/dialer/auth_token_url", "value": "${R}" }`, `]`];
    expect(foundLines("patch.json", lines)).toEqual([2]);
  });
});

describe("records labelled by the field they are the value of", () => {
  it("a YAML key with its mapping indented below: found; a sibling or a non-key parent: not", () => {
    const lines = [
      `params:`,
      `  auth_token:`,
      `    default: "${T}"`,
      `    required: false`,
      `  region:`,
      `    default: "${R}"`,
      `  auth_token_file:`,
      `    value: "${R}"`,
      `  authToken:`,
      `  value: "${R}"`,
    ];
    expect(foundLines("release.yml", lines)).toEqual([3]);
  });

  it("a bracketed record after a key name (JSON, a JS object), not after another name", () => {
    const json = [`{`, `  "CONVOSO_AUTH_TOKEN": { "value": "${T}", "sensitive": true },`, `  "CONVOSO_AUTH_TOKEN_TTL": { "value": "${R}" }`, `}`];
    expect(foundLines("tfvars.json", json)).toEqual([2]);
    const js = [`export const inputs = {`, `  authToken: { type: "string", default: "${U}" },`, `  cursor: { type: "string", default: "${R}" },`, `};`];
    expect(foundLines("action-inputs.js", js)).toEqual([2]);
  });

  it("PowerShell hashtables as records: `@{ Key = …; Value = … }`", () => {
    const lines = [`$pairs = @(`, `  @{ Key = 'AuthToken'; Value = '${T}' }`, `  @{ Key = 'Campaign'; Value = '${R}' }`, `)`];
    expect(foundLines("Seed-Dialer.ps1", lines)).toEqual([2]);
  });
});
