// From a validated config to what the core is built from: the catalog the door hands
// in, then the custom rules completed with defaults, and the settings every door then
// scans with.
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { detectionInput } from "../../src/config/detection-input.js";
import type { ConfigFile } from "../../src/config/validate-config.js";
import { createDetection } from "../../src/detect/detection.js";
import { scanSource } from "../../src/detect/scan-source.js";
import { ACME_RULE } from "../support/acme-rule.js";
import { fakeToken } from "../support/tokens.js";

const TOKEN = fakeToken(140);

/** Lines reported in a file assigning the token to `auth_token`, scanned with `config`. */
function reportedWith(config: ConfigFile): number[] {
  const { rules, overrides } = detectionInput(config, builtinRules);
  const findings = scanSource({ path: "sync.py", text: `auth_token = "${TOKEN}"\n` }, createDetection(rules, overrides));
  return findings.map((finding) => finding.line);
}

describe("detectionInput", () => {
  it("runs the catalog it is handed, then the custom rules with their optional fields completed", () => {
    const { minLength, ...withoutMinLength } = ACME_RULE;
    const completed = { ...ACME_RULE, contextWords: [], docsUrl: "" };
    expect(detectionInput({ customRules: [ACME_RULE, { ...withoutMinLength, id: "acme-short" }] }, builtinRules).rules).toEqual([
      ...builtinRules,
      { ...completed, minLength },
      { ...completed, id: "acme-short", minLength: 12 },
    ]);
    expect(detectionInput({}, []).rules).toEqual([]);
  });

  it("passes rule settings, placeholders and minLength through", () => {
    const rules = { "convoso-auth-token": { envVar: "CRM_TOKEN" } };
    expect(detectionInput({ rules, placeholders: ["demo"], minLength: 20 }, builtinRules).overrides).toEqual({ ruleSettings: rules, placeholders: ["demo"], minLength: 20 });
  });

  it("lets a rule's own minLength outrank the top-level one", () => {
    expect(reportedWith({})).toEqual([1]);
    expect(reportedWith({ minLength: TOKEN.length + 1 })).toEqual([]);
    expect(reportedWith({ minLength: TOKEN.length + 1, rules: { "convoso-auth-token": { minLength: 12 } } })).toEqual([1]);
    expect(reportedWith({ minLength: 12, rules: { "convoso-auth-token": { minLength: TOKEN.length + 1 } } })).toEqual([]);
  });
});
