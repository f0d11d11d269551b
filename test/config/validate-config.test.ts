// Validation of the config's keys and types: the first problem, as one message naming
// the file and the key.
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { validateConfig } from "../../src/config/validate-config.js";
import { ACME_RULE } from "../support/acme-rule.js";

/** The ids of the rules the door runs besides the config's: the built-in catalog's. */
const CATALOG_IDS = ["convoso-auth-token"];

describe("validateConfig", () => {
  it("returns a valid config as it is", () => {
    const config = {
      $schema: "./schema.json",
      ignore: ["examples"],
      rules: { "convoso-auth-token": { enabled: true, envVar: "CRM_TOKEN", minLength: 16 } },
      placeholders: ["demo"],
      minLength: 12,
      maxFileSize: 1000,
      customRules: [ACME_RULE],
      baseline: "accepted.json",
    };
    expect(validateConfig(config, "token-guard.config.json", CATALOG_IDS)).toEqual(config);
  });

  it("accepts and drops the rule fields earlier versions took (hosts, samples), so such configs keep loading", () => {
    const retired = { hosts: ["api.acme.test"], truePositives: [{ file: "a.py", text: "x" }], falsePositives: [] };
    expect(validateConfig({ customRules: [{ ...ACME_RULE, ...retired }] }, "token-guard.config.json", CATALOG_IDS)).toEqual({ customRules: [ACME_RULE] });
  });

  it("takes the ids a custom rule may not reuse from the door", () => {
    expect(validateConfig({ customRules: [{ ...ACME_RULE, id: "convoso-auth-token" }] }, "token-guard.config.json", [])).toEqual({
      customRules: [{ ...ACME_RULE, id: "convoso-auth-token" }],
    });
    expect(() => validateConfig({ customRules: [ACME_RULE] }, "token-guard.config.json", ["acme-api-key"])).toThrow(/customRules\[0\]\.id "acme-api-key" is already the id of another rule/);
  });

  it.each([
    [[], "expected a JSON object"],
    [{ ignored: [] }, 'unknown key "ignored": did you mean "ignore"? (known: ignore, rules, placeholders, minLength, maxFileSize, customRules, baseline)'],
    [{ ignore: "examples" }, '"ignore" must be an array of strings'],
    [{ placeholders: [1] }, '"placeholders" must be an array of strings'],
    [{ minLength: 0 }, '"minLength" must be a positive integer'],
    [{ maxFileSize: 1.5 }, '"maxFileSize" must be a positive integer'],
    [{ baseline: true }, '"baseline" must be a file path string'],
    [{ rules: [] }, '"rules" must be an object keyed by rule id'],
    [{ rules: { x: true } }, '"rules.x" must be an object'],
    [{ rules: { x: { on: true } } }, 'unknown key "rules.x.on" (known: enabled, envVar, minLength)'],
    [{ rules: { x: { enabled: "no" } } }, '"rules.x.enabled" must be true or false'],
    [{ rules: { x: { envVar: "A B" } } }, '"rules.x.envVar" must be an environment variable name'],
    [{ rules: { x: { minLength: "12" } } }, '"rules.x.minLength" must be a positive integer'],
    [{ customRules: ACME_RULE }, '"customRules" must be an array of rule objects'],
    [{ customRules: [{ ...ACME_RULE, envVar: "" }] }, 'customRules[0].envVar must be an environment variable name such as "ACME_API_KEY"'],
    [{ customRules: [{ ...ACME_RULE, id: "convoso-auth-token" }] }, 'customRules[0].id "convoso-auth-token" is already the id of another rule: choose a new id'],
    [{ customRules: [ACME_RULE, ACME_RULE] }, 'customRules[1].id "acme-api-key" is already the id of another rule: choose a new id'],
  ])("rejects %j", (raw, message) => {
    expect(() => validateConfig(raw, "token-guard.config.json", CATALOG_IDS)).toThrow(new ConfigError(`invalid config in token-guard.config.json: ${message}`));
  });
});
