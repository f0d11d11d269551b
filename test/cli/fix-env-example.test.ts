// Issue 17: a real token in `.env.example` / `.env.sample` / `.env.template` is published
// (the file is committed and copied). scan says to replace it with an empty value or a
// placeholder; fix empties it (the name stays), keeps the value in .env only as a
// commented-out line (never the value .env sets), and says to revoke it. Built CLI.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(1851);
const CODE_TOKEN = fakeToken(1852);
const ENV = "CONVOSO_AUTH_TOKEN";
const ADVICE = "replace it with an empty value or a placeholder: an example file is committed and copied; the real value belongs in .env";
const read = (dir: string, path: string): string => readFileSync(join(dir, path), "utf8");

const PROJECT = {
  ".gitignore": "/.env\n/.env.token-guard-*.tmp\n",
  // The env file's own example: fix rewrites it and adds the names .env gains, in one write.
  ".env.example": `# copy to .env\nAUTH_TOKEN=${T}\nLIST_ID=1\n`,
  "config/.env.sample": `export ${ENV}="${T}"\n`,
  ".env.template": `${ENV}='${T}'\n`,
  "app.py": `import os\nauth_token = "${CODE_TOKEN}"\n`,
};

describe("example env files", () => {
  it("scan advises an empty value or a placeholder", () => {
    const dir = makeRepo(PROJECT);
    const result = runCli(["scan", "--format", "json"], dir);
    const findings = (JSON.parse(result.stdout) as { findings: { file: string; suggestion: { text: string } }[] }).findings;
    expect(findings.filter((finding) => finding.file !== "app.py").map((finding) => [finding.file, finding.suggestion.text])).toEqual([
      [".env.example", ADVICE],
      [".env.template", ADVICE],
      ["config/.env.sample", ADVICE],
    ]);
  });

  it("fix empties the value, keeps it in .env only as a comment, and says to revoke it", () => {
    const dir = makeRepo(PROJECT);
    const result = runCli(["fix"], dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(read(dir, ".env.example")).toBe(`# copy to .env\nAUTH_TOKEN=\nLIST_ID=1\n${ENV}=\n`);
    expect(read(dir, "config/.env.sample")).toBe(`export ${ENV}=""\n`);
    expect(read(dir, ".env.template")).toBe(`${ENV}=''\n`);
    // The code's token is the one .env sets; the examples' (one value, one name) is a comment, once.
    expect(read(dir, ".env")).toBe(`# ${ENV}=${T} # from an example file, found at .env.example:2\n${ENV}=${CODE_TOKEN}\n`);
    expect(result.stdout).toContain(`.env.example:2:12  ${T.slice(0, 4)}`);
    expect(result.stdout).toContain("note: emptied in the example file, which is committed and copied: this token is published, revoke it; .env keeps it as a commented-out line only");
    expect(result.stdout).not.toContain(T);
    // Nothing is left, and a second run changes nothing.
    expect(runCli(["fix"], dir).stdout).toMatch(/^token-guard fix: nothing to fix/);
    expect(runCli(["scan"], dir).status).toBe(0);
  });
});
