// No found value ever leaves token-guard in full. One repository holds a distinct
// token in every language it reads (one committed then removed, two staged), and
// every door runs over it through the built CLI, the real `git` and the real
// `eslint` binary: each format, --output, --staged (and the real hook), --history,
// the baseline file, fix --dry-run and a real fix, init, error and debug output.
// Every output and every written file is checked for any eight characters of any
// planted token (a redacted form shows at most four at each end), and every door
// must show the redacted form of what it should find, so no check passes vacuously.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { redact } from "../../src/detect/redact.js";
import { CLI, REPO_ROOT, git, makeRepo, runCli, snapshot, writeFiles, type CliResult } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

/** One planted file: where it lives in the story, and its text around its token. */
interface Plant {
  /** committed: in HEAD and the working tree; removed: only in history; staged: in the index and working tree, never committed. */
  state: "committed" | "removed" | "staged";
  /** Whether the recommended ESLint config lints this file type. */
  eslint: boolean;
  text: (token: string) => string;
}

const PLANTS: Record<string, Plant> = {
  "src/client.ts": { state: "committed", eslint: true, text: (t) => `export const authToken: string = "${t}";\n` },
  "src/legacy.js": { state: "committed", eslint: true, text: (t) => `module.exports = { url: "https://api.convoso.com/v1/campaigns/search?auth_token=${t}" };\n` },
  "scripts/sync.py": { state: "committed", eslint: true, text: (t) => `import requests\n\nauth_token = "${t}"\nrequests.post("https://api.convoso.com/v1/campaigns/search", data={"auth_token": auth_token})\n` },
  // Two findings and no `import os`: an ESLint suggestion for the second would carry the first.
  "scripts/twice.py": { state: "committed", eslint: true, text: (t) => `auth_token = "${t}"\nbackup_auth_token = "${t}"\n` },
  "api/search.php": { state: "committed", eslint: true, text: (t) => `<?php\n$auth_token = '${t}';\n` },
  "bin/search.sh": { state: "committed", eslint: true, text: (t) => `#!/bin/sh\ncurl -d "auth_token=${t}" https://api.convoso.com/v1/campaigns/search\n` },
  "bin/setup.ps1": { state: "committed", eslint: true, text: (t) => `$env:CONVOSO_AUTH_TOKEN = "${t}"\n` },
  "docs/README.md": { state: "committed", eslint: true, text: (t) => `# Convoso\n\n\`\`\`bash\ncurl -d "auth_token=${t}" https://api.convoso.com/v1/campaigns/search\n\`\`\`\n` },
  "config/settings.yaml": { state: "committed", eslint: false, text: (t) => `convoso:\n  auth_token: ${t}\n` },
  "config/postman.json": { state: "committed", eslint: false, text: (t) => `{ "variable": [{ "key": "auth_token", "value": "${t}" }] }\n` },
  ".env": { state: "committed", eslint: false, text: (t) => `CONVOSO_AUTH_TOKEN=${t}\n` },
  Dockerfile: { state: "committed", eslint: false, text: (t) => `FROM node:20\nENV CONVOSO_AUTH_TOKEN=${t}\n` },
  Makefile: { state: "committed", eslint: false, text: (t) => `AUTH_TOKEN := ${t}\n\nsync:\n\tcurl -d "auth_token=$(AUTH_TOKEN)" https://api.convoso.com/v1/campaigns/search\n` },
  "old/removed.py": { state: "removed", eslint: true, text: (t) => `auth_token = "${t}"\n` },
  "staged/widget.tsx": { state: "staged", eslint: true, text: (t) => `export const Widget = () => <Client authToken="${t}" />;\n` },
  "staged/deploy.sh": { state: "staged", eslint: true, text: (t) => `export CONVOSO_AUTH_TOKEN='${t}'\n` },
};

const PATHS = Object.keys(PLANTS);
const TOKEN: Record<string, string> = Object.fromEntries(PATHS.map((path, index) => [path, fakeToken(900 + index)]));
const inState = (...states: Plant["state"][]): string[] => PATHS.filter((path) => states.includes(PLANTS[path]!.state));

/** The tree as the working directory holds it: committed and staged files. */
const IN_TREE = inState("committed", "staged");
/** What `git log` has seen. */
const IN_HISTORY = inState("committed", "removed");

/** Every eight-character window of every planted token. */
const WINDOWS = new Map(Object.values(TOKEN).flatMap((token) => Array.from({ length: token.length - 7 }, (_, at) => [token.slice(at, at + 8), token] as const)));

/** The planted tokens of which some eight characters appear in `text`. */
function leaked(text: string): string[] {
  return [...new Set([...WINDOWS].filter(([window]) => text.includes(window)).map(([, token]) => token))];
}

/** The planted files whose redacted token does not appear in `text`. */
function unseen(paths: string[], text: string): string[] {
  return paths.filter((path) => !text.includes(redact(TOKEN[path]!)));
}

