// `Detection.requiredPattern`, the text-level twin of `requiredWords` with which the
// ESLint rule skips files: it must find every text a required word is in, in any
// case (a miss would hide a finding), and, to be worth running, nothing else.
import { describe, expect, it } from "vitest";
import { builtinRules, defaultDetection } from "../../src/catalog.js";
import { createDetection } from "../../src/detect/detection.js";
import type { CredentialRule } from "../../src/detect/rule.js";
import { ACME_RULE } from "../support/acme-rule.js";

describe("Detection.requiredPattern", () => {
  it("matches exactly the texts that hold a required word, case-insensitively", () => {
    const detection = defaultDetection();
    expect(detection.requiredWords).toEqual(["token"]);
    for (const text of ["const a = 1;", "auth_token=", "X-Auth-TOKEN", "tokenizer", "tok en", "ｔｏｋｅｎ", "convoso"]) {
      const holdsWord = detection.requiredWords.some((word) => text.toLowerCase().includes(word));
      expect(detection.requiredPattern.test(text), text).toBe(holdsWord);
    }
  });

  it("covers the last words of custom rules, and matches nothing when every rule is disabled", () => {
    const withAcme = createDetection([...builtinRules, { ...ACME_RULE, contextWords: [], docsUrl: "" }]);
    expect(withAcme.requiredWords.sort()).toEqual(["key", "token"]);
    expect(withAcme.requiredPattern.test("ACME_API_KEY")).toBe(true);
    const none = createDetection(builtinRules, { ruleSettings: { "convoso-auth-token": { enabled: false } } });
    expect(none.requiredWords).toEqual([]);
    expect(none.requiredPattern.test("auth_token token")).toBe(false);
  });
});

describe("createDetection", () => {
  it("runs exactly the rules it is handed, in their order, with the overrides applied", () => {
    const acme: CredentialRule = { ...ACME_RULE, contextWords: [], docsUrl: "" };
    expect(createDetection([]).rules).toEqual([]);
    expect(createDetection([acme, ...builtinRules]).rules.map(({ rule }) => rule.id)).toEqual(["acme-api-key", "convoso-auth-token"]);
    const [compiled] = createDetection([acme], { minLength: 30, ruleSettings: { "acme-api-key": { envVar: "KEY" } } }).rules;
    expect(compiled?.rule).toEqual({ ...acme, envVar: "KEY", minLength: 30 });
  });
});
