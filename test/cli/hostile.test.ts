// Hostile trees through the built CLI (files, --history) and hostile files
// through the real eslint binary: each ends in a clean result (exit 0/1) or one
// line with exit 2 — never a hang, a stack trace or a crash.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { makeRepo, makeTree, REPO_ROOT, RUN_TIMEOUT_MS, runCli, git } from "../support/cli.js";
import { fakeToken, tokensIn } from "../support/tokens.js";

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

  it("does not hang on a tracked file replaced by a FIFO, which git grep and the reader both leave alone", () => {
    const repo = makeRepo({ "app.py": `auth_token = "${TOKEN}"\n`, "was-a-file.py": "token = None\n" });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "files");
    unlinkSync(join(repo, "was-a-file.py"));
    execFileSync("mkfifo", [join(repo, "was-a-file.py")]);
    const result = scan(repo);
    expect(result.status).toBe(1);
    expect(result.findings).toEqual(["app.py:1"]);
    expect(result.stats.filesListed).toBe(2);
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

/** A comment with bytes that are not UTF-8 (a Latin-1 é, then 0xFF 0xFE), then a line with a token a decoder must still find. */
const invalidUtf8 = (comment: string, before: string, after: string): Buffer =>
  Buffer.concat([Buffer.from(`${comment} caf`), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from(`\n${before}${TOKEN}${after}`)]);
/** One line of about 4 MB, as a minified bundle is, with the token at its end. */
const FOUR_MB = 4 * 1024 * 1024;
const oneLine = (filler: string, tail: string): string => `${filler.repeat(Math.ceil(FOUR_MB / filler.length))}${tail}\n`;

describe("hostile blobs through --history", () => {
  it("skips binary, oversized blobs and gitlinks, and finds tokens in UTF-16, invalid UTF-8, odd names and a 4 MB line", () => {
    const repo = makeRepo({
      "logo.png": Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), Buffer.from(`auth_token=${TOKEN}`)]),
      "utf16.py": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`auth_token = "${TOKEN}"\n`, "utf16le")]),
      "latin1.py": invalidUtf8("#", 'auth_token = "', '"\n'),
      "bundle.min.js": oneLine("var a=[1,2,3];", `const authToken="${TOKEN}";`),
      "huge.txt": `auth_token=${TOKEN}\n${"x".repeat(6 * 1024 * 1024)}\n`,
      "new\nline.py": `auth_token = "${fakeToken(401)}"\n`,
    });
    writeFileSync(Buffer.concat([Buffer.from(`${repo}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from(".py")]), `auth_token = "${fakeToken(402)}"\n`);
    git(repo, "add", "-A");
    // A submodule's gitlink: a commit id in the tree that this repository does not hold.
    git(repo, "update-index", "--add", "--cacheinfo", `160000,${"1".repeat(40)},vendor/lib`);
    git(repo, "commit", "-q", "--no-verify", "-m", "hostile");

    const result = runCli(["scan", "--history", "--format", "json"], repo);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { file: string; line: number }[]; stats: { filesSkipped: Record<string, number> } };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line}`).sort()).toEqual(["bad-\uFFFD\uFFFD.py:1", "bundle.min.js:1", "latin1.py:2", "new\nline.py:1", "utf16.py:1"]);
    expect(report.stats.filesSkipped).toEqual({ binary: 1, "too-large": 1, submodule: 1 });

    // Every format, and a limit that makes the 4 MB line too large as well.
    for (const format of ["stylish", "sarif", "github"]) {
      const other = runCli(["scan", "--history", "--format", format, "--max-file-size", "1m"], repo);
      expect(other.stderr, format).toBe("");
      expect(other.status, format).toBe(1);
      expect(other.stdout, format).not.toContain(TOKEN);
    }
  });
});

describe("a file with 16,000 tokens through fix", () => {
  it("prints a dry-run diff with every token masked, then moves every value to .env", () => {
    // Quadratic steps (Myers' trace, every secret tried on every diff line, every edit against every other) took minutes and 4 GB.
    const tokens = Array.from({ length: 16_000 }, (_, index) => fakeToken(40_000 + index));
    const dir = makeTree({ "sync.py": tokens.map((token) => `auth_token = "${token}"\n`).join("") });
    const dryRun = runCli(["fix", "--dry-run"], dir);
    expect(dryRun.stderr).not.toMatch(/\n\s+at /);
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout.split("\n").filter((line) => line.startsWith("+auth_token = os.environ["))).toHaveLength(16_000);
    expect(tokensIn(tokens, dryRun.stdout, dryRun.stderr)).toEqual([]);

    const fixed = runCli(["fix"], dir);
    expect(fixed.status).toBe(0);
    expect(tokensIn(tokens, fixed.stdout, fixed.stderr)).toEqual([]);
    expect(scan(dir).findings).toEqual([]);
    const env = readFileSync(join(dir, ".env"), "utf8");
    expect(env.trimEnd().split("\n")).toHaveLength(16_000);
    expect(tokensIn(tokens, env)).toEqual(tokens);
  });
});

