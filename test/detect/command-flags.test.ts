// Command lines: a flag named by a token key, a value flag after a command whose subject
// is a token key, a setter's operand; in shell code and in commented-out commands of
// every language. Expansions, placeholders and flags of other names stay quiet.
import { describe, expect, it } from "vitest";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(9_201);

function values(path: string, text: string): { line: number; value: string; inComment: boolean }[] {
  return scanText(path, text).map((finding) => ({ line: finding.line, value: text.slice(finding.start, finding.end), inComment: finding.inComment }));
}

describe("a value on a command line is reported", () => {
  it.each([
    ["deploy/rotate.sh", `dialerctl login --auth-token ${T} --region us`],
    ["deploy/rotate.sh", `gh secret set CONVOSO_AUTH_TOKEN --repo acme/dialer --body '${T}'`],
    ["deploy/rotate.sh", `gh variable set REPORTING_AUTH_TOKEN -b "${T}"`],
    ["deploy/rotate.sh", `aws ssm put-parameter --name /prod/dialer/auth_token --type SecureString --value=${T}`],
    ["deploy/rotate.sh", `az keyvault secret set --vault-name kv --name convoso-auth-token --value "${T}"`],
    ["deploy/rotate.sh", `aws secretsmanager create-secret --name dialer/auth_token --secret-string "${T}"`],
    ["deploy/rotate.sh", `set -gx CONVOSO_AUTH_TOKEN ${T}`],
    ["deploy/rotate.sh", `setx CONVOSO_AUTH_TOKEN "${T}"`],
  ])("shell code %s: %s", (path, text) => {
    expect(values(path, text)).toEqual([{ line: 1, value: T, inComment: false }]);
  });

  it.each([
    ["sync/client.py", `# gh secret set CONVOSO_AUTH_TOKEN --body "${T}"\nimport os\n`],
    ["src/client.ts", `// dialerctl login --auth-token ${T}\nexport {};\n`],
    ["src/client.js", `/*\n * aws ssm put-parameter --name /prod/dialer/auth_token --value ${T} --overwrite\n */\n`],
    ["app/Client.php", `<?php\n# az keyvault secret set --name convoso-auth-token --value '${T}'\n`],
    ["bin/setup.sh", `# setx CONVOSO_AUTH_TOKEN ${T}\n`],
    ["tools/Setup.ps1", `# gh secret set CONVOSO_AUTH_TOKEN -b ${T}\n`],
    ["docs/setup.md", `<!-- gh secret set CONVOSO_AUTH_TOKEN --body "${T}" -->\n`],
    [".github/workflows/sync.yml", `# gh secret set CONVOSO_AUTH_TOKEN --body ${T}\non: push\n`],
  ])("commented out in %s", (path, text) => {
    const found = values(path, text);
    expect(found.map((finding) => finding.value)).toEqual([T]);
    expect(found[0]!.inComment).toBe(true);
  });
});

describe("command lines that hardcode no token", () => {
  it.each([
    `gh secret set CONVOSO_AUTH_TOKEN --body "$CONVOSO_AUTH_TOKEN"`,
    `gh secret set CONVOSO_AUTH_TOKEN --body "\${{ secrets.CONVOSO_AUTH_TOKEN }}"`,
    `gh secret set CONVOSO_AUTH_TOKEN < token.txt`,
    `dialerctl login --auth-token "$(cat /run/secrets/convoso)"`,
    `dialerctl login --auth-token-file /run/secrets/${T}`,
    `dialerctl login --auth-token <your-auth-token>`,
    `dialerctl login --csrf-token ${T}`,
    `aws ssm put-parameter --name /prod/dialer/auth_token_ttl --value ${T}`,
    `aws ssm get-parameter --name /prod/dialer/auth_token --with-decryption`,
    `set -e CONVOSO_AUTH_TOKEN`,
    `echo CONVOSO_AUTH_TOKEN ${T}`,
  ])("shell: %s", (line) => {
    expect(values("ops/run.sh", `${line}\n`)).toEqual([]);
  });

  it.each([
    `# pass --auth-token to override the token from the environment`,
    `# CONVOSO_AUTH_TOKEN --value is printed once by the console; copy it to the vault`,
    `# setx CONVOSO_AUTH_TOKEN %CONVOSO_AUTH_TOKEN%`,
  ])("comment: %s", (line) => {
    expect(values("ops/run.py", `${line}\nimport os\n`)).toEqual([]);
  });
});
