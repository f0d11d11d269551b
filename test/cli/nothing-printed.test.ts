// Issue 16, "nothing printed that scan would flag": values that are not findings
// but look like (or are) the token — a prepare script, an env var named like the
// token, a file named after it, a diff's context line — never leave token-guard
// in full, through the built CLI; and a version-1 baseline still applies.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const FORMATS = ["stylish", "json", "sarif", "github"];

/** Every eight-character window of `token` found in `text`. */
function windowsOf(token: string, text: string): string[] {
  return Array.from({ length: token.length - 7 }, (_, at) => token.slice(at, at + 8)).filter((window) => text.includes(window));
}

describe("nothing printed that scan would flag", () => {
  it("init does not quote an existing prepare script", () => {
    const token = fakeToken(1601);
    const repo = makeRepo({ "package.json": JSON.stringify({ name: "app", scripts: { prepare: `curl -d auth_token=${token} https://api.convoso.com/x` } }) });
    const result = runCli(["init"], repo);
    expect(result.stdout).toMatch(/already has a prepare script/);
    expect(windowsOf(token, result.stdout + result.stderr)).toEqual([]);
  });

  it("a fallback whose variable is named like the token: not in any format, and fix renames the lookup, leaving no copy in the code", () => {
    const token = fakeToken(1602, 16);
    const dir = makeTree({
      "a.py": `import os\n# convoso\nauth_token = os.getenv("${token}", "${token}")\n`,
      "b.js": `// convoso\nconst authToken = process.env["${token}"] ?? "${token}";\n`,
    });
    for (const format of FORMATS) {
      const result = runCli(["scan", ".", "--format", format], dir);
      expect(result.status, format).toBe(1);
      expect(windowsOf(token, result.stdout + result.stderr), format).toEqual([]);
    }
    const dryRun = runCli(["fix", "--dry-run"], dir);
    expect(windowsOf(token, dryRun.stdout + dryRun.stderr)).toEqual([]);
    expect(runCli(["fix"], dir).status).toBe(0);
    const env = readFileSync(join(dir, ".env"), "utf8");
    expect(env).toBe(`CONVOSO_AUTH_TOKEN=${token}\n`);
    expect(readFileSync(join(dir, "a.py"), "utf8")).toBe('import os\n# convoso\nauth_token = os.getenv("CONVOSO_AUTH_TOKEN")\n');
    expect(readFileSync(join(dir, "b.js"), "utf8")).toBe('// convoso\nconst authToken = process.env["CONVOSO_AUTH_TOKEN"];\n');
  });

  it("a file and a folder named after tokens: masked in every format and in the baseline, which still matches", () => {
    const folder = fakeToken(1603, 20);
    const name = fakeToken(1604, 16);
    const repo = makeRepo({ [`${folder}/${name}.py`]: `auth_token = "${fakeToken(1605)}"\n` });
    for (const format of FORMATS) {
      const result = runCli(["scan", ".", "--format", format], repo);
      expect(result.status, format).toBe(1);
      expect([...windowsOf(folder, result.stdout), ...windowsOf(name, result.stdout)], format).toEqual([]);
    }
    expect(runCli(["baseline"], repo).status).toBe(0);
    const baseline = readFileSync(join(repo, ".token-guard-baseline.json"), "utf8");
    expect([...windowsOf(folder, baseline), ...windowsOf(name, baseline)]).toEqual([]);
    expect(runCli(["scan", "."], repo).status).toBe(0);
  });

  it("hexadecimal revision ids and content hashes in file names stay as they are, so reports point at the file", () => {
    // An Alembic revision (12 hex digits) and a bundle's content hash name files everywhere: masked, SARIF and annotations point nowhere.
    const revision = "3f9a1c2b7d4e";
    const files = { [`alembic/versions/${revision}_seed_convoso.py`]: `auth_token = "${fakeToken(1608)}"\n`, [`public/app.${revision}5f60.js`]: `const authToken = "${fakeToken(1609)}";\n` };
    const repo = makeRepo(files);
    for (const format of FORMATS) {
      const result = runCli(["scan", ".", "--format", format], repo);
      expect(result.status, format).toBe(1);
      expect(result.stdout, format).toContain(`${revision}_seed_convoso.py`);
      expect(result.stdout, format).toContain(`app.${revision}5f60.js`);
    }
  });

  it("the dry-run diff masks token-shaped context lines (a hex token no finding named)", () => {
    // Built at run time, so this file holds no token-shaped literal.
    const hex = Array.from({ length: 16 }, (_, index) => (15 - index).toString(16) + index.toString(16)).join("").slice(0, 16);
    const dir = makeTree({ "c.py": `other = "${hex}"\n\nauth_token = "${fakeToken(1606)}"\n` });
    const dryRun = runCli(["fix", "--dry-run"], dir);
    expect(dryRun.stdout).toContain(' other = "');
    expect(windowsOf(hex, dryRun.stdout)).toEqual([]);
  });

  it("redaction shows at most a quarter of a 12-character token", () => {
    const token = fakeToken(1607, 12);
    const dir = makeTree({ "s.py": `auth_token = "${token}"\n` });
    const result = runCli(["scan", ".", "--format", "json"], dir);
    const [finding] = (JSON.parse(result.stdout) as { findings: { redacted: string }[] }).findings;
    expect(finding!.redacted.replace(/\*+/, "").length).toBeLessThanOrEqual(3);
  });

  it("a version-1 baseline (plain SHA-256 fingerprints) still applies, with a notice to rewrite it; rewriting makes version 2", () => {
    const token = fakeToken(1608);
    const repo = makeRepo({ "s.py": `auth_token = "${token}"\n` });
    const salt = "00112233445566778899aabbccddeeff";
    const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 32);
    const oldFingerprint = sha256(`token-guard/v1\0convoso-auth-token\0${token}`);
    const entry = { ruleId: "convoso-auth-token", file: "s.py", hash: sha256(`token-guard-baseline/v1\0${salt}\0${oldFingerprint}`) };
    writeFileSync(join(repo, ".token-guard-baseline.json"), JSON.stringify({ version: 1, salt, entries: [entry] }));
    const scan = runCli(["scan", "."], repo);
    expect(scan.status).toBe(0);
    expect(scan.stderr).toMatch(/version-1 fingerprints.*token-guard baseline/);
    expect(scan.stderr.trim().split("\n")).toHaveLength(1);

    expect(runCli(["baseline"], repo).status).toBe(0);
    const rewritten = JSON.parse(readFileSync(join(repo, ".token-guard-baseline.json"), "utf8")) as { version: number; entries: { hash: string }[] };
    expect(rewritten.version).toBe(2);
    expect(rewritten.entries[0]!.hash).not.toBe(entry.hash);
    const again = runCli(["scan", "."], repo);
    expect([again.status, again.stderr]).toEqual([0, ""]);
  });
});