describe("hostile files through the eslint binary and the recommended config", () => {
  it("lints binary-ish, invalid UTF-8 and 4 MB single-line files without crashing, and finds the tokens they hold", () => {
    const entry = pathToFileURL(join(REPO_ROOT, "dist/src/index.js")).href;
    const dir = makeTree({
      "eslint.config.js": `import tokenGuard from ${JSON.stringify(entry)};\nexport default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`,
      "package.json": `{ "type": "module" }\n`,
      "binary.js": Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0xff, 0xfe, 0x00]), Buffer.from(`auth_token="${TOKEN}"`)]),
      "binary.md": Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe, 0]), Buffer.from(`\nauth_token=${TOKEN}\n`)]),
      "latin1.py": invalidUtf8("#", 'auth_token = "', '"\n'),
      "latin1.md": invalidUtf8("#", "Send auth_token=", " with each request.\n"),
      "latin1.js": invalidUtf8("//", 'const authToken = "', '";\n'),
      // Bundled data rather than dense code: on 4 MB of `var a=[1,2,3];` ESLint itself, with no rule at all, needs a minute and 2.4 GB.
      "bundle.min.js": oneLine(`a("${"lorem ipsum ".repeat(300)}");`, `const authToken="${TOKEN}";`),
      "long.md": oneLine("word ", `auth_token=${TOKEN}`),
      "long.py": oneLine("x = 1; ", `auth_token = "${TOKEN}"`),
    });
    const run = (format: string) =>
      spawnSync(process.execPath, [join(REPO_ROOT, "node_modules/eslint/bin/eslint.js"), "--format", format, "."], { cwd: dir, encoding: "utf8", timeout: RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
    const json = run("json");
    expect(json.stderr).toBe("");
    expect(json.status).toBe(1);
    const files = JSON.parse(json.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; message: string }[] }[];
    const byFile = Object.fromEntries(files.map((file) => [file.filePath.slice(dir.length + 1), file.messages.map((message) => `${message.ruleId ?? "parse"}:${message.line}`)]));
    expect(byFile).toEqual({
      "binary.js": ["parse:1"],
      "binary.md": ["token-guard/convoso-auth-token:2"],
      "bundle.min.js": ["token-guard/convoso-auth-token:1"],
      "eslint.config.js": [],
      "latin1.js": ["token-guard/convoso-auth-token:2"],
      "latin1.md": ["token-guard/convoso-auth-token:2"],
      "latin1.py": ["token-guard/convoso-auth-token:2"],
      "long.md": ["token-guard/convoso-auth-token:1"],
      "long.py": ["token-guard/convoso-auth-token:1"],
    });
    const stylish = run("stylish");
    expect(stylish.stderr).toBe("");
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).not.toContain(TOKEN);
  });

  it("lints a Python file with 16,000 tokens and no import os in output linear in the findings", () => {
    // Each suggestion used to merge `import os` at the top with its replacement into one
    // fix copying the whole file above it: O(n²) text (out of memory at 16,000) holding the other tokens.
    const entry = pathToFileURL(join(REPO_ROOT, "dist/src/index.js")).href;
    const count = 16_000;
    const tokens = Array.from({ length: count }, (_, index) => fakeToken(20_000 + index));
    const dir = makeTree({
      "eslint.config.js": `import tokenGuard from ${JSON.stringify(entry)};\nexport default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`,
      "package.json": `{ "type": "module" }\n`,
      "many.py": tokens.map((token) => `auth_token = "${token}"\n`).join(""),
    });
    const result = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules/eslint/bin/eslint.js"), "--format", "json", "many.py"], {
      cwd: dir,
      encoding: "utf8",
      timeout: RUN_TIMEOUT_MS,
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const [file] = JSON.parse(result.stdout) as { source?: string; messages: { suggestions?: unknown[] }[] }[];
    expect(file!.messages).toHaveLength(count);
    // Every token gets its own suggestion; only the first also adds `import os`, so no two overlap.
    expect(file!.messages.filter((message) => (message.suggestions ?? []).length > 0)).toHaveLength(count);
    // ESLint's json formatter echoes the file as `source`; what we add stays under 1 KB a finding and names no token.
    const ours = JSON.stringify(file!.messages);
    expect(ours.length / count).toBeLessThan(1_000);
    expect(tokens.filter((token) => ours.includes(token))).toEqual([]);
  });
});
