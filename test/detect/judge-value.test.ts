import { describe, expect, it } from "vitest";
import { judgeValue, type JudgeOptions } from "../../src/detect/judge-value.js";

const strong: JudgeOptions = { minLength: 12, placeholders: new Set(["our-sandbox-token"]), weak: false };
const weak: JudgeOptions = { ...strong, weak: true };

describe("judgeValue", () => {
  it.each(["Fk3h9QzL2mX8vR1tY6wB4nC7pJ0sD5aE", "a8f3kd93ksl2ldm4qp", "8c2d1f0e9b8a7c6d5e4f3a2b1c0d9e8f"])("accepts the real-looking %s", (value) => {
    expect(judgeValue(value, strong)).toBe("secret");
  });

  it.each([
    ["YOUR_TOKEN_HERE", "placeholder"],
    ["your_token_here", "placeholder"],
    ["your_token_hereRequest", "placeholder"],
    ["<auth_token>", "placeholder"],
    ["<YOUR_TOKEN>", "placeholder"],
    ["xxxxxxxxxxxxxxxx", "placeholder"],
    ["****************", "placeholder"],
    ["changeme", "placeholder"],
    ["REPLACE_ME", "placeholder"],
    ["example-token-value", "placeholder"],
    ["dummy_auth_token", "placeholder"],
    ["our-sandbox-token", "placeholder"],
    ["abc123", "placeholder"],
    ["k3J5h6q9", "too-short"],
    ["abc123def456", "placeholder"],
    ["0123456789abcdef", "placeholder"],
    ["", "empty"],
    ["${CONVOSO_AUTH_TOKEN}", "interpolation"],
    ["$CONVOSO_AUTH_TOKEN", "interpolation"],
    ["{{ convoso_auth_token }}", "interpolation"],
    ["${{ secrets.CONVOSO_AUTH_TOKEN }}", "interpolation"],
    ["%CONVOSO_AUTH_TOKEN%", "interpolation"],
    ["Missing authentication token", "prose"],
    ["550e8400-e29b-41d4-a716-446655440000", "identifier"],
    ["5551234567890", "identifier"],
    ["sha512-Yt5Re3Wq1Az9Sx7Dc5Fv3Gb1Hn9Jm7Ki==", "hash"],
    ["https://api.convoso.com/v1/campaigns/search", "shape"],
    ["CONVOSO_AUTH_TOKEN", "identifier"],
    ["authentication", "identifier"],
    ["convosoAuthToken", "identifier"],
    ["ConvosoAuthTokenValue", "identifier"],
  ])("rejects %s as %s", (value, verdict) => {
    expect(judgeValue(value, strong)).toBe(verdict);
  });

  it("rejects hex hashes and non-random values only on weak evidence", () => {
    const sha = "3f786850e387550fdab836ed7e6dc881de23001b";
    expect(judgeValue(sha, weak)).toBe("hash");
    expect(judgeValue(sha, strong)).toBe("secret");
    expect(judgeValue("deploymentchannelname", strong)).toBe("identifier");
    expect(judgeValue("Deploymentchannelname", weak)).toBe("not-random");
    expect(judgeValue("Deploymentchannelname", strong)).toBe("secret");
  });

  it("applies a rule's value pattern", () => {
    expect(judgeValue("Fk3h9QzL2mX8vR1tY6wB4nC7pJ0sD5aE", { ...strong, valuePattern: /^[a-z0-9]{32}$/ })).toBe("shape");
  });
});
