import { describe, expect, it } from "vitest";
import { defaultDetection } from "../../src/catalog.js";
import { endsWithWords, splitWords, withoutNameNumber } from "../../src/detect/key-names.js";
import { nameMatch } from "../../src/detect/rule.js";

const AUTH_TOKEN = ["auth", "token"];

describe("splitWords", () => {
  it.each([
    ["auth_token", ["auth", "token"]],
    ["authToken", ["auth", "token"]],
    ["AuthToken", ["auth", "token"]],
    ["AUTH_TOKEN", ["auth", "token"]],
    ["auth-token", ["auth", "token"]],
    ["--auth-token", ["auth", "token"]],
    ["$env:CONVOSO_AUTH_TOKEN", ["env", "convoso", "auth", "token"]],
    ["self.auth_token", ["self", "auth", "token"]],
    ["HTTPAuthToken", ["http", "auth", "token"]],
    ["AUTH_TOKEN_SHA256", ["auth", "token", "sha", "256"]],
  ])("%s", (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });
});

describe("key names match by their last words", () => {
  it.each(["auth_token", "authToken", "vault_convoso_auth_token", "prodAuthToken", "STAGING_AUTH_TOKEN", "$auth_token", "$env:CONVOSO_AUTH_TOKEN"])(
    "%s matches auth_token",
    (name) => {
      expect(endsWithWords(splitWords(name), AUTH_TOKEN)).toBe(true);
    },
  );

  it.each(["auth_token_url", "AUTH_TOKEN_SHA256", "authTokenHeader", "oauth_token", "AUTH_TOKEN_ENV_NAME", "token", "auth"])("%s does not match", (name) => {
    expect(endsWithWords(splitWords(name), AUTH_TOKEN)).toBe(false);
  });
});

describe("names token-guard fix numbers", () => {
  it("reads back the numbered names earlier fix runs wrote", () => {
    expect(withoutNameNumber("DIALER_AUTH_TOKEN_12")).toBe("DIALER_AUTH_TOKEN");
  });

  it.each(["auth_token_2fa", "authToken2", "AUTH_TOKEN_V2", "AUTH_TOKEN_TTL_30", "AUTH_TOKEN_07", "AUTH_TOKEN_"])("%s carries no fix number", (name) => {
    const base = withoutNameNumber(name);
    expect(base === undefined || !endsWithWords(splitWords(base), AUTH_TOKEN)).toBe(true);
  });

  it.each([
    ["CONVOSO_AUTH_TOKEN_2", "key"],
    ["reporting_auth_token_14", "key"],
    ["AUTH_TOKEN_TTL_2", null],
    ["auth_token_url_3", null],
    ["OAUTH_TOKEN_2", null],
    ["authToken2", null],
    // A qualifier after the key's words is weak evidence; an attribute of the token is none.
    ["auth_token_reporting", "qualified"],
    ["AUTH_TOKEN_PROD", "qualified"],
    ["authTokenEuWest", "qualified"],
    ["auth_token_url", null],
    ["AUTH_TOKEN_FILE", null],
    ["authTokenTtl", null],
    ["auth_token_header_name", null],
    ["AUTH_TOKEN_SECRET_ARN", null],
    ["auth_token_a_b_c", null],
  ] as const)("%s: %s", (name, match) => {
    const rule = defaultDetection().rules.find((compiled) => compiled.rule.id === "convoso-auth-token")!;
    expect(nameMatch(rule, name)).toBe(match);
  });
});

describe("splitWords, asked again", () => {
  it("gives the same words for a name however often it is asked, and the words cannot be changed by a caller", () => {
    const first = splitWords("convosoAuthToken");
    expect(splitWords("convosoAuthToken")).toEqual(["convoso", "auth", "token"]);
    expect(() => (first as string[]).push("x")).toThrow(TypeError);
    expect(splitWords("convosoAuthToken")).toEqual(["convoso", "auth", "token"]);
  });

  it("stays right after more names than it remembers", () => {
    for (let index = 0; index < 10_000; index++) expect(splitWords(`name${index}Token`)).toEqual(["name", String(index), "token"]);
    expect(splitWords("HTTPServer_AUTH_TOKEN")).toEqual(["http", "server", "auth", "token"]);
  });
});
