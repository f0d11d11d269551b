// The token-guard config in the ESLint door, through ESLint's RuleTester: a custom rule
// from `customRules` is `token-guard/<id>` with the built-in rule's messages and
// suggestions, and per-rule settings, placeholders, minLength and `ignore` reach both
// the JavaScript/TypeScript rule and the text language.
import { Linter, type Rule } from "eslint";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import type { ConfigFile } from "../../src/config/validate-config.js";
import { createPlugin } from "../../src/eslint/plugin.js";
import { projectSettings } from "../../src/eslint/project-settings.js";
import { typescriptParser } from "../../src/eslint/typescript-parser.js";
import { typeScriptEnvLookup } from "../../src/languages/javascript/replacement.js";
import { ACME_RULE } from "../support/acme-rule.js";
import { fakeToken } from "../support/tokens.js";
import { ASSERTIONS, ENV, RuleTester, TOKEN, at, data, replaceWith } from "./support.js";

const KEY = fakeToken(130);
const ACME = "ACME_API_KEY";
const JS = `process.env.${ACME}`;
/** TypeScript's read stays `string` under `strict`. */
const TS = typeScriptEnvLookup(ACME);
const PY = `os.environ["${ACME}"]`;

/** The plugin as importing it would make it in a project whose config is `config` (paths relative to the cwd). */
function pluginFor(config: ConfigFile) {
  const settings = projectSettings(config, process.cwd(), builtinRules);
  return createPlugin(builtinRules, () => settings);
}

const plugin = pluginFor({ customRules: [ACME_RULE] });
const acme = plugin.rules["acme-api-key"] as unknown as Rule.RuleModule;
const parser = typescriptParser as unknown as Linter.Parser;

new RuleTester({ languageOptions: { ecmaVersion: "latest", sourceType: "module" } }).run("acme-api-key from customRules (JavaScript)", acme, {
  assertionOptions: ASSERTIONS,
  valid: [
    { filename: "acme.js", code: `export const acmeApiKey = process.env.ACME_API_KEY;` },
    // The built-in credential is its own rule's business.
    { filename: "acme.js", code: `export const authToken = "${TOKEN}";` },
    // Shorter than the custom rule's own minLength.
    { filename: "acme.js", code: `export const acmeApiKey = "${KEY.slice(0, 15)}";` },
    { filename: "acme.js", code: `export const acme_api_key = "${KEY}"; // eslint-disable-line` },
  ],
  invalid: [
    {
      name: "a variable named after a key name",
      filename: "acme.js",
      code: `export const acmeApiKey = "${KEY}";`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 28, KEY), data: data(KEY, ACME), suggestions: [replaceWith(JS, `export const acmeApiKey = ${JS};`, KEY, ACME)] }],
    },
    {
      name: "a hardcoded fallback (dropped)",
      filename: "acme.js",
      code: `const key = process.env.ACME_API_KEY ?? "${KEY}";\nfetch(url, { headers: { acme_api_key: key } });`,
      errors: [
        {
          messageId: "hardcodedFallback",
          ...at(1, 42, KEY),
          data: data(KEY, ACME),
          suggestions: [replaceWith(`${JS} (drop the hardcoded fallback)`, `const key = ${JS};\nfetch(url, { headers: { acme_api_key: key } });`, KEY, ACME)],
        },
      ],
    },
  ],
});

new RuleTester({ languageOptions: { parser } }).run("acme-api-key from customRules (TypeScript)", acme, {
  assertionOptions: ASSERTIONS,
  valid: [{ filename: "acme.ts", code: `const acmeApiKey: string = process.env.ACME_API_KEY ?? "";` }],
  invalid: [
    {
      name: "an annotated property",
      filename: "acme.ts",
      code: `export const settings: { acme_api_key: string } = { acme_api_key: "${KEY}" };`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 68, KEY), data: data(KEY, ACME), suggestions: [replaceWith(TS, `export const settings: { acme_api_key: string } = { acme_api_key: ${TS} };`, KEY, ACME)] }],
    },
  ],
});

new RuleTester({ plugins: { "token-guard": plugin as never }, language: "token-guard/text" }).run("acme-api-key from customRules (text language)", acme, {
  assertionOptions: ASSERTIONS,
  valid: [{ filename: "acme.py", code: `import os\nACME_API_KEY = os.environ["ACME_API_KEY"]\n` }],
  invalid: [
    {
      name: "a Python constant (import os added)",
      filename: "acme.py",
      code: `ACME_API_KEY = "${KEY}"\n`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 17, KEY), data: data(KEY, ACME), suggestions: [replaceWith(PY, `import os\nACME_API_KEY = ${PY}\n`, KEY, ACME)] }],
    },
    {
      name: "a curl argument in Markdown",
      filename: "README.md",
      code: `# ACME\n\n\`\`\`sh\ncurl -H "acme_api_key: ${KEY}" https://api.acme.test\n\`\`\`\n`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(4, 24, KEY),
          data: data(KEY, ACME),
          // Documentation gets a placeholder, not a lookup a reader would have to set first.
          suggestions: [replaceWith(`YOUR_${ACME}`, `# ACME\n\n\`\`\`sh\ncurl -H "acme_api_key: YOUR_${ACME}" https://api.acme.test\n\`\`\`\n`, KEY, ACME)],
        },
      ],
    },
  ],
});

