// action.yml: the composite action's scan script, run with bash as the runner
// would (inputs as env), against the built CLI installed in a temp project.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, git, makeRepo, REPO_ROOT } from "../support/cli.js";
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
function runAction(cwd: string, inputs: Record<string, string>): { status: number; stdout: string; outputs: string } {
  const outputs = join(cwd, ".github-output");
  writeFileSync(outputs, "");
  const env = { ...process.env, NO_COLOR: "1", GITHUB_OUTPUT: outputs, ...defaultInputs(), ...inputs };
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
