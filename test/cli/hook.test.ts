// The pre-commit hook end to end: real repositories, the real husky from our
// devDependencies, `token-guard init`, and real `git commit`s that must be
// blocked or allowed.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HUSKY_HOOK_LINES, NOT_INSTALLED_MESSAGE } from "../../src/cli/init-command.js";
import { CLI, git, makeRepo, REPO_ROOT, runCli, writeFiles } from "../support/cli.js";
import { offlineEnv } from "../support/offline-path.js";
import { fakeToken } from "../support/tokens.js";

const TOKEN = fakeToken(300);
const leakyPython = (token = TOKEN) => `import requests\n\nauth_token = "${token}"\nrequests.post("https://api.convoso.com/v1/campaigns/search", data={"auth_token": auth_token})\n`;
const fixedPython = `import os\nimport requests\n\nauth_token = os.environ["CONVOSO_AUTH_TOKEN"]\nrequests.post("https://api.convoso.com/v1/campaigns/search", data={"auth_token": auth_token})\n`;

/** A repository set up as `npm i -D husky token-guard` would leave it: both packages in node_modules. */
function makeHuskyRepo(files: Record<string, string> = {}): string {
  const repo = makeRepo({ "package.json": `{\n\t"name": "app",\n\t"devDependencies": {\n\t\t"husky": "^9.1.7",\n\t\t"token-guard": "^0.1.0"\n\t}\n}\n`, ...files });
  installLocalBinary(repo);
  symlinkSync(join(REPO_ROOT, "node_modules", "husky"), join(repo, "node_modules", "husky"));
  writeFileSync(join(repo, ".gitignore"), "node_modules/\n");
  return repo;
}

function commit(repo: string, ...args: string[]): { status: number; output: string } {
  return commitWith(repo, { ...process.env, NO_COLOR: "1" }, ...args);
}

