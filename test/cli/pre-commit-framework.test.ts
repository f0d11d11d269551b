// The pre-commit framework (https://pre-commit.com), for real: Debian's
// `pre-commit`, a `.pre-commit-config.yaml` pointing at a git repository that
// holds this checkout's `.pre-commit-hooks.yaml` and hook script at a tag,
// `pre-commit install`, and real commits. Nothing is downloaded: the hook is
// `language: script` and runs the token-guard the project installed.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NOT_INSTALLED_MESSAGE, PLAIN_HOOK } from "../../src/cli/init-command.js";
import { CLI, git, makeRepo, makeTree, REPO_ROOT, writeFiles } from "../support/cli.js";
import { ensureDebianCommand } from "../support/debian-package.js";
import { fakeToken } from "../support/tokens.js";

const HOOK_FILES = [".pre-commit-hooks.yaml", ".husky/pre-commit-framework.sh"];
const TOKEN = fakeToken(700);
const leaky = `auth_token = "${TOKEN}"\n`;
const clean = 'import os\nauth_token = os.environ["CONVOSO_AUTH_TOKEN"]\n';

const preCommit = ensureDebianCommand("pre-commit", "pre-commit");
if (!preCommit.available) console.warn(`pre-commit framework tests skipped: ${preCommit.reason}`);

/** A repository like a clone of token-guard at tag v0.1.0, holding the hook files of this checkout. */
function hookRepository(): string {
  const repo = makeRepo();
  for (const path of HOOK_FILES) {
    mkdirSync(join(repo, path, ".."), { recursive: true });
    copyFileSync(join(REPO_ROOT, path), join(repo, path));
  }
  git(repo, "add", ".");
  git(repo, "commit", "-q", "--no-verify", "-m", "hooks");
  git(repo, "tag", "v0.1.0");
  return repo;
}

/** A Python project using the pre-commit framework, with token-guard installed (or not) in node_modules. */
function project(installed: boolean): string {
  const repo = makeRepo({
    ".pre-commit-config.yaml": `repos:\n  - repo: ${hookRepository()}\n    rev: v0.1.0\n    hooks:\n      - id: token-guard\n`,
    ".gitignore": "node_modules/\n",
  });
  if (installed) {
    mkdirSync(join(repo, "node_modules", ".bin"), { recursive: true });
    symlinkSync(CLI, join(repo, "node_modules", ".bin", "token-guard"));
  }
  const env = frameworkEnv();
  expect(spawnSync("pre-commit", ["install"], { cwd: repo, encoding: "utf8", env }).status).toBe(0);
  return repo;
}

/** pre-commit's cache in a temp directory, npm offline. */
function frameworkEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PRE_COMMIT_HOME: makeTree({}), npm_config_offline: "true", NO_COLOR: "1", PRE_COMMIT_COLOR: "never" };
}

function commit(repo: string, env: NodeJS.ProcessEnv): { status: number; output: string } {
  const result = spawnSync("git", ["commit", "-q", "-m", "change"], { cwd: repo, encoding: "utf8", env });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(!preCommit.available)("pre-commit framework", () => {
  it("runs the same script `init --git-hook` writes", () => {
    const body = (text: string) => text.split("\n").filter((line) => !line.startsWith("#"));
    expect(body(readFileSync(join(REPO_ROOT, ".husky/pre-commit-framework.sh"), "utf8"))).toEqual(body(PLAIN_HOOK));
  });

  it("blocks a commit with a token (printed redacted), passes a clean one, and judges only what is staged", () => {
    const repo = project(true);
    const env = frameworkEnv();
    writeFiles(repo, { "sync.py": clean });
    git(repo, "add", ".");
    const first = commit(repo, env);
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(/token-guard \(hardcoded auth tokens\)\.+Passed/);

    writeFiles(repo, { "sync.py": leaky });
    git(repo, "add", "sync.py");
    const blocked = commit(repo, env);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toMatch(/token-guard \(hardcoded auth tokens\)\.+Failed/);
    expect(blocked.output).toContain("sync.py");
    expect(blocked.output).toMatch(/\(\w{4}\*{4}\w{4}\)/);
    expect(blocked.output).not.toContain(TOKEN);

    // Partial staging: the token only in the working tree does not block; pre-commit restores it afterwards.
    git(repo, "reset", "-q", "sync.py");
    writeFiles(repo, { "notes.md": "clean\n" });
    git(repo, "add", "notes.md");
    const unstaged = commit(repo, env);
    expect(unstaged.status, unstaged.output).toBe(0);
    expect(readFileSync(join(repo, "sync.py"), "utf8")).toBe(leaky);

    // And the other way: staged with the token, then cleaned in the working tree only.
    git(repo, "add", "sync.py");
    writeFiles(repo, { "sync.py": clean });
    const staged = commit(repo, env);
    expect(staged.status).not.toBe(0);
    expect(staged.output).toContain("sync.py");
    expect(readFileSync(join(repo, "sync.py"), "utf8")).toBe(clean);
  });

  it("without token-guard installed, fails with the one line that says how to install it", () => {
    const repo = project(false);
    writeFiles(repo, { "sync.py": clean });
    git(repo, "add", ".");
    const missing = commit(repo, frameworkEnv());
    expect(missing.status).not.toBe(0);
    expect(missing.output).toContain(NOT_INSTALLED_MESSAGE);
    expect(git(repo, "rev-list", "--all")).toBe("");
  });
});
