// action.yml: the composite action's scan script, run with bash as the runner
// would (inputs as env), against the built CLI installed in a temp project.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, git, makeRepo, makeTree, REPO_ROOT } from "../support/cli.js";
import { offlineEnv } from "../support/offline-path.js";
import { sarifSchemaErrors } from "../support/sarif-schema.js";
import { fakeToken } from "../support/tokens.js";

const ACTION = readFileSync(join(REPO_ROOT, "action.yml"), "utf8");

/** The `run: |` block of the step with `id: <id>`, dedented. */
function stepScript(id: string): string {
  const lines = ACTION.split("\n");
  const step = lines.findIndex((line) => line.trim() === `- id: ${id}`);
  const run = lines.findIndex((line, index) => index > step && line.trim() === "run: |");
  const body: string[] = [];
  const indent = /^\s*/.exec(lines[run + 1]!)![0].length;
  for (const line of lines.slice(run + 1)) {
    if (line.trim() !== "" && /^\s*/.exec(line)![0].length < indent) break;
    body.push(line.slice(indent));
  }
  return body.join("\n");
}

/** A project where `node_modules/.bin/token-guard` is the built CLI, as after `npm ci`. */
function project(files: Record<string, string>): string {
  const dir = makeRepo(files);
  mkdirSync(join(dir, "node_modules/.bin"), { recursive: true });
  writeFileSync(join(dir, "node_modules/.bin/token-guard"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(dir, "node_modules/.bin/token-guard"), 0o755);
  writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
  return dir;
}

/** Each input's default, as the env var the scan step maps it to (`exit-zero` → TG_EXIT_ZERO). */
function defaultInputs(): Record<string, string> {
  const section = ACTION.slice(ACTION.indexOf("\ninputs:\n"), ACTION.indexOf("\noutputs:\n"));
  const defaults: Record<string, string> = {};
  for (const match of section.matchAll(/^ {2}([a-z-]+):\n(?: {4}.*\n)*? {4}default: (.*)$/gm)) {
    defaults[`TG_${match[1]!.toUpperCase().replace(/-/g, "_")}`] = JSON.parse(match[2]!.startsWith('"') ? match[2]! : JSON.stringify(match[2]!)) as string;
  }
  return defaults;
}

/** Runs the scan step as the runner would: every input in the env, defaults filled in. */
function runAction(cwd: string, inputs: Record<string, string>, base: NodeJS.ProcessEnv = process.env): { status: number; stdout: string; outputs: string } {
  const outputs = join(cwd, ".github-output");
  writeFileSync(outputs, "");
  const env = { ...base, NO_COLOR: "1", GITHUB_OUTPUT: outputs, ...defaultInputs(), ...inputs };
  const result = spawnSync("bash", ["-c", stepScript("scan")], { cwd, encoding: "utf8", env });
  return { status: result.status ?? -1, stdout: result.stdout + result.stderr, outputs: readFileSync(outputs, "utf8") };
}

const TOKEN = fakeToken(600);

describe("action.yml", () => {
  it("declares the documented inputs and the upload step", () => {
    expect(defaultInputs()).toMatchObject({ TG_PATHS: ".", TG_FORMAT: "sarif", TG_OUTPUT: "token-guard.sarif", TG_EXIT_ZERO: "false", TG_HISTORY: "false", TG_ARGS: "" });
    for (const input of ["paths", "format", "output", "exit-zero", "history", "args", "version"]) expect(ACTION).toMatch(new RegExp(`^  ${input}:$`, "m"));
    expect(ACTION).toContain("using: composite");
    expect(ACTION).toContain("github/codeql-action/upload-sarif");
    expect(spawnSync("bash", ["-n", "-c", stepScript("scan")]).status).toBe(0);
    expect(spawnSync("bash", ["-n", "-c", stepScript("node")]).status).toBe(0);
  });

  it("writes token-guard.sarif by default and fails the step on findings", () => {
    const dir = project({ "src/client.ts": `export const authToken = "${TOKEN}";\n` });
    const result = runAction(dir, {});
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("token-guard scan . --format sarif --output token-guard.sarif");
    const sarif = readFileSync(join(dir, "token-guard.sarif"), "utf8");
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(sarif).toContain('"uri": "src/client.ts"');
    expect(sarif).not.toContain(TOKEN);
    expect(result.outputs).toBe("report=token-guard.sarif\n");
  });

  it("passes exit-zero, format, paths, output and extra args through", () => {
    const dir = project({ "a/client.ts": `export const authToken = "${TOKEN}";\n`, "b/clean.ts": "export {};\n" });
    const result = runAction(dir, { TG_EXIT_ZERO: "true", TG_FORMAT: "github", TG_OUTPUT: "", TG_PATHS: "a b", TG_ARGS: "--no-config --max-file-size 1m" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("token-guard scan a b --format github --exit-zero --no-config --max-file-size 1m");
    expect(result.stdout).toMatch(/^::error file=a\/client\.ts,line=1,/m);
  });

  it("scans history when asked", () => {
    const dir = project({ "sync.py": `auth_token = "${TOKEN}"\n` });
    git(dir, "add", "sync.py");
    git(dir, "commit", "-q", "--no-verify", "-m", "leak");
    writeFileSync(join(dir, "sync.py"), "import os\n");
    git(dir, "commit", "-q", "--no-verify", "-am", "remove");
    const result = runAction(dir, { TG_HISTORY: "true", TG_FORMAT: "json", TG_OUTPUT: "history.json" });
    expect(result.status).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, "history.json"), "utf8")) as { findings: { file: string; removed: boolean }[] };
    expect(report.findings.map((finding) => [finding.file, finding.removed])).toEqual([["sync.py", true]]);
  });
});

