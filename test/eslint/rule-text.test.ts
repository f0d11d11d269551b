// token-guard/convoso-auth-token in the `token-guard/text` language (Python, PHP, shell,
// PowerShell, Markdown), through ESLint's RuleTester: the same rule id, the core's findings,
// suggestions mapped to exact ranges, and eslint-disable directives in each comment syntax.
import { TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import { Linter, type Rule } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/eslint/plugin.js";
import { ASSERTIONS, ENV, RuleTester, TOKEN, at, data, replaceWith } from "./support.js";

const rule = plugin.rules["convoso-auth-token"] as unknown as Rule.RuleModule;
const T = TOKEN;
const PY = `os.environ["${ENV}"]`;
const PHP = `getenv('${ENV}')`;
const SH = `\${${ENV}}`;
/** What documentation shows where the reader's own value goes. */
const PLACEHOLDER = `YOUR_${ENV}`;

const tester = new RuleTester({ plugins: { "token-guard": plugin as never }, language: "token-guard/text" });

tester.run("convoso-auth-token (Python)", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { filename: "sync.py", code: `import os\nauth_token = os.getenv("CONVOSO_AUTH_TOKEN")\n` },
    { filename: "sync.py", code: `auth_token = "your_token_here"\n` },
    { filename: "sync.py", code: `# eslint-disable-next-line\ndata = {"auth_token": "${T}"}\n` },
    { filename: "sync.py", code: `data = {"auth_token": "${T}"}  # eslint-disable-line -- a fixture\n` },
    { filename: "sync.py", code: `data = {"auth_token": "${T}"}  # token-guard-ignore\n` },
  ],
  invalid: [
    {
      name: "a dict value (import os added)",
      filename: "sync.py",
      code: `import requests\ndata = {"auth_token": "${T}"}\n`,
      errors: [{ messageId: "hardcodedToken", ...at(2, 24), data: data(), suggestions: [replaceWith(PY, `import os\nimport requests\ndata = {"auth_token": ${PY}}\n`)] }],
    },
    {
      // ESLint merges `import os` and the replacement into one fix copying the text between:
      // only the first suggestion adds the import, so each later one is its own small edit.
      name: "three tokens and no import os: each gets a suggestion, the first adding import os",
      filename: "sync.py",
      code: `auth_token = "${T}"\nbackup_auth_token = "${T}"\nthird = {"auth_token": "${T}"}\n`,
      errors: [
        { messageId: "hardcodedToken", ...at(1, 15), data: data(), suggestions: [replaceWith(PY, `import os\nauth_token = ${PY}\nbackup_auth_token = "${T}"\nthird = {"auth_token": "${T}"}\n`)] },
        { messageId: "hardcodedToken", ...at(2, 22), data: data(), suggestions: [replaceWith(PY, `auth_token = "${T}"\nbackup_auth_token = ${PY}\nthird = {"auth_token": "${T}"}\n`)] },
        { messageId: "hardcodedToken", ...at(3, 25), data: data(), suggestions: [replaceWith(PY, `auth_token = "${T}"\nbackup_auth_token = "${T}"\nthird = {"auth_token": ${PY}}\n`)] },
      ],
    },
    {
      name: "two tokens after import os: each gets its own suggestion",
      filename: "sync.py",
      code: `import os\nauth_token = "${T}"\nbackup_auth_token = "${T}"\n`,
      errors: [
        { messageId: "hardcodedToken", ...at(2, 15), data: data(), suggestions: [replaceWith(PY, `import os\nauth_token = ${PY}\nbackup_auth_token = "${T}"\n`)] },
        { messageId: "hardcodedToken", ...at(3, 22), data: data(), suggestions: [replaceWith(PY, `import os\nauth_token = "${T}"\nbackup_auth_token = ${PY}\n`)] },
      ],
    },
    {
      name: "a getenv default, which the suggestion drops",
      filename: "sync.py",
      code: `import os\ntoken = os.getenv("CONVOSO_AUTH_TOKEN", "${T}")\n`,
      errors: [
        {
          messageId: "hardcodedFallback",
          ...at(2, 42),
          data: data(),
          suggestions: [replaceWith(`os.getenv("${ENV}") (drop the hardcoded fallback)`, `import os\ntoken = os.getenv("CONVOSO_AUTH_TOKEN")\n`)],
        },
      ],
    },
    {
      name: "a URL string that becomes an f-string",
      filename: "sync.py",
      code: `import os\nrequests.get("https://api.convoso.com/v1/campaigns/search?auth_token=${T}")\n`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(2, 70),
          data: data(),
          suggestions: [
            replaceWith(`f"…{os.environ['${ENV}']}…"`, `import os\nrequests.get(f"https://api.convoso.com/v1/campaigns/search?auth_token={os.environ['${ENV}']}")\n`),
          ],
        },
      ],
    },
    {
      name: "commented-out code: the quoted value becomes the lookup, the comment stays a comment",
      filename: "sync.py",
      code: `# auth_token = "${T}"\n`,
      errors: [{ messageId: "tokenInComment", ...at(1, 17), data: data(), suggestions: [replaceWith(`os.environ["${ENV}"]`, `# auth_token = os.environ["${ENV}"]\n`)] }],
    },
  ],
});

