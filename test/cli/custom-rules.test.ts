// Custom credential rules from the config file, through every CLI door: scan,
// --staged (the hook), --history, and the SARIF rule list; bad rules exit 2.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACME_RULE as ACME } from "../support/acme-rule.js";
import { git, makeRepo, makeTree, runCli } from "../support/cli.js";
import { sarifSchemaErrors } from "../support/sarif-schema.js";
import { fakeToken } from "../support/tokens.js";
import { typeScriptEnvLookup } from "../../src/languages/javascript/replacement.js";

const KEY = fakeToken(500);
const ACME_RULE = { ...ACME, revoke: "the ACME console" };
const CONFIG = JSON.stringify({ customRules: [ACME_RULE] });

interface Finding {
  ruleId: string;
  file: string;
  line: number;
  envVar: string;
  suggestion: { text: string };
  commit?: string;
}

function findingsOf(cwd: string, ...args: string[]): { status: number; findings: Finding[] } {
  const result = runCli(["scan", ...args, "--format", "json"], cwd);
  return { status: result.status, findings: result.stdout ? (JSON.parse(result.stdout) as { findings: Finding[] }).findings : [] };
}

const files = () => ({
  "token-guard.config.json": CONFIG,
  "src/acme.ts": `export const acmeApiKey = "${KEY}";\n`,
  "scripts/acme.py": `ACME_API_KEY = "${KEY}"\n`,
});

describe("customRules", () => {
  it("finds a custom credential with its rule id and env var in every format", () => {
    const dir = makeTree(files());
    const { status, findings } = findingsOf(dir);
    expect(status).toBe(1);
    expect(findings.map((finding) => [finding.file, finding.ruleId, finding.envVar, finding.suggestion.text])).toEqual([
      ["scripts/acme.py", "acme-api-key", "ACME_API_KEY", 'os.environ["ACME_API_KEY"]'],
      // TypeScript's read stays `string` under strict (test/cli/fix-strict-typescript.test.ts).
      ["src/acme.ts", "acme-api-key", "ACME_API_KEY", typeScriptEnvLookup("ACME_API_KEY")],
    ]);
    const stylish = runCli(["scan"], dir).stdout;
    expect(stylish).toContain("Hardcoded ACME API key");
    expect(stylish).toContain(`suggestion: ${typeScriptEnvLookup("ACME_API_KEY")}`);
    const sarif = runCli(["scan", "--format", "sarif"], dir).stdout;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const log = JSON.parse(sarif) as { runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string }[] }[] };
    const acme = log.runs[0]!.tool.driver.rules.find((rule) => rule.id === "acme-api-key");
    expect(acme?.help.text).toContain("process.env.ACME_API_KEY");
    expect(acme?.help.text).toContain("revoke it in the ACME console");
    expect(log.runs[0]!.results.map((result) => result.ruleId)).toEqual(["acme-api-key", "acme-api-key"]);
    expect(runCli(["scan", "--format", "github"], dir).stdout).toContain("title=Hardcoded ACME API key (acme-api-key)::");
  });

  it("blocks a staged custom credential (the pre-commit hook)", () => {
    const repo = makeRepo(files());
    git(repo, "add", "src/acme.ts");
    const { status, findings } = findingsOf(repo, "--staged");
    expect(status).toBe(1);
    expect(findings.map((finding) => [finding.file, finding.ruleId])).toEqual([["src/acme.ts", "acme-api-key"]]);
  });

  it("finds a custom credential in history, with the rule's revoke place", () => {
    const repo = makeRepo(files());
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "--no-verify", "-m", "add");
    writeFileSync(join(repo, "src/acme.ts"), "export const acmeApiKey = process.env.ACME_API_KEY;\n");
    git(repo, "commit", "-q", "--no-verify", "-am", "fix");
    const { findings } = findingsOf(repo, "--history");
    expect(findings.map((finding) => [finding.file, finding.ruleId])).toEqual([
      ["scripts/acme.py", "acme-api-key"],
      ["src/acme.ts", "acme-api-key"],
    ]);
    expect(runCli(["scan", "--history"], repo).stdout).toContain("revoke it in the ACME console; deleting it is not enough");
  });

  it.each([
    [{ ...ACME_RULE, envVar: undefined }, /customRules\[0\]\.envVar must be an environment variable name/],
    [{ ...ACME_RULE, keyNames: [] }, /customRules\[0\]\.keyNames must be a non-empty array/],
    [{ ...ACME_RULE, valuePattern: "([a-z" }, /customRules\[0\]\.valuePattern is not a valid regular expression/],
    // Issue 16: 8.5 s on one 52-character value, in every developer's hook and editor.
    [{ ...ACME_RULE, valuePattern: "(a1|a|1)+Z" }, /customRules\[0\]\.valuePattern "\(a1\|a\|1\)\+Z" can match "a" in two ways .* so it can backtrack super-linearly$/m],
    [{ ...ACME_RULE, keyname: ["acme"] }, /customRules\[0\]\.keyname is not a rule field/],
    [{ ...ACME_RULE, revoke: 3 }, /customRules\[0\]\.revoke must be a string/],
  ])("exits 2 naming the field of a bad custom rule %#", (rule, message) => {
    const dir = makeTree({ "token-guard.config.json": JSON.stringify({ customRules: [rule] }), "a.ts": `const acmeApiKey = "${"a1".repeat(26)}";\n` });
    for (const args of [["scan"], ["scan", "--history"], ["baseline"]]) {
      const result = runCli(args, dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
