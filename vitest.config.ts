import { defineConfig } from "vitest/config";

// Tests that go through a real door — the built CLI, real git repositories, the
// eslint binary, npm pack — need dist/ and processes; the rest import src/ only.
const END_TO_END = [
  "test/cli/**/*.test.ts",
  "test/sources/**/*.test.ts",
  "test/eslint/eslint-cli.test.ts",
  "test/eslint/starter-configs.test.ts",
  "test/package.test.ts",
  "test/lint-layering.test.ts",
];

/** Fixtures are scanned, not run: the held-out corpora hold other people's `*.test.ts` files. */
const FIXTURES = "test/fixtures/**";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        // The unit files share their workers' module graph: re-importing src/ per file was 40 of 100 s.
        test: { name: "unit", isolate: false, include: ["test/**/*.test.ts"], exclude: [...END_TO_END, "**/node_modules/**", FIXTURES] },
      },
      {
        extends: true,
        test: { name: "e2e", include: END_TO_END, exclude: ["**/node_modules/**", FIXTURES], globalSetup: ["test/global-setup.ts"] },
      },
    ],
  },
});