tester.run("convoso-auth-token (PHP)", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { filename: "search.php", code: `<?php\n$auth_token = getenv('CONVOSO_AUTH_TOKEN');\n` },
    { filename: "search.php", code: `<?php\n$auth_token = '${T}'; // eslint-disable-line\n` },
    { filename: "search.php", code: `<?php\n/* eslint-disable */\n$auth_token = '${T}';\n/* eslint-enable */\n` },
  ],
  invalid: [
    {
      name: "a variable",
      filename: "search.php",
      code: `<?php\n$auth_token = '${T}';\n`,
      errors: [{ messageId: "hardcodedToken", ...at(2, 16), data: data(), suggestions: [replaceWith(PHP, `<?php\n$auth_token = ${PHP};\n`)] }],
    },
    {
      name: "inside a double-quoted URL (concatenation)",
      filename: "search.php",
      code: `<?php\n$url = "https://api.convoso.com/v1/campaigns/search?auth_token=${T}&list_id=1";\n`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(2, 64),
          data: data(),
          suggestions: [replaceWith(`… . ${PHP} . …`, `<?php\n$url = "https://api.convoso.com/v1/campaigns/search?auth_token=" . ${PHP} . "&list_id=1";\n`)],
        },
      ],
    },
    {
      name: "an input value in the file's HTML",
      filename: "form.php",
      code: `<form>\n  <input type="hidden" name="auth_token" value="${T}">\n</form>\n`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(2, 49),
          data: data(),
          suggestions: [
            replaceWith(`<?= htmlspecialchars((string) ${PHP}) ?>`, `<form>\n  <input type="hidden" name="auth_token" value="<?= htmlspecialchars((string) ${PHP}) ?>">\n</form>\n`),
          ],
        },
      ],
    },
    {
      name: "a directive for another rule leaves this one on",
      filename: "search.php",
      code: `<?php\n$auth_token = '${T}'; // eslint-disable-line no-console\n`,
      errors: [{ messageId: "hardcodedToken", ...at(2, 16), data: data(), suggestions: [replaceWith(PHP, `<?php\n$auth_token = ${PHP}; // eslint-disable-line no-console\n`)] }],
    },
  ],
});

tester.run("convoso-auth-token (shell and PowerShell)", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { filename: "search.sh", code: `curl -d "auth_token=$CONVOSO_AUTH_TOKEN" https://api.convoso.com/v1/campaigns/search\n` },
    { filename: "search.sh", code: `# eslint-disable-next-line\ncurl -d "auth_token=${T}" https://api.convoso.com/v1/campaigns/search\n` },
    { filename: "setup.ps1", code: `$env:CONVOSO_AUTH_TOKEN = "${T}" # eslint-disable-line\n` },
  ],
  invalid: [
    {
      name: "a double-quoted curl argument",
      filename: "search.sh",
      code: `curl -d "auth_token=${T}" https://api.convoso.com/v1/campaigns/search\n`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 21), data: data(), suggestions: [replaceWith(SH, `curl -d "auth_token=${SH}" https://api.convoso.com/v1/campaigns/search\n`)] }],
    },
    {
      name: "a single-quoted curl argument (double quotes so it expands)",
      filename: "search.bash",
      code: `curl -d 'auth_token=${T}' https://api.convoso.com/v1/campaigns/search\n`,
      errors: [
        { messageId: "hardcodedToken", ...at(1, 21), data: data(), suggestions: [replaceWith(`"${SH}"`, `curl -d 'auth_token='"${SH}"'' https://api.convoso.com/v1/campaigns/search\n`)] },
      ],
    },
    {
      name: "an export of the variable itself (a guard that requires it)",
      filename: "env.zsh",
      code: `export CONVOSO_AUTH_TOKEN=${T}\n`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(1, 27),
          data: data(),
          suggestions: [replaceWith(`: "\${${ENV}:?set ${ENV} in the environment}"`, `: "\${${ENV}:?set ${ENV} in the environment}"\n`)],
        },
      ],
    },
    {
      name: "a default in a parameter expansion",
      filename: "search.sh",
      code: `token="\${CONVOSO_AUTH_TOKEN:-${T}}"\n`,
      errors: [{ messageId: "hardcodedFallback", ...at(1, 30), data: data(), suggestions: [replaceWith(`${ENV} (drop the hardcoded fallback)`, `token="\${CONVOSO_AUTH_TOKEN}"\n`)] }],
    },
    {
      name: "PowerShell: setting the variable itself",
      filename: "setup.ps1",
      code: `$env:CONVOSO_AUTH_TOKEN = "${T}"\n`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(1, 28),
          data: data(),
          suggestions: [
            replaceWith(`if (-not $env:${ENV}) { throw "set ${ENV} in the environment" }`, `if (-not $env:${ENV}) { throw "set ${ENV} in the environment" }\n`),
          ],
        },
      ],
    },
  ],
});

