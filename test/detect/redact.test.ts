import { describe, expect, it } from "vitest";
import { fingerprintIterations, fingerprintOf, legacyFingerprintOf } from "../../src/detect/fingerprint.js";
import { maskTokenShaped, redact } from "../../src/detect/redact.js";
import { fakeToken } from "../support/tokens.js";

describe("redact", () => {
  it("shows at most a quarter of the value and never more than 8 characters, and nothing of its length", () => {
    for (let length = 1; length <= 120; length++) {
      const value = "k3J9xQ2mP8vR4tLw".repeat(8).slice(0, length);
      const shown = redact(value).replace("****", "");
      expect(shown.length, `${length}`).toBeLessThanOrEqual(Math.min(8, length / 4));
      expect(value.startsWith(shown.slice(0, Math.ceil(shown.length / 2)))).toBe(true);
    }
    expect(redact(fakeToken(1, 12))).toMatch(/^.{2}\*{4}.$/);
  });

  it("masks token-shaped runs (hex too) and leaves words, names and numbers", () => {
    const hex = Array.from({ length: 8 }, (_, index) => `${index}${"abcdef"[index % 6]}`).join("");
    const masked = maskTokenShaped(`a/${hex}/CONVOSO_AUTH_TOKEN authentication 1234567890123 ${fakeToken(3)}.py`);
    expect(masked).toBe(`a/${redact(hex)}/CONVOSO_AUTH_TOKEN authentication 1234567890123 ${redact(fakeToken(3))}.py`);
  });
});

describe("fingerprints", () => {
  it("are stretched more the fewer characters the redacted form hides, and differ from the version-1 hash", () => {
    expect(fingerprintIterations(fakeToken(1, 12))).toBe(2 ** 11);
    expect(fingerprintIterations(fakeToken(1, 32))).toBe(2 ** 8);
    const token = fakeToken(4);
    expect(fingerprintOf("r", token)).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprintOf("r", token)).toBe(fingerprintOf("r", token));
    expect(fingerprintOf("r", token)).not.toBe(fingerprintOf("s", token));
    expect(fingerprintOf("r", token)).not.toBe(legacyFingerprintOf("r", token));
  });
});
