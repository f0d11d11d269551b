// Through the built CLI: format-string arguments, values on (commented-out) command lines
// and the names `fix` numbers are reported on the value's line, their look-alikes are not,
// and `fix --dry-run` rewrites each new shape into the language's env lookup.
import { describe, expect, it } from "vitest";
import { makeRepo, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const t = (seed: number): string => fakeToken(9_300 + seed);

const FILES: Record<string, string> = {
  "jobs/export.py": [
    `import os`,
    `REPORT = "https://api.convoso.com/v1/log/retrieve?auth_token=%s&limit=%d" % ("${t(1)}", 50)`,
    `SEARCH = "auth_token={key}".format(key=os.environ["CONVOSO_AUTH_TOKEN"])`,
    `# gh secret set CONVOSO_AUTH_TOKEN --body "${t(2)}"`,
    `CONVOSO_AUTH_TOKEN_2 = "${t(3)}"`,
    `AUTH_TOKEN_TTL_2 = "${t(4)}"`,
    ``,
  ].join("\n"),
  "web/links.php": `<?php\n$u = sprintf('%s/leads/search?auth_token=%s', $base, '${t(5)}');\n$v = sprintf('auth_token=%s', getenv('CONVOSO_AUTH_TOKEN'));\n`,
  "ops/rotate.sh": `#!/bin/sh\nprintf 'auth_token=%s' '${t(6)}' > body.txt\ndialerctl login --auth-token ${t(7)}\ndialerctl login --auth-token "$CONVOSO_AUTH_TOKEN"\n`,
  "ops/Rotate.ps1": `$u = "auth_token={0}" -f "${t(8)}"\n`,
  "src/links.ts": `// curl -H "X-Auth-Token: ${t(9)}" https://api.convoso.com/v1/campaigns/search\nexport const u = util.format("auth_token=%s", process.env.CONVOSO_AUTH_TOKEN);\n`,
  "cmd/report/main.go": `package main\n\nvar url = fmt.Sprintf("%s?auth_token=%s", base, "${t(10)}")\n`,
};

interface JsonFinding {
  file: string;
  line: number;
  context: string;
}

describe("format strings, command lines and numbered names through the CLI", () => {
  it("reports each hardcoded value on its own line, and none of the look-alikes", () => {
    const dir = makeRepo(FILES);
    const result = runCli(["scan", ".", "--format", "json"], dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings.map((finding) => `${finding.file}:${finding.line} ${finding.context}`);
    expect(findings).toEqual([
      "cmd/report/main.go:3 argument",
      "jobs/export.py:2 argument",
      "jobs/export.py:4 argument",
      "jobs/export.py:5 assignment",
      "ops/Rotate.ps1:1 argument",
      "ops/rotate.sh:2 argument",
      "ops/rotate.sh:3 argument",
      "src/links.ts:1 assignment",
      "web/links.php:2 argument",
    ]);
  });

  it("fix --dry-run rewrites format arguments and command-line values into env lookups", () => {
    const dir = makeRepo(FILES);
    const result = runCli(["fix", "--dry-run"], dir);
    expect(result.stdout).toContain(`+REPORT = "https://api.convoso.com/v1/log/retrieve?auth_token=%s&limit=%d" % (os.environ["CONVOSO_AUTH_TOKEN"], 50)`);
    expect(result.stdout).toContain(`+$u = sprintf('%s/leads/search?auth_token=%s', $base, getenv('CONVOSO_AUTH_TOKEN'))`);
    expect(result.stdout).toMatch(/\+printf 'auth_token=%s' "\$\{CONVOSO_AUTH_TOKEN\}" > body\.txt/);
    expect(result.stdout).toMatch(/\+dialerctl login --auth-token "\$\{CONVOSO_AUTH_TOKEN\}"/);
    expect(result.stdout).toMatch(/\+\$u = "auth_token=\{0\}" -f \$env:CONVOSO_AUTH_TOKEN$/m);
    for (let seed = 1; seed <= 10; seed++) expect(result.stdout).not.toContain(t(seed));
  });
});
