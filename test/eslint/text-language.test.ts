// The `token-guard/text` language on its own: options, the root node's location,
// line counting that agrees with the core, and eslint-disable/enable directives in
// every comment syntax, run through ESLint's Linter with the recommended and text configs.
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { defaultDetection } from "../../src/catalog.js";
import { scanSource } from "../../src/detect/scan-source.js";
import plugin from "../../src/eslint/plugin.js";
import { textLanguage } from "../../src/eslint/text-language.js";
import { TOKEN, TOKEN_2 } from "./support.js";

const RULE_ID = "token-guard/convoso-auth-token";
const config = [...plugin.configs.recommended, ...plugin.configs.text] as Linter.Config[];

function lint(filename: string, code: string, extra: Linter.Config[] = []): Linter.LintMessage[] {
  return new Linter().verify(code, [...config, ...extra], { filename });
}

/** `line:column ruleId` of each message, for compact assertions. */
function positions(messages: Linter.LintMessage[]): string[] {
  return messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? message.message}`);
}

describe("token-guard/text language", () => {
  it("accepts the JavaScript options configs without `files` spread onto every file, and rejects a non-object", () => {
    expect(() => textLanguage.validateLanguageOptions({ parser: {}, sourceType: "module", ecmaVersion: "latest", globals: {} })).not.toThrow();
    expect(() => textLanguage.validateLanguageOptions(null as never)).toThrow(/object/);
    expect(() => textLanguage.validateLanguageOptions([] as never)).toThrow(/object/);
  });

  it.each([
    ["", { line: 1, column: 1 }],
    ["abc", { line: 1, column: 4 }],
    ["a\n", { line: 2, column: 1 }],
    ["a\r\nbc\rdef", { line: 3, column: 4 }],
  ])("parses %j into one Document node ending at %j", (text, end) => {
    const result = textLanguage.parse({ path: "/x/a.py", physicalPath: "/x/a.py", bom: false, body: text }, { languageOptions: {} });
    expect(result).toEqual({ ok: true, ast: { type: "Document", range: [0, text.length], loc: { start: { line: 1, column: 1 }, end } } });
  });

  it("counts lines as the core does (CRLF and a lone CR), so ESLint and the CLI print the same positions", () => {
    const code = `import requests\r\nx = 1\r"unused"\ndata = {"auth_token": "${TOKEN}"}\r\nother = {"auth_token": "${TOKEN_2}"}\n`;
    const findings = scanSource({ path: "sync.py", text: code }, defaultDetection());
    expect(findings.map((finding) => `${finding.line}:${finding.column} ${RULE_ID}`)).toEqual(["4:24 token-guard/convoso-auth-token", "5:25 token-guard/convoso-auth-token"]);
    expect(positions(lint("sync.py", code))).toEqual(findings.map((finding) => `${finding.line}:${finding.column} ${RULE_ID}`));
  });

  it("reports in every file type the recommended config gives the text language", () => {
    const lines: Record<string, string> = { py: `auth_token = "${TOKEN}"\n`, sh: `auth_token="${TOKEN}"\n`, ps1: `$auth_token = "${TOKEN}"\n` };
    for (const [filename, kind, column] of [
      ["a.py", "py", 15],
      ["a.pyi", "py", 15],
      ["a.sh", "sh", 13],
      ["a.bash", "sh", 13],
      ["a.zsh", "sh", 13],
      ["a.ps1", "ps1", 16],
      ["a.psm1", "ps1", 16],
    ] as const) {
      expect(positions(lint(filename, lines[kind]!)), filename).toEqual([`1:${column} ${RULE_ID}`]);
    }
    expect(positions(lint("a.php", `<?php\n$auth_token = "${TOKEN}";\n`))).toEqual([`2:16 ${RULE_ID}`]);
    expect(positions(lint("a.phtml", `<?php $auth_token = "${TOKEN}"; ?>\n`))).toEqual([`1:22 ${RULE_ID}`]);
    for (const filename of ["a.md", "a.markdown"]) expect(positions(lint(filename, `Use auth_token=${TOKEN} here.\n`)), filename).toEqual([`1:16 ${RULE_ID}`]);
  });
});

describe("eslint-disable directives in the text language", () => {
  const py = `data = {"auth_token": "${TOKEN}"}`;

  it.each([
    ["sync.py", `# eslint-disable-next-line ${RULE_ID}\n${py}\n`],
    ["sync.py", `${py}  # eslint-disable-line ${RULE_ID} -- fixture\n`],
    ["search.sh", `curl -d "auth_token=${TOKEN}" https://api.convoso.com/v1/x  # eslint-disable-line ${RULE_ID}\n`],
    ["search.php", `<?php\n// eslint-disable-next-line ${RULE_ID}\n$auth_token = '${TOKEN}';\n`],
    ["search.php", `<?php\n$auth_token = '${TOKEN}'; # eslint-disable-line ${RULE_ID}\n`],
    ["search.php", `<?php\n/* eslint-disable-next-line ${RULE_ID} */\n$auth_token = '${TOKEN}';\n`],
    ["setup.ps1", `<# eslint-disable-next-line ${RULE_ID} #>\n$auth_token = "${TOKEN}"\n`],
    ["README.md", `<!-- eslint-disable-next-line ${RULE_ID} -->\nUse auth_token=${TOKEN} here.\n`],
    ["README.md", `\`\`\`python\n# eslint-disable-next-line ${RULE_ID}\n${py}\n\`\`\`\n`],
  ])("%s: %j is silenced", (filename, code) => {
    expect(lint(filename, code)).toEqual([]);
  });

  it("eslint-disable … eslint-enable silences a block in any comment syntax", () => {
    const code = `# eslint-disable ${RULE_ID}\na = {"auth_token": "${TOKEN}"}\n# eslint-enable ${RULE_ID}\nb = {"auth_token": "${TOKEN_2}"}\n`;
    expect(positions(lint("sync.py", code))).toEqual([`4:21 ${RULE_ID}`]);
    const markdown = `<!-- eslint-disable -->\nUse auth_token=${TOKEN} here.\n<!-- eslint-enable -->\nUse auth_token=${TOKEN_2} here.\n`;
    expect(positions(lint("README.md", markdown))).toEqual([`4:16 ${RULE_ID}`]);
  });

  it("a directive naming another rule leaves ours on", () => {
    // (ESLint's default `reportUnusedDisableDirectives: "warn"` then flags the directive, as it would in JavaScript.)
    expect(positions(lint("sync.py", `${py}  # eslint-disable-line no-console\n`))).toEqual([
      `1:24 ${RULE_ID}`,
      "1:60 Unused eslint-disable directive (no problems were reported from 'no-console').",
    ]);
  });

  it("text that only looks like a directive (inside a string) is not one", () => {
    expect(positions(lint("sync.py", `data = {"auth_token": "${TOKEN}", "note": "# eslint-disable-line"}\n`))).toEqual([`1:24 ${RULE_ID}`]);
  });

  it("an eslint-disable-line comment spanning lines is a problem, as in JavaScript", () => {
    const messages = lint("README.md", `Use auth_token=${TOKEN} here. <!-- eslint-disable-line\n-->\n`);
    expect(positions(messages)).toEqual(["1:16 token-guard/convoso-auth-token", "1:55 eslint-disable-line comment should not span multiple lines."]);
  });

  it("unused directives are reported when asked, so they are real directives to ESLint", () => {
    const messages = lint("sync.py", `x = 1  # eslint-disable-line ${RULE_ID}\n`, [{ linterOptions: { reportUnusedDisableDirectives: "error" } }]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ line: 1, column: 8, severity: 2, message: expect.stringContaining("Unused eslint-disable directive") });
  });

  it("with noInlineConfig, directives are flagged as having no effect and the finding stays", () => {
    const messages = lint("sync.py", `${py}  # eslint-disable-line ${RULE_ID}\n`, [{ linterOptions: { noInlineConfig: true } }]);
    expect(positions(messages)).toEqual([`1:24 ${RULE_ID}`, `1:60 '# eslint-disable-line ${RULE_ID}' has no effect because you have 'noInlineConfig' setting in your config.`]);
  });
});
