// `token-guard baseline` and `scan --baseline` through the built CLI: adopt an
// existing leak, then report only new ones; moving code never churns the file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, makeRepo, makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const OLD = fakeToken(300);
const NEW = fakeToken(301);
const BASELINE = ".token-guard-baseline.json";

interface JsonReport {
  findings: { file: string; line: number; redacted: string }[];
  stats: { baseline?: { file: string; suppressed: number; stale: { ruleId: string; file: string; hash: string }[] } };
}

function scanJson(cwd: string, ...args: string[]): { status: number; report: JsonReport; stderr: string } {
  const result = runCli(["scan", ...args, "--format", "json"], cwd);
  return { status: result.status, report: JSON.parse(result.stdout || '{"findings":[],"stats":{}}') as JsonReport, stderr: result.stderr };
}

function lines(report: JsonReport): string[] {
  return report.findings.map((finding) => `${finding.file}:${finding.line}`);
}

/** A project with one token already in it, adopted into a baseline. */
function adoptedTree(): string {
  const dir = makeTree({ "src/client.ts": `export const authToken = "${OLD}";\n`, "src/clean.ts": "export const x = 1;\n" });
  const result = runCli(["baseline"], dir);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(`wrote ${BASELINE}: 1 accepted finding in 1 file`);
  return dir;
}

