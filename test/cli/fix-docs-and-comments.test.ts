// `token-guard fix` on documentation and commented-out code: the token is
// replaced (a placeholder in docs, the lookup or a placeholder in a comment),
// the value goes to .env, and a scan afterwards is clean.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const ENV = "CONVOSO_AUTH_TOKEN";
const PLACEHOLDER = `YOUR_${ENV}`;
const V = Array.from({ length: 6 }, (_, index) => fakeToken(1801 + index));
const read = (dir: string, path: string): string => readFileSync(join(dir, path), "utf8");

function fixThenScan(files: Record<string, string>): string {
  const dir = makeRepo({ ".gitignore": "/.env\n/.env.token-guard-*.tmp\n", ...files });
  const fix = runCli(["fix"], dir);
  expect(fix.status, fix.stderr).toBe(0);
  expect(fix.stdout + fix.stderr).not.toContain("left for you");
  const scan = runCli(["scan"], dir);
  expect(scan.status, scan.stdout).toBe(0);
  return dir;
}

describe("fix rewrites documentation and commented-out code", () => {
  it("Markdown: prose, inline code and a shell fence get the placeholder; .env holds every value", () => {
    const dir = fixThenScan({
      "docs/setup.md": `# Setup\n\nUse auth_token=${V[0]} in requests.\n\n\`\`\`bash\ncurl "https://api.convoso.com/v1/users/search?auth_token=${V[1]}"\n\`\`\`\n\nInline: \`auth_token=${V[2]}\`\n`,
    });
    expect(read(dir, "docs/setup.md")).toBe(
      `# Setup\n\nUse auth_token=${PLACEHOLDER} in requests.\n\n\`\`\`bash\ncurl "https://api.convoso.com/v1/users/search?auth_token=${PLACEHOLDER}"\n\`\`\`\n\nInline: \`auth_token=${PLACEHOLDER}\`\n`,
    );
    const env = read(dir, ".env");
    for (const value of V.slice(0, 3)) expect(env).toContain(value);
  });

  it("Markdown that already reads the variable keeps reading it in the fence", () => {
    const dir = fixThenScan({
      "README.md": `Set it: \`export ${ENV}=...\`, then\n\n\`\`\`sh\necho "$${ENV}"\ncurl "https://api.convoso.com/v1/users/search?auth_token=${V[3]}"\n\`\`\`\n`,
    });
    expect(read(dir, "README.md")).toContain(`auth_token=\${${ENV}}"`);
    expect(read(dir, ".env")).toContain(V[3]);
  });

  it("commented-out code in .py, .ts and .sh: the comment stays, the value moves to .env", () => {
    const dir = fixThenScan({
      "sync.py": `import requests\n# auth_token = "${V[0]}"\n`,
      "client.ts": `// const authToken = "${V[1]}";\nexport {};\n`,
      "run.sh": `#!/bin/sh\n# export ${ENV}=${V[2]}\necho ok\n`,
    });
    expect(read(dir, "sync.py")).toBe(`import requests\n# auth_token = os.environ["${ENV}"]\n`);
    expect(read(dir, "client.ts")).toBe(`// const authToken = process.env.${ENV};\nexport {};\n`);
    expect(read(dir, "run.sh")).toBe(`#!/bin/sh\n# export ${ENV}=${PLACEHOLDER}\necho ok\n`);
    const env = read(dir, ".env");
    for (const value of V.slice(0, 3)) expect(env).toContain(value);
  });
});
