// `token-guard fix` through the built CLI: where values go and under which names,
// .gitignore and .env.example, --dry-run, --staged, --dotenv/--env-file, files outside the
// repository, exit codes, and the write phase's re-check of files that changed.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAll, type Write } from "../../src/fix/transaction.js";
import { redact } from "../../src/detect/redact.js";
import { git, makeRepo, makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";
import { missingVariableThrow, typeScriptEnvLookup } from "../../src/languages/javascript/replacement.js";
import { hasMake } from "../fix/parsers.js";

const T = fakeToken(901);
const T2 = fakeToken(902);
const ENV = "CONVOSO_AUTH_TOKEN";
/** What a `.ts` file reads after fix (test/cli/fix-strict-typescript.test.ts type-checks and runs it). */
const TS_READ = typeScriptEnvLookup(ENV);

const read = (dir: string, path: string): string => readFileSync(join(dir, path), "utf8");

describe("fix in a repository", () => {
  it("rewrites the code, creates a 0600 .env at the root, git-ignores it and exits 0", () => {
    const dir = makeRepo({ "src/client.ts": `const authToken = "${T}";\n`, "scripts/sync.py": `import requests\nrequests.post(url, data={"auth_token": "${T}"})\n` });
    const result = runCli(["fix"], join(dir, "src"));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(read(dir, "src/client.ts")).toBe(`const authToken = ${TS_READ};\n`);
    // Run from src/, the default path (.) is src/ only; the .env is still at the root.
    expect(read(dir, "scripts/sync.py")).toContain(T);
    expect(read(dir, ".env")).toBe(`${ENV}=${T}\n`);
    expect(statSync(join(dir, ".env")).mode & 0o777).toBe(0o600);
    // The second line covers the temporary copy of .env fix writes first (a killed run may leave it).
    expect(read(dir, ".gitignore")).toBe("/.env\n/.env.token-guard-*.tmp\n");
    expect(result.stdout).toContain(`token-guard fix: moved 1 value out of 1 file into ../.env`);
    expect(result.stdout).toContain(`client.ts:1:20  ${redact(T)} -> ${ENV}  (${TS_READ})`);
    expect(result.stdout).not.toContain(T);
  });

  it("writes the finding's own name, never overwrites a different .env value (kept commented out), keeps its mode, and fills .env.example", () => {
    const dir = makeRepo({
      ".env": `# local\n${ENV}=${T2}\nOTHER=${T}\n`,
      ".env.example": `${ENV}=\n`,
      ".gitignore": "node_modules/\n.env\n",
      "a.ts": `export const authToken = "${T}";\nexport const backup = { auth_token: "${T2}" };\n`,
      "b.ts": `export const token = process.env.${ENV} ?? "${fakeToken(903)}";\n`,
    });
    chmodSync(join(dir, ".env"), 0o640);
    const result = runCli(["fix"], dir);
    expect(result.status).toBe(0);
    // T2 is CONVOSO_AUTH_TOKEN already; T (stored as OTHER too) and the fallback's value are other values for it.
    expect(read(dir, "a.ts")).toBe(`export const authToken = ${TS_READ};\nexport const backup = { auth_token: ${TS_READ} };\n`);
    // A `??` fallback in TypeScript becomes the throw (the read stays `string` under strict).
    expect(read(dir, "b.ts")).toBe(`export const token = process.env.${ENV} ?? ${missingVariableThrow(ENV)};\n`);
    expect(read(dir, ".env")).toBe(`# local\n${ENV}=${T2}\nOTHER=${T}\n# ${ENV}=${T} # another value, found at a.ts:1\n# ${ENV}=${fakeToken(903)} # another value, found at b.ts:1\n`);
    expect(statSync(join(dir, ".env")).mode & 0o777).toBe(0o640);
    expect(read(dir, ".env.example")).toBe(`${ENV}=\n`);
    expect(read(dir, ".gitignore")).toBe("node_modules/\n.env\n/.env.token-guard-*.tmp\n");
    expect(result.stdout).toContain(`note: ${ENV} in .env holds a different value: this one is kept there as a commented-out line`);
    expect(result.stdout).toContain(`warning: 3 different values were found for ${ENV}`);
  });

  it("says so when .env is tracked by git", () => {
    const dir = makeRepo({ ".env": "A=1\n", "a.ts": `const authToken = "${T}";\n` });
    git(dir, "add", ".env");
    const result = runCli(["fix"], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("note: .env is tracked by git: run `git rm --cached -- .env`");
  });

  it("exits 1 and says what to do with findings it cannot rewrite", () => {
    const dir = makeRepo({ "config/app.yaml": `convoso:\n  auth_token: ${T}\n` });
    const result = runCli(["fix"], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("token-guard fix: nothing fixable automatically");
    expect(result.stdout).toContain(`config/app.yaml:2:15  ${redact(T)}  keep the value out of this file: set ${ENV} in the environment or a secret store`);
  });

  it("exits 0 with nothing to fix", () => {
    const dir = makeRepo({ "a.ts": `const authToken = process.env.${ENV};\n` });
    const result = runCli(["fix"], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("token-guard fix: nothing to fix (1 file scanned)\n");
  });

  it("keeps a file's mode, BOM and CRLF line endings", () => {
    const dir = makeRepo({ "run.sh": `\uFEFF#!/bin/sh\r\ncurl -d "auth_token=${T}" https://api.convoso.com/v1/campaigns/search\r\n` });
    chmodSync(join(dir, "run.sh"), 0o750);
    expect(runCli(["fix"], dir).status).toBe(0);
    expect(read(dir, "run.sh")).toBe(`\uFEFF#!/bin/sh\r\ncurl -d "auth_token=\${${ENV}}" https://api.convoso.com/v1/campaigns/search\r\n`);
    expect(statSync(join(dir, "run.sh")).mode & 0o777).toBe(0o750);
  });
});

describe("fix in a Makefile", () => {
  it("keeps make working: the variable comes from the environment, and recipe lines make prints show no token", () => {
    if (!hasMake()) {
      console.warn("make is not installed: Makefile behaviour not checked");
      return;
    }
    const makefile = `# Convoso lead sync.\nCONVOSO_AUTH_TOKEN = ${T}\nQUERY := list_id=1&auth_token=$(CONVOSO_AUTH_TOKEN)\n\nshow:\n\t@echo 'make:$(QUERY)'\n\techo "auth_token=${T}"\n`;
    const dir = makeRepo({ Makefile: makefile });
    expect(runCli(["fix"], dir).status).toBe(0);
    expect(read(dir, "Makefile")).toBe(`# Convoso lead sync.\n${ENV} ?=\nQUERY := list_id=1&auth_token=$(${ENV})\n\nshow:\n\t@echo 'make:$(QUERY)'\n\techo "auth_token=$\${${ENV}}"\n`);
    const make = spawnSync("make", ["show"], { cwd: dir, encoding: "utf8", env: { ...process.env, [ENV]: T } });
    expect(make.status).toBe(0);
    expect(make.stdout).toBe(`make:list_id=1&auth_token=${T}\necho "auth_token=\${${ENV}}"\nauth_token=${T}\n`);
  });
});

describe("fix --dry-run", () => {
  it("prints a unified diff with the value redacted and writes nothing", () => {
    const dir = makeRepo({ "a.py": `"""Sync."""\nauth_token = "${T}"\n` });
    const result = runCli(["fix", "--dry-run"], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `--- a/a.py\n+++ b/a.py\n@@ -1,2 +1,3 @@\n """Sync."""\n-auth_token = "${redact(T)}"\n+import os\n+auth_token = os.environ["${ENV}"]\n`,
    );
    expect(result.stdout).toContain(`--- /dev/null\n+++ b/.env\n@@ -0,0 +1 @@\n+${ENV}=${redact(T)}\n`);
    expect(result.stdout).toContain("--- /dev/null\n+++ b/.gitignore\n@@ -0,0 +1,2 @@\n+/.env\n+/.env.token-guard-*.tmp\n");
    expect(result.stdout).toContain("would move 1 value out of 1 file into .env (dry run: nothing written)");
    expect(result.stdout).not.toContain(T);
    expect(read(dir, "a.py")).toBe(`"""Sync."""\nauth_token = "${T}"\n`);
    expect(() => statSync(join(dir, ".env"))).toThrow();
  });
});

describe("fix outside a repository", () => {
  it("writes .env in the current directory and no .gitignore", () => {
    const dir = makeTree({ "a.php": `<?php\n$auth_token = '${T}';\n` });
    const result = runCli(["fix"], dir);
    expect(result.status).toBe(0);
    expect(read(dir, "a.php")).toBe(`<?php\n$auth_token = getenv('${ENV}');\n`);
    expect(read(dir, ".env")).toBe(`${ENV}=${T}\n`);
    expect(() => statSync(join(dir, ".gitignore"))).toThrow();
  });

  it("never writes outside the repository: a path outside it is reported, an env file outside it is refused", () => {
    const outside = makeTree({ "b.ts": `const authToken = "${T}";\n`, "existing.env": "" });
    const dir = makeRepo({ "a.ts": `const authToken = "${T2}";\n` });
    const result = runCli(["fix", ".", outside], dir);
    expect(result.status).toBe(1);
    expect(read(outside, "b.ts")).toBe(`const authToken = "${T}";\n`);
    expect(result.stdout).toMatch(/b\.ts:1:20 .* outside the repository: fix never writes there/);
    for (const [flag, file] of [["--dotenv", ".env"], ["--env-file", "existing.env"]] as const) {
      const refused = runCli(["fix", flag, join(outside, file)], dir);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(new RegExp(`^token-guard: ${flag} .* is outside the repository`));
    }
  });

  it("refuses a symlinked .env rather than replace it", () => {
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n`, "real.env": "" });
    symlinkSync("real.env", join(dir, ".env"));
    const result = runCli(["fix"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\.env is not a regular file/);
    expect(read(dir, "a.ts")).toContain(T);
  });
});

describe("fix --dotenv / --env-file", () => {
  it("stores the values in a new file it is told (--dotenv), creating it 0600 and git-ignoring it", () => {
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n` });
    mkdirSync(join(dir, "config"));
    const result = runCli(["fix", "--dotenv", "config/local.env"], dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(read(dir, "config/local.env")).toBe(`${ENV}=${T}\n`);
    expect(statSync(join(dir, "config/local.env")).mode & 0o777).toBe(0o600);
    expect(read(dir, ".gitignore")).toBe("/config/local.env\n/config/.local.env.token-guard-*.tmp\n");
    expect(result.stdout).toContain("token-guard fix: moved 1 value out of 1 file into config/local.env");
  });

  it("appends to an existing file given with --env-file (Node.js lets that spelling through when the file exists)", () => {
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n`, "local.env": "A=1\n", ".gitignore": "*.env\n" });
    const result = runCli(["fix", "--env-file", "local.env"], dir);
    expect(result.status).toBe(0);
    expect(read(dir, "local.env")).toBe(`A=1\n${ENV}=${T}\n`);
    expect(read(dir, ".gitignore")).toBe("*.env\n/.local.env.token-guard-*.tmp\n");
  });

  it("refuses scan-only flags with one line naming its own, and exit 2", () => {
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n` });
    const result = runCli(["fix", "--format", "json"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^token-guard: fix does not take --format; it takes --dry-run, /);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([
    [["--dotenv", ""], /^token-guard: --dotenv needs a file name/],
    [["--dotenv", "missing/dir/.env"], /^token-guard: cannot create missing\/dir\/\.env: directory missing\/dir does not exist/],
    [["--dotenv", ".env", "--env-file", "local.env"], /^token-guard: --dotenv and --env-file are the same option: give one/],
  ])("refuses %j with one line and exit 2", (argv, message) => {
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n`, "local.env": "" });
    const result = runCli(["fix", ...argv], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(read(dir, "a.ts")).toContain(T);
  });
});

describe("fix --staged", () => {
  it("fixes the working-tree copies of staged files with findings, tells the user to re-stage, and leaves the index alone", () => {
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n`, "b.ts": `const other = "${T2}";\n`, "c.ts": "export {};\n" });
    git(dir, "add", "a.ts", "c.ts");
    // b.ts is not staged: its finding is not what the hook blocks, so it stays.
    writeFileSync(join(dir, "b.ts"), `const authToken = "${T2}";\n`);
    const stagedBefore = git(dir, "diff", "--cached");
    const result = runCli(["fix", "--staged"], dir);
    expect(result.status).toBe(0);
    expect(read(dir, "a.ts")).toBe(`const authToken = ${TS_READ};\n`);
    expect(read(dir, "b.ts")).toContain(T2);
    expect(git(dir, "diff", "--cached")).toBe(stagedBefore);
    expect(result.stdout).toContain("re-stage the fixed files (fix never edits the index): git add -- a.ts");
  });

  it("asks to re-stage a file whose working copy is already clean", () => {
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n` });
    git(dir, "add", "a.ts");
    writeFileSync(join(dir, "a.ts"), `const authToken = process.env.${ENV};\n`);
    const result = runCli(["fix", "--staged"], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("token-guard fix: nothing to fix");
  });
});

describe("the write phase", () => {
  it("skips a file that changed since it was scanned, and writes the rest atomically with their modes", async () => {
    const dir = makeTree({ "a.ts": "old a\n", "b.ts": "old b\n" });
    const writes: Write[] = [
      { absolutePath: join(dir, "new.env"), shown: "new.env", text: "A=1\n", mode: 0o600, expected: undefined, kind: "support" },
      { absolutePath: join(dir, "a.ts"), shown: "a.ts", text: "new a\n", mode: 0o644, expected: "old a\n", kind: "code" },
      { absolutePath: join(dir, "b.ts"), shown: "b.ts", text: "new b\n", mode: 0o644, expected: "what was scanned\n", kind: "code" },
    ];
    const outcome = await writeAll(writes);
    expect(outcome.error).toBeUndefined();
    expect(outcome.done.map((write) => write.shown)).toEqual(["new.env", "a.ts"]);
    expect(outcome.skipped.map((write) => write.shown)).toEqual(["b.ts"]);
    expect(read(dir, "a.ts")).toBe("new a\n");
    expect(read(dir, "b.ts")).toBe("old b\n");
    expect(statSync(join(dir, "new.env")).mode & 0o777).toBe(0o600);
  });

  it("writes nothing when the env file changed meanwhile", async () => {
    const dir = makeTree({ ".env": "A=2\n", "a.ts": "old a\n" });
    const outcome = await writeAll([
      { absolutePath: join(dir, ".env"), shown: ".env", text: "A=1\nB=2\n", mode: 0o600, expected: "A=1\n", kind: "support" },
      { absolutePath: join(dir, "a.ts"), shown: "a.ts", text: "new a\n", mode: 0o644, expected: "old a\n", kind: "code" },
    ]);
    expect(String(outcome.error)).toMatch(/\.env changed while fix ran: nothing was written/);
    expect(outcome.done).toEqual([]);
    expect(read(dir, ".env")).toBe("A=2\n");
    expect(read(dir, "a.ts")).toBe("old a\n");
  });
});
