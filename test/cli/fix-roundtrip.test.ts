// `token-guard fix` over a copy of the whole fixture corpus and examples/, as a user
// would run it: afterwards scan finds only what fix reported it could not do, every
// rewritten file still parses, .env holds exactly the removed values, a second run
// changes nothing, a dry run shows no token, and an interrupted run leaves no file half-written.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentedEntries, parseEnvFile } from "../../src/fix/env-file.js";
import { checkedLanguage, ensurePhp, hasMake, parseError } from "../fix/parsers.js";
import { scanText } from "../support/scan.js";
import { git, REPO_ROOT, runCli, snapshot } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";
import { typeScriptEnvLookup } from "../../src/languages/javascript/replacement.js";

/** Constructs the fixtures do not hold, generated so this file holds no token literal. */
function extras(): Record<string, string> {
  const t = (seed: number): string => fakeToken(seed);
  return {
    "extras/nowdoc.sh": `#!/usr/bin/env bash\n# Convoso lead insert.\ncurl -X POST https://api.convoso.com/v1/leads/insert --data @- <<'EOF' | cat\nlist_id=$LIST \`x\`\nauth_token=${t(801)}\nEOF\n`,
    "extras/bytes.py": `"""Convoso sync."""\nfrom __future__ import annotations\n\nBODY = b"auth_token=${t(802)}&list_id=1"\nQUERY = u"auth_token=${t(803)}&list_id={}".format(1)\n\ndef search(auth_token="${t(804)}"):\n    return auth_token\n`,
    "extras/crlf.ts": `\uFEFF// Convoso client.\r\nexport const CONVOSO_AUTH_TOKEN = "${t(805)}" as const;\r\nexport const { AUTH_TOKEN = "${t(806)}" } = process.env;\r\n`,
    "extras/legacy.php": `<?php\n// Convoso API client (https://api.convoso.com/v1).\nconst DEFAULT_TOKEN = '${t(807)}';\nfunction body(int $listId): string {\n    $body = <<<'EOT'\n    auth_token=${t(808)}&cost=$5\n    EOT;\n    return $body;\n}\n`,
    "extras/docker-compose.yml": `services:\n  sync:\n    image: acme/sync\n    environment:\n      CONVOSO_AUTH_TOKEN: ${t(809)}\n`,
    "extras/compose.yaml": `services:\n  sync:\n    environment: {CONVOSO_AUTH_TOKEN: ${t(810)}, LIST_ID: "123"}\n  report:\n    environment: [AUTH_TOKEN=${t(811)}]\n`,
    "extras/format.py": `"""Convoso report."""\nimport logging\nlogging.info("auth_token=%s", "${t(815)}")\nURL = "https://api.convoso.com/v1/log/retrieve?auth_token={}&limit={}".format("${t(816)}", 5)\n`,
    "extras/links.php": `<?php\n// Convoso links.\n$u = vsprintf('%s/leads/search?auth_token=%s', [$base, '${t(817)}']);\n`,
    "extras/rotate.sh": `#!/bin/sh\n# Convoso.\nprintf 'auth_token=%s' '${t(818)}' | curl -d @- https://api.convoso.com/v1/campaigns/search\ndialerctl login --auth-token ${t(819)}\n`,
    "extras/flow.ts": `// Convoso client.\nclass Dialer {\n  constructor(private readonly convosoToken: string) {}\n}\nconst pick = (region: string): string | undefined => (region === "eu" ? "${t(830)}" : process.env.CONVOSO_AUTH_TOKEN);\nconst perList = new Map([["inbound", "${t(831)}"]]);\nexport const dialer = new Dialer("${t(832)}");\nexport const providers = [{ provide: CONVOSO_AUTH_TOKEN, useValue: "${t(833)}" }];\nexport const url = \`https://api.convoso.com/v1/x?auth_token=\${pick(r)}\`;\nexport const form = new URLSearchParams([["auth_token", perList.get(l) ?? ""]]);\n`,
    "extras/flow.py": `"""Convoso settings."""\nimport typer\nfrom pydantic import Field, SecretStr\n\n\nclass Settings:\n    auth_token: SecretStr = Field(default=SecretStr("${t(834)}"))\n\n\ndef run(convoso_token: str = typer.Option("${t(835)}", "--convoso-token")) -> None:\n    tok = None if convoso_token else "${t(836)}"\n    print({"auth_token": tok})\n`,
    "extras/flow.php": `<?php\n// Convoso sync.\n$creds = getenv('SANDBOX') ? '${t(837)}' : getenv('CONVOSO_AUTH_TOKEN');\n$query = http_build_query(['auth_token' => $creds]);\n`,
    "extras/Makefile": `# Convoso lead sync.\nCONVOSO_AUTH_TOKEN = ${t(812)}\n\nsearch:\n\tcurl -fsS -d 'auth_token=${t(813)}' \\\n\t  https://api.convoso.com/v1/campaigns/search\n\texport AUTH_TOKEN=${t(814)}; ./sync.sh\n`,
  };
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** Held-out corpora (zsh, Elixir, notebooks as others wrote them) are scored by corpora.test.ts, not fixed here. */
const HELD_OUT = join(REPO_ROOT, "test/fixtures/corpora");

/** A git repository holding test/fixtures (but the held-out corpora), examples/ and the extras. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "token-guard-fix-"));
  created.push(dir);
  git(dir, "init", "-q", "-b", "main");
  cpSync(join(REPO_ROOT, "test/fixtures"), join(dir, "fixtures"), { recursive: true, filter: (source) => source !== HELD_OUT });
  cpSync(join(REPO_ROOT, "examples"), join(dir, "examples"), { recursive: true });
  for (const [path, text] of Object.entries(extras())) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Token-shaped runs (as the fixture contract defines planted values). */
function plantedValues(text: string): string[] {
  const runs = text.match(/(?<![A-Za-z0-9])[A-Za-z0-9]{12,64}(?![A-Za-z0-9])/g) ?? [];
  return runs.filter((run) => /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run));
}

