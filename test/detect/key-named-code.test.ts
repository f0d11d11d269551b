// Code named for the key rather than bound to it (key-named-code.ts): a setter's
// or builder step's one argument, what a function named for the key returns, and
// PowerShell items written on the env: drive. Each with the look-alikes that stay quiet.
import { describe, expect, it } from "vitest";
import { foundLines } from "../support/lines.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(15_901);
const U = fakeToken(15_902);
const V = fakeToken(15_903);
/** Random-looking, but never the token's value. */
const R = fakeToken(15_904);

describe("setter and builder arguments", () => {
  it("Java-style builders, PHP and Python setters, C#-style steps named for the key", () => {
    expect(foundLines("src/main.ts", [`const c = DialerClient.builder()`, `    .authToken("${T}")`, `    .timeout(30)`, `    .build();`, `c.setAuthToken("${U}");`])).toEqual([2, 5]);
    expect(foundLines("src/Api.php", [`<?php`, `$api = (new ApiFactory())->setAuthToken('${V}')->make();`])).toEqual([2]);
    expect(foundLines("jobs/push.py", [`session = Session().with_auth_token("${T}")`])).toEqual([1]);
    expect(foundLines("src/opts.js", [`const opts = new ClientOptions().UseAuthToken("${U}");`])).toEqual([1]);
  });

  it("a name the setter reads, resolved in the unit", () => {
    expect(foundLines("src/job.ts", [`const staging = "${T}";`, `api.withAuthToken(staging).post();`])).toEqual([1]);
  });

  it("getters, checks, env reads, placeholders and other names stay quiet", () => {
    const lines = [
      `const a = vault.getAuthToken("${R}");`,
      `if (auth.validateAuthToken("${R}")) ok();`,
      `client.withAuthToken(process.env.CONVOSO_AUTH_TOKEN);`,
      `client.setAuthToken("<your auth token>");`,
      `client.setAuthToken("\${CONVOSO_AUTH_TOKEN}");`,
      `client.withAuthTokenUrl("https://${R}.example.com");`,
      `client.setCsrfToken("${R}");`,
      `client.setAuthTokenTtl("${R}");`,
      `client.withAuthToken("${R}", { scope: "read" });`,
    ];
    expect(foundLines("src/quiet.ts", lines)).toEqual([]);
  });
});

describe("functions named for the key", () => {
  it("Python, PHP, a TypeScript getter and method: what they return", () => {
    expect(foundLines("tests/fixtures.py", [`import pytest`, ``, `@pytest.fixture(scope="session")`, `def dialer_auth_token():`, `    return "${T}"`])).toEqual([5]);
    expect(foundLines("cfg/creds.php", [`<?php`, `function authToken(): string {`, `    return '${U}';`, `}`])).toEqual([3]);
    expect(foundLines("src/creds.ts", [`export class Creds {`, `  get authToken(): string {`, `    return "${V}";`, `  }`, `}`])).toEqual([3]);
    expect(foundLines("src/store.js", [`const store = {`, `  authToken() {`, `    return "${T}";`, `  },`, `};`])).toEqual([3]);
  });

  it("env reads, other names and calls of the function stay quiet", () => {
    const python = [`def auth_token():`, `    return os.environ["CONVOSO_AUTH_TOKEN"]`, ``, `def csrf_token():`, `    return "${R}"`, ``, `def auth_token_url():`, `    return "https://${R}.example.com"`];
    expect(foundLines("app/tokens.py", python)).toEqual([]);
    expect(foundLines("src/use.ts", [`const label = "${R}";`, `send(authToken());`, `function authToken() { return process.env.AUTH_TOKEN ?? ""; }`])).toEqual([]);
  });
});

describe("PowerShell env: drive items", () => {
  it("Set-Item, New-Item and Set-Content with a path and a value, positional or named", () => {
    const lines = [
      `Set-Item Env:DIALER_AUTH_TOKEN '${T}'`,
      `New-Item -Path Env:\\CONVOSO_AUTH_TOKEN -Value "${U}" -Force`,
      `Set-Content -Path env:SYNC_AUTH_TOKEN -Value '${V}'`,
    ];
    expect(foundLines("ops/profile.ps1", lines)).toEqual([1, 2, 3]);
  });

  it("reads, removals, env values, other names and placeholders stay quiet", () => {
    const lines = [
      `Get-Item Env:CONVOSO_AUTH_TOKEN '${R}'`,
      `Remove-Item Env:CONVOSO_AUTH_TOKEN`,
      `Set-Item Env:CONVOSO_AUTH_TOKEN $env:VAULT_TOKEN`,
      `Set-Item Env:CONVOSO_AUTH_TOKEN_FILE '/run/secrets/${R}'`,
      `Set-Item Env:CONVOSO_AUTH_TOKEN '<paste from 1Password>'`,
      `Set-Item Env:SESSION_ID '${R}'`,
    ];
    expect(foundLines("ops/quiet.ps1", lines)).toEqual([]);
  });
});
