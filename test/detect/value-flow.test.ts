// Flow to the sink and declarative defaults: a literal that reaches a token
// sink through local code (a branch, a function's return, a collection entry,
// a key-named parameter, a settings default) is reported on its own line, and
// the look-alikes that never reach one are not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultDetection } from "../../src/catalog.js";
import { scanSource } from "../../src/detect/scan-source.js";
import { normaliseName } from "../../src/detect/value-flow.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(9101);
const U = fakeToken(9102);
/** Random-looking, but never sent as the token. */
const R = fakeToken(9103);

function linesOf(path: string, lines: string[]): number[] {
  return scanSource({ path, text: lines.join("\n") + "\n" }, defaultDetection()).map((finding) => finding.line);
}

/** Each case: a name, a file, its lines, and the lines reported. */
function itFinds(cases: [name: string, path: string, lines: string[], expected: number[]][]): void {
  it.each(cases)("%s", (_name, path, lines, expected) => {
    expect(linesOf(path, lines)).toEqual(expected);
  });
}

/** Each case: a name, a file and its lines, where nothing is reported. */
function itFindsNothing(cases: [name: string, path: string, lines: string[]][]): void {
  it.each(cases)("not: %s", (_name, path, lines) => {
    expect(linesOf(path, lines)).toEqual([]);
  });
}

describe("flow to the sink: JavaScript and TypeScript", () => {
  itFinds([
    [
      "both arms of a conditional bound to a name that is sent",
      "dialer.ts",
      [
        `// convoso dialer`,
        `const credential = inSandbox`,
        `  ? "${T}"`,
        `  : process.env.CONVOSO_AUTH_TOKEN;`,
        `await fetch(\`https://api.convoso.com/v1/agents?auth_token=\${credential}\`);`,
      ],
      [3],
    ],
    [
      "the other arm of a conditional bound to the key itself",
      "sync.mjs",
      [`const convosoToken = process.env.NODE_ENV === "${R}" ? process.env.CONVOSO_AUTH_TOKEN : "${T}";`],
      [1],
    ],
    [
      "a function's returned literal where its call is sent",
      "credentials.ts",
      [
        `function pickCredential(region: string): string {`,
        `  if (region === "eu") {`,
        `    return "${T}";`,
        `  }`,
        `  return process.env.CONVOSO_AUTH_TOKEN ?? "";`,
        `}`,
        `body.append("auth_token", pickCredential(region));`,
      ],
      [3],
    ],
    [
      "an arrow function's expression body, read through a call in an object",
      "tenant.js",
      [`const credFor = (tenant) => (tenant === "acme" ? "${T}" : undefined);`, `axios.post("/v1/leads", { auth_token: credFor(t) });`],
      [1],
    ],
    [
      "an object's entry read with a computed key",
      "routing.ts",
      [
        `const TENANT_KEYS: Record<string, string | undefined> = {`,
        `  north: "${T}",`,
        `  south: process.env.SOUTH_CONVOSO,`,
        `};`,
        `const chosen = TENANT_KEYS[tenant];`,
        `search.set("auth_token", chosen ?? "");`,
      ],
      [2],
    ],
    [
      "a Map's pair read with get, sent as a [name, value] pair",
      "pairs.js",
      [
        `// convoso`,
        `const perList = new Map([`,
        `  ["inbound", "${T}"],`,
        `]);`,
        `const form = new URLSearchParams([["auth_token", perList.get(listName)], ["list_id", id]]);`,
      ],
      [3],
    ],
    [
      "a provider registration whose token names the key",
      "app.config.ts",
      [`export const providers = [{ provide: CONVOSO_AUTH_TOKEN, useValue: "${T}" }];`],
      [1],
    ],
    [
      "a constructor argument in the position of a key-named parameter",
      "dialer-api.ts",
      [
        `class DialerApi {`,
        `  constructor(private readonly baseUrl: string, public convosoToken: string) {}`,
        `}`,
        `export const api = new DialerApi("https://api.convoso.com/v1", "${T}");`,
      ],
      [4],
    ],
    [
      "an argument that a function's body sends through its parameter, and through a member",
      "gateway.js",
      [
        `// convoso`,
        `class Gateway {`,
        `  constructor(credential) {`,
        `    this.credential = credential;`,
        `  }`,
        `  search() { return fetch("/v1/search", { body: new URLSearchParams({ auth_token: this.credential }) }); }`,
        `}`,
        `function lookup(phone, secret) { return fetch(\`/v1/leads?phone=\${phone}&auth_token=\${secret}\`); }`,
        `new Gateway("${T}").search();`,
        `lookup("5550100", "${U}");`,
      ],
      [9, 10],
    ],
    [
      "valibot's optional default and zod's default on a token key",
      "env.ts",
      [`export const Env = v.object({ authToken: v.optional(v.string(), "${T}") });`, `export const Z = z.object({ convosoToken: z.string().min(10).default("${U}") });`],
      [1, 2],
    ],
  ]);

  itFindsNothing([
    ["a literal compared in the condition, never a branch", "cmp.ts", [`const authToken = mode === "${R}" ? process.env.A_CONVOSO : process.env.B_CONVOSO;`]],
    [
      "a conditional whose arms are not sent anywhere",
      "stage.ts",
      [`// convoso`, `const region = inEurope ? "${R}" : "${U}";`, `const auth_token = process.env.CONVOSO_AUTH_TOKEN;`, `call(region, auth_token);`],
    ],
    [
      "a key-named parameter called with an env lookup and a placeholder",
      "send.js",
      [`function send(path, authToken) { return fetch(path + "?auth_token=" + authToken); }`, `send("${R}", process.env.CONVOSO_AUTH_TOKEN);`, `send("/v1/x", "<your-token>");`],
    ],
    [
      "a same-named method of another object",
      "other.js",
      [`// convoso`, `function push(authToken) { return authToken; }`, `queue.push("${R}");`],
    ],
    [
      "an entry read with a literal key other than the random value's",
      "cfg.ts",
      [`const cfg = { url: "https://api.convoso.com/v1", sessionSalt: "${R}" };`, `const p = { auth_token: cfg["url"] };`],
    ],
    [
      "a parameter's arguments where the same name is read outside the function",
      "headers.js",
      [
        `// convoso`,
        `function setHeader(name, value) { headers[name] = value; }`,
        `setHeader("X-Trace", "${R}");`,
        `const value = process.env.CONVOSO_AUTH_TOKEN;`,
        `export const q = { auth_token: value };`,
      ],
    ],
    ["a provider for another token", "interceptors.ts", [`// convoso`, `export const p = [{ provide: HTTP_INTERCEPTORS, useValue: "${R}" }];`]],
    [
      "a function whose returned value is never sent",
      "ids.ts",
      [`// convoso`, `function requestId(): string { return "${R}"; }`, `headers["X-Request-Id"] = requestId();`],
    ],
  ]);
});

