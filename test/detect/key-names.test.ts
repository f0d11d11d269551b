import { describe, expect, it } from "vitest";
import { endsWithWords, splitWords } from "../../src/detect/key-names.js";

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
