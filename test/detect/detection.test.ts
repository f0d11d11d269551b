// `Detection.requiredPattern`, the text-level twin of `requiredWords` with which the
// ESLint rule skips files: it must find every text a required word is in, in any
// case (a miss would hide a finding), and, to be worth running, nothing else.
import { describe, expect, it } from "vitest";
import { detectionOverrides } from "../../src/config/detection-overrides.js";
import { createDetection, defaultDetection } from "../../src/detect/detection.js";
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
    const withAcme = createDetection(detectionOverrides({ customRules: [ACME_RULE] }));
    expect(withAcme.requiredWords.sort()).toEqual(["key", "token"]);
    expect(withAcme.requiredPattern.test("ACME_API_KEY")).toBe(true);
    const none = createDetection({ ruleSettings: { "convoso-auth-token": { enabled: false } } });
    expect(none.requiredWords).toEqual([]);
    expect(none.requiredPattern.test("auth_token token")).toBe(false);
  });
});