describe("flow to the sink: Python and PHP", () => {
  itFinds([
    [
      "a conditional expression's else arm bound to a name that is sent",
      "push.py",
      [`import os, requests`, `tok = os.environ["CONVOSO_AUTH_TOKEN"] if live else "${T}"`, `requests.post("https://api.convoso.com/v1/leads/insert", data={"auth_token": tok})`],
      [2],
    ],
    [
      "a match arm's binding",
      "stages.py",
      [
        `match stage:`,
        `    case "qa":`,
        `        creds = "${T}"`,
        `    case _:`,
        `        creds = os.environ["CONVOSO_AUTH_TOKEN"]`,
        `requests.get("https://api.convoso.com/v1/users", params={"auth_token": creds})`,
      ],
      [3],
    ],
    [
      "a dict entry read with get, and a function's return",
      "tenants.py",
      [
        `TENANTS = {"qa": "${T}", "prod": None}`,
        `def credential_for(stage):`,
        `    if stage == "legacy":`,
        `        return "${U}"`,
        `    return TENANTS.get(stage)`,
        ``,
        `auth_token = credential_for(stage)`,
      ],
      [1, 4],
    ],
    [
      "a class whose __init__ takes the token, and a function taking it",
      "client.py",
      [
        `class Dialer:`,
        `    def __init__(self, base_url, auth_token):`,
        `        self.auth_token = auth_token`,
        ``,
        `def open_dialer(auth_token, timeout=10):`,
        `    return Dialer("https://api.convoso.com", auth_token)`,
        ``,
        `d = Dialer("https://api.convoso.com/v1", "${T}")`,
        `e = open_dialer("${U}")`,
      ],
      [8, 9],
    ],
    [
      "a function that sends its parameter, called with a literal",
      "push.py",
      [`def push(lead, creds):`, `    return requests.post("https://api.convoso.com/v1/leads/insert", data={"auth_token": creds, **lead})`, ``, `push({}, "${T}")`],
      [4],
    ],
    [
      "a PHP conditional bound to a variable sent in an array",
      "sync.php",
      [`<?php`, `$creds = $sandbox ? '${T}' : getenv('CONVOSO_AUTH_TOKEN');`, `$query = http_build_query(['auth_token' => $creds]);`],
      [2],
    ],
  ]);

  itFindsNothing([
    ["a conditional of names only", "names.py", [`auth_token = os.environ.get("CONVOSO_AUTH_TOKEN") if live else settings.sandbox_token`]],
    [
      "a dict read with another literal key",
      "hosts.py",
      [`# convoso`, `HOSTS = {"api": "https://api.convoso.com", "trace": "${R}"}`, `auth_token = HOSTS["api"]`],
    ],
    [
      "a method of another object sharing a key-named function's name",
      "other.py",
      [`# convoso`, `def login(auth_token):`, `    pass`, `session.login("${R}")`],
    ],
  ]);
});

