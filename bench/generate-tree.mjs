#!/usr/bin/env node
// Deterministic synthetic source tree for `npm run bench`: realistic mixed-language
// files in nested directories, safe auth_token mentions, and N planted fake tokens
// whose path and line are listed in `<dir>/.planted.json`.
//
//   node bench/generate-tree.mjs <dir> [--files 10000] [--seed 1] [--plants 5] [--langs ts,py] [--mention-share 0.05] [--force]
//
// --langs limits the tree to some languages (e.g. `--langs ts` for the ESLint cost
// tree: TypeScript only, .ts and .tsx); plants then use only those languages' forms.
// --mention-share is each file's chance of a safe auth_token mention: 0.05 gives the
// main tree (about 5% of files hold the keyword `token`), 0.005 the sparse tree of
// issue 18 (under 1%: the plants and a few mentions). The filler never says `token`.
//
// Everything random comes from one seeded PRNG (sfc32, seeded through splitmix32),
// so the same parameters always give byte-identical trees. The tree is skipped
// when `<dir>/.planted.json` already records the same parameters and generator.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The manifest's format version. */
export const GENERATOR_VERSION = 1;
/** Hash of this file: any edit to the generator regenerates existing trees. */
const GENERATOR_HASH = crypto.createHash("sha256").update(fs.readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 16);
/** The manifest file, written last: its presence means the tree is complete. */
export const MANIFEST_NAME = ".planted.json";
/** The word token-guard's candidate search looks for (case-insensitive): the manifest counts the files holding it. */
export const KEYWORD = "token";
/** Each file's chance of a safe auth_token mention, unless --mention-share says otherwise. */
export const DEFAULT_MENTION_SHARE = 0.05;
/** Written first and removed last: marks a directory this script may wipe. */
const IN_PROGRESS_NAME = ".generating";

/** An expected failure: printed as one line, no stack trace. */
export class BenchError extends Error {}

// ---------------------------------------------------------------------------
// PRNG

