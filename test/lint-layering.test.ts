// The import direction is enforced by our own lint (eslint.config.js): each
// forbidden import is rejected where it would break the layering, and allowed
// where it does not. Run through ESLint's API with the repository's config.
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The no-restricted-imports messages ESLint gives `code` as if it stood at `file`. */
async function layeringProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${file}` });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

describe("imports point inward", () => {
  it.each([
    ["src/detect/x.ts", `import { runScan } from "../cli/scan-command.js";`, "imports no door"],
    ["src/detect/x.ts", `import type { ScanStats } from "../report/types.js";`, "imports no door"],
    ["src/detect/x.ts", `import { builtinRules } from "../catalog.js";`, "imports no catalog"],
    ["src/detect/x.ts", `import { builtinRules } from "../../rules/index.js";`, "imports no catalog"],
    ["src/detect/x.ts", `import { readFileSync } from "node:fs";`, "does no I/O"],
    ["src/languages/python/x.ts", `import { lexShell } from "../shell/lexer.js";`, "imports only src/languages/shared"],
    ["src/languages/python/x.ts", `import { scanSource } from "../../detect/scan-source.js";`, "imports only src/languages/shared"],
    ["src/languages/shared/x.ts", `import { lexPython } from "../python/lexer.js";`, "import nothing outside"],
    ["src/languages/registry.ts", `import { scanSource } from "../detect/scan-source.js";`, "import nothing outside"],
    ["src/languages/yaml/x.ts", `import { spawn } from "node:child_process";`, "does no I/O"],
    ["rules/x.ts", `import { createDetection } from "../src/detect/detection.js";`, "imports only the CredentialRule type"],
    ["src/sources/x.ts", `import { UsageError } from "../cli/errors.js";`, "outermost door"],
    ["src/eslint/x.ts", `import { UsageError } from "../cli/errors.js";`, "outermost door"],
  ])("%s may not %s", async (file, code, reason) => {
    const problems = await layeringProblems(file, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(reason);
  });

  it.each([
    ["src/detect/x.ts", `import { languageById } from "../languages/registry.js";`],
    ["src/detect/x.ts", `import { createHash } from "node:crypto";`],
    ["src/languages/python/x.ts", `import { Scanner } from "../shared/scanner.js";`],
    ["src/languages/python/x.ts", `import { lexPython } from "./lexer.js";`],
    ["src/languages/registry.ts", `import { python } from "./python/index.js";`],
    ["rules/x.ts", `import type { CredentialRule } from "../src/detect/rule.js";`],
    ["src/cli/x.ts", `import { scanSource } from "../detect/scan-source.js";`],
    ["src/eslint/x.ts", `import { scanSource } from "../detect/scan-source.js";`],
  ])("%s may %s", async (file, code) => {
    expect(await layeringProblems(file, code)).toEqual([]);
  });
});
