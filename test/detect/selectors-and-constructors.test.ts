// Flow through selectors, collections and constructors: the arms of PHP/Rust
// `match`, Kotlin `when` and PowerShell `switch` expressions; Map entries behind
// type arguments and entries with fallbacks; positional arguments of classes
// whose constructor (typed parameters, `new self`, `cls(…)`) or whose fields
// (`@dataclass`, attrs, `NamedTuple`) name the token; PowerShell `-AuthToken $x`.
import { describe, expect, it } from "vitest";
import { foundLines } from "../support/lines.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(15_201);
const U = fakeToken(15_202);
/** Random-looking, but never sent as the token. */
const R = fakeToken(15_203);

describe("selector arms", () => {
  it("a PHP match arm reaching a static factory's typed, key-named parameter by `new static`", () => {
    const lines = [
      `<?php`,
      `final class DialerApi {`,
      `    public function __construct(protected ?string $authToken = null, private string $host = 'api.convoso.com') {}`,
      `    public static function tenant(string $t): static {`,
      `        $secret = match (true) {`,
      `            $t === 'acme' => env('DIALER_TOKEN'),`,
      `            $t === 'beta' => '${T}',`,
      `            default => throw new RuntimeException('no tenant'),`,
      `        };`,
      `        $label = match ($t) { 'acme' => '${R}', default => 'x' };`,
      `        return new static($secret, $label);`,
      `    }`,
      `}`,
    ];
    expect(foundLines("src/DialerApi.php", lines)).toEqual([7]);
  });

  it("a PowerShell switch arm sent as a named parameter, and a literal parameter value", () => {
    const lines = [
      `$secret = switch -Regex ($Stage) {`,
      `  '^prod' { Get-Secret -Name DialerToken -AsPlainText }`,
      `  '^qa'   { '${T}' }`,
      `}`,
      `$site = switch ($Stage) { 'qa' { '${R}' } }`,
      `Connect-Dialer -Site $site -AuthToken $secret`,
      `Connect-Dialer -Site 'qa' -AuthToken '${U}'`,
      `Connect-Dialer -AuthTokenPath '${R}'`,
    ];
    expect(foundLines("Connect.ps1", lines)).toEqual([3, 7]);
  });

  it("a match bound to a key name directly, and one bound to another name", () => {
    const lines = [`<?php`, `$authToken = match ($stage) {`, `    'prod' => getenv('CONVOSO_AUTH_TOKEN'),`, `    default => '${T}',`, `};`, `$colour = match ($stage) { default => '${R}' };`];
    expect(foundLines("bootstrap.php", lines)).toEqual([4]);
  });
});

describe("collections read back by a variable key", () => {
  it("a Map with type arguments whose entry is sent, and one that is never sent", () => {
    const lines = [
      `const secrets = new Map<Tenant, string>([`,
      `  ["acme", "${T}"],`,
      `]);`,
      `const colours = new Map<string, string>([["acme", "${R}"]]);`,
      `export const dial = (t: Tenant) => post("/v1/calls", { authToken: secrets.get(t), colour: colours.get(t) });`,
    ];
    expect(foundLines("dial.ts", lines)).toEqual([2]);
  });

  it("an entry's fallback literal, read after `??` and `or`", () => {
    const ts = [`const KEYS = {`, `  main: Deno.env.get("MAIN_KEY"),`, `  spare: Deno.env.get("SPARE_KEY") || "${T}",`, `};`, `const authToken = flags.token ?? KEYS[flags.slot];`];
    expect(foundLines("deploy.ts", ts)).toEqual([3]);
    const py = [`creds = {"eu": os.environ.get("EU_KEY") or "${U}", "us": None}`, `site = {"eu": "${R}"}`, `httpx.post(url, data={"auth_token": creds[zone], "site": site[zone]})`];
    expect(foundLines("push.py", py)).toEqual([1]);
  });
});

describe("positional constructor arguments", () => {
  it("a dataclass whose first field is the token, called positionally; the other fields not", () => {
    const lines = [
      `@dataclasses.dataclass(slots=True)`,
      `class Dialer:`,
      `    region: str`,
      `    auth_token: str`,
      `    host: str = "api.convoso.com"`,
      ``,
      `    def url(self) -> str:`,
      `        return self.host`,
      ``,
      `live = Dialer("eu", "${T}", "${R}")`,
    ];
    expect(foundLines("dialer.py", lines)).toEqual([10]);
  });

  it("a NamedTuple and an attrs class; a plain class's fields are no parameters", () => {
    const lines = [
      `class Creds(typing.NamedTuple):`,
      `    convoso_token: str`,
      `@attrs.define`,
      `class Pair:`,
      `    auth_token: str`,
      `class Plain:`,
      `    auth_token: str`,
      `a = Creds("${T}")`,
      `b = Pair("${U}")`,
      `c = Plain("${R}")`,
    ];
    expect(foundLines("creds.py", lines)).toEqual([8, 9]);
  });

  it("a Java-style typed parameter: the name is the last word before the default", () => {
    const lines = [`class Sender {`, `  constructor(String authToken, String site = "x") {}`, `}`, `const s = new Sender("${T}", "${R}");`];
    expect(foundLines("sender.ts", lines)).toEqual([4]);
  });
});