/** `path:line:column` of the "left for you" lines of fix's summary. */
function leftOf(stdout: string): string[] {
  const section = stdout.split(/^left for you.*$/m)[1] ?? "";
  return [...section.matchAll(/^ {2}(\S+:\d+:\d+) {2}/gm)].map((match) => match[1]!);
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  suggestion: { edits: unknown[] };
}

describe("fix over the fixture corpus and examples/", () => {
  let dir: string;
  let before: Map<string, string>;
  let first: ReturnType<typeof runCli>;

  beforeAll(() => {
    dir = corpus();
    before = snapshot(dir);
    first = runCli(["fix"], dir);
  });

  it("fixes what it can and exits 1 naming what is left (config files, Dockerfiles, comments, PHP constant expressions)", () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/^token-guard fix: moved \d+ values out of \d+ files into \.env$/m);
    expect(first.stdout).toContain("left for you");
    expect(first.stdout).toContain("fixtures/config/leaky-app.toml");
    expect(first.stdout).toMatch(/^ {2}fixtures\/config\/leaky-docker\/Dockerfile:3:\d+ {2}\S+ {2}a token in a Dockerfile ends up in the image/m);
  });

  it("says what is left to do where the values are not read from .env: a repository secret, a compose project's own .env", () => {
    expect(first.stdout).toMatch(/^next: fixtures\/config\/leaky-gh\/\.github\/workflows\/sync\.yml reads secrets\.CONVOSO_AUTH_TOKEN\S*: create the repository secret with `gh secret set CONVOSO_AUTH_TOKEN\S*` \(the value is in \.env\)$/m);
    expect(first.stdout).toMatch(/^next: extras\/compose\.yaml: docker compose reads \$\{CONVOSO_AUTH_TOKEN\} from the shell or extras\/\.env, not \.env: run `docker compose -f extras\/compose\.yaml --env-file \.env …`/m);
    expect(readFileSync(join(dir, "fixtures/config/leaky-gh/.github/workflows/sync.yml"), "utf8")).toMatch(/^ {6}CONVOSO_AUTH_TOKEN: \$\{\{ secrets\.CONVOSO_AUTH_TOKEN\S* \}\}$/m);
  });

  it("leaves scan nothing fixable: every remaining finding is one fix reported, with no edits", () => {
    const scan = runCli(["scan", "--format", "json", "--no-baseline"], dir);
    const findings = (JSON.parse(scan.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.filter((finding) => finding.suggestion.edits.length > 0).map((finding) => `${finding.file}:${finding.line}`)).toEqual([]);
    expect(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column}`).sort()).toEqual(leftOf(first.stdout).sort());
    // Everything in the examples is fixed, its docker-compose file too.
    expect(findings.filter((finding) => finding.file.startsWith("examples/"))).toEqual([]);
  });

  it("leaves every rewritten JS/TS, Python, PHP, shell, Makefile and YAML file parsing", () => {
    const php = ensurePhp();
    if (!php.available) console.warn(php.reason);
    const make = hasMake();
    if (!make) console.warn("make is not installed: Makefile parse checks skipped");
    const after = snapshot(dir);
    const problems: string[] = [];
    const checked = new Map<string, number>();
    for (const [path, text] of after) {
      if (before.get(path) === text || path === ".env" || path === ".gitignore") continue;
      const language = checkedLanguage(path, text);
      if (language === undefined || (language === "php" && !php.available) || (language === "makefile" && !make)) continue;
      checked.set(language, (checked.get(language) ?? 0) + 1);
      const error = parseError(join(dir, path), language, Buffer.from(before.get(path) ?? "", "latin1").toString("utf8"));
      if (error !== undefined) problems.push(`${path}: ${error}`);
    }
    expect(problems).toEqual([]);
    expect([...checked.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(40);
    // The workflow, the compose files (map, list and flow forms) and the Makefiles were among them.
    expect(checked.get("yaml")).toBeGreaterThanOrEqual(4);
    if (make) expect(checked.get("makefile")).toBe(2);
  });

  it("puts exactly the removed values into a git-ignored .env with mode 0600, each once (set, or commented out under the same name)", () => {
    const removed = new Set<string>();
    for (const [path, text] of before) {
      if (path.endsWith("expected.json")) continue;
      for (const finding of scanText(path, Buffer.from(text, "latin1").toString("utf8"))) {
        if (finding.suggestion.edits.length > 0) removed.add(Buffer.from(text, "latin1").toString("utf8").slice(finding.start, finding.end));
      }
    }
    const envText = readFileSync(join(dir, ".env"), "utf8");
    const stored = [...parseEnvFile(envText).values(), ...[...commentedEntries(envText)].map((key) => key.slice(key.indexOf("\0") + 1))];
    expect([...stored].sort()).toEqual([...removed].sort());
    expect(statSync(join(dir, ".env")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("/.env\n/.env.token-guard-*.tmp\n");
    expect(git(dir, "check-ignore", ".env").trim()).toBe(".env");
    // The planted values are gone from every other file.
    for (const [path, text] of snapshot(dir)) {
      if (path === ".env") continue;
      for (const value of removed) expect(text.includes(value), `${path} still holds a removed value`).toBe(false);
    }
  });

  it("keeps a BOM, CRLF line endings and file modes", () => {
    // Several tokens in the corpus share the name: the code reads that one name all the same.
    const text = readFileSync(join(dir, "extras/crlf.ts"), "utf8");
    const read = typeScriptEnvLookup("CONVOSO_AUTH_TOKEN");
    expect(text).toBe(`\uFEFF// Convoso client.\r\nexport const CONVOSO_AUTH_TOKEN = ${read};\r\nexport const { AUTH_TOKEN = ${read} } = process.env;\r\n`);
    expect(statSync(join(dir, "fixtures/shell/leaky-curl.sh")).mode & 0o777).toBe(statSync(join(REPO_ROOT, "test/fixtures/shell/leaky-curl.sh")).mode & 0o777);
  });

  it("changes nothing when run again", () => {
    const fixedOnce = snapshot(dir);
    const again = runCli(["fix"], dir);
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/^token-guard fix: nothing fixable automatically$/m);
    expect(snapshot(dir)).toEqual(fixedOnce);
  });
});

