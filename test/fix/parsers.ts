// Parse checks for rewritten files, with the real parsers: TypeScript's for JS/TS,
// `python3 -m py_compile`, `php -l` (installed from Debian's packages if missing), `bash -n`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ts from "typescript";
import { detectLanguage } from "../../src/languages/detect-language.js";

export interface Php {
  available: boolean;
  /** Why PHP files are not checked, when they are not. */
  reason?: string;
}

let php: Php | undefined;

/** Whether `php -l` can run; tries `apt-get install php-cli` once when it cannot. */
export function ensurePhp(): Php {
  if (php) return php;
  const works = (): boolean => spawnSync("php", ["-v"], { encoding: "utf8" }).status === 0;
  if (works()) return (php = { available: true });
  const apt = spawnSync("sh", ["-c", "command -v apt-get >/dev/null && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli) >/dev/null 2>&1"], {
    encoding: "utf8",
    timeout: 300_000,
  });
  if (works()) return (php = { available: true });
  return (php = { available: false, reason: `php-cli is not installed and apt-get could not install it (exit ${String(apt.status)}): PHP parse checks skipped` });
}

/** The languages these checks cover. */
export type Checked = "javascript" | "typescript" | "python" | "php" | "shell";

/** The language a file is checked as, or undefined (Markdown, PowerShell, config: no parser here). */
export function checkedLanguage(path: string, text: string): Checked | undefined {
  const language = detectLanguage(path, text);
  return language === "javascript" || language === "typescript" || language === "python" || language === "php" || language === "shell" ? language : undefined;
}

/** The parse error of one file, or undefined when it parses. */
export function parseError(file: string, language: Checked): string | undefined {
  switch (language) {
    case "javascript":
    case "typescript": {
      const text = readFileSync(file, "utf8");
      const result = ts.transpileModule(text, { fileName: basename(file), reportDiagnostics: true, compilerOptions: { jsx: ts.JsxEmit.Preserve, allowJs: true } });
      const problems = (result.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, " "));
      return problems.length > 0 ? problems.join("; ") : undefined;
    }
    case "python": {
      // The byte code goes to a throwaway directory, not into the tree under test.
      const cache = mkdtempSync(join(tmpdir(), "token-guard-pycache-"));
      try {
        return failure(spawnSync("python3", ["-m", "py_compile", file], { encoding: "utf8", env: { ...process.env, PYTHONPYCACHEPREFIX: cache } }));
      } finally {
        rmSync(cache, { recursive: true, force: true });
      }
    }
    case "php":
      return failure(spawnSync("php", ["-l", file], { encoding: "utf8" }));
    case "shell":
      return failure(spawnSync("bash", ["-n", file], { encoding: "utf8" }));
  }
}

function failure(result: ReturnType<typeof spawnSync>): string | undefined {
  if (result.status === 0) return undefined;
  return `${String(result.stderr)}${String(result.stdout)}`.trim().split("\n").slice(0, 3).join(" | ") || `exit ${String(result.status)}`;
}
