// `fix` loses nothing, through the built CLI in real repositories: parallel runs
// (lint-staged) serialised by the env file's lock, a UTF-8 byte-order mark kept
// first, --dotenv names git really ignores, temporary files a killed run left,
// and a symlinked .gitignore.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commentedEntries, parseEnvFile } from "../../src/fix/env-file.js";
import { CLI, git, makeRepo, runCli, snapshot } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";
import { typeScriptEnvLookup } from "../../src/languages/javascript/replacement.js";

const ENV = "CONVOSO_AUTH_TOKEN";
const read = (dir: string, path: string): string => readFileSync(join(dir, path), "utf8");

/** Runs `token-guard fix <file>` for every file at once, as lint-staged runs its tasks. */
function fixInParallel(dir: string, files: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }[]> {
  return Promise.all(files.map((file) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, "fix", file], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  })));
}

describe("parallel fix runs", () => {
  it("keep every token: each one ends in .env (the first set, the others commented out), and every file is rewritten", async () => {
    const count = 5;
    for (let round = 0; round < 3; round++) {
      const files = Array.from({ length: count }, (_, index) => `src/f${index}.ts`);
      const tokens = files.map((_, index) => fakeToken(2000 + round * 10 + index));
      const dir = makeRepo(Object.fromEntries(files.map((file, index) => [file, `export const authToken = "${tokens[index]}";\n`])));
      const results = await fixInParallel(dir, files);
      for (const result of results) {
        expect(result.stderr).toBe("");
        expect(result.status).toBe(0);
      }
      const env = read(dir, ".env");
      const stored = [...parseEnvFile(env).values(), ...[...commentedEntries(env)].map((key) => key.slice(key.indexOf("\0") + 1))];
      expect(stored.sort()).toEqual([...tokens].sort());
      for (const file of files) expect(read(dir, file)).toBe(`export const authToken = ${typeScriptEnvLookup(ENV)};\n`);
      expect(read(dir, ".gitignore")).toBe("/.env\n/.env.token-guard-*.tmp\n");
      expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    }
  });

  it("waits a bounded time for a live lock, then exits 2 with one line and writes nothing", () => {
    const T = fakeToken(2101);
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n` });
    // This test's own process is alive: its lock is not stale.
    writeFileSync(join(dir, ".env.token-guard-lock.tmp"), `${process.pid} ${Date.now()}\n`);
    const before = snapshot(dir);
    const result = runCli(["fix"], dir, { TOKEN_GUARD_LOCK_WAIT_MS: "300" });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`token-guard: another token-guard fix is writing .env (pid ${process.pid}, lock .env.token-guard-lock.tmp): run fix again when it ends, or remove the lock if no fix is running\n`);
    expect(snapshot(dir)).toEqual(before);
  });

  it("takes over the lock of a run that was killed", () => {
    const T = fakeToken(2102);
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n` });
    writeFileSync(join(dir, ".env.token-guard-lock.tmp"), `${deadPid()} ${Date.now()}\n`);
    const result = runCli(["fix"], dir, { TOKEN_GUARD_LOCK_WAIT_MS: "300" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(read(dir, ".env")).toBe(`${ENV}=${T}\n`);
    expect(existsSync(join(dir, ".env.token-guard-lock.tmp"))).toBe(false);
  });
});

function isIgnored(dir: string, path: string): boolean {
  return spawnSync("git", ["check-ignore", "-q", "--", path], { cwd: dir }).status === 0;
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("temporary files", () => {
  it("a killed run's leftover is git-ignored and removed by the next run; new ones are 0600 and covered by the rule fix writes", () => {
    const T = fakeToken(2201);
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n`, ".gitignore": ".env\n" });
    const leftover = `.env.token-guard-${deadPid()}-0123abcd.tmp`;
    writeFileSync(join(dir, leftover), `${ENV}=${fakeToken(2202)}\n`, { mode: 0o600 });
    const result = runCli(["fix"], dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, leftover))).toBe(false);
    // The user's own `.env` rule does not cover the temporary name; fix adds the rule that does.
    expect(read(dir, ".gitignore")).toBe(".env\n/.env.token-guard-*.tmp\n");
    writeFileSync(join(dir, leftover), "A=1\n");
    expect(git(dir, "check-ignore", "--", leftover, ".env").split("\n").filter(Boolean)).toEqual([leftover, ".env"]);
    expect(git(dir, "status", "--porcelain", "--untracked-files=all")).toBe("?? .gitignore\n?? a.ts\n");
  });

  it("a leftover of a live process is kept", () => {
    const dir = makeRepo({ "a.ts": `const authToken = "${fakeToken(2203)}";\n` });
    const live = `.env.token-guard-${process.pid}-0123abcd.tmp`;
    writeFileSync(join(dir, live), "A=1\n");
    expect(runCli(["fix"], dir).status).toBe(0);
    expect(existsSync(join(dir, live))).toBe(true);
    expect(statSync(join(dir, ".env")).mode & 0o777).toBe(0o600);
  });
});

describe("a Python file with a UTF-8 byte-order mark", () => {
  it("gets `import os` after the mark and still compiles", () => {
    const T = fakeToken(2301);
    const dir = makeRepo({ "a.py": Buffer.from(`\uFEFFimport requests\nrequests.post(url, data={"auth_token": "${T}"})\n`, "utf8") });
    expect(runCli(["fix"], dir).status).toBe(0);
    const bytes = readFileSync(join(dir, "a.py"));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString("utf8")).toBe(`import os\nimport requests\nrequests.post(url, data={"auth_token": os.environ["${ENV}"]})\n`);
    const python = spawnSync("python3", ["-m", "py_compile", "a.py"], { cwd: dir, encoding: "utf8" });
    if (python.error === undefined) expect(python.stderr).toBe("");
  });
});

describe("--dotenv names that are gitignore patterns", () => {
  // Each with a neighbour the unescaped pattern would match instead of (or besides) it.
  it.each([
    ["sec[1].env", "sec1.env"],
    ["back\\slash.env", "backslash.env"],
    ["trailing.env ", "trailing.env"],
    ["#hash.env", "hash.env"],
    ["!bang.env", "bang.env"],
    ["star*.env", "starX.env"],
    ["what?.env", "whatX.env"],
  ])("%j is written to .gitignore escaped, and git ignores exactly it", (name, neighbour) => {
    const T = fakeToken(2401);
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n` });
    const result = runCli(["fix", "--dotenv", name], dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(read(dir, name)).toBe(`${ENV}=${T}\n`);
    expect(isIgnored(dir, name)).toBe(true);
    // Only that file: a name the unescaped pattern would also have matched stays visible.
    writeFileSync(join(dir, neighbour), "");
    expect(isIgnored(dir, neighbour)).toBe(false);
  });
});