describe("the examples/ project, fixed as a new user would", () => {
  let dir: string;
  let before: Map<string, string>;
  let first: ReturnType<typeof runCli>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "token-guard-examples-"));
    created.push(dir);
    cpSync(join(REPO_ROOT, "examples"), dir, { recursive: true });
    git(dir, "init", "-q", "-b", "main");
    before = snapshot(dir);
    first = runCli(["fix"], dir);
  });

  it("turns every finding into an env lookup (docker-compose included) and exits 0 with nothing left", () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^token-guard fix: moved 7 values out of 7 files into \.env$/m);
    expect(first.stdout).not.toContain("left for you");
    expect(readFileSync(join(dir, "docker-compose.yml"), "utf8")).toMatch(/^ {6}CONVOSO_AUTH_TOKEN: \$\{CONVOSO_AUTH_TOKEN\}$/m);
  });

  it("leaves scan clean", () => {
    const scan = runCli(["scan"], dir);
    expect(scan.status).toBe(0);
    expect(scan.stdout).toMatch(/no hardcoded tokens/);
  });

  it("leaves every program parsing, the docker-compose file too", () => {
    const php = ensurePhp();
    if (!php.available) console.warn(php.reason);
    const languages: string[] = [];
    for (const [path, text] of snapshot(dir)) {
      if (before.get(path) === text) continue;
      const language = checkedLanguage(path, text);
      if (language === undefined || (language === "php" && !php.available)) continue;
      languages.push(language);
      expect(parseError(join(dir, path), language, before.get(path)), path).toBeUndefined();
    }
    expect(languages.sort()).toEqual(["python", "shell", "typescript", "yaml", ...(php.available ? ["php"] : [])].sort());
  });

  it("puts the token into a 0600 .env that git ignores, and nowhere else", () => {
    const planted = new Set([...before.values()].flatMap((text) => plantedValues(text)));
    expect(planted.size).toBe(1);
    expect([...parseEnvFile(readFileSync(join(dir, ".env"), "utf8"))]).toEqual([["CONVOSO_AUTH_TOKEN", [...planted][0]]]);
    expect(statSync(join(dir, ".env")).mode & 0o777).toBe(0o600);
    expect(git(dir, "check-ignore", ".env").trim()).toBe(".env");
    for (const [path, text] of snapshot(dir)) if (path !== ".env") expect(plantedValues(text), path).toEqual([]);
  });

  it("changes nothing when run again", () => {
    const fixedOnce = snapshot(dir);
    const again = runCli(["fix"], dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^token-guard fix: nothing to fix/m);
    expect(snapshot(dir)).toEqual(fixedOnce);
  });
});

