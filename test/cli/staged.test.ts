// `token-guard scan --staged` against real git repositories: it must read the index, not the working tree.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, makeRepo, makeTree, runCli, writeFiles } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const TOKEN = fakeToken(1);
const leakyPython = (token = TOKEN) => `import requests\nauth_token = "${token}"\nrequests.post("https://api.convoso.com/v1/campaigns/search", data={"auth_token": auth_token})\n`;
const cleanPython = `import os\nauth_token = os.environ["CONVOSO_AUTH_TOKEN"]\n`;

function stagedJson(cwd: string): { status: number; files: string[]; lines: string[]; stderr: string; stdout: string } {
  const result = runCli(["scan", "--staged", "--format", "json"], cwd);
  const parsed = result.stdout ? (JSON.parse(result.stdout) as { findings: { file: string; line: number }[] }) : { findings: [] };
  return {
    status: result.status,
    files: parsed.findings.map((finding) => finding.file),
    lines: parsed.findings.map((finding) => `${finding.file}:${finding.line}`),
    stderr: result.stderr,
    stdout: result.stdout,
  };
}

describe("scan --staged", () => {
  it("finds a token on the first commit of a repository (no HEAD yet)", () => {
    const repo = makeRepo({ "sync.py": leakyPython() });
    git(repo, "add", "sync.py");
    expect(stagedJson(repo)).toMatchObject({ status: 1, lines: ["sync.py:2"] });
  });

  it("is clean when nothing is staged", () => {
    const repo = makeRepo({ "sync.py": leakyPython() });
    expect(stagedJson(repo)).toMatchObject({ status: 0, files: [] });
  });

  it("ignores a token that exists only in the working tree (partial staging)", () => {
    const repo = makeRepo({ "sync.py": cleanPython });
    git(repo, "add", "sync.py");
    writeFileSync(join(repo, "sync.py"), leakyPython());
    expect(stagedJson(repo)).toMatchObject({ status: 0, files: [] });
  });

  it("blocks a token that is staged and then removed from the working tree only", () => {
    const repo = makeRepo({ "sync.py": leakyPython() });
    git(repo, "add", "sync.py");
    writeFileSync(join(repo, "sync.py"), cleanPython);
    expect(stagedJson(repo)).toMatchObject({ status: 1, lines: ["sync.py:2"] });
  });

  it("scans renamed files under their new name and ignores deletions", () => {
    const repo = makeRepo({ "old.py": leakyPython(), "gone.py": leakyPython(fakeToken(2)) });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "--no-verify", "-m", "base");
    git(repo, "mv", "old.py", "new name.py");
    git(repo, "rm", "-q", "gone.py");
    expect(stagedJson(repo)).toMatchObject({ status: 1, files: ["new name.py"] });
  });

  it("reads only changed files, not the whole index", () => {
    const repo = makeRepo({ "committed.py": leakyPython() });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "--no-verify", "-m", "base");
    writeFiles(repo, { "other.py": cleanPython });
    git(repo, "add", "other.py");
    expect(stagedJson(repo)).toMatchObject({ status: 0, files: [] });
  });

  it("handles file names with spaces, unicode and newlines", () => {
    const names = ["with space.py", "ünïcødé.py", "new\nline.py"];
    const repo = makeRepo(Object.fromEntries(names.map((name, index) => [name, leakyPython(fakeToken(10 + index))])));
    git(repo, "add", ".");
    const result = stagedJson(repo);
    expect(result.status).toBe(1);
    expect(result.files.sort()).toEqual([...names].sort());
  });

  it("reports paths relative to a subdirectory it runs from", () => {
    const repo = makeRepo({ "app/api/sync.py": leakyPython() });
    git(repo, "add", ".");
    expect(stagedJson(join(repo, "app"))).toMatchObject({ status: 1, lines: ["api/sync.py:2"] });
  });

  it("reads the root's paths from a subdirectory whatever diff.relative says (git diff starts there, beside rev-parse)", () => {
    const repo = makeRepo({ "app/api/sync.py": leakyPython(), "lib/other.py": leakyPython(fakeToken(2)) });
    git(repo, "add", ".");
    git(repo, "config", "diff.relative", "true");
    expect(stagedJson(join(repo, "app"))).toMatchObject({ status: 1, lines: ["api/sync.py:2", "../lib/other.py:2"] });
  });

  it("reads a temporary index named by a relative GIT_INDEX_FILE, from a subdirectory too", () => {
    // `git commit <paths>` builds such an index; here the real index stays clean.
    const repo = makeRepo({ "app/sync.py": cleanPython });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "clean");
    writeFileSync(join(repo, "app", "sync.py"), leakyPython());
    execFileSync("git", ["read-tree", "HEAD"], { cwd: repo, env: { ...process.env, GIT_INDEX_FILE: ".git/next-index" } });
    execFileSync("git", ["add", "app/sync.py"], { cwd: repo, env: { ...process.env, GIT_INDEX_FILE: ".git/next-index" } });
    for (const cwd of [repo, join(repo, "app")]) {
      const result = runCli(["scan", "--staged", "--format", "json"], cwd, { GIT_INDEX_FILE: ".git/next-index" });
      expect(result.status, cwd).toBe(1);
    }
    expect(stagedJson(repo)).toMatchObject({ status: 0, files: [] });
  });

  it("skips binary blobs, symlinks and oversized blobs, counting them", () => {
    const repo = makeRepo({ "blob.bin": Buffer.concat([Buffer.from(leakyPython()), Buffer.from([0, 1, 2])]), "big.py": leakyPython().repeat(2000) });
    symlinkSync("blob.bin", join(repo, "link.py"));
    git(repo, "add", ".");
    const result = runCli(["scan", "--staged", "--format", "json", "--max-file-size", "10k"], repo);
    const parsed = JSON.parse(result.stdout) as { findings: unknown[]; stats: { filesSkipped: Record<string, number> } };
    expect(result.status).toBe(0);
    expect(parsed.findings).toEqual([]);
    expect(parsed.stats.filesSkipped).toEqual({ binary: 1, symlink: 1, "too-large": 1 });
  });

  it("skips submodules", () => {
    const inner = makeRepo({ "sync.py": leakyPython() });
    git(inner, "add", ".");
    git(inner, "commit", "-q", "--no-verify", "-m", "inner");
    const repo = makeRepo();
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", inner, "vendor/inner");
    const result = stagedJson(repo);
    expect(result).toMatchObject({ status: 0, files: [] });
  });

  it("scans a staged .env (it is about to be committed)", () => {
    const repo = makeRepo({ ".env": `CONVOSO_AUTH_TOKEN=${TOKEN}\n` });
    git(repo, "add", "-f", ".env");
    expect(stagedJson(repo)).toMatchObject({ status: 1, files: [".env"] });
  });

  it("limits the scan to staged files under the paths given (lint-staged passes absolute file names)", () => {
    const repo = makeRepo({ "a/sync.py": leakyPython(), "b/sync.py": leakyPython(fakeToken(3)) });
    git(repo, "add", ".");
    expect(runCli(["scan", "--staged", "--format", "json", join(repo, "b", "sync.py")], repo).stdout).toContain('"file": "b/sync.py"');
    const onlyA = JSON.parse(runCli(["scan", "--staged", "--format", "json", "a"], repo).stdout) as { findings: { file: string }[] };
    expect(onlyA.findings.map((finding) => finding.file)).toEqual(["a/sync.py"]);
  });

  it("applies the config's ignore globs to staged files", () => {
    const repo = makeRepo({ "token-guard.config.json": '{ "ignore": ["test/fixtures"] }', "test/fixtures/fake.py": leakyPython() });
    git(repo, "add", ".");
    expect(stagedJson(repo)).toMatchObject({ status: 0, files: [] });
  });

  it("fails with one line and exit 2 outside a git repository", () => {
    const dir = makeTree({ "a.py": cleanPython });
    const result = runCli(["scan", "--staged"], dir, { GIT_CEILING_DIRECTORIES: dir.replace(/\/[^/]+$/, "") });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^token-guard: not inside a git repository/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("does not print the token, and says how to fix and how to bypass (run by the hook: git sets GIT_INDEX_FILE)", () => {
    const repo = makeRepo({ "sync.py": leakyPython() });
    git(repo, "add", ".");
    const result = runCli(["scan", "--staged"], repo, { GIT_INDEX_FILE: join(repo, ".git", "index") });
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain(TOKEN);
    expect(result.stdout).toContain("sync.py");
    expect(result.stdout).toContain('os.environ["CONVOSO_AUTH_TOKEN"]');
    expect(result.stdout).toContain("token-guard-ignore");
    expect(result.stdout.trim().split("\n").at(-1)).toContain("git commit --no-verify");
  });
});

