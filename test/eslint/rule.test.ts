// token-guard/convoso-auth-token in JavaScript, TypeScript and TSX, through ESLint's RuleTester:
// findings come from the core; the AST and scope manager only decide whether a suggestion fits.
import type { Linter, Rule } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/eslint/plugin.js";
import { typescriptParser } from "../../src/eslint/typescript-parser.js";
import { missingVariableThrow, typeScriptEnvLookup } from "../../src/languages/javascript/replacement.js";
import { ASSERTIONS, ENV, RuleTester, TOKEN, TOKEN_2, at, data, replaceWith } from "./support.js";

const rule = plugin.rules["convoso-auth-token"] as unknown as Rule.RuleModule;
const parser = typescriptParser as unknown as Linter.Parser;
const T = TOKEN;
const ENV_LOOKUP = `process.env.${ENV}`;
/** TypeScript reads the variable so that it stays `string` under `strict` (test/cli/fix-strict-typescript.test.ts type-checks it). */
const TS_LOOKUP = typeScriptEnvLookup(ENV);
const MISSING = missingVariableThrow(ENV);

new RuleTester({ languageOptions: { ecmaVersion: "latest", sourceType: "module" } }).run("convoso-auth-token (JavaScript)", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { filename: "client.js", code: `const authToken = process.env.CONVOSO_AUTH_TOKEN;` },
    { filename: "client.js", code: `const authToken = "YOUR_TOKEN_HERE";` },
    { filename: "client.js", code: `const oauth_token = "${T}";` },
    { filename: "client.js", code: `const auth_token_url = "https://api.convoso.com/v1/auth/token/refresh";` },
    { filename: "client.js", code: `const authToken = "${T}"; // token-guard-ignore` },
    { filename: "client.js", code: `// eslint-disable-next-line\nconst authToken = "${T}";` },
    { filename: "client.js", code: `const authToken = "${T}";`, options: [{ minLength: 40 }] },
    { filename: "client.js", code: `fetch(\`https://api.convoso.com/v1/x?auth_token=\${process.env.CONVOSO_AUTH_TOKEN}\`);` },
  ],
  invalid: [
    {
      name: "a variable holding the token",
      filename: "client.js",
      code: `const authToken = "${T}";`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 20), data: data(), suggestions: [replaceWith(ENV_LOOKUP, `const authToken = ${ENV_LOOKUP};`)] }],
    },
    {
      name: "a property value",
      filename: "client.js",
      code: `const body = { auth_token: "${T}", list_id: 1 };`,
      errors: [
        { messageId: "hardcodedToken", ...at(1, 29), data: data(), suggestions: [replaceWith(ENV_LOOKUP, `const body = { auth_token: ${ENV_LOOKUP}, list_id: 1 };`)] },
      ],
    },
    {
      name: "an argument after the key",
      filename: "client.js",
      code: `params.append("auth_token", "${T}");`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 30), data: data(), suggestions: [replaceWith(ENV_LOOKUP, `params.append("auth_token", ${ENV_LOOKUP});`)] }],
    },
    {
      name: "a plain string that must become a template literal",
      filename: "client.js",
      code: `fetch("https://api.convoso.com/v1/campaigns/search?auth_token=${T}&list_id=1");`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(1, 63),
          data: data(),
          suggestions: [
            replaceWith(`\`…\${${ENV_LOOKUP}}…\``, `fetch(\`https://api.convoso.com/v1/campaigns/search?auth_token=\${${ENV_LOOKUP}}&list_id=1\`);`),
          ],
        },
      ],
    },
    {
      name: "a template literal part",
      filename: "client.js",
      code: `const id = 7;\nfetch(\`https://api.convoso.com/v1/campaigns/search?auth_token=${T}&list_id=\${id}\`);`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(2, 63),
          data: data(),
          suggestions: [
            replaceWith(`\${${ENV_LOOKUP}}`, `const id = 7;\nfetch(\`https://api.convoso.com/v1/campaigns/search?auth_token=\${${ENV_LOOKUP}}&list_id=\${id}\`);`),
          ],
        },
      ],
    },
    {
      name: "a string concatenated after the key",
      filename: "client.js",
      code: `const body = "auth_token=" + "${T}";`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 31), data: data(), suggestions: [replaceWith(ENV_LOOKUP, `const body = "auth_token=" + ${ENV_LOOKUP};`)] }],
    },
    {
      name: "a lookup named like the token: the suggestion renames it inside its string and drops the fallback",
      filename: "client.js",
      code: `const authToken = process.env["${T}"] ?? "${T}";`,
      errors: [
        {
          messageId: "hardcodedFallback",
          ...at(1, `const authToken = process.env["${T}"] ?? "`.length + 1),
          data: data(),
          suggestions: [replaceWith(`process.env["${ENV}"] (drop the hardcoded fallback)`, `const authToken = process.env["${ENV}"];`)],
        },
      ],
    },
    {
      name: "a fallback after the env lookup, which the suggestion drops",
      filename: "client.js",
      code: `const token = process.env.CONVOSO_AUTH_TOKEN ?? "${T}";`,
      errors: [
        {
          messageId: "hardcodedFallback",
          ...at(1, 50),
          data: data(),
          suggestions: [replaceWith(`${ENV_LOOKUP} (drop the hardcoded fallback)`, `const token = ${ENV_LOOKUP};`)],
        },
      ],
    },
    {
      name: "a literal bound to another name and later sent as the token (scope analysis confirms the read)",
      filename: "client.js",
      code: `const t = "${T}";\nfetch(\`https://api.convoso.com/v1/campaigns/search?auth_token=\${t}\`);`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(1, 12),
          data: data(),
          suggestions: [replaceWith(ENV_LOOKUP, `const t = ${ENV_LOOKUP};\nfetch(\`https://api.convoso.com/v1/campaigns/search?auth_token=\${t}\`);`)],
        },
      ],
    },
    {
      name: "a reference the core resolves by name to a variable scope analysis shows is never read: reported, no suggestion",
      filename: "client.js",
      code: `function unused() {\n  const t = "${T}";\n}\nexport function send(t) {\n  return fetch(\`https://api.convoso.com/v1/x?auth_token=\${t}\`);\n}`,
      errors: [{ messageId: "hardcodedToken", ...at(2, 14), data: data(), suggestions: [] }],
    },
    {
      name: "commented-out code: the quoted value becomes the lookup, the comment stays a comment",
      filename: "client.js",
      code: `// const authToken = "${T}";`,
      errors: [{ messageId: "tokenInComment", ...at(1, 23), data: data(), suggestions: [replaceWith(ENV_LOOKUP, `// const authToken = ${ENV_LOOKUP};`)] }],
    },
    {
      name: "two findings in one file",
      filename: "client.js",
      code: `const authToken = "${T}";\nconst body = { auth_token: "${TOKEN_2}" };`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(1, 20),
          data: data(),
          suggestions: [replaceWith(ENV_LOOKUP, `const authToken = ${ENV_LOOKUP};\nconst body = { auth_token: "${TOKEN_2}" };`)],
        },
        {
          messageId: "hardcodedToken",
          ...at(2, 29, TOKEN_2),
          data: data(TOKEN_2),
          suggestions: [replaceWith(ENV_LOOKUP, `const authToken = "${T}";\nconst body = { auth_token: ${ENV_LOOKUP} };`, TOKEN_2)],
        },
      ],
    },
    {
      name: "the envVar option names the variable in the message and the suggestion",
      filename: "client.js",
      code: `const authToken = "${T}";`,
      options: [{ envVar: "ACME_CONVOSO_TOKEN" }],
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(1, 20),
          data: data(T, "ACME_CONVOSO_TOKEN"),
          suggestions: [replaceWith("process.env.ACME_CONVOSO_TOKEN", `const authToken = process.env.ACME_CONVOSO_TOKEN;`, T, "ACME_CONVOSO_TOKEN")],
        },
      ],
    },
    {
      name: "JSX in a .jsx file: an attribute string becomes an expression container",
      filename: "App.jsx",
      code: `export const App = () => <Client authToken="${T}" />;`,
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      errors: [{ messageId: "hardcodedToken", ...at(1, 45), data: data(), suggestions: [replaceWith(`{${ENV_LOOKUP}}`, `export const App = () => <Client authToken={${ENV_LOOKUP}} />;`)] }],
    },
  ],
});

