// The JSON Schema shipped for editors (schema/token-guard.config.schema.json)
// and the validator the CLI and ESLint run must agree: every sample config is
// accepted by both or refused by both.

import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { builtinRuleIds } from "../../src/catalog.js";
import { validateConfig } from "../../src/config/validate-config.js";
import packageJson from "../../package.json" with { type: "json" };

const SCHEMA = JSON.parse(readFileSync(new URL("../../schema/token-guard.config.schema.json", import.meta.url), "utf8")) as Record<string, unknown>;
const schemaAccepts = new Ajv({ allErrors: true }).compile(SCHEMA);

function validatorAccepts(config: unknown): boolean {
  try {
    validateConfig(config, "sample", builtinRuleIds);
    return true;
  } catch {
    return false;
  }
}

const RULE = { id: "acme-api-key", description: "Acme API key", keyNames: ["acme_api_key"], envVar: "ACME_API_KEY" };

const VALID: [string, unknown][] = [
  ["empty", {}],
  ["$schema for editors", { $schema: "./node_modules/token-guard/schema/token-guard.config.schema.json" }],
  ["the README's example", { ignore: ["test/fixtures", "examples"], rules: { "convoso-auth-token": { envVar: "CONVOSO_AUTH_TOKEN", minLength: 12 } }, placeholders: ["our-sandbox-token-1"], minLength: 12, maxFileSize: 5000000, customRules: [] }],
  ["a rule turned off", { rules: { "convoso-auth-token": { enabled: false } } }],
  ["a baseline", { baseline: "ci/baseline.json" }],
  ["a minimal custom rule", { customRules: [RULE] }],
  ["a full custom rule", { customRules: [{ ...RULE, minLength: 20, valuePattern: "[A-Za-z0-9]{20,}", contextWords: ["acme"], docsUrl: "https://example.invalid", revoke: "the Acme console", placeholders: ["acme-demo"] }] }],
  ["a custom rule with retired fields", { customRules: [{ ...RULE, hosts: ["api.acme.invalid"], truePositives: [], falsePositives: [] }] }],
];

const INVALID: [string, unknown][] = [
  ["not an object", []],
  ["a string", "ignore"],
  ["an unknown key", { ignor: ["x"] }],
  ["$schema not a string", { $schema: 1 }],
  ["ignore not an array", { ignore: "examples" }],
  ["ignore with a number", { ignore: [1] }],
  ["placeholders not strings", { placeholders: [true] }],
  ["minLength zero", { minLength: 0 }],
  ["minLength a fraction", { minLength: 1.5 }],
  ["maxFileSize a string", { maxFileSize: "5m" }],
  ["baseline not a string", { baseline: true }],
  ["rules an array", { rules: [] }],
  ["a rule setting not an object", { rules: { "convoso-auth-token": true } }],
  ["an unknown rule setting", { rules: { "convoso-auth-token": { envvar: "X" } } }],
  ["enabled not a boolean", { rules: { "convoso-auth-token": { enabled: "no" } } }],
  ["envVar with a dash", { rules: { "convoso-auth-token": { envVar: "CONVOSO-TOKEN" } } }],
  ["a rule minLength of zero", { rules: { "convoso-auth-token": { minLength: 0 } } }],
  ["customRules an object", { customRules: {} }],
  ["a custom rule without keyNames", { customRules: [{ ...RULE, keyNames: undefined }] }],
  ["a custom rule with empty keyNames", { customRules: [{ ...RULE, keyNames: [] }] }],
  ["a key name without letters or digits", { customRules: [{ ...RULE, keyNames: ["__"] }] }],
  ["a custom rule id not kebab-case", { customRules: [{ ...RULE, id: "Acme_Key" }] }],
  ["a custom rule taking a built-in id", { customRules: [{ ...RULE, id: "convoso-auth-token" }] }],
  ["a blank description", { customRules: [{ ...RULE, description: "  " }] }],
  ["a bad valuePattern", { customRules: [{ ...RULE, valuePattern: "([a-z]" }] }],
  ["an unknown rule field", { customRules: [{ ...RULE, keyname: "x" }] }],
  ["contextWords not strings", { customRules: [{ ...RULE, contextWords: [1] }] }],
  ["revoke not a string", { customRules: [{ ...RULE, revoke: 1 }] }],
];

describe("the config schema", () => {
  it.each(VALID)("accepts what the validator accepts: %s", (_, config) => {
    const sample = JSON.parse(JSON.stringify(config)) as unknown;
    expect(validatorAccepts(sample)).toBe(true);
    expect(schemaAccepts(sample), JSON.stringify(schemaAccepts.errors)).toBe(true);
  });

  it.each(INVALID)("refuses what the validator refuses: %s", (_, config) => {
    const sample = JSON.parse(JSON.stringify(config)) as unknown;
    expect(validatorAccepts(sample)).toBe(false);
    expect(schemaAccepts(sample)).toBe(false);
  });

  it("knows the one thing it cannot say: two custom rules sharing an id (the validator refuses it)", () => {
    const config = { customRules: [RULE, RULE] };
    expect(validatorAccepts(config)).toBe(false);
    expect(schemaAccepts(config)).toBe(true);
  });

  it("reserves exactly the built-in rule ids", () => {
    const customRule = (SCHEMA.definitions as Record<string, { properties: { id: { not: { enum: string[] } } } }>).customRule!;
    expect(customRule.properties.id.not.enum).toEqual([...builtinRuleIds]);
  });

  it("ships with the package", () => {
    expect(packageJson.files).toContain("schema/*.json");
  });
});