describe("scan --staged reads a staged blob from the work tree only when the file there is that blob", () => {
  /**
   * A `git` first on PATH that appends each call's arguments to `calls.log` and
   * what `cat-file` is asked for to `cat-file.log`, then runs the real git.
   */
  function loggingGit(repo: string): { env: NodeJS.ProcessEnv; calls: () => string[]; catFileRequests: () => string[] } {
    const bin = join(repo, ".git", "logging-bin");
    const log = join(repo, ".git", "calls.log");
    const requests = join(repo, ".git", "cat-file.log");
    const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    mkdirSync(bin);
    writeFileSync(
      join(bin, "git"),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\ncase " $* " in *" cat-file "*) exec tee -a '${requests}' | '${real}' "$@" ;; esac\nexec '${real}' "$@"\n`,
      { mode: 0o755 },
    );
    const lines = (file: string): string[] => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);
    return { env: { PATH: `${bin}${delimiter}${process.env.PATH}` }, calls: () => lines(log), catFileRequests: () => lines(requests) };
  }

  const stagedOid = (repo: string, path: string): string => git(repo, "rev-parse", `:${path}`).trim();

  it("starts no git cat-file when every staged file is unchanged in the work tree, and still finds the staged token", () => {
    const repo = makeRepo({ "sync.py": leakyPython(), "clean.py": cleanPython });
    git(repo, "add", ".");
    const logging = loggingGit(repo);
    const result = runCli(["scan", "--staged", "--format", "json"], repo, logging.env);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ findings: [{ file: "sync.py", line: 2 }] });
    // The probe works: the listing went through the logging git.
    expect(logging.calls().some((call) => / diff .*--cached/.test(call))).toBe(true);
    expect(logging.calls().filter((call) => call.includes("cat-file"))).toEqual([]);
  });

  it("reads from git each file changed since staging, converted by autocrlf, or swapped for a symlink, and scans the staged bytes", () => {
    const repo = makeRepo({ "edited.py": leakyPython(), "crlf.py": leakyPython(fakeToken(4)).replaceAll("\n", "\r\n"), "swapped.py": cleanPython, "same.py": cleanPython });
    // git stores crlf.py with LF line ends, so its work-tree copy (CRLF) is not the blob.
    git(repo, "config", "core.autocrlf", "true");
    git(repo, "add", ".");
    writeFileSync(join(repo, "edited.py"), cleanPython);
    writeFileSync(join(repo, "leak.txt"), leakyPython(fakeToken(5)));
    rmSync(join(repo, "swapped.py"));
    symlinkSync("leak.txt", join(repo, "swapped.py"));
    const logging = loggingGit(repo);
    const result = runCli(["scan", "--staged", "--format", "json"], repo, logging.env);
    const findings = (JSON.parse(result.stdout) as { findings: { file: string; line: number }[] }).findings;
    // The staged edited.py still holds its token; swapped.py was staged clean; crlf.py's blob has LF lines.
    expect(findings.map((finding) => `${finding.file}:${finding.line}`).sort()).toEqual(["crlf.py:2", "edited.py:2"]);
    expect(result.status).toBe(1);
    expect(logging.catFileRequests().sort()).toEqual(["crlf.py", "edited.py", "swapped.py"].map((path) => stagedOid(repo, path)).sort());
  });

  it("holds at most 32 MiB of work-tree copies: the staged files past that are read from git, and a token there is still found", () => {
    const MiB = 1024 * 1024;
    // Eighteen files of 2 MiB, listed in name order: sixteen fill the budget exactly.
    const filler = (size: number): string => "x = 1\n".repeat(Math.ceil(size / 6)).slice(0, size);
    const leak = leakyPython();
    const files: Record<string, string> = {};
    for (let index = 1; index <= 18; index++) files[`f${String(index).padStart(2, "0")}.py`] = filler(2 * MiB);
    files["f18.py"] = filler(2 * MiB - leak.length) + leak;
    const repo = makeRepo(files);
    git(repo, "add", ".");
    const logging = loggingGit(repo);
    const result = runCli(["scan", "--staged", "--format", "json"], repo, logging.env);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ findings: [{ file: "f18.py" }] });
    expect(logging.catFileRequests().sort()).toEqual(["f17.py", "f18.py"].map((path) => stagedOid(repo, path)).sort());
  });
});