describe("declarative defaults", () => {
  itFinds([
    [
      "pydantic Field defaults, positional, keyword and wrapped in SecretStr",
      "settings.py",
      [
        `class DialerSettings(BaseSettings):`,
        `    auth_token: SecretStr = Field(default=SecretStr("${T}"))`,
        `    convoso_token: str = Field("${U}", description="Convoso")`,
      ],
      [2, 3],
    ],
    [
      "attrs and dataclasses field defaults",
      "models.py",
      [`@attr.s`, `class A:`, `    auth_token = attr.ib(default="${T}")`, `@dataclass`, `class B:`, `    convoso_auth_token: str = field(default="${U}", repr=False)`],
      [3, 6],
    ],
    [
      "typer options, Annotated and the older default-first form",
      "cli.py",
      [
        `def run(`,
        `    auth_token: Annotated[str, typer.Option("--auth-token", envvar="CONVOSO_AUTH_TOKEN")] = "${T}",`,
        `    convoso_token: str = typer.Option("${U}", "--convoso-token"),`,
        `):`,
        `    pass`,
      ],
      [2, 3],
    ],
    [
      "argparse with a short flag first, and click",
      "args.py",
      [`parser.add_argument("-k", "--auth-token", dest="token", default="${T}")`, `@click.option("-t", "--convoso-token", default="${U}", show_default=False)`],
      [1, 2],
    ],
  ]);

  itFindsNothing([
    [
      "defaults that are env lookups, None, a secrets path or an interpolation",
      "settings.py",
      [
        `class S(BaseSettings):`,
        `    auth_token: SecretStr = Field(default=None, env="CONVOSO_AUTH_TOKEN")`,
        `    convoso_token: str = Field(default="\${CONVOSO_AUTH_TOKEN}")`,
        `    auth_token_file: str = Field(default="/run/secrets/convoso_${R}")`,
        `    auth_token_ttl: int = Field(default=900)`,
      ],
    ],
    ["a default on a name that is not a key", "opts.py", [`# convoso`, `parser.add_argument("--request-id", default="${R}")`]],
  ]);
});

describe("flow to the sink: nested entries read by member path", () => {
  itFinds([
    ["an object nested three levels, read with dots", "sync.mjs", [`const cfg = { convoso: { api: { secret: "${T}" } } };`, `send({ auth_token: cfg.convoso.api.secret });`], [1]],
    ["a fallback inside a nested entry", "sync.mjs", [`const cfg = { convoso: { token: args.token ?? "${T}" } };`, `send({ auth_token: cfg.convoso.token });`], [1]],
    ["subscripts and members mixed", "sync.mjs", [`const cfg = { convoso: { reporting: { key: "${T}" } } };`, `send({ auth_token: cfg.convoso["reporting"].key });`], [1]],
    ["a Python dict of dicts read by subscripts", "sync.py", [`SETTINGS = {"convoso": {"secret": "${T}"}}`, `requests.post(url, data={"auth_token": SETTINGS["convoso"]["secret"]})`], [1]],
    ["a PHP array of arrays", "sync.php", [`<?php`, `$cfg = ['convoso' => ['secret' => '${T}']];`, `$q = ['auth_token' => $cfg['convoso']['secret']];`], [2]],
  ]);
  itFindsNothing([
    ["a sibling entry that is not sent", "sync.mjs", [`const cfg = { convoso: { listId: "${R}", secret: process.env.CONVOSO_AUTH_TOKEN } };`, `send({ auth_token: cfg.convoso.secret, list_id: cfg.convoso.listId });`]],
    ["the same path under another object", "sync.mjs", [`const other = { convoso: { secret: "${R}" } };`, `send({ auth_token: cfg.convoso.secret });`]],
  ]);
});

describe("normaliseName", () => {
  it.each([
    ["$t", "t"],
    ["@t", "t"],
    ["${t}", "t"],
    ["&anchor", "anchor"],
    ["*alias", "alias"],
    ["plain", "plain"],
    ["a}", "a"],
    ["", ""],
  ])("%s names %s", (written, name) => {
    expect(normaliseName(written)).toBe(name);
  });

  it("strips exactly what the two replaces strip, on any name", () => {
    const char = fc.constantFrom("$", "@", "&", "*", "{", "}", "a", "_", ".");
    fc.assert(
      fc.property(fc.array(char, { maxLength: 8 }), (chars) => {
        const name = chars.join("");
        expect(normaliseName(name)).toBe(name.replace(/^[$@&*]\{?/, "").replace(/\}$/, ""));
      }),
    );
  });
});