/** A small seeded PRNG (sfc32) with the helpers the generators need. */
export function createRng(seed) {
  let s = (seed >>> 0) ^ 0x9e3779b9;
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = 1;
  const u32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) u32();
  const next = () => u32() / 4294967296;
  const rng = {
    next,
    /** Integer in [min, max] inclusive. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** Picks a key of `weights` ({ key: weight }) in proportion to its weight. */
    weighted: (weights) => {
      const entries = Object.entries(weights);
      let total = 0;
      for (const [, w] of entries) total += w;
      let r = next() * total;
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    /** `n` distinct items of `items`, in random order. */
    sample: (items, n) => {
      const copy = items.slice();
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------
// Vocabulary (deliberately free of "auth" and "token", so only the blocks below mention them)

const NOUNS = ["lead", "campaign", "agent", "call", "list", "queue", "report", "status", "phone", "record", "user",
  "account", "session", "cache", "retry", "batch", "page", "filter", "result", "payload", "client", "request",
  "response", "timer", "event", "handler", "schedule", "contact", "disposition", "note", "field", "webhook",
  "callback", "metric", "summary", "invoice", "order", "ticket", "team", "skill", "voicemail", "recording",
  "transfer", "dialer", "carrier", "region", "extract", "window", "shift", "quota"];
const VERBS = ["get", "fetch", "load", "save", "update", "create", "delete", "build", "parse", "format", "validate",
  "normalize", "sync", "send", "resolve", "merge", "compute", "render", "map", "collect", "flush", "group", "sort",
  "apply", "check", "find", "list", "import", "archive", "assign"];
const ADJS = ["active", "pending", "recent", "default", "primary", "local", "remote", "daily", "hourly", "paused",
  "archived", "new", "stale", "total", "max", "min", "next", "last"];
const STATUSES = ["active", "paused", "archived", "pending", "failed", "done", "queued"];
const ENVS = ["dev", "staging", "prod", "qa", "sandbox"];

const cap = (w) => w[0].toUpperCase() + w.slice(1);
const camel = (words) => words[0] + words.slice(1).map(cap).join("");
const pascal = (words) => words.map(cap).join("");
const snake = (words) => words.join("_");
const kebab = (words) => words.join("-");
const upper = (words) => words.join("_").toUpperCase();
const plural = (w) => (/(s|sh|ch|x)$/.test(w) ? w + "es" : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + "ies" : w + "s");
const thirdPerson = plural;
const past = (w) => (w.endsWith("e") ? w + "d" : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + "ied" : w === "map" ? "mapped" : w + "ed");

/** Builds the per-tree word helpers on top of one PRNG. */
function words(rng) {
  const noun = () => rng.pick(NOUNS);
  const verb = () => rng.pick(VERBS);
  const adj = () => rng.pick(ADJS);
  const fnWords = () => (rng.chance(0.5) ? [verb(), noun()] : [verb(), adj(), noun()]);
  const varWords = () => (rng.chance(0.6) ? [noun()] : rng.chance(0.5) ? [adj(), noun()] : [noun(), noun()]);
  const sentence = () =>
    rng.pick([
      () => `Returns the ${plural(noun())} for the given ${noun()} id.`,
      () => `${cap(thirdPerson(verb()))} ${adj()} ${plural(noun())} before they are sent to the ${noun()} queue.`,
      () => `TODO: handle ${adj()} ${plural(noun())} once the ${noun()} API supports paging.`,
      () => `Keep in sync with the ${noun()} ${noun()} schema (see docs/${plural(noun())}.md).`,
      () => `The ${noun()} ${noun()} is cached for ${rng.int(1, 60)} minutes; ${verb()} it again after that.`,
      () => `NOTE: ${plural(noun())} without a ${noun()} are skipped and counted in the ${noun()} summary.`,
      () => `Retries up to ${rng.int(2, 5)} times with exponential backoff on 429 and 5xx responses.`,
      () => `${cap(adj())} ${plural(noun())} are ${past(verb())} in batches of ${rng.pick([50, 100, 250, 500])}.`,
    ])();
  const url = () =>
    rng.chance(0.3)
      ? `https://api.convoso.com/v1/${plural(noun())}/${rng.pick(["search", "insert", "update", "delete"])}`
      : `https://${noun()}-${rng.pick(ENVS)}.internal.example.com/api/v${rng.int(1, 3)}/${plural(noun())}`;
  const hex = (n) => {
    let out = "";
    for (let i = 0; i < n; i++) out += "0123456789abcdef"[rng.int(0, 15)];
    return out;
  };
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${rng.pick(["8", "9", "a", "b"])}${hex(3)}-${hex(12)}`;
  return { noun, verb, adj, fnWords, varWords, sentence, url, hex, uuid };
}

/** A random 32-character mixed-case alphanumeric, with at least one lower, upper and digit. */
export function fakeToken(rng) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (;;) {
    let out = "";
    for (let i = 0; i < 32; i++) out += alphabet[rng.int(0, alphabet.length - 1)];
    if (/[a-z]/.test(out) && /[A-Z]/.test(out) && /[0-9]/.test(out)) return out;
  }
}

// ---------------------------------------------------------------------------
// Safe mentions and plants, per language. `@N@` stands for a name in the file's style
// and `@TOKEN@` for the planted value; plain quotes keep `${...}` literal here.

const SAFE = {
  ts: [
    [
      "const convosoAuthToken = process.env.CONVOSO_AUTH_TOKEN;",
      "if (!convosoAuthToken) {",
      '  throw new Error("Missing authentication token: set CONVOSO_AUTH_TOKEN");',
      "}",
      "",
      "export async function @N@(listId: number): Promise<unknown> {",
      "  const body = new URLSearchParams({ auth_token: convosoAuthToken, list_id: String(listId) });",
      '  const res = await fetch("https://api.convoso.com/v1/leads/search", { method: "POST", body });',
      "  return res.json();",
      "}",
    ],
    [
      "/** Builds the form body; the auth_token comes from the environment, never from source. */",
      "export function @N@(listId: number): string {",
      '  return `auth_token=${encodeURIComponent(process.env.CONVOSO_AUTH_TOKEN ?? "")}&list_id=${listId}`;',
      "}",
    ],
    [
      'const authTokenHeader = "X-Auth-Token";',
      'const AUTH_TOKEN_ENV_NAME = "CONVOSO_AUTH_TOKEN";',
      'const auth_token_url = "https://api.convoso.com/v1/auth";',
    ],
  ],
  js: [
    [
      "async function @N@(listId) {",
      "  const params = new URLSearchParams();",
      '  params.append("auth_token", process.env.CONVOSO_AUTH_TOKEN);',
      '  params.append("list_id", String(listId));',
      '  const res = await fetch("https://api.convoso.com/v1/leads/search", { method: "POST", body: params });',
      "  return res.json();",
      "}",
    ],
    ['// Example from the docs: body: `auth_token=${authToken}` with authToken = "YOUR_TOKEN_HERE".'],
  ],
  py: [
    [
      "def @N@(list_id):",
      '    """Search leads with the auth_token from the environment."""',
      '    auth_token = os.environ["CONVOSO_AUTH_TOKEN"]',
      '    data = {"auth_token": auth_token, "list_id": list_id}',
      '    response = requests.post("https://api.convoso.com/v1/leads/search", data=data, timeout=30)',
      "    response.raise_for_status()",
      "    return response.json()",
    ],
    [
      'AUTH_TOKEN = os.getenv("CONVOSO_AUTH_TOKEN")',
      "if not AUTH_TOKEN:",
      '    raise SystemExit("Missing authentication token: export CONVOSO_AUTH_TOKEN first")',
    ],
    ['oauth_token_path = "/var/run/secrets/oauth/path"', 'auth_token_url = "https://api.convoso.com/v1/auth"'],
  ],
  php: [
    [
      "function @N@($listId)",
      "{",
      "    $auth_token = getenv('CONVOSO_AUTH_TOKEN');",
      "    $ch = curl_init('https://api.convoso.com/v1/leads/search');",
      "    curl_setopt($ch, CURLOPT_POST, true);",
      "    curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query(['auth_token' => $auth_token, 'list_id' => $listId]));",
      "    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);",
      "    $response = curl_exec($ch);",
      "    curl_close($ch);",
      "    return json_decode($response, true);",
      "}",
    ],
    ["// auth_token: read from $_ENV['CONVOSO_AUTH_TOKEN'], see the deployment notes.", "$authToken = $_ENV['CONVOSO_AUTH_TOKEN'] ?? null;"],
  ],
  sh: [
    [
      ': "${CONVOSO_AUTH_TOKEN:?set CONVOSO_AUTH_TOKEN (see docs/security.md)}"',
      "",
      "@N@() {",
      '  curl -sS -X POST "https://api.convoso.com/v1/leads/search" \\',
      '    -d "auth_token=${CONVOSO_AUTH_TOKEN}" \\',
      '    -d "list_id=$1"',
      "}",
    ],
    ['# Usage: CONVOSO_AUTH_TOKEN=... ./@N@.sh <list_id>   (the auth_token is never stored here)'],
  ],
  md: [
    [
      "## Authentication",
      "",
      "Every request must include a valid `auth_token` parameter. Store it in the `CONVOSO_AUTH_TOKEN`",
      "environment variable and never commit it.",
      "",
      "```bash",
      'curl -X POST "https://api.convoso.com/v1/campaigns/search" \\',
      '  -d "auth_token=YOUR_TOKEN_HERE"',
      "```",
      "",
      "```python",
      'auth_token = os.getenv("CONVOSO_AUTH_TOKEN")',
      "```",
    ],
    [
      "If the auth_token is missing the API answers `Missing authentication token`; send",
      "`auth_token=your_token_here&list_id=123` with your own value from `$CONVOSO_AUTH_TOKEN`.",
    ],
  ],
  yaml: [
    ["convoso_@N@:", "  base_url: https://api.convoso.com/v1", "  auth_token: ${CONVOSO_AUTH_TOKEN}"],
    [
      "@N@_env:",
      "  - name: CONVOSO_AUTH_TOKEN",
      "    valueFrom:",
      "      secretKeyRef:",
      "        name: convoso",
      "        key: auth_token",
    ],
    ["@N@_step:", "  env:", "    CONVOSO_AUTH_TOKEN: ${{ secrets.CONVOSO_AUTH_TOKEN }}"],
  ],
  json: [
    ['"@N@": { "key": "auth_token", "value": "{{convoso_auth_token}}" }'],
    ['"@N@": { "baseUrl": "https://api.convoso.com/v1", "authTokenEnv": "CONVOSO_AUTH_TOKEN" }'],
  ],
};

/** Planted leaks, one form per language, in the order plants are assigned. */
const PLANTS = [
  {
    lang: "ts",
    form: "ts-const",
    lines: [
      "// Lead sync client (temporary, move to the environment before release).",
      'const authToken = "@TOKEN@";',
      "",
      "export async function @N@(): Promise<unknown> {",
      '  const res = await fetch("https://api.convoso.com/v1/campaigns/search", {',
      '    method: "POST",',
      '    headers: { "Content-Type": "application/x-www-form-urlencoded" },',
      "    body: `auth_token=${authToken}`,",
      "  });",
      "  return res.json();",
      "}",
    ],
  },
  {
    lang: "py",
    form: "py-assign",
    lines: [
      'auth_token = "@TOKEN@"',
      "",
      "",
      "def @N@():",
      '    url = "https://api.convoso.com/v1/campaigns/search"',
      '    response = requests.post(url, data={"auth_token": auth_token}, timeout=30)',
      "    return response.json()",
    ],
  },
  {
    lang: "php",
    form: "php-array",
    lines: [
      "function @N@($listId)",
      "{",
      "    $params = [",
      "        'auth_token' => '@TOKEN@',",
      "        'list_id' => $listId,",
      "    ];",
      "    $ch = curl_init('https://api.convoso.com/v1/leads/search');",
      "    curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query($params));",
      "    return curl_exec($ch);",
      "}",
    ],
  },
  {
    lang: "sh",
    form: "sh-curl-data",
    lines: [
      "@N@() {",
      '  curl -sS -X POST "https://api.convoso.com/v1/campaigns/search" -d "auth_token=@TOKEN@" -d "list_id=$1"',
      "}",
    ],
  },
  {
    lang: "yaml",
    form: "yaml-key",
    lines: ["convoso_@N@:", "  base_url: https://api.convoso.com/v1", '  auth_token: "@TOKEN@"'],
  },
  {
    lang: "md",
    form: "md-fenced-curl",
    lines: [
      "### Quick test",
      "",
      "```bash",
      'curl -X POST "https://api.convoso.com/v1/campaigns/search" -d "auth_token=@TOKEN@"',
      "```",
    ],
  },
  {
    lang: "js",
    form: "js-urlsearchparams",
    lines: [
      "function @N@(listId) {",
      '  const params = new URLSearchParams({ auth_token: "@TOKEN@", list_id: String(listId) });',
      '  return fetch("https://api.convoso.com/v1/leads/search", { method: "POST", body: params });',
      "}",
    ],
  },
  {
    lang: "json",
    form: "json-key",
    lines: ['"@N@": { "baseUrl": "https://api.convoso.com/v1", "auth_token": "@TOKEN@" }'],
  },
];

// ---------------------------------------------------------------------------
// Filler generators: each returns one top-level block (a string without trailing newline).

function tsBlock(rng, w, typed) {
  const t = (s) => (typed ? s : "");
  const fn = camel(w.fnWords());
  const type = pascal([w.adj(), w.noun()]);
  const arg = camel(w.varWords()).replace(/^page$/, "pageId");
  const stmt = (ind) =>
    ind +
    rng.pick([
      () => `const ${camel(w.varWords())} = await ${camel(w.fnWords())}(${arg}, { limit: ${rng.int(10, 500)}, status: "${rng.pick(STATUSES)}" });`,
      () => `if (!${arg}) {\n${ind}  throw new Error("${w.sentence()}");\n${ind}}`,
      () => `logger.info("${w.verb()} ${w.noun()}", { ${camel(w.varWords())}: ${arg}, attempt: ${rng.int(1, 5)} });`,
      () => `for (const item of ${camel(w.varWords())}s) {\n${ind}  if (item.status === "${rng.pick(STATUSES)}") continue;\n${ind}  ${camel(w.varWords())}.push(item.id);\n${ind}}`,
      () => `// ${w.sentence()}`,
      () => `const url = \`${w.url()}?page=\${page}&size=${rng.pick([25, 50, 100])}\`;`,
      () => `try {\n${ind}  await ${camel(w.fnWords())}(${arg});\n${ind}} catch (error) {\n${ind}  logger.warn("${w.sentence()}", error);\n${ind}}`,
      () => `const requestId = "${w.uuid()}";`,
    ])();
  return rng.pick([
    () => {
      const body = [];
      for (let i = rng.int(2, 7); i > 0; i--) body.push(stmt("  "));
      return `/**\n * ${w.sentence()}\n */\nexport async function ${fn}(${arg}${t(": string")}, page${t(" = 1")})${t(`: Promise<${type}[]>`)} {\n${body.join("\n")}\n  return [];\n}`;
    },
    () => {
      if (!typed) return `export const ${upper(w.varWords())} = ${rng.int(1, 10000)};`;
      const fields = [];
      for (let i = rng.int(2, 8); i > 0; i--) fields.push(`  ${camel(w.varWords())}${rng.chance(0.3) ? "?" : ""}: ${rng.pick(["string", "number", "boolean", "Date", `${pascal([w.noun()])}[]`])};`);
      return `/** ${w.sentence()} */\nexport interface ${type} {\n${fields.join("\n")}\n}`;
    },
    () => `export const ${upper(w.varWords())} = ${rng.pick([`${rng.int(1, 10000)}`, `"${w.url()}"`, `["${rng.pick(STATUSES)}", "${rng.pick(STATUSES)}"]`])};`,
    () => {
      const cls = pascal([w.noun(), rng.pick(["Service", "Repository", "Client", "Store", "Worker"])]);
      const methods = [];
      for (let i = rng.int(1, 3); i > 0; i--) {
        const body = [];
        for (let j = rng.int(1, 4); j > 0; j--) body.push(stmt("    "));
        methods.push(`  async ${camel(w.fnWords())}(${arg}${t(": string")})${t(": Promise<void>")} {\n${body.join("\n")}\n  }`);
      }
      return `export class ${cls} {\n  ${t("private readonly ")}${camel(w.varWords())}${t(": Map<string, number>")} = new Map();\n\n${methods.join("\n\n")}\n}`;
    },
  ])();
}

function tsHeader(rng, w, typed) {
  const lines = [];
  for (let i = rng.int(1, 5); i > 0; i--) {
    const names = [];
    for (let j = rng.int(1, 3); j > 0; j--) names.push(camel(w.fnWords()));
    lines.push(`import { ${[...new Set(names)].join(", ")} } from "${rng.pick(["./", "../", "../../"])}${kebab(w.varWords())}${typed ? "" : ".js"}";`);
  }
  if (typed && rng.chance(0.5)) lines.push(`import type { ${pascal([w.adj(), w.noun()])} } from "./types";`);
  lines.push(`import { logger } from "${rng.pick(["../", "../../"])}logger${typed ? "" : ".js"}";`);
  return lines.join("\n") + "\n\n";
}

function pyBlock(rng, w) {
  const fn = snake(w.fnWords());
  const arg = snake(w.varWords()).replace(/^page$/, "page_id");
  const stmt = (ind) =>
    ind +
    rng.pick([
      () => `${snake(w.varWords())} = ${snake(w.fnWords())}(${arg}, limit=${rng.int(10, 500)}, status="${rng.pick(STATUSES)}")`,
      () => `if not ${arg}:\n${ind}    raise ValueError("${w.sentence()}")`,
      () => `logger.info("${w.verb()} %s ${plural(w.noun())}", ${arg})`,
      () => `for item in ${snake(w.varWords())}s:\n${ind}    if item.get("status") == "${rng.pick(STATUSES)}":\n${ind}        continue\n${ind}    ${snake(w.varWords())}.append(item["id"])`,
      () => `# ${w.sentence()}`,
      () => `url = f"${w.url()}?page={page}&size=${rng.pick([25, 50, 100])}"`,
      () => `try:\n${ind}    ${snake(w.fnWords())}(${arg})\n${ind}except requests.RequestException as exc:\n${ind}    logger.warning("${w.sentence()} %s", exc)`,
    ])();
  return rng.pick([
    () => {
      const body = [];
      for (let i = rng.int(2, 7); i > 0; i--) body.push(stmt("    "));
      return `def ${fn}(${arg}, page=1):\n    """${w.sentence()}"""\n${body.join("\n")}\n    return []`;
    },
    () => `${upper(w.varWords())} = ${rng.pick([`${rng.int(1, 10000)}`, `"${w.url()}"`, `("${rng.pick(STATUSES)}", "${rng.pick(STATUSES)}")`])}`,
    () => {
      const cls = pascal([w.noun(), rng.pick(["Service", "Repository", "Client", "Worker"])]);
      const methods = [];
      for (let i = rng.int(1, 3); i > 0; i--) {
        const body = [];
        for (let j = rng.int(1, 4); j > 0; j--) body.push(stmt("        "));
        methods.push(`    def ${snake(w.fnWords())}(self, ${arg}):\n        """${w.sentence()}"""\n${body.join("\n")}`);
      }
      return `class ${cls}:\n    """${w.sentence()}"""\n\n    def __init__(self, session=None):\n        self.session = session or requests.Session()\n\n${methods.join("\n\n")}`;
    },
  ])();
}

function pyHeader(rng, w) {
  const mods = ["logging", ...rng.sample(["os", "sys", "json", "time", "datetime", "typing", "pathlib", "argparse"], rng.int(1, 4))];
  const lines = [];
  if (rng.chance(0.2)) lines.push("#!/usr/bin/env python3");
  lines.push(`"""${w.sentence()}"""`, "");
  for (const m of mods.sort()) lines.push(`import ${m}`);
  lines.push("", "import requests", "");
  if (rng.chance(0.5)) lines.push(`from .${snake(w.varWords())} import ${snake(w.fnWords())}`, "");
  lines.push("logger = logging.getLogger(__name__)", "");
  return lines.join("\n") + "\n";
}

function phpBlock(rng, w) {
  const arg = "$" + camel(w.varWords()).replace(/^page$/, "pageId");
  const stmt = (ind) =>
    ind +
    rng.pick([
      () => `$${camel(w.varWords())} = $this->${camel(w.fnWords())}(${arg}, ['limit' => ${rng.int(10, 500)}, 'status' => '${rng.pick(STATUSES)}']);`,
      () => `if (empty(${arg})) {\n${ind}    throw new \\InvalidArgumentException('${w.sentence().replace(/'/g, "")}');\n${ind}}`,
      () => `$this->logger->info("${w.verb()} ${w.noun()} {$${camel(w.varWords())}}");`,
      () => `foreach ($${camel(w.varWords())}s as $item) {\n${ind}    if ($item['status'] === '${rng.pick(STATUSES)}') {\n${ind}        continue;\n${ind}    }\n${ind}    $ids[] = $item['id'];\n${ind}}`,
      () => `// ${w.sentence()}`,
      () => `$url = sprintf('${w.url()}?page=%d', $page);`,
    ])();
  return rng.pick([
    () => {
      const cls = pascal([w.noun(), rng.pick(["Controller", "Repository", "Service", "Mapper"])]);
      const methods = [];
      for (let i = rng.int(1, 4); i > 0; i--) {
        const body = [];
        for (let j = rng.int(1, 5); j > 0; j--) body.push(stmt("        "));
        methods.push(`    /**\n     * ${w.sentence()}\n     */\n    public function ${camel(w.fnWords())}(${arg}, int $page = 1): array\n    {\n${body.join("\n")}\n        return [];\n    }`);
      }
      return `class ${cls}\n{\n    private const ${upper(w.varWords())} = ${rng.int(1, 1000)};\n\n${methods.join("\n\n")}\n}`;
    },
    () => {
      const body = [];
      for (let j = rng.int(1, 5); j > 0; j--) body.push(stmt("    "));
      return `function ${snake(w.fnWords())}(${arg}, $page = 1)\n{\n${body.join("\n").replace(/\$this->/g, "$GLOBALS['app']->")}\n    return [];\n}`;
    },
  ])();
}

function phpHeader(rng, w) {
  const uses = [];
  for (let i = rng.int(1, 4); i > 0; i--) uses.push(`use App\\${pascal([w.noun()])}\\${pascal([w.adj(), w.noun()])};`);
  return `<?php\n\ndeclare(strict_types=1);\n\nnamespace App\\${pascal([w.noun()])};\n\n${[...new Set(uses)].join("\n")}\n\n`;
}

function shBlock(rng, w) {
  const v = upper(w.varWords());
  const stmt = () =>
    "  " +
    rng.pick([
      () => `local ${snake(w.varWords())}="$1"`,
      () => `curl -sS --fail "${w.url()}?page=\${page:-1}" | jq -r '.data[].id' >> "$${v}_FILE"`,
      () => `if [ -z "\${${v}:-}" ]; then\n    echo "${w.sentence()}" >&2\n    return 1\n  fi`,
      () => `# ${w.sentence()}`,
      () => `for ${snake([w.noun()])} in ${rng.pick(STATUSES)} ${rng.pick(STATUSES)}; do\n    echo "${w.verb()} $${snake([w.noun()])}"\n  done`,
      () => `sleep ${rng.int(1, 30)}`,
    ])();
  return rng.pick([
    () => {
      const body = [];
      for (let i = rng.int(2, 6); i > 0; i--) body.push(stmt());
      return `# ${w.sentence()}\n${snake(w.fnWords())}() {\n${body.join("\n")}\n  return 0\n}`;
    },
    () => `${v}="\${${v}:-${rng.pick([rng.int(1, 500), w.url(), rng.pick(ENVS)])}}"`,
  ])();
}

function mdBlock(rng, w) {
  return rng.pick([
    () => `## ${cap(w.verb())} ${w.adj()} ${plural(w.noun())}\n\n${w.sentence()} ${w.sentence()} ${w.sentence()}`,
    () => {
      const items = [];
      for (let i = rng.int(2, 6); i > 0; i--) items.push(`- ${w.sentence()}`);
      return items.join("\n");
    },
    () => `\`\`\`bash\ncurl -sS "${w.url()}?page=1" | jq '.data | length'\n\`\`\``,
    () => `\`\`\`ts\nconst ${camel(w.varWords())} = await ${camel(w.fnWords())}({ status: "${rng.pick(STATUSES)}" });\n\`\`\``,
    () => {
      const rows = [`| ${cap(w.noun())} | ${cap(w.noun())} | Notes |`, "|---|---|---|"];
      for (let i = rng.int(2, 6); i > 0; i--) rows.push(`| \`${snake(w.varWords())}\` | ${rng.int(1, 999)} | ${w.sentence()} |`);
      return rows.join("\n");
    },
  ])();
}

function yamlBlock(rng, w, key) {
  return rng.pick([
    () => `${key}:\n  replicas: ${rng.int(1, 6)}\n  image: registry.example.com/${kebab(w.varWords())}:${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 40)}\n  resources:\n    limits:\n      cpu: ${rng.int(100, 2000)}m\n      memory: ${rng.pick([128, 256, 512, 1024])}Mi`,
    () => `${key}:\n  url: ${w.url()}\n  timeout_seconds: ${rng.int(1, 120)}\n  retries: ${rng.int(0, 5)}\n  # ${w.sentence()}`,
    () => {
      const items = [];
      for (let i = rng.int(2, 5); i > 0; i--) items.push(`  - name: ${kebab(w.fnWords())}\n    run: npm run ${kebab([w.verb(), w.noun()])}`);
      return `${key}:\n${items.join("\n")}`;
    },
    () => `${key}: ${rng.pick([rng.int(1, 10000), `"${rng.pick(STATUSES)}"`, "true", "false", `"${w.hex(40)}"`])}`,
  ])();
}

function jsonBlock(rng, w, key) {
  return rng.pick([
    () => `"${key}": { "id": "${w.uuid()}", "status": "${rng.pick(STATUSES)}", "count": ${rng.int(0, 9999)}, "updatedAt": "2024-0${rng.int(1, 9)}-1${rng.int(0, 9)}T0${rng.int(0, 9)}:00:00Z" }`,
    () => `"${key}": "${w.url()}"`,
    () => {
      const items = [];
      for (let i = rng.int(1, 6); i > 0; i--) items.push(`    { "name": "${kebab(w.varWords())}", "${camel([w.noun()])}": ${rng.int(0, 500)}, "commit": "${w.hex(40)}" }`);
      return `"${key}": [\n${items.join(",\n")}\n  ]`;
    },
    () => `"${key}": ${rng.pick([rng.int(0, 10000), "true", "false", "null"])}`,
  ])();
}

const LANGS = {
  ts: { weight: 24, exts: { ".ts": 85, ".tsx": 15 }, name: kebab, roots: ["packages/P/src", "apps/P/src"] },
  js: { weight: 10, exts: { ".js": 60, ".mjs": 15, ".cjs": 10, ".jsx": 15 }, name: kebab, roots: ["apps/P/public/js", "packages/P/lib", "tools/P"] },
  py: { weight: 18, exts: { ".py": 100 }, name: snake, roots: ["services/P", "jobs/P"] },
  php: { weight: 12, exts: { ".php": 100 }, name: pascal, roots: ["web/P/src", "legacy/P"] },
  sh: { weight: 6, exts: { ".sh": 80, ".bash": 20 }, name: kebab, roots: ["scripts/P", "ops/P"] },
  md: { weight: 12, exts: { ".md": 100 }, name: kebab, roots: ["docs/P", "packages/P/docs"] },
  yaml: { weight: 9, exts: { ".yml": 50, ".yaml": 50 }, name: kebab, roots: ["deploy/P", "config/P", "ci/P"] },
  json: { weight: 9, exts: { ".json": 100 }, name: kebab, roots: ["config/P", "fixtures/P", "packages/P/schemas"] },
};

/** Renders one file of `lang` of about `target` bytes, with `extras` blocks spliced in. */
function renderFile(rng, w, lang, target, extras) {
  const keys = new Set();
  const uniqueKey = (style) => {
    let key;
    do key = style(w.varWords()) + (keys.size > 20 ? `_${keys.size}` : "");
    while (keys.has(key));
    keys.add(key);
    return key;
  };
  let header = "";
  let footer = "";
  let make;
  let joiner = "\n\n";
  switch (lang) {
    case "ts":
    case "js": {
      const typed = lang === "ts";
      header = tsHeader(rng, w, typed);
      make = () => tsBlock(rng, w, typed);
      break;
    }
    case "py":
      header = pyHeader(rng, w);
      make = () => pyBlock(rng, w);
      joiner = "\n\n\n";
      break;
    case "php":
      header = phpHeader(rng, w);
      make = () => phpBlock(rng, w);
      break;
    case "sh":
      header = `#!/usr/bin/env bash\n# ${w.sentence()}\nset -euo pipefail\n\n`;
      make = () => shBlock(rng, w);
      break;
    case "md":
      header = `# ${cap(w.adj())} ${w.noun()} ${plural(w.noun())}\n\n${w.sentence()}\n\n`;
      make = () => mdBlock(rng, w);
      break;
    case "yaml":
      header = `# ${w.sentence()}\nversion: ${rng.int(1, 3)}\n\n`;
      make = () => yamlBlock(rng, w, uniqueKey(snake));
      joiner = "\n";
      break;
    case "json":
      header = "{\n  ";
      footer = "\n}";
      make = () => jsonBlock(rng, w, uniqueKey(camel));
      joiner = ",\n  ";
      break;
    default:
      throw new Error(`unknown language ${lang}`);
  }
  const blocks = [];
  let size = header.length + footer.length;
  for (const extra of extras) size += extra.length + joiner.length;
  while (size < target || blocks.length === 0) {
    const block = make();
    blocks.push(block);
    size += block.length + joiner.length;
  }
  for (const extra of extras) {
    blocks.splice(rng.int(0, blocks.length), 0, extra);
  }
  return header + blocks.join(joiner) + footer + "\n";
}

/** Fills in `@N@` (a name in the file's style) and `@TOKEN@` in a block's lines. */
function fillBlock(lines, name, token) {
  return lines.map((line) => line.replaceAll("@N@", name).replace("@TOKEN@", token ?? "")).join("\n");
}

// ---------------------------------------------------------------------------
// The tree

/**
 * Plans and writes the tree. Returns the manifest:
 * { generator, version, params, files, bytes, languages, expect: { rgLines, mentionFiles, keywordFiles }, planted: [{ path, line, language, form }] }
 * (keywordFiles: the files holding KEYWORD in any case, which token-guard's candidate search finds).
 */
function writeTree(dir, params) {
  const rng = createRng(params.seed);
  const w = words(rng);
  const n = params.files;
  // All languages unless params.langs names some (the same order either way, so the
  // default tree's bytes do not depend on this option existing).
  const allowed = Object.keys(LANGS).filter((lang) => !params.langs || params.langs.includes(lang));
  const plantForms = PLANTS.filter((plant) => allowed.includes(plant.lang));

  // 1. Languages, with the plant files forced to their plant's language.
  const langWeights = {};
  for (const lang of allowed) langWeights[lang] = LANGS[lang].weight;
  const langs = [];
  for (let i = 0; i < n; i++) langs.push(rng.weighted(langWeights));
  const plantIndexes = rng.sample([...Array(n).keys()], params.plants);
  const plantOf = new Map();
  plantIndexes.forEach((fileIndex, i) => {
    const plant = plantForms[i % plantForms.length];
    langs[fileIndex] = plant.lang;
    plantOf.set(fileIndex, plant);
  });

  // 2. Directories: about a dozen files each, nested 1-4 levels under a per-language root.
  const projects = [];
  const projectCount = Math.max(3, Math.min(60, Math.round(n / 400)));
  for (let i = 0; i < projectCount; i++) projects.push(kebab(rng.chance(0.5) ? [w.noun()] : [w.noun(), w.noun()]));
  const dirsByLang = {};
  for (const lang of allowed) {
    const count = langs.filter((l) => l === lang).length;
    const dirs = new Set();
    const want = Math.max(1, Math.ceil(count / 12));
    for (let guard = 0; dirs.size < want && guard < want * 20; guard++) {
      const segments = [rng.pick(LANGS[lang].roots).replace("P", rng.pick(projects))];
      for (let depth = rng.int(0, 3); depth > 0; depth--) segments.push(LANGS[lang].name === pascal ? pascal([w.noun()]) : w.noun());
      dirs.add(segments.join("/"));
    }
    dirsByLang[lang] = [...dirs];
  }

  // 3. Files.
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, IN_PROGRESS_NAME), "");
  const madeDirs = new Set();
  const usedPaths = new Set();
  const planted = [];
  const languages = {};
  let bytes = 0;
  let rgLines = 0;
  let mentionFiles = 0;
  let keywordFiles = 0;
  for (let i = 0; i < n; i++) {
    const lang = langs[i];
    const spec = LANGS[lang];
    const relDir = rng.pick(dirsByLang[lang]);
    const ext = rng.weighted(spec.exts);
    const base = spec.name(rng.chance(0.5) ? [w.noun()] : [w.verb(), w.noun()]);
    let rel = `${relDir}/${base}${ext}`;
    for (let k = 2; usedPaths.has(rel); k++) rel = `${relDir}/${base}-${k}${ext}`;
    usedPaths.add(rel);

    const nameStyle = lang === "py" || lang === "php" || lang === "sh" || lang === "yaml" ? snake : camel;
    const extras = [];
    if (rng.chance(params.mentionShare)) extras.push(fillBlock(rng.pick(SAFE[lang]), nameStyle(w.fnWords())));
    const plant = plantOf.get(i);
    let token;
    if (plant) {
      token = fakeToken(rng);
      extras.push(fillBlock(plant.lines, nameStyle(w.fnWords()), token));
    }
    const target = Math.round(200 * Math.pow(100, rng.next()));
    const text = renderFile(rng, w, lang, target, extras);

    if (plant) {
      const at = text.indexOf(token);
      let line = 1;
      for (let p = text.indexOf("\n"); p !== -1 && p < at; p = text.indexOf("\n", p + 1)) line++;
      planted.push({ path: rel, line, language: lang, form: plant.form });
    }
    const lower = text.toLowerCase();
    if (lower.includes(KEYWORD)) keywordFiles++;
    if (lower.includes("auth_token")) {
      mentionFiles++;
      for (const l of lower.split("\n")) if (l.includes("auth_token")) rgLines++;
    }
    const abs = path.join(dir, relDir);
    if (!madeDirs.has(relDir)) {
      fs.mkdirSync(abs, { recursive: true });
      madeDirs.add(relDir);
    }
    fs.writeFileSync(path.join(dir, rel), text);
    bytes += Buffer.byteLength(text);
    languages[lang] = (languages[lang] ?? 0) + 1;
  }

  planted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  const manifest = {
    generator: "bench/generate-tree.mjs",
    version: GENERATOR_VERSION,
    generatorHash: GENERATOR_HASH,
    params,
    files: n,
    bytes,
    languages,
    expect: { rgLines, mentionFiles, keywordFiles },
    planted,
  };
  fs.writeFileSync(path.join(dir, MANIFEST_NAME), JSON.stringify(manifest, null, 2) + "\n");
  fs.rmSync(path.join(dir, IN_PROGRESS_NAME), { force: true });
  return manifest;
}

