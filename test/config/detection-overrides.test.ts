// From a validated config to the core's overrides: custom rules completed with defaults,
// and the settings every door then scans with.
import { describe, expect, it } from "vitest";
import { detectionOverrides } from "../../src/config/detection-overrides.js";
import { createDetection } from "../../src/detect/detection.js";
import { scanSource } from "../../src/detect/scan-source.js";
import { ACME_RULE } from "../support/acme-rule.js";
import { fakeToken } from "../support/tokens.js";

const TOKEN = fakeToken(140);

/** Lines reported in a file assigning the token to `auth_token`, scanned with `config`. */
function reportedWith(config: Parameters<typeof detectionOverrides>[0]): number[] {
  const findings = scanSource({ path: "sync.py", text: `auth_token = "${TOKEN}"\n` }, createDetection(detectionOverrides(config)));
  return findings.map((finding) => finding.line);
}

describe("detectionOverrides", () => {
  it("completes a custom rule's optional fields", () => {
    const { minLength, ...withoutMinLength } = ACME_RULE;
    const completed = { ...ACME_RULE, contextWords: [], docsUrl: "" };
    expect(detectionOverrides({ customRules: [ACME_RULE, { ...withoutMinLength, id: "acme-short" }] }).extraRules).toEqual([
      { ...completed, minLength },
      { ...completed, id: "acme-short", minLength: 12 },
    ]);
  });

  it("passes rule settings, placeholders and minLength through", () => {
    const rules = { "convoso-auth-token": { envVar: "CRM_TOKEN" } };
    expect(detectionOverrides({ rules, placeholders: ["demo"], minLength: 20 })).toEqual({ extraRules: [], ruleSettings: rules, placeholders: ["demo"], minLength: 20 });
  });

  it("lets a rule's own minLength outrank the top-level one", () => {
    expect(reportedWith({})).toEqual([1]);
    expect(reportedWith({ minLength: TOKEN.length + 1 })).toEqual([]);
    expect(reportedWith({ minLength: TOKEN.length + 1, rules: { "convoso-auth-token": { minLength: 12 } } })).toEqual([1]);
    expect(reportedWith({ minLength: 12, rules: { "convoso-auth-token": { minLength: TOKEN.length + 1 } } })).toEqual([]);
  });
});
