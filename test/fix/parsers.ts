// Parse checks for rewritten files, with the real parsers: TypeScript's for JS/TS,
// `python3 -m py_compile`, `php -l` (installed from Debian's packages if missing), `bash -n`,
// GNU make for Makefiles, and for YAML a structural check plus PyYAML when python3 has it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import ts from "typescript";
import { detectLanguage } from "../../src/languages/detect-language.js";
import { lexYaml } from "../../src/languages/yaml/lexer.js";

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

/** Whether GNU make runs here (Makefiles are checked only then). */
export function hasMake(): boolean {
  return spawnSync("make", ["--version"], { encoding: "utf8" }).status === 0;
}

let pyYaml: boolean | undefined;

/** Whether python3 has PyYAML; it is used when present, never installed for the tests. */
export function hasPyYaml(): boolean {
  pyYaml ??= spawnSync("python3", ["-c", "import yaml"], { encoding: "utf8" }).status === 0;
  return pyYaml;
}

/** The languages these checks cover. */
export type Checked = "javascript" | "typescript" | "python" | "php" | "shell" | "yaml" | "makefile";

const CHECKED = new Set<string>(["javascript", "typescript", "python", "php", "shell", "yaml", "makefile"] satisfies Checked[]);

/** The language a file is checked as, or undefined (Markdown, PowerShell, other config: no parser here). */
export function checkedLanguage(path: string, text: string): Checked | undefined {
  const language = detectLanguage(path, text);
  return CHECKED.has(language) ? (language as Checked) : undefined;
}

/** The parse error of one file, or undefined when it parses; `original` is its text before the fix (for the YAML fallback). */
export function parseError(file: string, language: Checked, original = ""): string | undefined {
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
    case "makefile":
      // Reads the whole Makefile (a syntax error or a self-referencing variable fails), then runs an empty goal.
      return failure(spawnSync("make", ["-n", "-s", "-f", basename(file), "--eval=.token-guard-parsed: ; @:", ".token-guard-parsed"], { cwd: dirname(file), encoding: "utf8" }));
    case "yaml": {
      const shape = yamlShapeError(original, readFileSync(file, "utf8"));
      if (shape !== undefined || !hasPyYaml()) return shape;
      return failure(spawnSync("python3", ["-c", "import sys, yaml\nfor _ in yaml.safe_load_all(open(sys.argv[1], encoding='utf-8')): pass", file], { encoding: "utf8" }));
    }
  }
}

/**
 * Checked with or without a YAML parser: our YAML lexer sees the same keys,
 * indicators and brackets, and as many scalars, as before the rewrite. Unquoted
 * braces in a flow collection or a quote that closes a scalar early change that.
 */
export function yamlShapeError(before: string, after: string): string | undefined {
  const shape = (text: string): string[] =>
    lexYaml(text).tokens.filter((token) => token.kind !== "comment").map((token) => (token.kind === "string" ? "scalar" : text.slice(token.start, token.end)));
  const [old, now] = [shape(before), shape(after)];
  const differs = now.findIndex((item, index) => item !== old[index]);
  if (differs < 0 && now.length === old.length) return undefined;
  const at = differs < 0 ? now.length : differs;
  return `YAML structure changed at token ${at}: ${old[at] ?? "end"} became ${now[at] ?? "end"}`;
}

function failure(result: ReturnType<typeof spawnSync>): string | undefined {
  if (result.status === 0) return undefined;
  return `${String(result.stderr)}${String(result.stdout)}`.trim().split("\n").slice(0, 3).join(" | ") || `exit ${String(result.status)}`;
}
