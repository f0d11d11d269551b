// Lint for token-guard's own code: typescript-eslint's recommended rules.
// Fixtures and the demo hold fake tokens on purpose and are not linted.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test/fixtures/**", "examples/**", "bench/.trees/**", "bench/.tools/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
);
