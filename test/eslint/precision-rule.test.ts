// The context rule's precision through ESLint's RuleTester: in a file that talks
// to Convoso, names ending in `token` that say what else they are, and values that
// announce test data or decode to structured data, are not reported; a real one is.
import type { Rule } from "eslint";
import plugin from "../../src/eslint/plugin.js";
import { ASSERTIONS, ENV, RuleTester, at, data, replaceWith } from "./support.js";

const rule = plugin.rules["convoso-auth-token"] as unknown as Rule.RuleModule;
const CONVOSO = `const BASE = "https://api.convoso.com/v1";\n`;
const REAL = "Qm7Xr2Lp9Kz4Wv8Nb3Tc6Yd1";
const CURSOR = Buffer.from('{"offset":250,"campaign":41}').toString("base64url");

new RuleTester({ languageOptions: { ecmaVersion: "latest", sourceType: "module" } }).run("convoso-auth-token (context rule precision)", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { filename: "dialer.js", code: `${CONVOSO}const csrfToken = "Zq8vB3nK0pL5xR2wT7yU4iO9aS6dF1gH";` },
    { filename: "dialer.js", code: `${CONVOSO}const form = { _token: "Kx2Lq9Vb7Nm4Zc1Wr8Ty5Ui3Op6As0Df" };` },
    { filename: "dialer.js", code: `${CONVOSO}const nextPageToken = "${CURSOR}";` },
    { filename: "dialer.js", code: `${CONVOSO}const bundleHashToken = "9b2f4c1e7a3d5b8f0c6e2a4d";` },
    { filename: "dialer.js", code: `${CONVOSO}const sessionToken = "test_Qm7Xr2Lp9Kz4Wv8N";` },
  ],
  invalid: [
    {
      filename: "dialer.js",
      code: `${CONVOSO}const sessionToken = "${REAL}";`,
      errors: [
        {
          messageId: "hardcodedToken",
          ...at(2, 23, REAL),
          data: data(REAL),
          suggestions: [replaceWith(`process.env.${ENV}`, `${CONVOSO}const sessionToken = process.env.${ENV};`)],
        },
      ],
    },
  ],
});