function commitWith(repo: string, env: NodeJS.ProcessEnv, ...args: string[]): { status: number; output: string } {
  const result = spawnSync("git", ["commit", "-q", "-m", "change", ...args], { cwd: repo, encoding: "utf8", env });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** The project's own token-guard, where npm puts it. */
function installLocalBinary(repo: string): void {
  mkdirSync(join(repo, "node_modules", ".bin"), { recursive: true });
  symlinkSync(CLI, join(repo, "node_modules", ".bin", "token-guard"));
}

function installHusky(repo: string): void {
  expect(runCli(["init"], repo).status).toBe(0);
  const husky = spawnSync(process.execPath, [join(repo, "node_modules", "husky", "bin.js")], { cwd: repo, encoding: "utf8" });
  expect(husky.status).toBe(0);
}

describe("token-guard init + husky + git commit", () => {
  it("refuses a commit with a token in a .py file, says what to change, and accepts it once fixed", () => {
    const repo = makeHuskyRepo();
    installHusky(repo);
    writeFiles(repo, { "sync.py": leakyPython() });
    git(repo, "add", ".");
    const blocked = commit(repo);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain("sync.py");
    expect(blocked.output).toMatch(/3:\d+\s+error/);
    expect(blocked.output).toContain('os.environ["CONVOSO_AUTH_TOKEN"]');
    expect(blocked.output).toContain("token-guard fix");
    expect(blocked.output).toContain("token-guard-ignore");
    expect(blocked.output).toContain("git commit --no-verify");
    expect(blocked.output).not.toContain(TOKEN);
    expect(git(repo, "rev-list", "--all")).toBe("");

    writeFiles(repo, { "sync.py": fixedPython });
    git(repo, "add", "sync.py");
    expect(commit(repo).status).toBe(0);
    expect(git(repo, "log", "--oneline")).toContain("change");
  });

  it("judges the index, not the working tree: partial staging both ways", () => {
    const repo = makeHuskyRepo({ "sync.py": fixedPython });
    installHusky(repo);
    git(repo, "add", ".");
    expect(commit(repo).status).toBe(0);

    writeFiles(repo, { "sync.py": leakyPython() });
    writeFiles(repo, { "notes.md": "clean\n" });
    git(repo, "add", "notes.md");
    expect(commit(repo).status).toBe(0); // the token is only in the working tree

    git(repo, "add", "sync.py");
    writeFiles(repo, { "sync.py": fixedPython });
    expect(commit(repo).status).not.toBe(0); // staged, then removed from the working tree only
  });

  it("blocks `git commit -a` and `git commit <path>`, which commit through a temporary index", () => {
    const repo = makeHuskyRepo({ "sync.py": fixedPython, "other.py": "x = 1\n" });
    installHusky(repo);
    git(repo, "add", ".");
    expect(commit(repo).status).toBe(0);
    writeFiles(repo, { "sync.py": leakyPython() });
    expect(commit(repo, "-a").status).not.toBe(0);
    expect(commit(repo, "sync.py").status).not.toBe(0);
    expect(commit(repo, "other.py").status).not.toBe(0); // nothing to commit for other.py: git refuses, not us
    git(repo, "checkout", "--", "sync.py");
    writeFiles(repo, { "other.py": "x = 2\n" });
    expect(commit(repo, "-a").status).toBe(0);
  });

  it("blocks a merge that brings a token in when the merge is committed", () => {
    const repo = makeHuskyRepo({ "sync.py": fixedPython });
    installHusky(repo);
    git(repo, "add", ".");
    expect(commit(repo).status).toBe(0);
    git(repo, "checkout", "-q", "-b", "feature");
    writeFiles(repo, { "feature.py": leakyPython(fakeToken(301)) });
    git(repo, "add", ".");
    expect(commit(repo, "--no-verify").status).toBe(0);
    git(repo, "checkout", "-q", "main");
    git(repo, "merge", "-q", "--no-ff", "--no-commit", "feature");
    const merged = commit(repo);
    expect(merged.status).not.toBe(0);
    expect(merged.output).toContain("feature.py");
  });

  it("allows deleting and renaming files that are clean, and scans renamed content", () => {
    const repo = makeHuskyRepo({ "a.py": fixedPython, "b.py": "y = 2\n" });
    installHusky(repo);
    git(repo, "add", ".");
    expect(commit(repo).status).toBe(0);
    git(repo, "rm", "-q", "b.py");
    git(repo, "mv", "a.py", "renamed file.py");
    expect(commit(repo).status).toBe(0);
  });
});

/** With token-guard in node_modules, the staged clean file commits and a staged leak is blocked, redacted. */
function expectScannedOnceInstalled(repo: string, env: NodeJS.ProcessEnv): void {
  installLocalBinary(repo);
  writeFileSync(join(repo, ".gitignore"), "node_modules/\n");
  git(repo, "add", ".gitignore");
  expect(commitWith(repo, env).status).toBe(0);
  writeFiles(repo, { "sync.py": leakyPython() });
  git(repo, "add", "sync.py");
  const blocked = commitWith(repo, env);
  expect(blocked.status).not.toBe(0);
  expect(blocked.output).toContain("sync.py");
  expect(blocked.output).not.toContain(TOKEN);
}

// No npx and no npm on PATH, npm offline: a hook that tried to download token-guard could not.
describe("the hooks run the project's own token-guard and never download one", () => {
  it("husky: without node_modules/.bin/token-guard the commit fails with the one line that says how to install it; with it, leaks are blocked and clean commits pass", () => {
    const repo = makeHuskyRepo();
    installHusky(repo);
    rmSync(join(repo, "node_modules", ".bin", "token-guard"));
    const offline = offlineEnv();
    writeFiles(repo, { "sync.py": fixedPython });
    git(repo, "add", ".");
    const missing = commitWith(repo, offline);
    expect(missing.status).not.toBe(0); // git exits 1 whatever the hook's code
    expect(missing.output.split("\n").filter((line) => line.startsWith("token-guard"))).toEqual([NOT_INSTALLED_MESSAGE]);
    expect(missing.output).toContain("husky - pre-commit script failed (code 2)");
    expect(git(repo, "rev-list", "--all")).toBe("");

    expectScannedOnceInstalled(repo, offline);
  });

  it("init replaces the bare line an earlier init wrote, and keeps a scan line the user wrote", () => {
    const upgraded = makeHuskyRepo({ ".husky/pre-commit": "npm test\ntoken-guard scan --staged\nnpm run lint\n" });
    expect(runCli(["init"], upgraded).status).toBe(0);
    expect(readFileSync(join(upgraded, ".husky", "pre-commit"), "utf8")).toBe(`npm test\n${HUSKY_HOOK_LINES}npm run lint\n`);
    const own = makeHuskyRepo({ ".husky/pre-commit": "pnpm exec token-guard scan --staged --quiet\n" });
    expect(runCli(["init"], own).status).toBe(0);
    expect(readFileSync(join(own, ".husky", "pre-commit"), "utf8")).toBe("pnpm exec token-guard scan --staged --quiet\n");
  });

  it("--git-hook: without token-guard installed the commit fails with exactly the one line; installed in node_modules, it blocks and passes", () => {
    const repo = makeRepo({ "sync.py": fixedPython });
    expect(runCli(["init", "--git-hook"], repo).status).toBe(0);
    const offline = offlineEnv();
    git(repo, "add", "sync.py");
    const missing = commitWith(repo, offline);
    expect(missing.status).not.toBe(0); // git exits 1 whatever the hook's code
    expect(missing.output).toBe(`${NOT_INSTALLED_MESSAGE}\n`);
    expect(git(repo, "rev-list", "--all")).toBe("");

    expectScannedOnceInstalled(repo, offline);
  });
});

describe("token-guard init", () => {
  it("adds exactly one scan line however often it runs, keeps other lines and the package.json formatting", () => {
    const repo = makeHuskyRepo({ ".husky/pre-commit": "npm test\n" });
    for (let run = 0; run < 3; run++) expect(runCli(["init"], repo).status).toBe(0);
    const hook = readFileSync(join(repo, ".husky", "pre-commit"), "utf8");
    expect(hook).toBe(`npm test\n${HUSKY_HOOK_LINES}`);
    const pkg = readFileSync(join(repo, "package.json"), "utf8");
    expect(pkg).toBe(`{\n\t"name": "app",\n\t"devDependencies": {\n\t\t"husky": "^9.1.7",\n\t\t"token-guard": "^0.1.0"\n\t},\n\t"scripts": {\n\t\t"prepare": "husky"\n\t}\n}\n`);
  });

  it("says what to install when husky or token-guard is missing", () => {
    const repo = makeRepo({ "package.json": '{ "name": "app", "scripts": { "test": "vitest" } }\n' });
    const result = runCli(["init"], repo);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("npm install --save-dev husky token-guard");
    expect(JSON.parse(readFileSync(join(repo, "package.json"), "utf8"))).toEqual({ name: "app", scripts: { prepare: "husky", test: "vitest" } });
  });

  it("without package.json points to --git-hook, which writes a plain hook where git looks for it", () => {
    const repo = makeRepo({ "sync.py": leakyPython() });
    const refused = runCli(["init"], repo);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--git-hook");
    git(repo, "config", "core.hooksPath", "custom-hooks");
    expect(runCli(["init", "--git-hook"], repo).status).toBe(0);
    const hook = readFileSync(join(repo, "custom-hooks", "pre-commit"), "utf8");
    expect(hook).toContain("token-guard scan --staged");
    // The plain hook finds token-guard on PATH, as a pip/composer project would have it installed.
    const bin = join(repo, "bin");
    mkdirSync(bin);
    symlinkSync(CLI, join(bin, "token-guard"));
    git(repo, "add", "sync.py");
    const result = spawnSync("git", ["commit", "-q", "-m", "x"], { cwd: repo, encoding: "utf8", env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain("sync.py");
  });

  it("refuses to overwrite a foreign hook unless --force", () => {
    const repo = makeRepo();
    const hookPath = join(repo, ".git", "hooks", "pre-commit");
    writeFileSync(hookPath, "#!/bin/sh\nrun-my-linter\n");
    chmodSync(hookPath, 0o755);
    const refused = runCli(["init", "--git-hook"], repo);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(hookPath, "utf8")).toBe("#!/bin/sh\nrun-my-linter\n");
    expect(runCli(["init", "--git-hook", "--force"], repo).status).toBe(0);
    expect(readFileSync(hookPath, "utf8")).toContain("token-guard scan --staged");
    expect(runCli(["init", "--git-hook"], repo).status).toBe(0); // ours now: idempotent without --force
  });

  it("stopped before any of its writes, leaves every file wholly old or wholly new, says so in one line, and a rerun finishes", () => {
    const oldFiles = { ".husky/pre-commit": "npm test\n", "package.json": `{\n\t"name": "app",\n\t"devDependencies": { "husky": "^9.1.7", "token-guard": "^0.1.0" }\n}\n` };
    const complete = makeHuskyRepo(oldFiles);
    chmodSync(join(complete, "package.json"), 0o600);
    expect(runCli(["init"], complete).status).toBe(0);
    const newFiles = Object.fromEntries(Object.keys(oldFiles).map((path) => [path, readFileSync(join(complete, path), "utf8")]));
    // init renames the hook first, then package.json: stop it before the first, and between the two.
    const order = [".husky/pre-commit", "package.json"];
    for (const path of order) expect(newFiles[path], path).not.toBe(oldFiles[path as keyof typeof oldFiles]);

    for (let done = 0; done < order.length; done++) {
      const repo = makeHuskyRepo(oldFiles);
      chmodSync(join(repo, "package.json"), 0o600);
      const result = runCli(["init"], repo, { TOKEN_GUARD_FAIL_AFTER_WRITES: String(done) });
      expect(result.status, `stopped after ${done}`).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^token-guard: cannot write \\S*${order[done]!.replace(".", "\\.")}: simulated failure`));
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      order.forEach((path, index) => {
        const expected = index < done ? newFiles[path] : oldFiles[path as keyof typeof oldFiles];
        expect(readFileSync(join(repo, path), "utf8"), `${path} after ${done} writes`).toBe(expected);
      });
      expect(statSync(join(repo, "package.json")).mode & 0o777).toBe(0o600);
      const leftovers = [".", ".husky"].flatMap((dir) => readdirSync(join(repo, dir)).filter((name) => name.endsWith(".tmp")));
      expect(leftovers).toEqual([]);

      expect(runCli(["init"], repo).status).toBe(0);
      for (const path of order) expect(readFileSync(join(repo, path), "utf8"), `${path} after the rerun`).toBe(newFiles[path]);
      expect(statSync(join(repo, "package.json")).mode & 0o777).toBe(0o600);
    }

    const plain = makeRepo();
    const stopped = runCli(["init", "--git-hook"], plain, { TOKEN_GUARD_FAIL_AFTER_WRITES: "0" });
    expect(stopped.status).toBe(2);
    expect(stopped.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(join(plain, ".git", "hooks")).filter((name) => name === "pre-commit" || name.endsWith(".tmp"))).toEqual([]);
  });

  it("fails with one line outside a git repository", () => {
    const dir = makeRepo();
    const outside = join(dir, "..");
    const result = runCli(["init"], outside, { GIT_CEILING_DIRECTORIES: join(outside, "..") });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
