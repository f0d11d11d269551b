// Hostile trees through the built CLI: each ends in a clean result (exit 0/1)
// or one line with exit 2 — never a hang, a stack trace or a crash.
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, makeTree, runCli, git } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const TOKEN = fakeToken(400);

function scan(cwd: string, ...args: string[]): { status: number; findings: string[]; stats: Record<string, unknown>; stderr: string } {
  const result = runCli(["scan", ".", "--format", "json", ...args], cwd);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  const report = JSON.parse(result.stdout) as { findings: { file: string; line: number }[]; stats: Record<string, unknown> };
  return { status: result.status, findings: report.findings.map((f) => `${f.file}:${f.line}`), stats: report.stats, stderr: result.stderr };
}

describe("hostile trees", () => {
  it("never opens a FIFO, follows no symlink loop, and skips a 1 GB sparse file unread", () => {
    const dir = makeTree({ "app.py": `auth_token = "${TOKEN}"\n` });
    execFileSync("mkfifo", [join(dir, "pipe.py")]);
    symlinkSync("loop-b", join(dir, "loop-a"));
    symlinkSync("loop-a", join(dir, "loop-b"));
    mkdirSync(join(dir, "sub"));
    symlinkSync("..", join(dir, "sub", "up"));
    writeFileSync(join(dir, "huge.log"), "");
    truncateSync(join(dir, "huge.log"), 1024 ** 3);
    const result = scan(dir);
    expect(result.status).toBe(1);
    expect(result.findings).toEqual(["app.py:1"]);
    expect(result.stats.filesSkipped).toMatchObject({ "too-large": 1 });
  });

  it("does the same inside a git repository (a tracked symlink, an untracked FIFO)", () => {
    const repo = makeRepo({ "app.py": `auth_token = "${TOKEN}"\n` });
    symlinkSync("app.py", join(repo, "link.py"));
    git(repo, "add", ".");
    execFileSync("mkfifo", [join(repo, "pipe.py")]);
    const result = scan(repo);
    expect(result.status).toBe(1);
    expect(result.findings).toEqual(["app.py:1"]);
  });

  it.each(["plain directory", "git repository"])("reads names with line breaks and invalid UTF-8 bytes (%s)", (mode) => {
    const dir = mode === "git repository" ? makeRepo({ "new\nline.py": `auth_token = "${TOKEN}"\n` }) : makeTree({ "new\nline.py": `auth_token = "${TOKEN}"\n` });
    // Node decodes a name's bad bytes to U+FFFD; the file is still opened by its real bytes.
    writeFileSync(Buffer.concat([Buffer.from(dir + "/bad"), Buffer.from([0xff, 0xfe]), Buffer.from(".py")]), `auth_token = "${TOKEN}"\n`);
    const result = scan(dir);
    expect(result.status).toBe(1);
    expect(result.findings).toEqual(["bad\uFFFD\uFFFD.py:1", "new\nline.py:1"]);
    expect(result.stats.filesSkipped).toEqual({});
  });

  it("walks 300-deep directory nesting", () => {
    const dir = makeTree({});
    const deep = join(dir, ...Array.from({ length: 300 }, () => "d"));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, "t.py"), `auth_token = "${TOKEN}"\n`);
    const result = scan(dir);
    expect(result.findings).toEqual([`${"d/".repeat(300)}t.py:1`]);
  });

  it("copes with a .gitignore of 10,000 patterns outside git", () => {
    const files: Record<string, string> = {
      ".gitignore": Array.from({ length: 10_000 }, (_, index) => `generated-${index}/**/*.tmp`).join("\n"),
      "ignored-9999/x.tmp": "",
      "app.py": `auth_token = "${TOKEN}"\n`,
    };
    for (let index = 0; index < 50; index++) files[`src/m${index}.py`] = `x = ${index}\n`;
    const result = scan(makeTree(files));
    expect(result.findings).toEqual(["app.py:1"]);
  });

  it("rejects an unknown flag and a config with wrong types in one line", () => {
    const dir = makeTree({ "token-guard.config.json": JSON.stringify({ maxFileSize: "big" }) });
    for (const args of [["scan", "--no-such-flag"], ["scan"]]) {
      const result = runCli(args, dir);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