describe("a symlinked .gitignore", () => {
  it("is refused with one line saying what to do (git does not read it), and nothing is written", () => {
    const T = fakeToken(2501);
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n`, "ignore-rules": "node_modules/\n" });
    symlinkSync("ignore-rules", join(dir, ".gitignore"));
    const before = snapshot(dir);
    const result = runCli(["fix"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("token-guard: .gitignore is a symlink, which git does not read: make it a regular file, or add /.env and /.env.token-guard-*.tmp to .git/info/exclude, then run token-guard fix again\n");
    expect(snapshot(dir)).toEqual(before);
    // Following the advice works at once (it used to fail with "changed while fix ran" every time).
    writeFileSync(join(dir, ".git/info/exclude"), "/.env\n/.env.token-guard-*.tmp\n");
    const again = runCli(["fix"], dir);
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    expect(read(dir, ".env")).toBe(`${ENV}=${T}\n`);
    expect(read(dir, "ignore-rules")).toBe("node_modules/\n");
  });
});

describe("a token twice in one string, or split across strings", () => {
  it("replaces both copies, and leaves a file with a split token untouched (exit 1, the reason printed); a rescan agrees", () => {
    const T = fakeToken(2601);
    const head = fakeToken(2602, 16);
    const tail = fakeToken(2603, 16);
    const url = "https://api.convoso.com/v1/leads/search";
    const split = `const url = "${url}?auth_token=" + "${head}" + "${tail}";\n`;
    const dir = makeRepo({ "twice.sh": `curl "${url}?auth_token=${T}&cb=${T}"\n`, "split.js": split });
    const result = runCli(["fix"], dir);
    expect(result.status).toBe(1);
    expect(read(dir, "twice.sh")).toBe(`curl "${url}?auth_token=\${${ENV}}&cb=\${${ENV}}"\n`);
    expect(read(dir, "split.js")).toBe(split);
    expect(read(dir, ".env")).toBe(`${ENV}=${T}\n`);
    expect(result.stdout).toMatch(/split\.js:1:\d+ +\S+ +the token continues in the next string or line/);
    expect(result.stdout).not.toContain(T);
    const rescan = runCli(["scan", "twice.sh"], dir);
    expect(rescan.status).toBe(0);
  });
});

describe("an existing .env read as dotenv readers read it", () => {
  const T = fakeToken(2701);
  const OLD = fakeToken(2702);
  it.each([
    ["CR-only line ends", `A=1\r${ENV}=${OLD}\r`, `A=1\r${ENV}=${OLD}\r\n# ${ENV}=${T} # another value, found at a.ts:1\n`],
    ["a KEY: value line", `${ENV}: ${OLD}\n`, `${ENV}: ${OLD}\n# ${ENV}=${T} # another value, found at a.ts:1\n`],
  ])("%s: the name holding another value is not overwritten: the new value is kept commented out", (_name, env, after) => {
    const dir = makeRepo({ ".env": env, ".gitignore": "/.env\n/.env.token-guard-*.tmp\n", "a.ts": `const authToken = "${T}";\n` });
    const result = runCli(["fix"], dir);
    expect(result.status).toBe(0);
    expect(read(dir, ".env")).toBe(after);
    expect(read(dir, "a.ts")).toBe(`const authToken = ${typeScriptEnvLookup(ENV)};\n`);
  });

  it("a name inside a multi-line quoted value is no entry: the value is written, not assumed stored", () => {
    const env = `NOTE="first\n${ENV}=${T}\n"\n`;
    const dir = makeRepo({ ".env": env, ".gitignore": "/.env\n/.env.token-guard-*.tmp\n", "a.ts": `const authToken = "${T}";\n` });
    expect(runCli(["fix"], dir).status).toBe(0);
    expect(read(dir, ".env")).toBe(`${env}${ENV}=${T}\n`);
  });
});
