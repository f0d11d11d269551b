// Each command takes only its own flags (anything else: exit 2, one line naming
// the flags it does take) and prints its own help; run through the built CLI.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, makeTree, runCli, snapshot } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(1401);

/** The flags each command takes, as its refusal and its help list them. */
const FLAGS: Record<string, string[]> = {
  scan: ["--format", "--output", "--config", "--no-config", "--max-file-size", "--staged", "--history", "--replace-text", "--no-git", "--baseline", "--no-baseline", "--exit-zero", "--env-var", "--threads", "--cache", "--cache-location", "--color", "--no-color", "--help", "--version"],
  baseline: ["--baseline", "--config", "--no-config", "--max-file-size", "--threads", "--help", "--version"],
  fix: ["--dry-run", "--dotenv", "--env-file", "--env-var", "--staged", "--config", "--no-config", "--max-file-size", "--help", "--version"],
  init: ["--git-hook", "--force", "--help", "--version"],
  help: ["--help", "--version"],
  version: ["--help", "--version"],
};

describe("a flag the command does not take", () => {
  it.each([
    ["scan", ["--dry-run"]],
    ["scan", ["--git-hook"]],
    ["scan", ["--dotenv", "x"]],
    ["scan", ["--force"]],
    ["baseline", ["--dry-run"]],
    ["baseline", ["--format", "json"]],
    ["baseline", ["--staged"]],
    ["fix", ["--format", "json"]],
    ["fix", ["--git-hook"]],
    ["fix", ["-j", "2"]],
    ["init", ["--config", "x"]],
    ["init", ["--staged"]],
    ["help", ["--format", "json"]],
    ["version", ["--staged"]],
  ])("%s %j exits 2 with one line naming the command and its flags, and changes nothing", (command, flags) => {
    const dir = makeRepo({ "a.ts": `const authToken = "${T}";\n`, "package.json": "{}\n" });
    const before = snapshot(dir);
    const result = runCli([command, ...flags], dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^token-guard: ${command} does not take ${flags[0]}; it takes `));
    for (const flag of FLAGS[command]!) expect(lines[0]).toContain(flag);
    expect(lines[0]).toContain(`(see token-guard ${command} --help)`);
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses an unknown flag the same way", () => {
    const result = runCli(["scan", "--bogus"], makeTree({ "a.ts": "" }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^token-guard: scan does not take --bogus; it takes -f\/--format, /);
  });

  it("baseline --dry-run writes no baseline file", () => {
    const dir = makeTree({ "a.ts": `const authToken = "${T}";\n` });
    expect(runCli(["baseline", "--dry-run"], dir).status).toBe(2);
    expect(existsSync(join(dir, ".token-guard-baseline.json"))).toBe(false);
    expect([...snapshot(dir).keys()]).toEqual(["a.ts"]);
  });
});

describe("--help", () => {
  it.each(["scan", "baseline", "fix", "init"])("%s --help prints its synopsis, each of its flags on one line, exit codes and docs", (command) => {
    const result = runCli([command, "--help"], makeTree({}));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const text = result.stdout;
    expect(text).toMatch(new RegExp(`^token-guard ${command}: `));
    expect(text).toContain(`\nUsage:\n  token-guard ${command} `);
    const flagLines = text.slice(text.indexOf("\nFlags:\n") + 8, text.indexOf("\n\nExit codes: ")).split("\n");
    expect(flagLines.map((line) => /--[a-z-]+/.exec(line)?.[0])).toEqual(FLAGS[command]);
    expect(text).toMatch(/\nExit codes: 0 .*\n/);
    expect(text).toMatch(/\nDocs: https:\/\/github\.com\/token-guard\/token-guard#[a-z-]+\n$/);
    // -h is the same flag.
    expect(runCli([command, "-h"], makeTree({})).stdout).toBe(text);
  });

  it("token-guard --help (and help, and no arguments) lists every command", () => {
    const result = runCli(["--help"], makeTree({}));
    expect(result.status).toBe(0);
    for (const command of Object.keys(FLAGS)) expect(result.stdout).toContain(`\n  token-guard ${command} `);
    expect(result.stdout).toContain("token-guard <command> --help");
    expect(runCli(["help"], makeTree({})).stdout).toBe(result.stdout);
    expect(runCli([], makeTree({})).stdout).toBe(result.stdout);
  });

  it("token-guard help <command> prints that command's help, and refuses a command that does not exist", () => {
    const dir = makeTree({});
    for (const command of Object.keys(FLAGS)) {
      const own = runCli([command, "--help"], dir);
      expect(own.status).toBe(0);
      expect(runCli(["help", command], dir).stdout).toBe(own.stdout);
    }
    const unknown = runCli(["help", "scna"], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "scna"');
    expect(unknown.stdout).toBe("");
  });

  it("-v prints the version before or after a command", () => {
    const version = runCli(["--version"], makeTree({})).stdout;
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(runCli(["scan", "-v"], makeTree({})).stdout).toBe(version);
    expect(runCli(["version"], makeTree({})).stdout).toBe(version);
  });

  it("finds the command after a flag and its value", () => {
    const dir = makeTree({ "a.ts": `const authToken = "${T}";\n` });
    const result = runCli(["--format", "json", "scan", "--no-config"], dir);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).findings).toHaveLength(1);
  });
});