describe("fix --dry-run over the corpus", () => {
  it("writes nothing and prints a diff in which no planted token appears", () => {
    const dir = corpus();
    const before = snapshot(dir);
    const result = runCli(["fix", "--dry-run"], dir);
    expect(result.status).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    expect(result.stdout).toContain("--- /dev/null\n+++ b/.env\n");
    expect(result.stdout).toMatch(/^\+const authToken = process\.env\.CONVOSO_AUTH_TOKEN(?:_\d+)?;$/m);
    expect(result.stdout).toContain("(dry run: nothing written)");
    const planted = new Set([...before.values()].flatMap((text) => plantedValues(text)));
    expect(planted.size).toBeGreaterThan(200);
    const leaked = [...planted].filter((value) => result.stdout.includes(value));
    expect(leaked).toEqual([]);
  });
});

describe("an interrupted fix", () => {
  it("leaves every file wholly old or wholly new, says which were done, and a rerun finishes the job", () => {
    const complete = corpus();
    const original = snapshot(complete);
    expect(runCli(["fix"], complete).status).toBe(1);
    const done = snapshot(complete);

    const dir = corpus();
    const result = runCli(["fix"], dir, { TOKEN_GUARD_FAIL_AFTER_WRITES: "4" });
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^token-guard fix: stopped part-way writing \S+: simulated failure/m);
    const rewritten = /rewritten \(complete\): (.*)$/m.exec(result.stdout)![1]!.split(", ");
    const untouched = /untouched \(complete\): (.*)$/m.exec(result.stdout)![1]!.split(", ");
    expect(rewritten).toHaveLength(4);
    expect(rewritten[0]).toBe(".env");
    expect(untouched.length).toBeGreaterThan(20);

    const now = snapshot(dir);
    for (const [path, text] of now) {
      expect(path, "no temporary file left behind").not.toMatch(/\.token-guard-\d+-[0-9a-f]+\.tmp$/);
      const state = text === done.get(path) ? "new" : text === original.get(path) ? "old" : "half-written";
      expect(state === "new" || state === "old", `${path} is ${state}`).toBe(true);
      if (rewritten.includes(path) && done.get(path) !== original.get(path)) expect(state, path).toBe("new");
      if (untouched.includes(path)) expect(state, path).toBe("old");
    }

    const rerun = runCli(["fix"], dir);
    expect(rerun.status).toBe(1);
    expect(snapshot(dir)).toEqual(done);
  });
});