new RuleTester({ languageOptions: { parser } }).run("convoso-auth-token (TypeScript)", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { filename: "client.ts", code: `const authToken: string = process.env.CONVOSO_AUTH_TOKEN ?? "";` },
    { filename: "client.ts", code: `type Settings = { authToken: string };\nexport const settings: Settings = { authToken: process.env.CONVOSO_AUTH_TOKEN! };` },
  ],
  invalid: [
    {
      name: "an annotated variable",
      filename: "client.ts",
      code: `const authToken: string = "${T}";`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 28), data: data(), suggestions: [replaceWith(TS_LOOKUP, `const authToken: string = ${TS_LOOKUP};`)] }],
    },
    {
      name: "a class property",
      filename: "client.ts",
      code: `export class Client {\n  private readonly authToken = "${T}";\n}`,
      errors: [{ messageId: "hardcodedToken", ...at(2, 33), data: data(), suggestions: [replaceWith(TS_LOOKUP, `export class Client {\n  private readonly authToken = ${TS_LOOKUP};\n}`)] }],
    },
    {
      name: "an || fallback inside an object checked with satisfies: the fallback becomes a throw, so the property stays string",
      filename: "client.ts",
      code: `interface Config { authToken: string }\nexport const config = { authToken: process.env.CONVOSO_AUTH_TOKEN || "${T}" } satisfies Config;`,
      errors: [
        {
          messageId: "hardcodedFallback",
          ...at(2, 71),
          data: data(),
          suggestions: [
            replaceWith(`${ENV_LOOKUP} || ${MISSING}`, `interface Config { authToken: string }\nexport const config = { authToken: ${ENV_LOOKUP} || ${MISSING} } satisfies Config;`),
          ],
        },
      ],
    },
    {
      name: "a reference through `as const`: scope analysis cannot see the binding, so the suggestion stays",
      filename: "client.ts",
      code: `const t = "${T}" as string;\nexport const url = \`https://api.convoso.com/v1/x?auth_token=\${t}\`;`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(1, 12),
          data: data(),
          suggestions: [replaceWith(TS_LOOKUP, `const t = ${TS_LOOKUP} as string;\nexport const url = \`https://api.convoso.com/v1/x?auth_token=\${t}\`;`)],
        },
      ],
    },
    {
      name: "a const assertion, which the suggestion takes away with the literal",
      filename: "client.ts",
      code: `export const settings = { authToken: "${T}" as const };`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 39), data: data(), suggestions: [replaceWith(TS_LOOKUP, `export const settings = { authToken: ${TS_LOOKUP} };`)] }],
    },
    {
      name: "a string enum member, which must stay a literal: reported, no suggestion",
      filename: "client.ts",
      code: `export enum Credentials {\n  AuthToken = "${T}",\n}`,
      errors: [{ messageId: "hardcodedToken", ...at(2, 16), data: data(), suggestions: [] }],
    },
  ],
});

