// The replacement edits each language gets, in the contexts `token-guard fix` meets:
// every case scans a snippet, applies all of its findings' edits and compares the text.
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/fix/apply-edits.js";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";
import { typeScriptEnvLookup } from "../../src/languages/javascript/replacement.js";

const T = fakeToken(501);
const ENV = "CONVOSO_AUTH_TOKEN";

/** The text after applying every finding's edits (duplicates, such as one `import os`, count once). */
function fixed(path: string, text: string): string {
  const findings = scanText(path, text);
  expect(findings.length, `findings in ${path}`).toBeGreaterThan(0);
  return applyEdits(text, findings.flatMap((finding) => finding.suggestion.edits));
}

/** The suggestions of the findings, for cases left to a person. */
function suggestions(path: string, text: string): { text: string; edits: number }[] {
  return scanText(path, text).map((finding) => ({ text: finding.suggestion.text, edits: finding.suggestion.edits.length }));
}

describe("JavaScript and TypeScript", () => {
  it("reads the variable for a constant named like it", () => {
    expect(fixed("client.js", `export const ${ENV} = "${T}";\n`)).toBe(`export const ${ENV} = process.env.${ENV};\n`);
  });

  it("drops `as const`, which an env lookup cannot take", () => {
    expect(fixed("client.ts", `export const ${ENV} = "${T}" as const;\n`)).toBe(`export const ${ENV} = ${typeScriptEnvLookup(ENV)};\n`);
  });

  it("drops a destructuring default from process.env instead of repeating the lookup", () => {
    expect(fixed("env.mjs", `export const { ${ENV} = "${T}" } = process.env;\n`)).toBe(`export const { ${ENV} } = process.env;\n`);
  });

  it("keeps a destructuring default from another object (only the value changes)", () => {
    expect(fixed("env.mjs", `const { ${ENV} = "${T}" } = settings;\n`)).toBe(`const { ${ENV} = process.env.${ENV} } = settings;\n`);
  });

  it("leaves a string enum member to a person (enum members must be constants)", () => {
    expect(suggestions("tokens.ts", `export enum Credential {\n  AuthToken = "${T}",\n}\n`)).toEqual([
      { text: `an enum member must be a constant: read process.env.${ENV} where the value is used`, edits: 0 },
    ]);
  });
});

