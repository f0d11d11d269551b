// A map holding one token per environment (environment-token-maps.ts): its name is
// a key's plural and its keys name environments, so every entry is a token even
// when the code that sends it lives in another file.
import { describe, expect, it } from "vitest";
import { foundLines } from "../support/lines.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(15_911);
const U = fakeToken(15_912);
/** Random-looking, but never a token's value. */
const R = fakeToken(15_913);

describe("per-environment token maps", () => {
  it("a Python dict, a PHP array and a PowerShell hashtable keyed by environment", () => {
    expect(foundLines("conf/dialer.py", [`AUTH_TOKENS = {`, `    "uat": "${T}",`, `    "prod": os.environ.get("PROD_AUTH_TOKEN"),`, `    "sandbox": "${U}",`, `}`])).toEqual([2, 4]);
    expect(foundLines("config/dialer.php", [`<?php`, `$authTokens = [`, `    'staging' => '${T}',`, `    'live' => getenv('LIVE_AUTH_TOKEN'),`, `];`])).toEqual([3]);
    const ps = [`$script:AuthTokens = @{`, `    Dev = '${T}'`, `    Limits = @{ Calls = 5 }`, `    Preprod = "${U}"`, `}`];
    expect(foundLines("ops/Dialer.psm1", ps)).toEqual([2, 4]);
  });

  it("a typed TypeScript map in a file that names the provider", () => {
    const lines = [`// Convoso stages`, `export const CONVOSO_TOKENS: { [stage: string]: string } = {`, `  qa: "${T}",`, `  live: "",`, `};`];
    expect(foundLines("src/stages.ts", lines)).toEqual([3]);
  });

  it("maps keyed otherwise, other plurals, placeholders and env reads stay quiet", () => {
    const lines = [
      `// convoso`,
      `const AUTH_TOKENS = { north: "${R}", south: "${R}" };`,
      `const TOKENS = { plus: "+", ident: "${R}" };`,
      `const AUTH_TOKEN_URLS = { staging: "https://${R}.example.com" };`,
      `const CSRF_TOKENS = { prod: "${R}" };`,
      `const authTokens = { staging: "<paste token>", production: process.env.PROD_AUTH_TOKEN };`,
    ];
    expect(foundLines("src/quiet.ts", lines)).toEqual([]);
  });
});
