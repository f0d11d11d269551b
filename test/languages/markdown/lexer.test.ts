import { describe, expect, it } from "vitest";
import { languageForInfoString, lexMarkdown as lexMarkdownWithFences, sniffCodeLanguage } from "../../../src/languages/markdown/lexer.js";
import { FENCE_LANGUAGES } from "../../../src/languages/registry.js";
import type { LanguageId, LexResult, StringToken } from "../../../src/languages/shared/tokens.js";
import { assertRangesInside, describeTokens, expectLinear, fuzz } from "../lex-helpers.js";

/** lexMarkdown with the registry's fence names, as lexSource calls it. */
function lexMarkdown(text: string, start?: number, end?: number): LexResult {
  return lexMarkdownWithFences(text, start, end, FENCE_LANGUAGES);
}

function lex(text: string): string[] {
  const result = lexMarkdown(text);
  assertRangesInside(text, result);
  return describeTokens(text, result);
}

/** The tables as rows of cell texts ("" where a cell is not in the grid), the header first. */
function grid(text: string): string[][][] {
  const cell = (token: StringToken | undefined) => (token === undefined ? "" : text.slice(token.contentStart, token.contentEnd));
  return (lexMarkdown(text).tables ?? []).map((table) => [table.header.map(cell), ...table.rows.map((row) => row.map(cell))]);
}

/** Embedded regions as `language:text`. */
function regions(text: string, result: LexResult = lexMarkdown(text)): string[] {
  return result.embedded.map((region) => `${region.language}:${text.slice(region.start, region.end)}`);
}

/** The language a fence with `info` and `code` is reported in. */
function fenceLanguage(info: string, code = "x = 1"): LanguageId | undefined {
  return lexMarkdown("```" + info + "\n" + code + "\n```\n").embedded[0]?.language;
}