new RuleTester({ languageOptions: { parser } }).run("convoso-auth-token (TSX)", rule, {
  assertionOptions: ASSERTIONS,
  valid: [{ filename: "App.tsx", code: `export const App = () => <Client authToken={process.env.CONVOSO_AUTH_TOKEN} />;` }],
  invalid: [
    {
      name: "a JSX attribute string becomes an expression container",
      filename: "App.tsx",
      code: `export const App = () => <Client authToken="${T}" />;`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 45), data: data(), suggestions: [replaceWith(`{${TS_LOOKUP}}`, `export const App = () => <Client authToken={${TS_LOOKUP}} />;`)] }],
    },
    {
      name: "a JSX attribute already in braces",
      filename: "App.tsx",
      code: `export const App = () => <Client authToken={"${T}"} />;`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 46), data: data(), suggestions: [replaceWith(TS_LOOKUP, `export const App = () => <Client authToken={${TS_LOOKUP}} />;`)] }],
    },
    {
      name: "props spread from an object literal",
      filename: "App.tsx",
      code: `export const App = () => <Client {...{ authToken: "${T}" }} />;`,
      errors: [{ messageId: "hardcodedToken", ...at(1, 52), data: data(), suggestions: [replaceWith(TS_LOOKUP, `export const App = () => <Client {...{ authToken: ${TS_LOOKUP} }} />;`)] }],
    },
    {
      name: "a request URL used in a component",
      filename: "App.tsx",
      code: `const url = \`https://api.convoso.com/v1/x?auth_token=${T}\`;\nexport const Link = (): JSX.Element => <a href={url}>search</a>;`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(1, 54),
          data: data(),
          suggestions: [replaceWith(`\${${TS_LOOKUP}}`, `const url = \`https://api.convoso.com/v1/x?auth_token=\${${TS_LOOKUP}}\`;\nexport const Link = (): JSX.Element => <a href={url}>search</a>;`)],
        },
      ],
    },
  ],
});

describe("convoso-auth-token's cost per file", () => {
  /** The listeners create() registers for a file of `text`, with the options ESLint would pass. */
  const listenersFor = (text: string): string[] => {
    const context = { sourceCode: { text, ast: { type: "Program" } }, options: [{}], cwd: process.cwd(), filename: "client.ts" };
    return Object.keys(rule.create(context as unknown as Rule.RuleContext));
  };

  it("registers no listener on a file holding none of the words every match needs", () => {
    // A context word alone (`convoso`) lets a file past the core's prefilter, but no key name ends without `token`.
    expect(listenersFor(`const client = new ConvosoClient({ baseUrl: "https://api.convoso.com" });`)).toEqual([]);
  });

  it("listens on the root node once the text holds a required word, in any case", () => {
    expect(listenersFor(`const AUTH_TOKEN = process.env.${ENV};`)).toEqual(["Program"]);
    expect(listenersFor(`// Token rotation`)).toEqual(["Program"]);
  });
});
