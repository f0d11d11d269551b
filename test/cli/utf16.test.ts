// UTF-16 files with a byte-order mark (what Windows PowerShell 5 writes by
// default) through the built CLI: scanned in a walk, in a repository (where git
// grep takes them for binary), staged and in history; positions in the decoded
// text; `fix` writes them back in UTF-16 with the mark.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, makeRepo, makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const TOKEN = fakeToken(1601);

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

function utf16be(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
}

const SCRIPT = `# nightly Convoso export\r\n$headers = @{ Accept = "application/json" }\r\n$env:CONVOSO_AUTH_TOKEN = '${TOKEN}'\r\n`;
/** Looks like a leak but reads the environment and holds a placeholder. */
const CLEAN = `$env:CONVOSO_AUTH_TOKEN = '<your token>'\r\n$auth_token = $env:CONVOSO_AUTH_TOKEN\r\n`;

function findings(stdout: string): string[] {
  const report = JSON.parse(stdout) as { findings: { file: string; line: number; column: number; endColumn: number }[] };
  return report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column}-${finding.endColumn}`).sort();
}

const COLUMN = "$env:CONVOSO_AUTH_TOKEN = '".length + 1;
const SPAN = `${COLUMN}-${COLUMN + TOKEN.length}`;

describe("UTF-16 files with a byte-order mark", () => {
  it("are scanned in a walk and in a repository, with positions in the decoded text", () => {
    const files = { "export.ps1": utf16le(SCRIPT), "export-be.ps1": utf16be(SCRIPT), "clean.ps1": utf16le(CLEAN) };
    const expected = [`export-be.ps1:3:${SPAN}`, `export.ps1:3:${SPAN}`];
    const walked = runCli(["scan", ".", "--format", "json"], makeTree(files));
    expect(walked.status).toBe(1);
    expect(findings(walked.stdout)).toEqual(expected);

    const repo = makeRepo(files);
    git(repo, "add", "-A");
    const tracked = runCli(["scan", ".", "--format", "json"], repo);
    expect(findings(tracked.stdout)).toEqual(expected);
    const staged = runCli(["scan", "--staged", "--format", "json"], repo);
    expect(findings(staged.stdout)).toEqual(expected);
    git(repo, "commit", "-q", "--no-verify", "-m", "export");
    const history = runCli(["scan", "--history", "--format", "json"], repo);
    expect(findings(history.stdout)).toEqual(expected);
  });

  it("are fixed in their own encoding, byte-order mark and line ends kept", () => {
    const dir = makeTree({ "export.ps1": utf16le(SCRIPT), "export-be.ps1": utf16be(SCRIPT) });
    const result = runCli(["fix"], dir);
    expect(result.status).toBe(0);
    for (const [name, decode] of [
      ["export.ps1", (bytes: Buffer) => bytes.subarray(2).toString("utf16le")],
      ["export-be.ps1", (bytes: Buffer) => Buffer.from(bytes.subarray(2)).swap16().toString("utf16le")],
    ] as const) {
      const bytes = readFileSync(join(dir, name));
      expect([...bytes.subarray(0, 2)], name).toEqual(name === "export.ps1" ? [0xff, 0xfe] : [0xfe, 0xff]);
      const text = decode(bytes);
      expect(text).not.toContain(TOKEN);
      expect(text).toContain("$env:CONVOSO_AUTH_TOKEN");
      expect(text.split("\r\n")).toHaveLength(SCRIPT.split("\r\n").length);
    }
    expect(readFileSync(join(dir, ".env"), "utf8")).toContain(TOKEN);
    expect(runCli(["scan", "."], dir).status).toBe(0);
  });
});
