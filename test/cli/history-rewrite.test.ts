// `scan --history --replace-text FILE` through the built CLI on a real
// repository: the file git filter-repo reads, mode 0600, created new, never printed.

import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, makeRepo, makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const REMOVED = fakeToken(1702);
const KEPT = fakeToken(1703);

function leakyRepo(): string {
  const repo = makeRepo({ "sync.py": `auth_token = "${REMOVED}"\n` });
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "--no-verify", "-m", "leak one");
  writeFileSync(join(repo, "sync.py"), `import os\nauth_token = os.environ["CONVOSO_AUTH_TOKEN"]\n`);
  writeFileSync(join(repo, "a.ts"), `const authToken = "${KEPT}";\n`);
  writeFileSync(join(repo, "b.ts"), `const authToken = "${KEPT}";\n`);
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "--no-verify", "-m", "leak another, twice");
  return repo;
}

function hasFilterRepo(): boolean {
  try {
    execFileSync("git", ["filter-repo", "--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function expectNoValues(...texts: string[]): void {
  for (const text of texts) for (const token of [REMOVED, KEPT]) expect(text).not.toContain(token.slice(6, 26));
}

describe("scan --history --replace-text", () => {
  it.each([["stylish"], ["json"]])("writes one value==>REDACTED line per distinct value, mode 0600, printing none of them (%s)", (format) => {
    const repo = leakyRepo();
    const file = join(makeTree({}), "leaked-values.txt");
    const result = runCli(["scan", "--history", "--replace-text", file, "--format", format], repo);
    expect(result.status).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe([KEPT, REMOVED].sort().map((value) => `${value}==>REDACTED\n`).join(""));
    expect(result.stderr).toContain("wrote 2 values to");
    expect(result.stderr).toContain("git filter-repo --replace-text");
    expectNoValues(result.stdout, result.stderr);
  });

  it("refuses to overwrite a file, before scanning, and leaves it as it was", () => {
    const repo = leakyRepo();
    const file = join(makeTree({ "leaked-values.txt": "mine\n" }), "leaked-values.txt");
    const result = runCli(["scan", "--history", "--replace-text", file], repo);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^token-guard: .*leaked-values\.txt already exists: --replace-text never overwrites a file/);
    expect(readFileSync(file, "utf8")).toBe("mine\n");
  });

  it("creates nothing when history holds no token", () => {
    const repo = makeRepo({ "a.ts": "const x = 1;\n" });
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "--no-verify", "-m", "clean");
    const file = join(makeTree({}), "leaked-values.txt");
    const result = runCli(["scan", "--history", "--replace-text", file], repo);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("no values to write");
    expect(() => statSync(file)).toThrow();
  });

  it("is for history scans only", () => {
    const result = runCli(["scan", "--replace-text", "x.txt"], leakyRepo());
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("token-guard: --replace-text writes the values a history scan finds: add --history\n");
  });

  // Debian's git-filter-repo; without it, the format is still checked against its parser in test/history-rewrite.
  it.skipIf(!hasFilterRepo())("gives git filter-repo what it needs to scrub every commit", () => {
    const repo = leakyRepo();
    const file = join(makeTree({}), "leaked-values.txt");
    runCli(["scan", "--history", "--replace-text", file], repo);
    execFileSync("git", ["filter-repo", "--force", "--replace-text", file], { cwd: repo, stdio: "ignore" });
    rmSync(file);
    expect(runCli(["scan", "--history"], repo).status).toBe(0);
    expect(git(repo, "log", "--all", "-p")).toContain('auth_token = "REDACTED"');
  });
});
