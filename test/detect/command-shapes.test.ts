// Command-line shapes: HTTPie request items (`auth_token==v` query, `auth_token=v`
// body, `X-Auth-Token:v` header) and fish's `set -gx K v`, with the look-alikes
// that read the value from the environment.
import { describe, expect, it } from "vitest";
import { foundLines } from "../support/lines.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(15_401);
const U = fakeToken(15_402);
const V = fakeToken(15_403);

describe("HTTPie request items", () => {
  it("query, body and header items with literals; expansions are not", () => {
    const lines = [
      `https GET pie.dev/get auth_token==${T} page==2`,
      `http -f POST pie.dev/post auth_token=${U}`,
      `http pie.dev/headers X-Auth-Token:${V}`,
      `http GET pie.dev/get auth_token==$CONVOSO_AUTH_TOKEN`,
      `http GET pie.dev/get auth_token=="$CONVOSO_AUTH_TOKEN"`,
      `http GET pie.dev/get auth_token==`,
    ];
    expect(foundLines("probe.sh", lines)).toEqual([1, 2, 3]);
  });
});

describe("fish", () => {
  it("`set -Ux K v` in a .fish file is found; a command substitution is not", () => {
    const lines = [`set -Ux CONVOSO_AUTH_TOKEN ${T}`, `set -gx CONVOSO_AUTH_TOKEN (security find-generic-password -s convoso -w)`, `set -gx CONVOSO_AUTH_TOKEN_FILE ~/.convoso/token`];
    expect(foundLines("conf.d/dialer.fish", lines)).toEqual([1]);
  });
});

describe("bash associative arrays", () => {
  const W = fakeToken(15_404);
  const R = fakeToken(15_405);

  it("entries read back through a variable subscript and sent; a key-named subscript; an array never sent", () => {
    const lines = [
      `declare -A site_keys=(`,
      `  [north]="$NORTH_KEY"`,
      `  [south]='${T}'`,
      `  [west]=${U}`,
      `)`,
      `declare -A colours=( [south]='${R}' )`,
      `creds[auth_token]=${V}`,
      `key="\${site_keys[$SITE]}"`,
      `colour="\${colours[$SITE]}"`,
      `curl -d "auth_token=\${key}" -d "colour=\${colour}" https://api.convoso.com/v1/users/search`,
      `printf '%s' "${W}" >/dev/null`,
    ];
    expect(foundLines("sync-sites.sh", lines)).toEqual([3, 4, 7]);
  });
});