/** The repository of the story: everything committed, one file committed and then removed, two files staged. */
function plantedRepo(): string {
  const files = (states: Plant["state"][]): Record<string, string> =>
    Object.fromEntries(PATHS.filter((path) => states.includes(PLANTS[path]!.state)).map((path) => [path, PLANTS[path]!.text(TOKEN[path]!)]));
  const repo = makeRepo(files(["committed", "removed"]));
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "--no-verify", "-m", "everything");
  git(repo, "rm", "-q", "old/removed.py");
  git(repo, "commit", "-q", "--no-verify", "-m", "remove the old script");
  writeFiles(repo, files(["staged"]));
  git(repo, "add", "staged");
  return repo;
}

/** Runs the CLI and checks the run's own output: a known exit code, no stack trace, no planted token. */
function door(repo: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = runCli(args, repo, env);
  expect([0, 1], `${args.join(" ")}: ${result.stderr}`).toContain(result.status);
  expect(result.stderr, args.join(" ")).not.toMatch(/\n\s+at /);
  expect(leaked(result.stdout + result.stderr), args.join(" ")).toEqual([]);
  return result;
}

const FORMATS = ["stylish", "json", "sarif", "github"];

/** Runs `args` in every format: each must report findings and show every one of `expected` redacted. */
function inEveryFormat(repo: string, args: string[], expected: string[]): void {
  for (const format of FORMATS) {
    const result = door(repo, [...args, "--format", format]);
    expect(result.status, format).toBe(1);
    expect(unseen(expected, result.stdout), format).toEqual([]);
  }
}

