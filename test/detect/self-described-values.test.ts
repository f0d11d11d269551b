// What a value or its name says about itself: a value that opens with a
// test-data word and has too little randomness left is test data under any name
// (a real token under TEST_AUTH_TOKEN still counts); a `…_token` name that also
// names the provider says whose token its value is, so a hex value is not taken
// for a digest and the name counts inside strings (`"CONVOSO_SANDBOX_TOKEN=…"`).
import { describe, expect, it } from "vitest";
import { judgeValue } from "../../src/detect/judge-value.js";
import { foundLines } from "../support/lines.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(15_301);
/** A 40-digit hex value, built so no line of this file holds it whole. */
const HEX = ["4be1c0d9a7f35e2b", "8c6d1a0f9e8d7c6b5a4f3e2d"].join("");

const strong = { minLength: 12, placeholders: new Set<string>(), weak: false };

describe("values that announce test data", () => {
  it.each(["fake_convoso_token_4c1d", "test-auth-token-0123456789abcdef", "dummy.bearer.9f8e7d", "sample-abcdef123456", "Mock_Key_12ab"])("%s is a placeholder under a real key", (value) => {
    expect(judgeValue(value, strong)).toBe("placeholder");
  });

  it.each([`test_${T}`, `fake-${T}`, T, "testimony9Fq3Lp0Xz8Kd2Wv"])("%s stays a secret: its random part is a credential's length", (value) => {
    expect(judgeValue(value, strong)).toBe("secret");
  });

  it("under TEST_-prefixed names: the real token is found, the self-described one is not", () => {
    const lines = [`TEST_AUTH_TOKEN = "${T}"`, `STAGING_TEST_AUTH_TOKEN = "test_sandbox_7c1e"`, `E2E_AUTH_TOKEN = "fake-token-0123456789"`];
    expect(foundLines("conftest.py", lines)).toEqual([1]);
  });
});

describe("names that name the provider", () => {
  it("a hex value under a provider-named token is found; under another token name it is a digest", () => {
    const lines = [`# convoso bridge`, `CONVOSO_WEBHOOK_TOKEN: "${HEX}"`, `BUILD_TOKEN: "${HEX}"`, `convosoReportToken: "${HEX}"`, `CONVOSO_PAGE_TOKEN: "${HEX}"`];
    expect(foundLines("bridge.yaml", lines)).toEqual([2, 4]);
  });

  it("`NAME=value` inside a string counts for a provider-named token only", () => {
    const lines = [`# convoso worker`, `services:`, `  worker:`, `    environment: ["CONVOSO_SANDBOX_TOKEN=${T}", "SYNC_TOKEN=${T}", "CONVOSO_NEXT_TOKEN=${T}"]`];
    expect(foundLines("compose.yaml", lines)).toEqual([4]);
  });

  it("a hex value under a name that says it is the API's credential (`token`, `api_token`, a `Token` column) is found", () => {
    const lines = [`# convoso bridge`, `token: "${HEX}"`, `API_TOKEN: "${HEX}"`, `accessToken: "${HEX}"`, `BUILD_TOKEN: "${HEX}"`, `cache_token: "${HEX}"`];
    expect(foundLines("bridge.yaml", lines)).toEqual([2, 3, 4]);
  });

  it("a DI provider named like a token, its value a hex string", () => {
    const lines = [`// convoso`, `export const providers = [`, `  { provide: CONVOSO_LISTS_TOKEN, useValue: "${HEX}" },`, `  { provide: CACHE_TOKEN, useValue: "${HEX}" },`, `];`];
    expect(foundLines("dialer.providers.ts", lines)).toEqual([3]);
  });
});