/** The Convoso authentication page (test seed), pasted as Markdown with fences around its examples. */
const CONVOSO_DOC = [
  "Authentication",
  "All Convoso API endpoints require authentication via an auth_token parameter.",
  "Overview",
  "The Convoso API uses token-based authentication. Every request must include a valid auth_token query parameter that identifies and authenticates the request.",
  "Obtaining an Auth Token",
  "Auth tokens are generated through your Convoso account dashboard:",
  "- Log in to your Convoso account",
  "- Navigate to Settings > API Tokens or Authorization Tokens section",
  "- Create a new token with an appropriate name and permissions",
  "- Copy the token (you will only see it once)",
  "- Store it securely",
  "Using Auth Tokens",
  "Include the auth_token in every API request as a query parameter:",
  "Request Example",
  "```http",
  "POST https://api.convoso.com/v1/campaigns/search",
  "Content-Type: application/x-www-form-urlencoded",
  "auth_token=your_token_here",
  "```",
  "Request with Body Example",
  "```http",
  "POST https://api.convoso.com/v1/leads/insert",
  "Content-Type: application/x-www-form-urlencoded",
  "auth_token=your_token_here&list_id=123&phone_number=5551234567&first_name=John",
  "```",
  "Token Security Best Practices",
  "- Keep tokens private - Never commit tokens to version control",
  "- Use environment variables - Store tokens in environment variables or secure configuration",
  "- Rotate regularly - Periodically generate new tokens and retire old ones",
  "- Restrict permissions - Create tokens with minimal necessary permissions",
  "- Monitor usage - Review token usage and access logs regularly",
  "- Regenerate if compromised - Immediately regenerate tokens if you suspect compromise",
  "Token Management",
  "Creating Multiple Tokens",
  "You can create multiple tokens for different purposes:",
  "- Production token - For live application integration",
  "- Development token - For testing and development",
  "- Integration token - For third-party service integrations",
  "- Reporting token - For read-only reporting access",
  "Revoking Tokens",
  "To revoke a token:",
  "- Log in to your Convoso account",
  "- Navigate to Settings > API Tokens",
  "- Click the delete/revoke button next to the token",
  "- Confirm revocation",
  "Revoked tokens will immediately stop working for new requests.",
  "Token Scope and Permissions",
  "Tokens inherit permissions based on the user account that created them. Ensure your account has the necessary permissions for the operations you need to perform via the API.",
  "Permission categories:",
  "- Lead management (create, read, update, delete)",
  "- Campaign access (view, modify)",
  "- Call log access (view, modify)",
  "- Agent monitoring (view)",
  "- Reporting (generate, download)",
  "Error Handling",
  "Missing Auth Token",
  "If you forget to include the auth_token:",
  "Response:",
  "```",
  "{",
  '"success": false,',
  '"error": "Missing authentication token"',
  "}",
  "```",
  "Invalid Auth Token",
  "If your token is invalid or expired:",
  "Response:",
  "```json",
  "{",
  '"success": false,',
  '"error": "Invalid or expired authentication token"',
  "}",
  "```",
  "Insufficient Permissions",
  "If your token doesn't have permission for an operation:",
  "Response:",
  "```json",
  "{",
  '"success": false,',
  '"error": "Insufficient permissions for this operation"',
  "}",
  "```",
  "Token Expiration",
  "- Default expiration: Per your account settings",
  "- Regenerate before expiration to avoid service disruption",
  "- Check the token's expiration date in the dashboard",
  "API Key vs Auth Token",
  "Convoso uses auth tokens (not API keys). Each token:",
  "- Is unique to your account",
  "- Can be regenerated independently",
  "- Inherits account permissions",
  "- Can be revoked immediately",
  "- Should be treated as sensitive credentials",
  "Examples",
  "cURL Example",
  "```bash",
  'curl -X POST "https://api.convoso.com/v1/campaigns/search" \\',
  '-d "auth_token=YOUR_TOKEN_HERE"',
  "```",
  "Python Example",
  "```python",
  "import requests",
  'auth_token = "YOUR_TOKEN_HERE"',
  'url = "https://api.convoso.com/v1/campaigns/search"',
  'data = {"auth_token": auth_token}',
  "response = requests.post(url, data=data)",
  "result = response.json()",
  "```",
  "JavaScript Example",
  "```javascript",
  'const authToken = "YOUR_TOKEN_HERE";',
  'const url = "https://api.convoso.com/v1/campaigns/search";',
  "fetch(url, {",
  'method: "POST",',
  'headers: { "Content-Type": "application/x-www-form-urlencoded" },',
  "body: `auth_token=${authToken}`",
  "})",
  ".then(response => response.json())",
  ".then(data => console.log(data));",
  "```",
  "PHP Example",
  "```php",
  "<?php",
  '$auth_token = "YOUR_TOKEN_HERE";',
  '$url = "https://api.convoso.com/v1/campaigns/search";',
  "$ch = curl_init($url);",
  "curl_setopt($ch, CURLOPT_POST, true);",
  "curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query(['auth_token' => $auth_token]));",
  "curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);",
  "$response = curl_exec($ch);",
  "curl_close($ch);",
  "$data = json_decode($response, true);",
  "?>",
  "```",
  "Environment Variables",
  "Recommended Setup",
  "Store your auth token in an environment variable:",
  "Bash/Linux/Mac:",
  "```bash",
  'export CONVOSO_AUTH_TOKEN="your_token_here"',
  "```",
  "Windows (PowerShell):",
  "```powershell",
  '$env:CONVOSO_AUTH_TOKEN = "your_token_here"',
  "```",
  "Python:",
  "```python",
  "import os",
  'auth_token = os.getenv("CONVOSO_AUTH_TOKEN")',
  "```",
  "Troubleshooting",
  "| Issue | Solution |",
  "|---|---|",
  "| Token not working | Verify token is correct, hasn't expired, and has proper permissions |",
  '| "Invalid authentication token" | Regenerate token, check for typos |',
  '| "Insufficient permissions" | Verify user account has required permissions; use account with higher privileges |',
  "| Token expired | Generate new token from dashboard |",
  "| All requests returning 401 | Check token immediately; may be revoked or expired |",
  "Rate Limiting and Quotas",
  "Your Convoso account may have rate limits. Refer to your account settings for:",
  "- Requests per minute",
  "- Requests per day",
  "- Concurrent request limits",
  "- Specific endpoint quotas",
  "Contact Convoso support for quota increases if needed.",
  "Support",
  "For authentication-related issues or to reset your auth token:",
  "- Log in to your Convoso account",
  "- Contact support through the dashboard",
  "- Verify your identity",
  "- Request token reset if necessary",
  "Note: All API endpoints require authentication. See individual endpoint documentation for specific parameter requirements and usage examples.",
].join("\n");