describe("token-guard baseline", () => {
  it("adopts today's findings: the scan is clean afterwards", () => {
    const dir = adoptedTree();
    const { status, report } = scanJson(dir);
    expect(status).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.stats.baseline).toEqual({ file: BASELINE, suppressed: 1, stale: [] });
    const stylish = runCli(["scan"], dir);
    expect(stylish.stdout).toContain(`no new hardcoded tokens in`);
    expect(stylish.stdout).toContain(`1 known in ${BASELINE} not shown`);
  });

  it("never writes the token, and writes atomically (no temp file left)", () => {
    const dir = adoptedTree();
    const text = readFileSync(join(dir, BASELINE), "utf8");
    expect(text).not.toContain(OLD);
    expect(text).not.toContain(OLD.slice(0, 12));
    expect(JSON.parse(text)).toMatchObject({ version: 2, entries: [{ ruleId: "convoso-auth-token", file: "src/client.ts" }] });
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("reports a new token (exit 1) and only it", () => {
    const dir = adoptedTree();
    writeFileSync(join(dir, "src/clean.ts"), `export const authToken = "${NEW}";\n`);
    const { status, report } = scanJson(dir);
    expect(status).toBe(1);
    expect(lines(report)).toEqual(["src/clean.ts:1"]);
    expect(report.stats.baseline?.suppressed).toBe(1);
  });

  it("does not accept the known token pasted into another file", () => {
    const dir = adoptedTree();
    writeFileSync(join(dir, "src/clean.ts"), `export const authToken = "${OLD}";\n`);
    expect(lines(scanJson(dir).report)).toEqual(["src/clean.ts:1"]);
  });

  it("stays clean when the code around the token moves", () => {
    const dir = adoptedTree();
    writeFileSync(join(dir, "src/client.ts"), `// header\nimport { x } from "./clean";\n\nexport function f() {\n  return x;\n}\n\nexport const authToken = "${OLD}";\n`);
    const { status, report } = scanJson(dir);
    expect(status).toBe(0);
    expect(report.stats.baseline).toMatchObject({ suppressed: 1, stale: [] });
  });

  it("lists the entry of a removed token as stale, without failing", () => {
    const dir = adoptedTree();
    writeFileSync(join(dir, "src/client.ts"), "export const authToken = process.env.CONVOSO_AUTH_TOKEN;\n");
    const { status, report } = scanJson(dir);
    expect(status).toBe(0);
    expect(report.stats.baseline).toMatchObject({ suppressed: 0, stale: [{ ruleId: "convoso-auth-token", file: "src/client.ts" }] });
    const stylish = runCli(["scan"], dir).stdout;
    expect(stylish).toContain(`Stale baseline entries in ${BASELINE}`);
    expect(stylish).toMatch(/ {2}src\/client\.ts {2}convoso-auth-token/);
  });

  it("lists stale entries only for the paths scanned", () => {
    const dir = adoptedTree();
    writeFileSync(join(dir, "src/client.ts"), "export const authToken = process.env.CONVOSO_AUTH_TOKEN;\n");
    writeFileSync(join(dir, "other.ts"), "export const y = 2;\n");
    expect(scanJson(dir, "other.ts").report.stats.baseline?.stale).toEqual([]);
    expect(scanJson(dir, "src").report.stats.baseline?.stale).toHaveLength(1);
  });

  it("rewrites a diff-friendly file: same salt, unchanged entries, one line per change", () => {
    const dir = adoptedTree();
    const before = readFileSync(join(dir, BASELINE), "utf8");
    expect(runCli(["baseline"], dir).stdout).toContain("(0 added, 0 dropped)");
    expect(readFileSync(join(dir, BASELINE), "utf8")).toBe(before);
    writeFileSync(join(dir, "src/clean.ts"), `export const authToken = "${NEW}";\n`);
    expect(runCli(["baseline"], dir).stdout).toContain("(1 added, 0 dropped)");
    const after = readFileSync(join(dir, BASELINE), "utf8").split("\n");
    const added = after.filter((line) => !before.split("\n").includes(line));
    // The new entry, plus a comma on the line before it.
    expect(added.filter((line) => line.includes("src/clean.ts"))).toHaveLength(1);
    expect(added.length).toBeLessThanOrEqual(2);
  });

  it("uses --baseline FILE and the config's baseline key, relative to the working directory", () => {
    const dir = makeTree({ "app/client.ts": `export const authToken = "${OLD}";\n` });
    expect(runCli(["baseline", "--baseline", "ci/accepted.json"], dir).status).toBe(2); // its folder does not exist
    expect(runCli(["baseline", "--baseline", "accepted.json"], dir).status).toBe(0);
    expect(existsSync(join(dir, BASELINE))).toBe(false);
    expect(scanJson(dir).status).toBe(1); // the default file does not exist: nothing accepted
    expect(scanJson(dir, "--baseline", "accepted.json").status).toBe(0);
    writeFileSync(join(dir, "token-guard.config.json"), JSON.stringify({ baseline: "accepted.json" }));
    expect(scanJson(dir).status).toBe(0);
    expect(scanJson(dir, "--no-baseline").status).toBe(1);
  });

  it("maps paths when the scan runs in a subfolder with the baseline above it", () => {
    const dir = adoptedTree();
    const { status, report } = scanJson(join(dir, "src"), "--baseline", `../${BASELINE}`);
    expect(status).toBe(0);
    expect(report.stats.baseline?.suppressed).toBe(1);
  });

  it("applies to the pre-commit scan of staged files, without stale entries", () => {
    const repo = makeRepo({ "src/client.ts": `export const authToken = "${OLD}";\n` });
    expect(runCli(["baseline"], repo).status).toBe(0);
    writeFileSync(join(repo, "src/client.ts"), `// edited\nexport const authToken = "${OLD}";\n`);
    writeFileSync(join(repo, "src/new.ts"), "export const z = 3;\n");
    git(repo, "add", ".");
    const { status, report } = scanJson(repo, "--staged");
    expect(status).toBe(0);
    expect(report.stats.baseline).toMatchObject({ suppressed: 1, stale: [] });
  });

  it.each([
    [["scan", "--baseline", "missing.json"], /^token-guard: baseline file not found: missing\.json/],
    [["scan", "--baseline", "bad.json"], /^token-guard: bad\.json is not a valid token-guard baseline: "version" must be 2/],
    [["scan", "--baseline", "x.json", "--no-baseline"], /contradict/],
    [["baseline", "--staged"], /^token-guard: baseline does not take --staged; it takes /],
  ])("exits 2 with one line for %j", (args, message) => {
    const dir = makeTree({ "bad.json": "{}", "a.ts": "" });
    const result = runCli(args, dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
