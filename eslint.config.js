// Lint for token-guard's own code: typescript-eslint's recommended rules, and
// token-guard's own plugin (from the build `prepare` makes) on everything it reads.
// Fixtures and the demo hold fake tokens on purpose and are not linted.
import regexp from "eslint-plugin-regexp";
import tseslint from "typescript-eslint";
import tokenGuard from "./dist/src/index.js";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test/fixtures/**", "examples/**", "bench/.trees/**", "coverage/**", ".husky/_/**"] },
  ...tseslint.configs.recommended,
  ...tokenGuard.configs.recommended,
  // Every regex may meet file-sized input: none may backtrack super-linearly.
  {
    files: ["src/**/*.ts", "rules/**/*.ts"],
    plugins: { regexp },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
      "regexp/no-dupe-characters-character-class": "error",
      "regexp/no-useless-quantifier": "error",
      "regexp/no-empty-alternative": "error",
    },
  },
  {
    files: ["**/*.{ts,js,mjs}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
);