describe("Python", () => {
  it("adds `import os` after the docstring and `from __future__` imports", () => {
    const text = `"""Sync."""\nfrom __future__ import annotations\nimport requests\nauth_token = "${T}"\n`;
    expect(fixed("sync.py", text)).toBe(`"""Sync."""\nfrom __future__ import annotations\nimport os\nimport requests\nauth_token = os.environ["${ENV}"]\n`);
  });

  it("keeps an ignore-next-line comment directly above the line it silences", () => {
    const text = `# token-guard-ignore-next-line\nprimary_auth_token = "${fakeToken(502)}"\nbackup_auth_token = "${T}"\n`;
    expect(fixed("sync.py", text)).toBe(`import os\n# token-guard-ignore-next-line\nprimary_auth_token = "${fakeToken(502)}"\nbackup_auth_token = os.environ["${ENV}"]\n`);
  });

  it("puts `import os` inside a Markdown fence, indented like the fence's code", () => {
    const text = `# Sync\n\n1. Run:\n\n   \`\`\`python\n   import requests\n   data = {"auth_token": "${T}"}\n   \`\`\`\n`;
    expect(fixed("README.md", text)).toBe(`# Sync\n\n1. Run:\n\n   \`\`\`python\n   import os\n   import requests\n   data = {"auth_token": os.environ["${ENV}"]}\n   \`\`\`\n`);
  });

  it("uses the other quote inside an f-string (no nested same quote before Python 3.12)", () => {
    expect(fixed("a.py", `import os\nurl = "https://api.convoso.com/v1/x?auth_token=${T}"\n`)).toBe(
      `import os\nurl = f"https://api.convoso.com/v1/x?auth_token={os.environ['${ENV}']}"\n`,
    );
    expect(fixed("a.py", `import os\nurl = 'https://api.convoso.com/v1/x?auth_token=${T}'\n`)).toBe(
      `import os\nurl = f'https://api.convoso.com/v1/x?auth_token={os.environ["${ENV}"]}'\n`,
    );
  });

  it("doubles the braces of a .format() string that becomes an f-string, and turns u'' into f''", () => {
    expect(fixed("a.py", `import os\nq = u"auth_token=${T}&list_id={}".format(1)\n`)).toBe(`import os\nq = f"auth_token={os.environ['${ENV}']}&list_id={{}}".format(1)\n`);
  });

  it("keeps bytes bytes", () => {
    expect(fixed("a.py", `import os\nAUTH_TOKEN = b"${T}"\n`)).toBe(`import os\nAUTH_TOKEN = os.environ["${ENV}"].encode()\n`);
    expect(fixed("a.py", `import os\nbody = b"auth_token=${T}&list_id=1"\n`)).toBe(`import os\nbody = (b"auth_token=" + os.environ["${ENV}"].encode() + b"&list_id=1")\n`);
  });

  it("uses os.getenv where the code had a default: parameter defaults and default= arguments", () => {
    expect(fixed("a.py", `import os\ndef search(auth_token="${T}"):\n    pass\n`)).toBe(`import os\ndef search(auth_token=os.getenv("${ENV}")):\n    pass\n`);
    expect(fixed("a.py", `import os\nparser.add_argument("--auth-token", default="${T}")\n`)).toBe(`import os\nparser.add_argument("--auth-token", default=os.getenv("${ENV}"))\n`);
  });

  it("drops a getenv default, and turns os.environ.setdefault into a lookup that requires the variable", () => {
    expect(fixed("a.py", `import os\ntoken = os.getenv("${ENV}", "${T}")\n`)).toBe(`import os\ntoken = os.getenv("${ENV}")\n`);
    expect(fixed("a.py", `import os\nos.environ.setdefault("${ENV}", "${T}")\n`)).toBe(`import os\nos.environ["${ENV}"]\n`);
  });
});

describe("PHP", () => {
  it("reads a heredoc's value into a variable before the statement and interpolates it", () => {
    const text = `<?php\nfunction body($listId) {\n    $body = <<<EOT\n    list_id={$listId}\n    auth_token=${T}\n    EOT;\n    return $body;\n}\n`;
    expect(fixed("a.php", text)).toBe(
      `<?php\nfunction body($listId) {\n    $${ENV} = getenv('${ENV}');\n    $body = <<<EOT\n    list_id={$listId}\n    auth_token={$${ENV}}\n    EOT;\n    return $body;\n}\n`,
    );
  });

  it("turns a nowdoc into a heredoc with its own `$` and `\\` escaped", () => {
    const text = `<?php\n$raw = <<<'EOT'\nauth_token=${T}&price=$5\\n\nEOT;\n`;
    expect(fixed("a.php", text)).toBe(`<?php\n$${ENV} = getenv('${ENV}');\n$raw = <<<EOT\nauth_token={$${ENV}}&price=\\$5\\\\n\nEOT;\n`);
  });

  it("rewrites a top-level const as define(), which may call getenv()", () => {
    const text = `<?php\n// Convoso API client (https://api.convoso.com/v1).\nconst DEFAULT_TOKEN = '${T}';\n`;
    expect(fixed("a.php", text)).toBe(`<?php\n// Convoso API client (https://api.convoso.com/v1).\ndefine('DEFAULT_TOKEN', getenv('${ENV}'));\n`);
  });

  it("keeps define() working", () => {
    expect(fixed("a.php", `<?php\ndefine('${ENV}', '${T}');\n`)).toBe(`<?php\ndefine('${ENV}', getenv('${ENV}'));\n`);
  });

  it("leaves constant expressions to a person: class constants, properties, parameter defaults, static variables", () => {
    const text = `<?php\nclass Client {\n    const AUTH_TOKEN = '${T}';\n    private string $authToken = '${T}';\n    public function __construct(string $auth_token = '${T}') {\n        static $convosoToken = '${T}';\n    }\n}\n`;
    const found = suggestions("a.php", text);
    expect(found).toHaveLength(4);
    for (const suggestion of found) expect(suggestion).toEqual({ text: expect.stringContaining("PHP needs a constant expression here") as unknown as string, edits: 0 });
  });
});