/**
 * A runner without the project's token-guard: no npx, and an `npm` that only
 * records what it was asked to install and installs the built CLI in its place,
 * so the test sees the exact version the action asks for and nothing is fetched.
 */
function runnerWithoutTokenGuard(): { env: NodeJS.ProcessEnv; requests: string } {
  const env = offlineEnv(["bash", "node", "env", "git", "mktemp"]);
  const bin = env.PATH!;
  const requests = join(makeTree({}), "npm-requests");
  writeFileSync(
    join(bin, "npm"),
    `#!/usr/bin/env node
const { appendFileSync, mkdirSync, rmSync, symlinkSync } = require("node:fs");
const args = process.argv.slice(2);
appendFileSync(${JSON.stringify(requests)}, args.join(" ") + "\\n");
const prefix = args[args.indexOf("--prefix") + 1];
mkdirSync(prefix + "/node_modules/.bin", { recursive: true });
rmSync(prefix + "/node_modules/.bin/token-guard", { force: true });
symlinkSync(${JSON.stringify(CLI)}, prefix + "/node_modules/.bin/token-guard");
`,
  );
  chmodSync(join(bin, "npm"), 0o755);
  writeFileSync(requests, "");
  return { env: { ...env, RUNNER_TEMP: makeTree({}) }, requests };
}

describe("action.yml never runs an unpinned token-guard", () => {
  const leaky = { "src/client.ts": `export const authToken = "${TOKEN}";\n` };

  it("installs exactly the version input names, else the one package-lock.json pins, else the action's own version, and runs it", () => {
    const runner = runnerWithoutTokenGuard();
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { "": {}, "node_modules/token-guard": { version: "0.0.8" } } });
    const cases: { files: Record<string, string>; inputs: Record<string, string>; env: NodeJS.ProcessEnv; installs: string }[] = [
      { files: { "package-lock.json": lock }, inputs: { TG_VERSION: "0.0.9" }, env: runner.env, installs: "0.0.9" },
      { files: { "package-lock.json": lock }, inputs: {}, env: runner.env, installs: "0.0.8" },
      { files: { "package.json": JSON.stringify({ devDependencies: { "token-guard": "0.0.7" } }) }, inputs: {}, env: runner.env, installs: "0.0.7" },
      { files: {}, inputs: {}, env: { ...runner.env, GITHUB_ACTION_PATH: REPO_ROOT }, installs: version },
    ];
    for (const { files, inputs, env, installs } of cases) {
      const dir = makeRepo({ ...leaky, ...files });
      const result = runAction(dir, inputs, env);
      expect(result.status, result.stdout).toBe(1); // the installed CLI ran and found the token
      expect(sarifSchemaErrors(readFileSync(join(dir, "token-guard.sarif"), "utf8"))).toEqual([]);
      expect(readFileSync(runner.requests, "utf8").trim().split("\n").at(-1)!.split(" ").at(-1)).toBe(`token-guard@${installs}`);
    }
  });

  it("refuses latest, a range, or no version at all with one line that says how to pin one, and installs nothing", () => {
    const runner = runnerWithoutTokenGuard();
    const ranged = makeRepo({ ...leaky, "package.json": JSON.stringify({ devDependencies: { "token-guard": "^0.1.0" } }) });
    for (const [dir, inputs] of [[makeRepo(leaky), {}], [makeRepo(leaky), { TG_VERSION: "latest" }], [ranged, {}]] as const) {
      const result = runAction(dir, inputs, runner.env);
      expect(result.status).toBe(2);
      expect(result.stdout).toMatch(/^token-guard: no exact version to install \(got "[^"\n]*"\): set the action's version input \(e\.g\. 0\.1\.0\), or pin it with npm install --save-dev --save-exact token-guard\n$/);
    }
    expect(readFileSync(runner.requests, "utf8")).toBe("");
    expect(ACTION).not.toMatch(/npx|@latest|default: latest/);
  });
});
