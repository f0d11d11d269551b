// Lint for token-guard's own code: typescript-eslint's recommended rules, and
// token-guard's own plugin (from dist/: `npm run build` first) on everything it reads.
// Fixtures and the demo hold fake tokens on purpose and are not linted.
import regexp from "eslint-plugin-regexp";
import tseslint from "typescript-eslint";
import tokenGuard from "./dist/src/index.js";

// Imports point inward (see docs/architecture.md): the pure core (src/detect, with
// the languages it reads) imports no door, no catalog and nothing that does I/O;
// a language folder imports only src/languages/shared; shared imports nothing of
// a language; the catalog reads only the rule type; nothing imports the CLI.
const DOORS = "cli|sources|report|fix|eslint|config|parallel";
const CORE = [
  { regex: `^(?:\\.\\./)+(?:${DOORS})/`, message: "The core imports no door: the doors call the core and hand it what it needs." },
  { regex: "^(?:\\.\\./)+(?:catalog|index)\\.js$|^(?:\\.\\./){2,}rules/", message: "The core imports no catalog: createDetection takes the rules from the door." },
  { regex: "^node:(?:fs|fs/promises|child_process|worker_threads|net|http|https|os|process|readline)$", message: "The core does no I/O: text in, findings out." },
];
const OUTSIDE_LANGUAGES = { regex: "^\\.\\./", message: "src/languages/shared and the registry import nothing outside src/languages; shared imports no language." };
// ESLint keeps only the last options a file gets for a rule: each file matches exactly one entry.
const restrict = (files, patterns, ignores = []) => ({ files, ignores, rules: { "no-restricted-imports": ["error", { patterns }] } });
const layering = [
  restrict(["src/detect/**/*.ts"], CORE),
  restrict(["src/languages/shared/**/*.ts", "src/languages/*.ts"], [...CORE, OUTSIDE_LANGUAGES]),
  restrict(["src/languages/*/**/*.ts"], [...CORE, { regex: "^\\.\\./(?!shared/)|^\\.\\./\\.\\./", message: "A language folder imports only src/languages/shared." }], ["src/languages/shared/**"]),
  restrict(["rules/**/*.ts"], [{ regex: "^\\.\\./src/(?!detect/rule\\.js$)", message: "A rule file is data: it imports only the CredentialRule type." }]),
  restrict(["src/**/*.ts"], [{ regex: "^(?:\\.\\./)+cli/", message: "Nothing imports the CLI: it is the outermost door." }], ["src/cli/**", "src/detect/**", "src/languages/**"]),
];

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
  ...layering,
  {
    files: ["**/*.{ts,js,mjs}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
);
