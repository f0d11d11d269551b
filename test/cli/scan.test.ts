// `token-guard scan` through the built CLI: exit codes, the JSON contract, ignores,
// redaction, bad input, and README command 1 on the shipped demo.
import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, makeRepo, makeTree, REPO_ROOT, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";
import { typeScriptEnvLookup } from "../../src/languages/javascript/replacement.js";

const TOKEN = fakeToken(100);

interface JsonReport {
  findings: Record<string, unknown>[];
  stats: Record<string, unknown>;
}

function scanJson(cwd: string, ...args: string[]): { status: number; report: JsonReport; stderr: string } {
  const result = runCli(["scan", ...args, "--format", "json"], cwd);
  return { status: result.status, report: JSON.parse(result.stdout || '{"findings":[],"stats":{}}') as JsonReport, stderr: result.stderr };
}

function linesOf(report: JsonReport): string[] {
  return report.findings.map((finding) => `${String(finding.file)}:${String(finding.line)}`);
}

describe("exit codes", () => {
  it("exits 0 on a clean tree and says so", () => {
    const dir = makeTree({ "client.ts": "const authToken = process.env.CONVOSO_AUTH_TOKEN;\n" });
    const result = runCli(["scan"], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("no hardcoded tokens in 1 file");
  });

  it("exits 1 on findings", () => {
    const dir = makeTree({ "client.ts": `const authToken = "${TOKEN}";\n` });
    expect(runCli(["scan"], dir).status).toBe(1);
  });

  it.each([
    [["scan", "missing-dir"], /^token-guard: path not found: missing-dir/],
    [["scan", "--bogus"], /^token-guard: scan does not take --bogus; it takes -f\/--format, /],
    [["scan", "--format", "xml"], /^token-guard: unknown format "xml"/],
    [["scan", "--max-file-size", "lots"], /^token-guard: --max-file-size must be a number/],
    [["frobnicate"], /^token-guard: unknown command "frobnicate"/],
    [["scan", "--config", "nope.json"], /^token-guard: config file not found: nope.json/],
  ])("exits 2 with one line for %j", (args, message) => {
    const dir = makeTree({ "a.ts": "" });
    const result = runCli(args, dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [{ ignored: [] }, /unknown key "ignored"/],
    [{ ignore: "examples" }, /"ignore" must be an array of strings/],
    [{ minLength: -1 }, /"minLength" must be a positive integer/],
    [{ rules: { "convoso-auth-token": { envVar: "not a name" } } }, /"rules.convoso-auth-token.envVar"/],
    [{ customRules: [{ id: "Bad Id" }] }, /customRules\[0\].id/],
  ])("exits 2 naming the bad key for config %j", (config, message) => {
    const dir = makeTree({ "token-guard.config.json": JSON.stringify(config), "a.ts": "" });
    const result = runCli(["scan"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 on a config that is not JSON", () => {
    const dir = makeTree({ "token-guard.config.json": "{ ignore: [", "a.ts": "" });
    const result = runCli(["scan"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^token-guard: config file token-guard\.config\.json:1:3 is not valid JSON: /);
  });

  it("exits 2 on an unreadable config", () => {
    if (process.getuid?.() === 0) return; // root reads everything; the permission case cannot be made here
    const dir = makeTree({ "token-guard.config.json": "{}", "a.ts": "" });
    chmodSync(join(dir, "token-guard.config.json"), 0o000);
    expect(runCli(["scan"], dir).status).toBe(2);
  });
});

describe("--format json", () => {
  it("prints the documented shape with POSIX paths relative to the cwd and 1-based positions", () => {
    const dir = makeTree({ "src/api/client.ts": `// client\nexport const authToken = "${TOKEN}";\n` });
    const { status, report } = scanJson(dir);
    expect(status).toBe(1);
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(Object.keys(finding!).sort()).toEqual(
      ["ruleId", "file", "line", "column", "endLine", "endColumn", "language", "context", "redacted", "envVar", "fingerprint", "message", "suggestion"].sort(),
    );
    expect(finding).toMatchObject({
      ruleId: "convoso-auth-token",
      file: "src/api/client.ts",
      line: 2,
      column: 27,
      endLine: 2,
      endColumn: 27 + TOKEN.length,
      language: "typescript",
      envVar: "CONVOSO_AUTH_TOKEN",
      // TypeScript's read stays `string` under strict and throws when the variable is missing.
      suggestion: { text: typeScriptEnvLookup("CONVOSO_AUTH_TOKEN") },
    });
    expect(finding!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(report.stats).toMatchObject({ filesListed: 1, filesScanned: 1, findings: 1 });
  });

  it("gives the same fingerprint to the same token wherever it is", () => {
    const dir = makeTree({ "a.ts": `const authToken = "${TOKEN}";\n`, "b.py": `auth_token = "${TOKEN}"\n` });
    const { report } = scanJson(dir);
    expect(new Set(report.findings.map((finding) => finding.fingerprint)).size).toBe(1);
  });

  it("writes the report to --output atomically and prints nothing", () => {
    const dir = makeTree({ "a.ts": `const authToken = "${TOKEN}";\n` });
    const result = runCli(["scan", ".", "--format", "json", "--output", "report.json"], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as JsonReport;
    expect(linesOf(report)).toEqual(["a.ts:1"]);
  });
});

describe("what is scanned", () => {
  it("honours inline ignores and the config's ignore globs, but scans a path named explicitly", () => {
    const dir = makeTree({
      "token-guard.config.json": JSON.stringify({ ignore: ["fixtures"] }),
      "fixtures/fake.py": `auth_token = "${TOKEN}"\n`,
      "src/ignored.ts": `const authToken = "${fakeToken(101)}"; // token-guard-ignore\n`,
      "src/next.ts": `// token-guard-ignore-next-line convoso-auth-token\nconst authToken = "${fakeToken(102)}";\n`,
      "src/other-rule.ts": `// token-guard-ignore-next-line some-other-rule\nconst authToken = "${fakeToken(103)}";\n`,
    });
    expect(linesOf(scanJson(dir).report)).toEqual(["src/other-rule.ts:2"]);
    expect(linesOf(scanJson(dir, "fixtures").report)).toEqual(["fixtures/fake.py:1"]);
  });

  it("scans a directory named explicitly whose contents a .gitignore rule covers", () => {
    const dir = makeTree({ ".gitignore": "generated/*\n", "generated/client.py": `auth_token = "${TOKEN}"\n` });
    expect(scanJson(dir).status).toBe(0);
    expect(linesOf(scanJson(dir, "generated").report)).toEqual(["generated/client.py:1"]);
  });

  it("skips binary and oversized files, counting them", () => {
    const dir = makeTree({
      "image.png": Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(`auth_token=${TOKEN}`)]),
      "big.py": `auth_token = "${TOKEN}"\n`.repeat(10_000),
    });
    const { status, report } = scanJson(dir, "--max-file-size", "100k");
    expect(status).toBe(0);
    expect(report.stats.filesSkipped).toEqual({ binary: 1, "too-large": 1 });
    expect(runCli(["scan", "--max-file-size", "100k"], dir).stdout).toContain("skipped 1 binary, 1 too-large");
  });

  it("scans hidden folders, minified bundles and files without extensions", () => {
    const dir = makeTree({
      ".github/workflows/sync.yml": `jobs:\n  sync:\n    steps:\n      - run: curl -d "auth_token=${TOKEN}" https://api.convoso.com/v1/campaigns/search\n`,
      "public/app.min.js": `!function(){var e={a:1};fetch("https://api.convoso.com/v1/leads/insert?auth_token=${fakeToken(104)}&list_id=1")}();`,
      "bin/sync": `#!/usr/bin/env python3\nauth_token = "${fakeToken(105)}"\n`,
    });
    expect(linesOf(scanJson(dir).report).sort()).toEqual([".github/workflows/sync.yml:4", "bin/sync:2", "public/app.min.js:1"]);
  });

  it("survives CRLF, a BOM, invalid UTF-8, empty files and a 1 MB single line", () => {
    const dir = makeTree({
      "crlf.py": `import os\r\nauth_token = "${TOKEN}"\r\n`,
      "bom.ts": `\uFEFFconst authToken = "${fakeToken(106)}";\n`,
      "bad-utf8.php": Buffer.concat([Buffer.from("<?php\n$x = '"), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(`';\n$auth_token = '${fakeToken(107)}';\n`)]),
      "empty.js": "",
      "long.js": `var a="${"x".repeat(1_000_000)}";var authToken="${fakeToken(108)}";`,
    });
    const { status, report } = scanJson(dir);
    expect(status).toBe(1);
    expect(linesOf(report).sort()).toEqual(["bad-utf8.php:3", "bom.ts:1", "crlf.py:2", "long.js:1"]);
  });

  it("reports an unignored .env, and stays quiet about an ignored one", () => {
    const repo = makeRepo({ ".env": `CONVOSO_AUTH_TOKEN=${TOKEN}\n`, "app/.env": `CONVOSO_AUTH_TOKEN=${fakeToken(109)}\n`, ".gitignore": "app/.env\n" });
    git(repo, "add", ".gitignore");
    const { status, report } = scanJson(repo);
    expect(status).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ file: ".env", context: "env-file-not-ignored" });
    expect(String(report.findings[0]!.message)).toContain("git does not ignore");
    writeFileSync(join(repo, ".gitignore"), ".env\napp/.env\n");
    expect(scanJson(repo).status).toBe(0);
  });

  it("inside a repository reads only the files git grep finds a key word in", () => {
    const leaky = `AUTH_TOKEN = "${TOKEN}"\n`;
    const repo = makeRepo({ "a.py": leaky, "b.py": "x = 1\n".repeat(50), "c/untracked.sh": `export CONVOSO_AUTH_TOKEN=${fakeToken(111)}\n` });
    git(repo, "add", "a.py", "b.py");
    const { report } = scanJson(repo);
    expect(linesOf(report).sort()).toEqual(["a.py:1", "c/untracked.sh:1"]);
    expect(report.stats).toMatchObject({ filesListed: 3, filesScanned: 3 });
    expect(report.stats.bytesScanned).toBe(leaky.length + `export CONVOSO_AUTH_TOKEN=${fakeToken(111)}\n`.length);
  });

  it("reports in path order though git grep's files are read first", () => {
    // b.py is tracked (git grep finds it early), a.py untracked (read once the listing is complete).
    const repo = makeRepo({ "b.py": `auth_token = "${TOKEN}"\n`, "a.py": `auth_token = "${fakeToken(112)}"\n`, "c/d.py": `AUTH_TOKEN = "${fakeToken(113)}"\n` });
    git(repo, "add", "b.py", "c/d.py");
    expect(linesOf(scanJson(repo).report)).toEqual(["a.py:1", "b.py:1", "c/d.py:1"]);
  });

  it.each(["--assume-unchanged", "--skip-worktree"])("reads a tracked file marked %s from disk (git grep searches its index blob)", (flag) => {
    const repo = makeRepo({ "settings.py": "DEBUG = True\n", "other.py": "x = 1\n" });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "--no-verify", "-m", "base");
    git(repo, "update-index", flag, "settings.py");
    writeFileSync(join(repo, "settings.py"), `DEBUG = True\nauth_token = "${TOKEN}"\n`);
    // The probe works: git's own search does not see the token (exit 1: no match).
    expect(spawnSync("git", ["grep", "-l", "-i", "auth_token"], { cwd: repo, encoding: "utf8" })).toMatchObject({ status: 1, stdout: "" });
    expect(linesOf(scanJson(repo).report)).toEqual(["settings.py:2"]);
  });

  it("leaves out the files a sparse checkout did not check out, without a word", () => {
    const repo = makeRepo({ "app/client.py": `auth_token = "${TOKEN}"\n`, "other/tool.py": `auth_token = "${fakeToken(114)}"\n` });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "--no-verify", "-m", "base");
    git(repo, "sparse-checkout", "set", "app");
    const { report } = scanJson(repo);
    expect(linesOf(report)).toEqual(["app/client.py:1"]);
    expect(report.stats).toMatchObject({ filesListed: 1, filesScanned: 1, filesSkipped: {} });
  });

  it("scans untracked files in a repository but not ignored ones", () => {
    const repo = makeRepo({ "tracked.py": "x = 1\n", "new.py": `auth_token = "${TOKEN}"\n`, "build.log": `auth_token=${fakeToken(110)}\n`, ".gitignore": "*.log\n" });
    git(repo, "add", "tracked.py", ".gitignore");
    expect(linesOf(scanJson(repo).report)).toEqual(["new.py:1"]);
  });
});

describe("no output contains a planted token", () => {
  it.each(["stylish", "json"])("%s", (format) => {
    const tokens = [fakeToken(200), fakeToken(201), fakeToken(202), fakeToken(203)];
    const dir = makeTree({
      "a.ts": `const authToken = "${tokens[0]}";\n`,
      "b.py": `requests.post(url, data={"auth_token": "${tokens[1]}"})\n`,
      "c.sh": `curl -d "auth_token=${tokens[2]}" https://api.convoso.com/v1/campaigns/search\n`,
      "d.md": "```php\n$auth_token = '" + tokens[3] + "';\n```\n",
    });
    const result = runCli(["scan", "--format", format], dir);
    expect(result.status).toBe(1);
    for (const token of tokens) {
      expect(result.stdout).not.toContain(token);
      expect(result.stderr).not.toContain(token);
      // Not even a long piece of it.
      expect(result.stdout).not.toContain(token.slice(4, 28));
    }
  });
});

describe("README command 1: token-guard scan examples", () => {
  it("shows a finding with its suggestion in every language of the demo", () => {
    const result = runCli(["scan", "examples"], REPO_ROOT);
    expect(result.status).toBe(1);
    for (const [file, suggestion] of [
      ["examples/src/convoso-client.ts", "process.env.CONVOSO_AUTH_TOKEN"],
      ["examples/scripts/sync_leads.py", 'os.environ["CONVOSO_AUTH_TOKEN"]'],
      ["examples/public/search.php", "getenv('CONVOSO_AUTH_TOKEN')"],
      ["examples/scripts/search-campaigns.sh", "${CONVOSO_AUTH_TOKEN}"],
      ["examples/scripts/setup.ps1", "$env:CONVOSO_AUTH_TOKEN"],
      ["examples/README.md", "${CONVOSO_AUTH_TOKEN}"],
      ["examples/docker-compose.yml", "suggestion: ${CONVOSO_AUTH_TOKEN}"],
    ]) {
      const section = result.stdout.split("\n\n").find((block) => block.startsWith(`${file}\n`));
      expect(section, file).toBeDefined();
      expect(section).toContain(`suggestion: `);
      expect(section).toContain(suggestion);
    }
  });
});
