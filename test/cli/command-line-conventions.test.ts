// What people expect of a command line (issue 17), through the built CLI: per
// command help with its docs link, a README synopsis that cannot drift from the
// flag tables, a summary on stderr with --output, FORCE_COLOR, "did you mean",
// line:column for config JSON errors, $schema, --no-git, and a hand-run
// `scan --staged` that does not claim to have blocked a commit.

import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.js";
import { DOCS_URL } from "../../src/cli/command-spec.js";
import { CLI, git, makeRepo, makeTree, REPO_ROOT, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(1701);
const LEAKY = `const authToken = "${T}";\n`;
const README = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
/** A hand-run command: no hook environment, whatever runs the tests. */
const BY_HAND = { GIT_INDEX_FILE: undefined };

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

/** The code block under "## Command line": each command's flags as written there. */
function synopsisFlags(): { perCommand: Map<string, Set<string>>; everyCommand: Set<string> } {
  const section = README.slice(README.indexOf("## Command line"));
  const block = /```\n([\s\S]*?)```/.exec(section)![1]!;
  const perCommand = new Map<string, Set<string>>();
  const everyCommand = new Set<string>();
  let current: Set<string> | undefined;
  for (const raw of block.split("\n")) {
    const line = raw.replace(/#.*$/, "");
    const head = /^token-guard (\S+)/.exec(line);
    if (head) {
      current = head[1] === "<command>" ? everyCommand : (perCommand.get(head[1]!) ?? new Set());
      if (head[1] !== "<command>") perCommand.set(head[1]!, current);
    }
    for (const [flag] of line.matchAll(/(?<![\w-])--?[a-z][a-z-]*/g)) current?.add(flag);
  }
  return { perCommand, everyCommand };
}

describe("help and the README synopsis", () => {
  it.each(COMMANDS.map((command) => [command.name]))("token-guard %s --help links to a README section that exists", (name) => {
    const result = runCli([name, "--help"], makeTree({}));
    expect(result.status).toBe(0);
    const docs = /^Docs: (\S+)$/m.exec(result.stdout)?.[1];
    expect(docs).toBeDefined();
    expect(docs!.startsWith(`${DOCS_URL}#`)).toBe(true);
    const anchors = new Set([...README.matchAll(/^#{1,4} (.+)$/gm)].map((match) => anchorOf(match[1]!)));
    expect(anchors).toContain(docs!.slice(DOCS_URL.length + 1));
  });

  it("lists every command and exactly the flags each one takes", () => {
    const { perCommand, everyCommand } = synopsisFlags();
    expect([...perCommand.keys()].sort()).toEqual(COMMANDS.map((command) => command.name).sort());
    for (const command of COMMANDS) {
      const expected = Object.entries(command.flags).flatMap(([name, flag]) => [`--${name}`, ...(flag.short === undefined ? [] : [`-${flag.short}`])]);
      const documented = new Set([...perCommand.get(command.name)!, ...everyCommand]);
      expect([...documented].sort(), command.name).toEqual(expected.sort());
    }
  });
});

describe("--output", () => {
  it("writes the report into folders it creates, and prints one summary line on stderr", () => {
    const dir = makeTree({ "a.ts": LEAKY, "b.ts": LEAKY + LEAKY.replace("authToken", "auth_token"), "c.ts": "const x = 1;\n" });
    const result = runCli(["scan", "--format", "sarif", "--output", "out/ci/report.sarif"], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("token-guard: 3 findings in 2 files (report written to out/ci/report.sarif)\n");
    expect(JSON.parse(readFileSync(join(dir, "out/ci/report.sarif"), "utf8"))).toHaveProperty("runs");
    expect(readdirSync(join(dir, "out/ci"))).toEqual(["report.sarif"]);
  });

  it("says so when there is nothing to report", () => {
    const dir = makeTree({ "c.ts": "const x = 1;\n" });
    const result = runCli(["scan", "-o", "report.txt"], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("token-guard: no findings in 1 file scanned (report written to report.txt)\n");
  });

  it("fails in one line when a file stands where a folder must go", () => {
    const dir = makeTree({ "a.ts": LEAKY, out: "a file\n" });
    const result = runCli(["scan", "--output", "out/report.json"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^token-guard: cannot create the folder for out\/report\.json: (EEXIST|ENOTDIR)$/m);
    expect(result.stderr).not.toContain(T);
  });
});

describe("colours", () => {
  const ESCAPE = "\u001b[";
  const colours = (env: Record<string, string | undefined>, args: string[] = []): boolean => runCli(["scan", ...args], makeTree({ "a.ts": LEAKY }), env).stdout.includes(ESCAPE);

  it.each([
    [{ FORCE_COLOR: "1", NO_COLOR: undefined }, true],
    [{ FORCE_COLOR: "2", NO_COLOR: undefined }, true],
    [{ FORCE_COLOR: "3", NO_COLOR: undefined }, true],
    [{ FORCE_COLOR: "true", NO_COLOR: undefined }, true],
    [{ FORCE_COLOR: "1", NO_COLOR: "1" }, true],
    [{ FORCE_COLOR: "0", NO_COLOR: undefined }, false],
    [{ FORCE_COLOR: "false", NO_COLOR: undefined }, false],
    [{ FORCE_COLOR: undefined, NO_COLOR: undefined }, false],
    [{ FORCE_COLOR: undefined, NO_COLOR: "1" }, false],
  ])("piped, with %j: colours %s", (env, expected) => {
    expect(colours(env)).toBe(expected);
  });

  it("lets the flags win over the environment", () => {
    expect(colours({ FORCE_COLOR: "1" }, ["--no-color"])).toBe(false);
    expect(colours({ FORCE_COLOR: "0", NO_COLOR: "1" }, ["--color"])).toBe(true);
  });

  it("keeps a report written with --output plain unless --color asks", () => {
    const dir = makeTree({ "a.ts": LEAKY });
    runCli(["scan", "-o", "plain.txt"], dir, { FORCE_COLOR: "1" });
    runCli(["scan", "-o", "painted.txt", "--color"], dir);
    expect(readFileSync(join(dir, "plain.txt"), "utf8")).not.toContain(ESCAPE);
    expect(readFileSync(join(dir, "painted.txt"), "utf8")).toContain(ESCAPE);
  });
});

describe("did you mean", () => {
  it.each([
    [["scna"], 'unknown command "scna": did you mean `scan`?'],
    [["baseline", "--baselin", "x"], "baseline does not take --baselin (did you mean `--baseline`?); it takes"],
    [["scan", "--colour"], "scan does not take --colour (did you mean `--color`?); it takes"],
    [["fix", "--dryrun"], "fix does not take --dryrun (did you mean `--dry-run`?); it takes"],
  ])("%j", (args, message) => {
    const result = runCli(args, makeTree({}));
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it("suggests nothing for a word that is nothing like a command", () => {
    expect(runCli(["frobnicate"], makeTree({})).stderr).not.toContain("did you mean");
  });

  it.each([
    [{ ignor: ["x"] }, 'unknown key "ignor": did you mean "ignore"?'],
    [{ placeholder: ["x"] }, 'unknown key "placeholder": did you mean "placeholders"?'],
    [{ rules: { "convoso-auth-token": { envvar: "X" } } }, 'unknown key "rules.convoso-auth-token.envvar": did you mean "envVar"?'],
  ])("config %j", (config, message) => {
    const result = runCli(["scan"], makeTree({ "token-guard.config.json": JSON.stringify(config) }));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe("the config file", () => {
  it("points at a JSON syntax error by line:column, not a byte offset", () => {
    const config = `{\n  "ignore": ["examples"],\n  "placeholders": [\n    ${T}\n  ]\n}\n`;
    const result = runCli(["scan"], makeTree({ "token-guard.config.json": config }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^token-guard: config file token-guard\.config\.json:4:5 is not valid JSON: Unexpected token/);
    expect(result.stderr).not.toMatch(/position/);
    expect(result.stderr).not.toContain(T.slice(0, 4));
  });

  it("accepts $schema, the path to the schema the package ships", () => {
    const config = { $schema: "./node_modules/token-guard/schema/token-guard.config.schema.json", ignore: ["skip"] };
    const dir = makeTree({ "token-guard.config.json": JSON.stringify(config), "skip/a.ts": LEAKY });
    expect(runCli(["scan"], dir).status).toBe(0);
    expect(existsSync(join(REPO_ROOT, "schema/token-guard.config.schema.json"))).toBe(true);
  });
});

describe("--no-git", () => {
  function repoWithExcludedFile(): string {
    const repo = makeRepo({ "tracked.ts": "const x = 1;\n", "scratch.ts": LEAKY, "ignored/a.ts": LEAKY, ".gitignore": "ignored/\n" });
    // Ignored by git only through .git/info/exclude, which the walk does not read.
    writeFileSync(join(repo, ".git/info/exclude"), "scratch.ts\n");
    git(repo, "add", "tracked.ts", ".gitignore");
    git(repo, "commit", "-q", "-m", "init");
    return repo;
  }

  it("walks the folders inside a repository: a file git excludes is scanned, .gitignore still applies", () => {
    const repo = repoWithExcludedFile();
    expect(runCli(["scan"], repo).status).toBe(0);
    const result = runCli(["scan", "--no-git", "--format", "json"], repo);
    expect(result.status).toBe(1);
    const files = (JSON.parse(result.stdout) as { findings: { file: string }[] }).findings.map((finding) => finding.file);
    expect(files).toEqual(["scratch.ts"]);
  });

  it.each([["--staged"], ["--history"]])("refuses %s, which reads git itself", (flag) => {
    const result = runCli(["scan", "--no-git", flag], repoWithExcludedFile());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^token-guard: --no-git lists files without git/);
  });
});

describe("scan --staged by hand and from the hook", () => {
  it("run by hand, says the values are staged, not that a commit was blocked", () => {
    const repo = makeRepo({ "a.ts": LEAKY });
    git(repo, "add", "a.ts");
    const result = runCli(["scan", "--staged"], repo, BY_HAND);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain("blocked");
    expect(result.stdout).toContain("These values are staged: `git commit` would record them.");
  });

  it("run by git's pre-commit hook, says the commit was blocked", () => {
    const repo = makeRepo({ "a.ts": LEAKY });
    const hook = join(repo, ".git/hooks/pre-commit");
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" scan --staged\n`);
    chmodSync(hook, 0o755);
    git(repo, "add", "a.ts");
    const commit = spawnSync("git", ["commit", "-q", "-m", "leak"], { cwd: repo, encoding: "utf8", env: { ...process.env, ...BY_HAND, NO_COLOR: "1" } });
    expect(commit.status).not.toBe(0);
    expect(commit.stdout + commit.stderr).toContain("The commit was blocked");
    expect(() => execFileSync("git", ["rev-parse", "--verify", "-q", "HEAD"], { cwd: repo })).toThrow();
  });
});