describe("shell", () => {
  it("unquotes a quoted heredoc delimiter and escapes the body so only the variable expands", () => {
    const text = `cat <<'EOF' > body.txt\nlist_id=$LIST \`x\` \\n\nauth_token=${T}\nEOF\n`;
    expect(fixed("a.sh", text)).toBe(`cat <<EOF > body.txt\nlist_id=\\$LIST \\\`x\\\` \\\\n\nauth_token=\${${ENV}}\nEOF\n`);
  });

  it("keeps the command of a `NAME=value command` prefix assignment running", () => {
    expect(fixed("a.sh", `${ENV}=${T} ./sync-leads.sh\n`)).toBe(`${ENV}="\${${ENV}:?set ${ENV} in the environment}" ./sync-leads.sh\n`);
  });

  it("turns `export NAME=value` into a guard", () => {
    expect(fixed("a.sh", `export ${ENV}=${T}\n`)).toBe(`: "\${${ENV}:?set ${ENV} in the environment}"\n`);
  });
});

describe("PowerShell", () => {
  it("parenthesises a split single-quoted argument so it stays one argument", () => {
    expect(fixed("a.ps1", `Invoke-WebRequest -Uri 'https://api.convoso.com/v1/x?auth_token=${T}&list_id=1'\n`)).toBe(
      `Invoke-WebRequest -Uri ('https://api.convoso.com/v1/x?auth_token=' + $env:${ENV} + '&list_id=1')\n`,
    );
  });

  it("turns a literal here-string into an expanding one with its own `$` and backticks escaped", () => {
    expect(fixed("a.ps1", `$body = @'\nauth_token=${T}&cost=$5\n'@\n`)).toBe(`$body = @"\nauth_token=$($env:${ENV})&cost=\`$5\n"@\n`);
  });
});

describe("Makefile", () => {
  it("reads the variable in assignments, and a statement that set it defers to the environment (`?=`)", () => {
    const text = `${ENV} = ${T}\nexport AUTH_TOKEN := "${T}"\noverride ${ENV} := ${T} # prod\n`;
    expect(fixed("Makefile", text)).toBe(`${ENV} ?=\nexport AUTH_TOKEN := "$(${ENV})"\noverride ${ENV} ?= # prod\n`);
  });

  it("lets the shell read it on a recipe line, which make echoes, continuation lines included", () => {
    const text = `search:\n\tcurl -d "auth_token=${T}" \\\n\t  https://api.convoso.com/v1/x?auth_token=${T}\n\tcurl -d 'auth_token=${T}' https://api.convoso.com/v1/y\n\texport ${ENV}=${T}; ./sync.sh\n`;
    expect(fixed("Makefile", text)).toBe(
      `search:\n\tcurl -d "auth_token=$\${${ENV}}" \\\n\t  https://api.convoso.com/v1/x?auth_token="$\${${ENV}}"\n\tcurl -d 'auth_token='"$\${${ENV}}"'' https://api.convoso.com/v1/y\n\t: "$\${${ENV}:?set ${ENV} in the environment}"; ./sync.sh\n`,
    );
  });
});

describe("Dockerfile", () => {
  it("rewrites nothing (ENV, ARG and RUN all end up in the image) and says to pass it at run time or mount a build secret", () => {
    const text = `FROM python:3.12-slim\nENV ${ENV}=${T}\nARG AUTH_TOKEN=${T}\nRUN curl -d "auth_token=${T}" https://api.convoso.com/v1/x\n`;
    const found = suggestions("Dockerfile", text);
    expect(found).toHaveLength(3);
    for (const suggestion of found) {
      expect(suggestion.edits).toBe(0);
      expect(suggestion.text).toContain(`docker run --env-file .env`);
      expect(suggestion.text).toContain(`RUN --mount=type=secret,id=${ENV},env=${ENV}`);
    }
  });
});

