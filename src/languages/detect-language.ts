// Chooses the front end for a file from its name, and from its shebang when the
// name says nothing (extensionless scripts in bin/).

import type { LanguageId } from "./shared/tokens.js";

const BY_EXTENSION: Record<string, LanguageId> = {
  ts: "typescript",
  tsx: "typescript",
  mts: "typescript",
  cts: "typescript",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  vue: "html",
  svelte: "html",
  json: "json",
  jsonc: "json",
  json5: "json",
  py: "python",
  pyi: "python",
  pyw: "python",
  php: "php",
  phtml: "php",
  sh: "shell",
  bash: "shell",
  zsh: "shell",
  ksh: "shell",
  ps1: "powershell",
  psm1: "powershell",
  psd1: "powershell",
  md: "markdown",
  markdown: "markdown",
  mdx: "markdown",
  yaml: "yaml",
  yml: "yaml",
  toml: "toml",
  ini: "ini",
  cfg: "ini",
  conf: "ini",
  properties: "ini",
  env: "dotenv",
  html: "html",
  htm: "html",
  mk: "makefile",
};

const BY_NAME: Record<string, LanguageId> = {
  dockerfile: "dockerfile",
  containerfile: "dockerfile",
  makefile: "makefile",
  gnumakefile: "makefile",
  ".env": "dotenv",
  ".envrc": "shell",
  ".bashrc": "shell",
  ".zshrc": "shell",
  ".profile": "shell",
  ".npmrc": "ini",
  ".pypirc": "ini",
};

const SHEBANG: [RegExp, LanguageId][] = [
  [/\b(?:ba|z|k|da)?sh\b/, "shell"],
  [/\bpython[0-9.]*\b/, "python"],
  [/\b(?:node|deno|bun)\b/, "javascript"],
  [/\bts-node\b|\btsx\b/, "typescript"],
  [/\bphp\b/, "php"],
  [/\bpwsh\b/, "powershell"],
];

/** The language of `path`; files with no dedicated front end are read as plain "text". */
export function detectLanguage(path: string, text?: string): LanguageId {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const byName = BY_NAME[base];
  if (byName) return byName;
  if (base.startsWith(".env.") || base.startsWith("dockerfile.") || base.endsWith(".dockerfile")) {
    return base.endsWith(".dockerfile") || base.startsWith("dockerfile.") ? "dockerfile" : "dotenv";
  }
  const dot = base.lastIndexOf(".");
  if (dot > 0) {
    const byExtension = BY_EXTENSION[base.slice(dot + 1)];
    if (byExtension) return byExtension;
  }
  if (text?.startsWith("#!")) {
    const firstLine = text.slice(0, Math.min(text.indexOf("\n") >>> 0, 200));
    for (const [pattern, language] of SHEBANG) if (pattern.test(firstLine)) return language;
  }
  return "text";
}

/**
 * `docker-compose.yml`, `compose.yaml`, `docker-compose.prod.yml`, `app-docker-compose.yml`, …:
 * compose substitutes `${NAME}` in every value from the shell and the project's `.env`.
 */
export function isComposeFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return /(?:^|[-_.])(?:docker-)?compose(?:[-_.][\w.-]*)?\.ya?ml$/.test(name);
}

/** A GitHub Actions workflow (`.github/workflows/*.yml`), where `${{ secrets.NAME }}` reads a repository secret. */
export function isGitHubWorkflow(path: string): boolean {
  return /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
}