/** Reads `<dir>/.planted.json`, or returns null when it is missing or unreadable. */
export function readManifest(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_NAME), "utf8"));
  } catch {
    return null;
  }
}

function sameParams(manifest, params) {
  return (
    manifest?.version === GENERATOR_VERSION &&
    manifest.generatorHash === GENERATOR_HASH &&
    manifest.params?.files === params.files &&
    manifest.params?.seed === params.seed &&
    manifest.params?.plants === params.plants &&
    manifest.params?.mentionShare === params.mentionShare &&
    JSON.stringify(manifest.params?.langs ?? null) === JSON.stringify(params.langs ?? null)
  );
}

/**
 * Generates the tree unless `dir` already holds one made with the same parameters.
 * Only a directory that is empty or was made by this script is ever wiped.
 * Returns { manifest, generated, seconds }.
 */
export function generateTree(dir, { files = 10000, seed = 1, plants = 5, langs = null, mentionShare = DEFAULT_MENTION_SHARE, force = false } = {}) {
  const params = { files, seed, plants, mentionShare };
  if (langs !== null) {
    const unknown = langs.filter((lang) => !Object.hasOwn(LANGS, lang));
    if (!Array.isArray(langs) || langs.length === 0 || unknown.length) {
      throw new BenchError(`--langs must list some of ${Object.keys(LANGS).join(", ")}; got "${[].concat(langs).join(",")}"`);
    }
    params.langs = Object.keys(LANGS).filter((lang) => langs.includes(lang));
    if (plants > 0 && !PLANTS.some((plant) => params.langs.includes(plant.lang))) {
      throw new BenchError(`no planted-token form exists for ${params.langs.join(", ")}: use --plants 0`);
    }
  }
  if (!Number.isInteger(files) || files < 1) throw new BenchError(`--files must be a positive integer, got ${files}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new BenchError(`--seed must be an integer from 0 to 4294967295, got ${seed}`);
  if (!Number.isInteger(plants) || plants < 0) throw new BenchError(`--plants must be a non-negative integer, got ${plants}`);
  if (plants > files) throw new BenchError(`--plants (${plants}) cannot exceed --files (${files})`);
  if (typeof mentionShare !== "number" || !(mentionShare >= 0 && mentionShare <= 1)) throw new BenchError(`--mention-share must be a number from 0 to 1, got ${mentionShare}`);

  if (fs.existsSync(dir)) {
    const manifest = readManifest(dir);
    const inProgress = fs.existsSync(path.join(dir, IN_PROGRESS_NAME));
    if (!force && !inProgress && sameParams(manifest, params)) return { manifest, generated: false, seconds: 0 };
    const ours = manifest?.generator === "bench/generate-tree.mjs" || inProgress;
    if (!ours && fs.readdirSync(dir).length > 0) {
      throw new BenchError(`${dir} exists and was not made by bench/generate-tree.mjs; choose another directory or remove it`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const started = process.hrtime.bigint();
  const manifest = writeTree(dir, params);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { manifest, generated: true, seconds };
}

// ---------------------------------------------------------------------------
// CLI

function parseInteger(name, raw) {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new BenchError(`--${name} must be a non-negative integer, got "${raw}"`);
  return Number(raw);
}

function parseFraction(name, raw) {
  if (raw === undefined) return undefined;
  if (!/^\d*\.?\d+$/.test(raw)) throw new BenchError(`--${name} must be a number from 0 to 1, got "${raw}"`);
  return Number(raw);
}

function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        files: { type: "string" },
        seed: { type: "string" },
        plants: { type: "string" },
        langs: { type: "string" },
        "mention-share": { type: "string" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new BenchError(error.message);
  }
  const usage = "usage: node bench/generate-tree.mjs <dir> [--files 10000] [--seed 1] [--plants 5] [--langs ts,py] [--mention-share 0.05] [--force]";
  if (parsed.values.help) {
    console.log(usage);
    return;
  }
  if (parsed.positionals.length !== 1) throw new BenchError(usage);
  const dir = parsed.positionals[0];
  const options = {
    files: parseInteger("files", parsed.values.files) ?? 10000,
    seed: parseInteger("seed", parsed.values.seed) ?? 1,
    plants: parseInteger("plants", parsed.values.plants) ?? 5,
    langs: parsed.values.langs === undefined ? null : parsed.values.langs.split(",").map((l) => l.trim()).filter(Boolean),
    mentionShare: parseFraction("mention-share", parsed.values["mention-share"]) ?? DEFAULT_MENTION_SHARE,
    force: parsed.values.force ?? false,
  };
  const { manifest, generated, seconds } = generateTree(dir, options);
  const mb = (manifest.bytes / 1048576).toFixed(1);
  if (generated) {
    console.log(`generated ${manifest.files} files (${mb} MB) in ${dir} in ${seconds.toFixed(1)} s; ${manifest.planted.length} planted tokens listed in ${path.join(dir, MANIFEST_NAME)}`);
  } else {
    console.log(`${dir} is up to date (${manifest.files} files, ${mb} MB, seed ${manifest.params.seed}); nothing to do`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchError) && !error?.code) throw error;
    console.error(`generate-tree: ${error.message}`);
    process.exitCode = 2;
  }
}