describe("docker-compose", () => {
  it("writes ${NAME}, which compose substitutes from the shell and .env, in map and list entries of any quoting", () => {
    const text = `services:\n  sync:\n    environment:\n      ${ENV}: ${T}\n      REPORTING: "auth_token=${T}"\n  report:\n    environment:\n      - ${ENV}=${T}\n      - 'AUTH_TOKEN=${T}'\n`;
    expect(fixed("deploy/docker-compose.prod.yml", text)).toBe(
      `services:\n  sync:\n    environment:\n      ${ENV}: \${${ENV}}\n      REPORTING: "auth_token=\${${ENV}}"\n  report:\n    environment:\n      - ${ENV}=\${${ENV}}\n      - 'AUTH_TOKEN=\${${ENV}}'\n`,
    );
  });

  it("double-quotes a plain scalar inside a flow collection, where braces are not allowed", () => {
    const text = `services:\n  sync:\n    environment: {${ENV}: ${T}}\n  report:\n    environment: [${ENV}=${T}, MODE=a\\b]\n`;
    expect(fixed("compose.yaml", text)).toBe(`services:\n  sync:\n    environment: {${ENV}: "\${${ENV}}"}\n  report:\n    environment: ["${ENV}=\${${ENV}}", MODE=a\\b]\n`);
  });

  it("writes ${NAME} in a command too: compose substitutes it before the shell runs", () => {
    const text = `services:\n  sync:\n    command: sh -c "curl -d 'auth_token=${T}' https://api.convoso.com/v1/x"\n`;
    expect(fixed("docker-compose.yml", text)).toBe(`services:\n  sync:\n    command: sh -c "curl -d 'auth_token=\${${ENV}}' https://api.convoso.com/v1/x"\n`);
  });
});

describe("GitHub workflows", () => {
  it("reads a repository secret in env:, with: and run: values, whatever their quoting", () => {
    const text = `on: push\njobs:\n  sync:\n    runs-on: ubuntu-latest\n    env:\n      ${ENV}: ${T}\n    steps:\n      - run: curl -d "auth_token=${T}" https://api.convoso.com/v1/x\n      - run: |\n          export AUTH_TOKEN=${T}\n          curl -d 'auth_token=${T}' https://api.convoso.com/v1/y\n      - uses: acme/convoso-sync@v1\n        with: {auth_token: ${T}}\n`;
    const secret = `\${{ secrets.${ENV} }}`;
    expect(fixed(".github/workflows/sync.yml", text)).toBe(
      `on: push\njobs:\n  sync:\n    runs-on: ubuntu-latest\n    env:\n      ${ENV}: ${secret}\n    steps:\n      - run: curl -d "auth_token=${secret}" https://api.convoso.com/v1/x\n      - run: |\n          export AUTH_TOKEN=${secret}\n          curl -d 'auth_token=${secret}' https://api.convoso.com/v1/y\n      - uses: acme/convoso-sync@v1\n        with: {auth_token: "${secret}"}\n`,
    );
  });

  it("does not treat other YAML under .github as a workflow (a composite action has no secrets context)", () => {
    const text = `runs:\n  using: composite\n  steps:\n    - run: curl -d "auth_token=${T}" https://api.convoso.com/v1/x\n      shell: bash\n`;
    expect(suggestions(".github/actions/sync/action.yml", text)).toEqual([{ text: expect.stringContaining("keep the value out of this file") as unknown as string, edits: 0 }]);
  });
});

describe("config files", () => {
  it("leaves other YAML to a person, a key named like the variable too", () => {
    expect(suggestions("config/app.yaml", `convoso:\n  auth_token: ${T}\n  ${ENV}: ${T}\n`)).toEqual([
      { text: expect.stringContaining("keep the value out of this file") as unknown as string, edits: 0 },
      { text: expect.stringContaining("keep the value out of this file") as unknown as string, edits: 0 },
    ]);
  });
});