describe("the plugin of a project with a token-guard config", () => {
  it("registers every custom rule as token-guard/<id> with the built-in rule's metadata, and turns it on", () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(["acme-api-key", "convoso-auth-token"]);
    const { meta } = plugin.rules["acme-api-key"]!;
    expect(meta.docs?.url).toBe("https://github.com/token-guard/token-guard#adding-a-credential-rule");
    expect(meta.docs?.description).toContain("suggest reading ACME_API_KEY");
    expect(meta.messages.hardcodedToken).toBe("Hardcoded ACME API key ({{redacted}}): read {{envVar}} from the environment.");
    expect(meta.defaultOptions).toEqual([{ envVar: ACME, minLength: 16 }]);
    expect(meta.hasSuggestions).toBe(true);
    for (const config of [...plugin.configs.recommended, ...plugin.configs.text].filter((entry) => entry.rules)) {
      expect(config.rules).toEqual({ "token-guard/convoso-auth-token": "error", "token-guard/acme-api-key": "error" });
    }
  });

  it("uses a custom rule's own docsUrl when it has one", () => {
    const withDocs = pluginFor({ customRules: [{ ...ACME_RULE, docsUrl: "https://wiki.acme.test/keys" }] });
    expect(withDocs.rules["acme-api-key"]!.meta.docs?.url).toBe("https://wiki.acme.test/keys");
  });

  it("leaves a rule the config turns off out of configs.recommended, and keeps it runnable by name", () => {
    const off = pluginFor({ customRules: [ACME_RULE], rules: { "convoso-auth-token": { enabled: false } } });
    for (const config of [...off.configs.recommended, ...off.configs.text].filter((entry) => entry.rules)) expect(config.rules).toEqual({ "token-guard/acme-api-key": "error" });
    expect(Object.keys(off.rules).sort()).toEqual(["acme-api-key", "convoso-auth-token"]);
    const messages = lint(off, "client.js", `const authToken = "${TOKEN}";`, { "token-guard/convoso-auth-token": "error" });
    expect(messages).toEqual(["1:20 token-guard/convoso-auth-token"]);
  });

  it("takes the rule's default options from `rules.<id>` and the top-level minLength", () => {
    const configured = pluginFor({ customRules: [ACME_RULE], minLength: 20, rules: { "convoso-auth-token": { envVar: "CRM_TOKEN" } } });
    expect(configured.rules["convoso-auth-token"]!.meta.defaultOptions).toEqual([{ envVar: "CRM_TOKEN", minLength: 20 }]);
    expect(configured.rules["acme-api-key"]!.meta.defaultOptions).toEqual([{ envVar: ACME, minLength: 20 }]);
  });
});

/** `line:column ruleId` of every message for `code`, with the recommended and text configs (and `rules`, if given). */
function lint(target: ReturnType<typeof pluginFor>, filename: string, code: string, rules: Linter.RulesRecord = {}): string[] {
  return new Linter()
    .verify(code, [...(target.configs.recommended as Linter.Config[]), ...(target.configs.text as Linter.Config[]), { rules }], { filename })
    .map((message) => `${message.line}:${message.column} ${message.ruleId ?? message.message}`);
}

describe("config settings in JavaScript and in the text language alike", () => {
  const files = [
    ["client.ts", (value: string) => `export const authToken = "${value}";\n`, 27],
    ["sync.py", (value: string) => `auth_token = "${value}"\n`, 15],
  ] as const;

  it.each(files)("%s: rules.<id>.envVar names the suggestion's variable", (filename, code, column) => {
    const configured = pluginFor({ rules: { "convoso-auth-token": { envVar: "CRM_TOKEN" } } });
    const [message] = new Linter().verify(code(TOKEN), [...configured.configs.recommended, ...configured.configs.text] as Linter.Config[], { filename });
    expect(message).toMatchObject({ ruleId: "token-guard/convoso-auth-token", line: 1, column, message: expect.stringContaining("read CRM_TOKEN from the environment") });
    expect(message?.suggestions?.[0]?.desc).toMatch(/CRM_TOKEN/);
    expect(message?.suggestions?.[0]?.desc).not.toMatch(new RegExp(ENV));
  });

  it.each(files)("%s: placeholders and minLength from the config are not reported", (filename, code) => {
    expect(lint(pluginFor({}), filename, code(TOKEN))).toHaveLength(1);
    expect(lint(pluginFor({ placeholders: [TOKEN.toUpperCase()] }), filename, code(TOKEN))).toEqual([]);
    expect(lint(pluginFor({ minLength: TOKEN.length + 1 }), filename, code(TOKEN))).toEqual([]);
    expect(lint(pluginFor({ rules: { "convoso-auth-token": { minLength: TOKEN.length + 1 } } }), filename, code(TOKEN))).toEqual([]);
    // The rule's own setting outranks the top-level one, as in `token-guard scan`.
    expect(lint(pluginFor({ minLength: TOKEN.length + 1, rules: { "convoso-auth-token": { minLength: 12 } } }), filename, code(TOKEN))).toHaveLength(1);
  });

  it.each(files)("%s: rules.<id>.enabled false leaves the file unreported", (filename, code) => {
    expect(lint(pluginFor({ rules: { "convoso-auth-token": { enabled: false } } }), filename, code(TOKEN))).toEqual([]);
  });

  it.each(files)("%s: `ignore` globs leave matching files unreported, with gitignore semantics", (filename, code) => {
    const ignoring = pluginFor({ ignore: ["fixtures/", "/generated/*", "!generated/keep.*"] });
    const reported = (path: string): boolean => lint(ignoring, path, code(TOKEN)).length > 0;
    expect(reported(filename)).toBe(true);
    expect(reported(`fixtures/${filename}`)).toBe(false);
    expect(reported(`test/fixtures/deep/${filename}`)).toBe(false);
    expect(reported(`generated/${filename}`)).toBe(false);
    expect(reported(`src/generated/${filename}`)).toBe(true);
    expect(reported(`generated/keep.${filename.split(".")[1]!}`)).toBe(true);
  });
});