describe("lexMarkdown", () => {
  it("reports a fence deep in a file with the exact offsets of its lines", () => {
    const code = 'curl "https://api.convoso.com/v1/x?auth_token=abc123"\necho done';
    const text = "# Title\n\n" + "Some prose here.\n".repeat(200) + "\n```bash\n" + code + "\n```\n\nAfter.\n";
    const result = lexMarkdown(text);
    assertRangesInside(text, result);
    const start = text.indexOf(code);
    expect(result.embedded).toEqual([{ language: "shell", start, end: start + code.length }]);
    expect(describeTokens(text, result).at(-1)).toBe("string[bare]:After.");
  });

  it("maps every info-string family, case-insensitively, from the first word", () => {
    const families: [LanguageId, string[]][] = [
      ["shell", ["bash", "sh", "shell", "console", "zsh", "ksh", "curl", "terminal"]],
      ["powershell", ["powershell", "ps1", "ps", "pwsh"]],
      ["python", ["python", "py", "python3", "pycon"]],
      ["javascript", ["js", "javascript", "jsx", "mjs", "cjs", "node"]],
      ["typescript", ["ts", "typescript", "tsx"]],
      ["php", ["php"]],
      ["json", ["json", "jsonc", "json5"]],
      ["yaml", ["yaml", "yml"]],
      ["toml", ["toml"]],
      ["ini", ["ini", "properties", "cfg"]],
      ["dotenv", ["dotenv", "env"]],
      ["dockerfile", ["dockerfile", "docker"]],
      ["makefile", ["makefile", "make"]],
      ["html", ["html"]],
      ["xml", ["xml", "plist"]],
    ];
    for (const [language, infos] of families) {
      for (const info of infos) {
        expect([info, languageForInfoString(info, FENCE_LANGUAGES)]).toEqual([info, language]);
        expect([info, fenceLanguage(info.toUpperCase())]).toEqual([info, language]);
      }
    }
    expect(fenceLanguage(" Python {linenos=true}")).toBe("python");
    expect(fenceLanguage("js title=\"app.js\"")).toBe("javascript");
    expect(fenceLanguage("{.bash}")).toBe("shell");
    expect(fenceLanguage("bash{1,3}")).toBe("shell");
  });

  it("sniffs http, unknown and empty info strings", () => {
    expect(languageForInfoString("http", FENCE_LANGUAGES)).toBeUndefined();
    expect(languageForInfoString("", FENCE_LANGUAGES)).toBeUndefined();
    expect(languageForInfoString("constructor", FENCE_LANGUAGES)).toBeUndefined();
    expect(fenceLanguage("http", "POST https://api.convoso.com/v1/leads/insert\n\nauth_token=abc&list_id=1")).toBe("shell");
    expect(fenceLanguage("", "<?php\n$t = 'x';")).toBe("php");
    expect(fenceLanguage("text", "import os\nprint(1)")).toBe("python");
  });

  it("sniffs unlabelled code: php, console prompts, python, javascript, json, yaml, powershell, else shell", () => {
    expect(sniffCodeLanguage("\n\n<?php\n$auth_token = 'x';")).toBe("php");
    expect(sniffCodeLanguage("$ export CONVOSO_AUTH_TOKEN=abc\n$ curl -d auth_token=$CONVOSO_AUTH_TOKEN x")).toBe("shell");
    expect(sniffCodeLanguage('curl -X POST "https://x" -d "auth_token=abc"')).toBe("shell");
    expect(sniffCodeLanguage("wget https://x")).toBe("shell");
    expect(sniffCodeLanguage("export TOKEN=abc")).toBe("shell");
    expect(sniffCodeLanguage("http POST https://x auth_token=abc")).toBe("shell");
    expect(sniffCodeLanguage("import requests\nrequests.post(url)")).toBe("python");
    expect(sniffCodeLanguage("from os import getenv")).toBe("python");
    expect(sniffCodeLanguage("def call(token):\n    pass")).toBe("python");
    expect(sniffCodeLanguage(">>> import os")).toBe("python");
    expect(sniffCodeLanguage('const authToken = "x";')).toBe("javascript");
    expect(sniffCodeLanguage("let a = 1")).toBe("javascript");
    expect(sniffCodeLanguage('fetch("https://x?auth_token=abc")')).toBe("javascript");
    expect(sniffCodeLanguage('const axios = require("axios")')).toBe("javascript");
    expect(sniffCodeLanguage('import axios from "axios";')).toBe("javascript");
    expect(sniffCodeLanguage("export const token = 'x';")).toBe("javascript");
    expect(sniffCodeLanguage('{\n  "auth_token": "abc"\n}')).toBe("json");
    expect(sniffCodeLanguage('[{"a": 1}]')).toBe("json");
    expect(sniffCodeLanguage("auth_token: abc\nother: 1")).toBe("yaml");
    expect(sniffCodeLanguage("- name: TOKEN\n  value: x")).toBe("yaml");
    expect(sniffCodeLanguage('$env:CONVOSO_AUTH_TOKEN = "x"')).toBe("powershell");
    expect(sniffCodeLanguage("Invoke-RestMethod -Uri $u -Method Post")).toBe("powershell");
    expect(sniffCodeLanguage("PS C:\\> Get-Item env:TOKEN")).toBe("powershell");
    expect(sniffCodeLanguage("Set-Cookie: a=b")).toBe("yaml");
    expect(sniffCodeLanguage("make build")).toBe("shell");
    expect(sniffCodeLanguage("")).toBe("shell");
    // Later lines decide when the first says nothing, but data shapes count only on the first line.
    expect(sniffCodeLanguage("# install\n\nimport os")).toBe("python");
    expect(sniffCodeLanguage("steps:\n  - run: |\n      curl -d auth_token=abc x")).toBe("yaml");
    expect(sniffCodeLanguage("echo start\nauth_token: abc")).toBe("shell");
  });

  it("sniffs unlabelled fences", () => {
    const text = [
      "```",
      "<?php",
      "$auth_token = 'abc';",
      "```",
      "```",
      "$ curl -d auth_token=abc https://x",
      "```",
      "```",
      "import requests",
      "```",
      "```",
      'const token = "abc";',
      "```",
    ].join("\n");
    expect(lexMarkdown(text).embedded.map((region) => region.language)).toEqual(["php", "shell", "python", "javascript"]);
  });

  it("reports a fence inside a blockquote with its markers, closed by the end of the quote", () => {
    const text = ["> Call it:", ">", "> ```bash", "> curl -d auth_token=abc x", "> ```", "> after", "", "> ```js", "> const a = 1;", "plain"].join("\n");
    const result = lexMarkdown(text);
    assertRangesInside(text, result);
    expect(regions(text, result)).toEqual(["shell:> curl -d auth_token=abc x", "javascript:> const a = 1;"]);
    expect(describeTokens(text, result)).toEqual(["string[bare]:Call it:", "string[bare]:after", "string[bare]:plain"]);
  });

  it("reports fences inside list items, with the item's indentation", () => {
    const text = [
      "1. Export the token:",
      "   ```bash",
      "   export CONVOSO_AUTH_TOKEN=abc",
      "   ```",
      "2. Then:",
      "   - nested:",
      "     ```python",
      "     t = 'x'",
      "     ```",
      "- ```yaml",
      "  a: b",
      "  ```",
      "after",
    ].join("\n");
    const result = lexMarkdown(text);
    assertRangesInside(text, result);
    expect(regions(text, result)).toEqual(["shell:   export CONVOSO_AUTH_TOKEN=abc", "python:     t = 'x'", "yaml:  a: b"]);
    expect(describeTokens(text, result)).toEqual(["string[bare]:Export the token:", "string[bare]:Then:", "string[bare]:nested:", "string[bare]:after"]);
  });

  it("reads ~~~ fences, longer fences, and closes only on a long enough fence of the same character", () => {
    const text = ["~~~ bash `with backticks`", "echo ```", "~~~~", "````md", "```js", "inner", "```", "````", "after"].join("\n");
    expect(regions(text)).toEqual(["shell:echo ```", "shell:```js\ninner\n```"]);
    expect(lex(text)).toEqual(["string[bare]:after"]);
  });

  it("runs an unclosed fence to the end", () => {
    const text = "Intro\n\n```python\nauth_token = 'abc'\n\n";
    const start = text.indexOf("auth_token");
    expect(lexMarkdown(text).embedded).toEqual([{ language: "python", start, end: text.length - 1 }]);
    expect(lex(text)).toEqual(["string[bare]:Intro"]);
  });

  it("treats a backtick line with a backtick in its info string as inline code", () => {
    expect(lex("```auth_token=abc``` in prose")).toEqual(["string[bare]:auth_token=abc", "string[bare]:in prose"]);
  });

  it("reports an indented code block, but not an indented paragraph continuation", () => {
    const text = ["Example:", "", "    curl -d auth_token=abc x", "", "    echo more", "", "Paragraph", "    continued here"].join("\n");
    const result = lexMarkdown(text);
    const start = text.indexOf("    curl");
    const end = text.indexOf("echo more") + "echo more".length;
    expect(result.embedded).toEqual([{ language: "shell", start, end }]);
    expect(describeTokens(text, result)).toEqual(["string[bare]:Example:", "string[bare]:Paragraph", "string[bare]:continued here"]);
    expect(regions("    <?php\n    $t = 1;")).toEqual(["php:    <?php\n    $t = 1;"]);
    expect(regions("- item\n\n      const t = 1;")).toEqual(["javascript:      const t = 1;"]);
    expect(regions("- item\n\n  continuation")).toEqual([]);
  });

  it("reads prose lines and inline code spans as bare strings", () => {
    expect(lex("# Auth\nSend `auth_token=abc123` with ``a ` b`` and ` x ` here.\n- Item with `code`\n> quoted prose")).toEqual([
      "string[bare]:Auth",
      "string[bare]:Send",
      "string[bare]:auth_token=abc123",
      "string[bare]:with",
      "string[bare]:a ` b",
      "string[bare]:and",
      "string[bare]:x",
      "string[bare]:here.",
      "string[bare]:Item with",
      "string[bare]:code",
      "string[bare]:quoted prose",
    ]);
    expect(lex("unmatched ` tick and `` double")).toEqual(["string[bare]:unmatched ` tick and `` double"]);
  });

  it("reads a pipe table's cells as strings (a code span's content for a cell holding one) and skips the delimiter row and breaks", () => {
    const text = "| Key | Value |\n| :-- | --: |\n| auth_token | `abc` |\n\n---\n***";
    expect(lex(text)).toEqual(["string[bare]:Key", "string[bare]:Value", "string[bare]:auth_token", "string[bare]:abc"]);
    expect(grid(text)).toEqual([[["Key", "Value"], ["auth_token", "abc"]]]);
  });

  it("reads tables without outer pipes, escaped pipes, short and long rows, and ends a table at a line without a pipe", () => {
    const text = "env | auth_token\n--- | ---\nprod | a\\|b\nshort\nafter | table\n";
    expect(grid(text)).toEqual([[["env", "auth_token"], ["prod", "a\\|b"]]]);
    expect(grid("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n")).toEqual([[["a", "b"], ["1"], ["1", "2"]]]);
  });

  it("leaves a cell holding prose and code, or nothing, out of the grid, but still reads its text", () => {
    const text = "| a | b |\n|---|---|\n| `x` and y |  |\n";
    expect(grid(text)).toEqual([[["a", "b"], ["", ""]]]);
    expect(lex(text)).toEqual(["string[bare]:a", "string[bare]:b", "string[bare]:x", "string[bare]:and y"]);
  });

  it("needs a delimiter row with as many cells as the header: else the lines are prose", () => {
    expect(grid("| a | b |\n|---|\n| 1 | 2 |\n")).toEqual([]);
    expect(grid("a | b\nnot a delimiter\n")).toEqual([]);
    expect(lex("a | b\n---\n")).toEqual(["string[bare]:a | b"]);
  });

  it("reads a table inside a blockquote, ending with the quote", () => {
    expect(grid("> | k | v |\n> |---|---|\n> | auth_token | abc |\nafter | x\n")).toEqual([[["k", "v"], ["auth_token", "abc"]]]);
  });

  it("reads HTML comments, over lines too, and puts the ignore marker before its region", () => {
    const text = ["Intro <!-- inline --> text", "<!-- token-guard-ignore-next-block -->", "```bash", "curl -d auth_token=abc x", "```", "<!--", "auth_token=hidden", "--> tail `x`"].join("\n");
    const result = lexMarkdown(text);
    assertRangesInside(text, result);
    expect(describeTokens(text, result)).toEqual([
      "string[bare]:Intro",
      "comment:inline",
      "string[bare]:text",
      "comment:token-guard-ignore-next-block",
      "comment:auth_token=hidden",
      "string[bare]:tail",
      "string[bare]:x",
    ]);
    const marker = result.tokens[3]!;
    expect(marker.end).toBeLessThan(result.embedded[0]!.start);
    expect(lex("<!-- unclosed\n```bash\nx")).toEqual(["comment:unclosed\n```bash\nx"]);
  });

  it("reports YAML front matter as a YAML region", () => {
    const text = "---\ntitle: Auth\ntoken: abc\n---\n# Heading";
    expect(regions(text)).toEqual(["yaml:title: Auth\ntoken: abc"]);
    expect(lex(text)).toEqual(["string[bare]:Heading"]);
    expect(regions("---\nnot yaml\n---\n")).toEqual([]);
  });

  it("lexes the Convoso page: every example a region in its language, the prose as bare strings", () => {
    const result = lexMarkdown(CONVOSO_DOC);
    assertRangesInside(CONVOSO_DOC, result);
    expect(result.embedded.map((region) => `${region.language}:${CONVOSO_DOC.slice(region.start, region.end).split("\n")[0]}`)).toEqual([
      "shell:POST https://api.convoso.com/v1/campaigns/search",
      "shell:POST https://api.convoso.com/v1/leads/insert",
      "json:{",
      "json:{",
      "json:{",
      'shell:curl -X POST "https://api.convoso.com/v1/campaigns/search" \\',
      "python:import requests",
      'javascript:const authToken = "YOUR_TOKEN_HERE";',
      "php:<?php",
      'shell:export CONVOSO_AUTH_TOKEN="your_token_here"',
      'powershell:$env:CONVOSO_AUTH_TOKEN = "your_token_here"',
      "python:import os",
    ]);
    const php = result.embedded[8]!;
    expect(CONVOSO_DOC.slice(php.start, php.end)).toMatch(/^<\?php\n[^]*\n\?>$/);
    const prose = describeTokens(CONVOSO_DOC, result);
    expect(prose).toContain("string[bare]:All Convoso API endpoints require authentication via an auth_token parameter.");
    expect(prose).toContain("string[bare]:Navigate to Settings > API Tokens or Authorization Tokens section");
    expect(prose).toContain('string[bare]:"Invalid authentication token"');
    expect(prose.some((token) => token.includes("YOUR_TOKEN_HERE") || token.includes("your_token_here"))).toBe(false);
    for (const token of result.tokens) {
      for (const region of result.embedded) expect(token.end <= region.start || token.start >= region.end).toBe(true);
    }
  });

  it("handles CRLF line ends", () => {
    const text = "Text\r\n```bash\r\necho a\r\n```\r\nMore\r\n";
    expect(regions(text)).toEqual(["shell:echo a"]);
    expect(lex(text)).toEqual(["string[bare]:Text", "string[bare]:More"]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = "ignored `x`\n```bash\necho a\n```\nProse `y`\nafter";
    const start = text.indexOf("```bash");
    const end = text.indexOf("\nafter");
    const result = lexMarkdown(text, start, end);
    assertRangesInside(text, result, start, end);
    expect(result.embedded).toEqual([{ language: "shell", start: text.indexOf("echo a"), end: text.indexOf("echo a") + 6 }]);
    expect(describeTokens(text, result)).toEqual(["string[bare]:Prose", "string[bare]:y"]);
    expect(result.tokens[1]).toMatchObject({ start: text.indexOf("`y`"), end: text.indexOf("`y`") + 3 });
  });

  it("never throws on unterminated or malformed input", () => {
    for (const text of ["```", "~~~", "`", "``", "<!--", "<!-- x", "> ```", "- ```", "    ", "---", "---\na: b", "1.", "# ", "> > >", "\t\tcode", "``` `"]) {
      for (let cut = 0; cut <= text.length; cut++) {
        const result = lexMarkdown(text, 0, cut);
        assertRangesInside(text, result, 0, cut);
        for (const region of result.embedded) expect(region.end <= cut && region.start <= region.end).toBe(true);
      }
    }
    fuzz(lexMarkdown, "`~>-*1. #<!->|\n  ab$");
  });

  it("stays linear on adversarial input", () => {
    expectLinear(lexMarkdown, (n) => Array.from({ length: n / 4 }, (_, i) => "`".repeat((i % 7) + 1) + "x").join(" "));
    expectLinear(lexMarkdown, (n) => "`".repeat(n));
    expectLinear(lexMarkdown, (n) => "- ".repeat(n / 2) + "x");
    expectLinear(lexMarkdown, (n) => "- - - x\n".repeat(n / 8));
    expectLinear(lexMarkdown, (n) => "x".repeat(n));
    expectLinear(lexMarkdown, (n) => "```a`\n".repeat(n / 6));
    expectLinear(lexMarkdown, (n) => "<!-".repeat(n / 3));
    expectLinear(lexMarkdown, (n) => "> ".repeat(n / 2));
    expectLinear(lexMarkdown, (n) => "    x\n\n".repeat(n / 7));
  });
});