tester.run("convoso-auth-token (Markdown)", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { filename: "README.md", code: `Include the auth_token in every API request as a query parameter.\n` },
    { filename: "README.md", code: `# Setup\n\n<!-- eslint-disable-next-line -->\nSend auth_token=${T} with each call.\n` },
    { filename: "README.md", code: `# Setup\n\n\`\`\`bash\n# eslint-disable-next-line\ncurl -d "auth_token=${T}" https://api.convoso.com/v1/x\n\`\`\`\n` },
  ],
  invalid: [
    {
      name: "a bash fence deep in the file (offsets map back): the placeholder",
      filename: "README.md",
      code: `# Setup\n\nSome prose first.\n\n- a list\n- of steps\n\n\`\`\`bash\ncurl -X POST https://api.convoso.com/v1/campaigns/search \\\n  -d "auth_token=${T}"\n\`\`\`\n`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(10, 18),
          data: data(),
          suggestions: [
            replaceWith(PLACEHOLDER, `# Setup\n\nSome prose first.\n\n- a list\n- of steps\n\n\`\`\`bash\ncurl -X POST https://api.convoso.com/v1/campaigns/search \\\n  -d "auth_token=${PLACEHOLDER}"\n\`\`\`\n`),
          ],
        },
      ],
    },
    {
      name: "prose: the placeholder",
      filename: "docs/api.markdown",
      code: `# API\n\nSend auth_token=${T} with each call.\n`,
      errors: [{ messageId: "hardcodedToken", ...at(3, 17), data: data(), suggestions: [replaceWith(PLACEHOLDER, `# API\n\nSend auth_token=${PLACEHOLDER} with each call.\n`)] }],
    },
    {
      name: "a bash fence of a document that already reads the variable: the reference it uses",
      filename: "README.md",
      code: `Set \`$${ENV}\` first.\n\n\`\`\`bash\ncurl -d "auth_token=${T}" https://api.convoso.com/v1/x\n\`\`\`\n`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(4, 21),
          data: data(),
          suggestions: [replaceWith(SH, `Set \`$${ENV}\` first.\n\n\`\`\`bash\ncurl -d "auth_token=${SH}" https://api.convoso.com/v1/x\n\`\`\`\n`)],
        },
      ],
    },
    {
      name: "a python fence that imports os itself",
      filename: "README.md",
      code: `# Sync\n\n\`\`\`python\nimport os\ndata = {"auth_token": "${T}"}\n\`\`\`\n`,
      errors: [{ messageId: "hardcodedToken", ...at(5, 24), data: data(), suggestions: [replaceWith(PY, `# Sync\n\n\`\`\`python\nimport os\ndata = {"auth_token": ${PY}}\n\`\`\`\n`)] }],
    },
    {
      name: "a python fence without `import os`: the import goes on the fence's first line",
      filename: "README.md",
      code: `# Sync\n\n\`\`\`python\ndata = {"auth_token": "${T}"}\n\`\`\`\n`,
      errors: [{ messageId: "hardcodedToken", ...at(4, 24), data: data(), suggestions: [replaceWith(PY, `# Sync\n\n\`\`\`python\nimport os\ndata = {"auth_token": ${PY}}\n\`\`\`\n`)] }],
    },
  ],
});

describe("convoso-auth-token in another plugin's text language (as with @eslint/markdown)", () => {
  /** A stand-in for a third-party language: root type `root`, 0-based columns, its own SourceCode. */
  class OtherSourceCode extends TextSourceCodeBase {
    override traverse(): VisitNodeStep[] {
      return [new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast] }), new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast] })];
    }
    override getParent(): undefined {
      return undefined;
    }
  }
  const other = {
    fileType: "text",
    lineStart: 1,
    columnStart: 0,
    nodeTypeKey: "type",
    visitorKeys: { root: [] },
    validateLanguageOptions() {},
    parse(file: { body: string | Uint8Array }) {
      const text = String(file.body);
      const lines = text.split("\n");
      return { ok: true, ast: { type: "root", range: [0, text.length], loc: { start: { line: 1, column: 0 }, end: { line: lines.length, column: lines.at(-1)!.length } } } };
    },
    createSourceCode(file: { body: string | Uint8Array }, input: { ast: object }) {
      return new OtherSourceCode({ text: String(file.body), ast: input.ast });
    },
  };

  it("reports at the core's position and offers the same suggestion", () => {
    const code = `# Setup\n\n\`\`\`bash\ncurl -d "auth_token=${T}" https://api.convoso.com/v1/x\n\`\`\`\n`;
    const config: Linter.Config[] = [
      {
        files: ["**/*.md"],
        plugins: { markdown: { languages: { gfm: other } } as never, "token-guard": plugin as never },
        language: "markdown/gfm",
        rules: { "token-guard/convoso-auth-token": "error" },
      },
    ];
    const [message, ...rest] = new Linter().verify(code, config, { filename: "README.md" });
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ ruleId: "token-guard/convoso-auth-token", messageId: "hardcodedToken", ...at(4, 21) });
    const fix = message!.suggestions![0]!.fix;
    expect(code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1])).toBe(code.replace(T, PLACEHOLDER));
  });
});
