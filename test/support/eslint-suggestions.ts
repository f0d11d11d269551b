// The real `eslint` binary, run in a temp project whose eslint.config.js imports the
// built package: each token-guard message's first suggestion, and the file with all
// of them applied, as an editor applies them one by one (they never overlap).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "./cli.js";

const ESLINT_BIN = join(REPO_ROOT, "node_modules/eslint/bin/eslint.js");
const PACKAGE_ENTRY = join(REPO_ROOT, "dist/src/index.js");

export interface Suggestion {
  desc: string;
  fix: { range: [number, number]; text: string };
}

/** The first suggestion of each token-guard message on `path` (undefined where there is none), in report order. */
export function eslintSuggestions(dir: string, path: string): Array<Suggestion | undefined> {
  writeFileSync(join(dir, "eslint.config.js"), `import tokenGuard from ${JSON.stringify(pathToFileURL(PACKAGE_ENTRY).href)};\nexport default [...tokenGuard.configs.recommended, ...tokenGuard.configs.text];\n`);
  const result = spawnSync(process.execPath, [ESLINT_BIN, "--format", "json", path], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (result.status !== 0 && result.status !== 1) throw new Error(`eslint exited ${result.status ?? result.signal}: ${result.stderr}`);
  const [file] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string | null; suggestions?: Suggestion[] }> }>;
  return file!.messages.filter((message) => message.ruleId?.startsWith("token-guard/")).map((message) => message.suggestions?.[0]);
}

/** `path`'s text with `suggestions` applied, last first; throws if two overlap. */
export function withSuggestions(dir: string, path: string, suggestions: readonly Suggestion[]): string {
  let text = readFileSync(join(dir, path), "utf8");
  const fixes = suggestions.map((suggestion) => suggestion.fix).sort((a, b) => b.range[0] - a.range[0]);
  fixes.forEach((fix, index) => {
    if (index > 0 && fix.range[1] > fixes[index - 1]!.range[0]) throw new Error("overlapping suggestions");
    text = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
  });
  return text;
}