describe("no planted token leaves token-guard", () => {
  it("scan: every format on stdout and through --output", () => {
    const repo = plantedRepo();
    inEveryFormat(repo, ["scan", "."], IN_TREE);
    for (const format of FORMATS) {
      const file = `report.${format}`;
      const written = door(repo, ["scan", ".", "--format", format, "--output", file]);
      expect(written.stdout, format).toBe("");
      const report = readFileSync(join(repo, file), "utf8");
      expect(leaked(report), file).toEqual([]);
      expect(unseen(IN_TREE, report), file).toEqual([]);
    }
  });

  it("scan --staged in every format, and the message of the real pre-commit hook", () => {
    const repo = plantedRepo();
    const staged = inState("staged");
    inEveryFormat(repo, ["scan", "--staged"], staged);

    const installed = door(repo, ["init", "--git-hook"]);
    expect(installed.stdout).toMatch(/pre-commit/);
    const bin = join(repo, ".test-bin");
    mkdirSync(bin);
    symlinkSync(CLI, join(bin, "token-guard"));
    const commit = spawnSync("git", ["commit", "-q", "-m", "staged work"], { cwd: repo, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", PATH: `${bin}:${process.env.PATH}` } });
    const hookMessage = `${commit.stdout}${commit.stderr}`;
    expect(commit.status).not.toBe(0);
    expect(unseen(staged, hookMessage)).toEqual([]);
    expect(leaked(hookMessage)).toEqual([]);
  });

  it("scan --history in every format, the removed token included", () => {
    inEveryFormat(plantedRepo(), ["scan", "--history"], IN_HISTORY);
  });

  it("the baseline file, and scans through it", () => {
    const repo = plantedRepo();
    const written = door(repo, ["baseline"]);
    const file = readFileSync(join(repo, ".token-guard-baseline.json"), "utf8");
    expect(leaked(file)).toEqual([]);
    const entries = (JSON.parse(file) as { entries: { file: string }[] }).entries.map((entry) => entry.file);
    expect([...new Set(entries)].sort()).toEqual([...IN_TREE].sort());
    expect(written.stdout).toMatch(new RegExp(`\\b${entries.length}\\b`));

    expect(door(repo, ["scan", "."]).status).toBe(0);
    const unbaselined = door(repo, ["scan", ".", "--no-baseline"]);
    expect(unseen(IN_TREE, unbaselined.stdout)).toEqual([]);
    // History through the baseline: the removed token was never accepted.
    inEveryFormat(repo, ["scan", "--history"], inState("removed"));
  });

  it("fix --dry-run shows every removed value redacted, and a real fix writes the values only to .env", () => {
    const repo = plantedRepo();
    const before = snapshot(repo);
    const dryRun = door(repo, ["fix", "--dry-run"]);
    expect(snapshot(repo)).toEqual(before);
    const rewritable = IN_TREE.filter((path) => path !== ".env" && dryRun.stdout.includes(`+++ b/${path}\n`));
    expect(rewritable.length).toBeGreaterThanOrEqual(8);
    // .env's own value shows as a context line of its diff.
    expect(unseen([...rewritable, ".env"], dryRun.stdout)).toEqual([]);

    const fixed = door(repo, ["fix"]);
    expect(unseen(rewritable, fixed.stdout)).toEqual([]);
    const after = snapshot(repo);
    const changed = [...after.keys()].filter((path) => after.get(path) !== before.get(path));
    expect(changed.sort()).toEqual([...rewritable, ".env", ".gitignore"].sort());
    for (const path of changed.filter((path) => path !== ".env")) expect(leaked(after.get(path)!), path).toEqual([]);
    for (const path of [...rewritable, ".env"]) expect(after.get(".env"), `.env holds the value from ${path}`).toContain(TOKEN[path]);
  });

  it("init's output", () => {
    const repo = plantedRepo();
    writeFileSync(join(repo, "package.json"), `{ "name": "app", "private": true }\n`);
    const result = door(repo, ["init"]);
    expect(result.stdout).toContain(".husky/pre-commit");
    expect(readFileSync(join(repo, ".husky", "pre-commit"), "utf8")).toContain("token-guard scan --staged");
  });

  describe("error messages, plain and with TOKEN_GUARD_DEBUG=1", () => {
    // Broken JSON with a token where JSON.parse quotes its input: the unsanitised message would leak.
    const broken = (token: string): string => `{\n  "placeholders": [],\n  "auth_token": ${token}\n}\n`;
    const nativeMessage = (text: string): string => {
      try {
        JSON.parse(text);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error("parsed");
    };

    const cases: [string, string[], Record<string, string>][] = [
      ["a config file that is not JSON", ["scan", ".", "--config", "broken.json"], { "broken.json": broken(TOKEN["scripts/sync.py"]!) }],
      ["a package.json that is not JSON (read for its tokenGuard key)", ["scan", "."], { "package.json": broken(TOKEN["src/client.ts"]!) }],
      ["a baseline that is not JSON", ["scan", ".", "--baseline", "old-baseline.json"], { "old-baseline.json": broken(TOKEN[".env"]!) }],
      ["init over a package.json that is not JSON", ["init"], { "package.json": broken(TOKEN.Dockerfile!) }],
      ["fix with a config that is not JSON", ["fix", "--config", "broken.json"], { "broken.json": broken(TOKEN.Makefile!) }],
      ["an unknown flag", ["scan", "--auth-token", TOKEN["bin/search.sh"]!], {}],
      ["an unknown format", ["scan", ".", "--format", "xml"], {}],
      ["a revision range git does not know", ["scan", "--history", "no-such-branch"], {}],
      ["a scan-only flag on fix", ["fix", "--format", "json"], {}],
      ["fix on a path that does not exist", ["fix", "no-such-dir"], {}],
    ];

    it.each(cases)("%s", (_, args, files) => {
      for (const text of Object.values(files)) expect(leaked(nativeMessage(text)), "the case is sharp: JSON.parse quotes the token").not.toEqual([]);
      const repo = plantedRepo();
      writeFiles(repo, files);
      const plain = runCli(args, repo);
      expect(plain.status).toBe(2);
      expect(plain.stdout).toBe("");
      expect(plain.stderr).toMatch(/^token-guard: \S/);
      expect(plain.stderr.trim().split("\n")).toHaveLength(1);
      expect(leaked(plain.stderr)).toEqual([]);

      const debug = runCli(args, repo, { TOKEN_GUARD_DEBUG: "1" });
      expect(debug.status).toBe(2);
      expect(debug.stderr.startsWith(plain.stderr)).toBe(true);
      expect(leaked(debug.stdout + debug.stderr)).toEqual([]);
    });
  });

  it("the eslint binary with tokenGuard.configs.recommended and .text: stylish and json formatters", () => {
    const repo = plantedRepo();
    const entry = pathToFileURL(join(REPO_ROOT, "dist/src/index.js")).href;
    writeFileSync(join(repo, "eslint.config.js"), `import tokenGuard from ${JSON.stringify(entry)};\nexport default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`);
    writeFileSync(join(repo, "package.json"), `{ "type": "module" }\n`);
    const linted = IN_TREE.filter((path) => PLANTS[path]!.eslint);
    const eslint = (format: string): string => {
      const result = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules/eslint/bin/eslint.js"), "--format", format, "."], { cwd: repo, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toBe("");
      return result.stdout;
    };

    const stylish = eslint("stylish");
    expect(unseen(linted, stylish)).toEqual([]);
    expect(leaked(stylish)).toEqual([]);

    // ESLint's json formatter echoes each file's `source` itself; everything else is ours.
    const results = JSON.parse(eslint("json")) as { filePath: string; source?: string; messages: { ruleId: string | null }[] }[];
    const ours = JSON.stringify(results.map((result) => ({ ...result, source: undefined })));
    expect(results.flatMap((result) => result.messages).filter((message) => message.ruleId !== "token-guard/convoso-auth-token")).toEqual([]);
    expect(unseen(linted, ours)).toEqual([]);
    expect(leaked(ours)).toEqual([]);
  });
});
