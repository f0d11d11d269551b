// `token-guard init`: installs the pre-commit hook in a user's repository —
// a line in husky's `.husky/pre-commit` (npm projects), or with `--git-hook` a
// plain hook in the directory git actually runs hooks from. Idempotent; never
// removes a line it did not write; every write is atomic.

import { mkdir, readFile, realpath } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import { runGit } from "../sources/git.js";
import { lookUpRepository, requireWorkTree } from "../sources/repository-root.js";
import { writeFileAtomically } from "../fix/atomic-write.js";
import { escapeControlCharacters } from "../report/control-characters.js";
import { isInside } from "../fix/path-safety.js";
import { realTarget } from "../sources/paths.js";
import { EXIT, UsageError } from "./errors.js";
import type { InitOptions } from "./init-options.js";

/** The scan itself; a hook line running it (in any spelling of the command) makes init leave the hook alone. */
export const HOOK_COMMAND = "token-guard scan --staged";
const HOOK_LINE_PATTERN = /token-guard(?:\.js)?["']?\s+scan\b[^\n]*--staged/;

/**
 * What a hook says, on one line, when the project has no token-guard: a
 * security hook runs the version the project pinned and never downloads one
 * (an `npx --yes` fallback fetched an unpinned latest on every commit and
 * blocked every commit offline).
 */
export const NOT_INSTALLED_MESSAGE = "token-guard: not installed, so this commit was not scanned: run `npm install --save-dev token-guard`, then commit again";
const NOT_INSTALLED = `{ echo '${NOT_INSTALLED_MESSAGE}' >&2; exit 2; }`;
/** Where npm, pnpm and yarn (node-modules linker) put the project's own binary; git runs hooks from the top level. */
const LOCAL_BINARY = "node_modules/.bin/token-guard";

/** The husky lines: the project's own binary, else the one-line error (husky's PATH could find a global one). */
export const HUSKY_HOOK_LINES = `[ -x ${LOCAL_BINARY} ] || ${NOT_INSTALLED}\n${LOCAL_BINARY} scan --staged\n`;

export const PLAIN_HOOK = `#!/bin/sh
# Installed by \`token-guard init --git-hook\`: blocks commits that contain hardcoded auth tokens.
# Runs the project's own token-guard (node_modules), else one installed on PATH; never downloads one.
if [ -x ${LOCAL_BINARY} ]; then
  exec ${LOCAL_BINARY} scan --staged
fi
if command -v token-guard >/dev/null 2>&1; then
  exec token-guard scan --staged
fi
${NOT_INSTALLED}
`;

export async function runInit(options: InitOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const root = await repositoryRoot(options.cwd);
  const said: string[] = [];
  if (options.gitHook) await installPlainHook(root, options.force, said);
  else await installHuskyHook(root, said);
  stdout.write(`${said.map((line) => escapeControlCharacters(line)).join("\n")}\n`);
  return EXIT.clean;
}

async function repositoryRoot(cwd: string): Promise<string> {
  const found = await lookUpRepository(cwd);
  if (found.kind === "work-tree") return found.root;
  if (found.kind === "none") throw new UsageError("not inside a git repository: run `git init` first, then `token-guard init`");
  return requireWorkTree(cwd, "token-guard init installs a hook in a work tree");
}

async function installHuskyHook(root: string, said: string[]): Promise<void> {
  const packagePath = join(root, "package.json");
  const packageText = await readOptional(packagePath);
  if (packageText === undefined) {
    throw new UsageError("no package.json here: use `token-guard init --git-hook` for a plain git hook (Python, PHP and other projects)");
  }
  const hookPath = join(root, ".husky", "pre-commit");
  await refuseOutside(root, hookPath);
  const hook = await readOptional(hookPath);
  const updated = huskyHookWithScan(hook);
  if (updated === hook) {
    said.push(`.husky/pre-commit already runs \`${HOOK_COMMAND}\`: unchanged`);
  } else {
    await mkdir(dirname(hookPath), { recursive: true });
    await writeFileAtomically(hookPath, updated, 0o755);
    said.push(hook === undefined ? `created .husky/pre-commit running \`${HOOK_COMMAND}\`` : `added \`${HOOK_COMMAND}\` to .husky/pre-commit`);
  }
  let pkg: { scripts?: Record<string, unknown>; devDependencies?: Record<string, unknown>; dependencies?: Record<string, unknown> };
  try {
    pkg = JSON.parse(packageText) as typeof pkg;
  } catch {
    throw new UsageError("package.json is not valid JSON: fix it, then run `token-guard init` again");
  }
  const prepare = pkg.scripts?.prepare;
  if (prepare === undefined) {
    await writeFileAtomically(packagePath, withPrepareScript(packageText));
    said.push('added "prepare": "husky" to package.json scripts (installs the hook on npm install)');
  } else if (typeof prepare === "string" && !/\bhusky\b/.test(prepare)) {
    // Not quoted: a script may hold a token (`curl -d auth_token=…`), and init's output lands in logs.
    said.push("package.json already has a prepare script: add `&& husky` to it so npm install sets up the hook");
  }
  const declared = { ...pkg.dependencies, ...pkg.devDependencies };
  const missing = ["husky", "token-guard"].filter((name) => !(name in declared));
  if (missing.length > 0) said.push(`install ${missing.join(" and ")}: npm install --save-dev ${missing.join(" ")}`);
  const hooksPath = await runGit(["config", "core.hooksPath"], root);
  if (!hooksPath.stdout.toString("utf8").includes(".husky")) said.push("then run `npx husky` (or `npm install`) once so git uses .husky/ hooks");
}

/**
 * The husky hook with our lines in it: appended; replacing the bare line an
 * earlier init wrote (it fell through to whatever `token-guard` PATH held);
 * or unchanged when the hook already runs the scan in a spelling of its own.
 */
function huskyHookWithScan(hook: string | undefined): string {
  if (hook === undefined || hook.trim() === "") return HUSKY_HOOK_LINES;
  if (hook.includes(HUSKY_HOOK_LINES)) return hook;
  const lines = hook.split("\n");
  const bare = lines.indexOf(HOOK_COMMAND);
  if (bare >= 0) return [...lines.slice(0, bare), HUSKY_HOOK_LINES.trimEnd(), ...lines.slice(bare + 1)].join("\n");
  if (HOOK_LINE_PATTERN.test(hook)) return hook;
  return `${hook}${hook.endsWith("\n") ? "" : "\n"}${HUSKY_HOOK_LINES}`;
}

async function installPlainHook(root: string, force: boolean, said: string[]): Promise<void> {
  const result = await runGit(["rev-parse", "--git-path", "hooks"], root);
  const hooksDir = result.stdout.toString("utf8").replace(/\r?\n$/, "");
  const hookPath = join(isAbsolute(hooksDir) ? hooksDir : join(root, hooksDir), "pre-commit");
  const existing = await readOptional(hookPath);
  if (existing === PLAIN_HOOK) {
    said.push(`${hookPath} already runs token-guard: unchanged`);
    return;
  }
  if (existing !== undefined && !existing.includes("token-guard init --git-hook") && !force) {
    throw new UsageError(`${hookPath} exists and was not written by token-guard: add \`${HOOK_COMMAND}\` to it yourself, or rerun with --force to replace it`);
  }
  await mkdir(dirname(hookPath), { recursive: true });
  await writeFileAtomically(hookPath, PLAIN_HOOK, 0o755);
  said.push(`${existing === undefined ? "wrote" : "replaced"} ${hookPath}: commits are now scanned with \`${HOOK_COMMAND}\``);
}

/**
 * Inserts `"prepare": "husky"` by editing the text, not re-serialising it, so
 * the file keeps its indentation, key order and line endings: into an existing
 * `scripts` object, or as a new `scripts` entry at the end of the top level.
 */
export function withPrepareScript(text: string): string {
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  const key = text.indexOf('"scripts"');
  const scripts = key < 0 ? null : /^\s*:\s*\{/.exec(text.slice(key + '"scripts"'.length));
  if (scripts) {
    const at = key + '"scripts"'.length + scripts[0].length;
    const empty = /^\s*\}/.test(text.slice(at));
    const entry = `${newline}${indent}${indent}"prepare": "husky"${empty ? newline + indent : ","}`;
    return text.slice(0, at) + entry + (empty ? text.slice(at).replace(/^\s*/, "") : text.slice(at));
  }
  const close = text.lastIndexOf("}");
  const body = text.slice(0, close).trimEnd();
  const comma = body.endsWith("{") ? "" : ",";
  return `${body}${comma}${newline}${indent}"scripts": {${newline}${indent}${indent}"prepare": "husky"${newline}${indent}}${newline}${text.slice(close)}`;
}

/**
 * `.husky` (or its pre-commit) may be a symlink the repository chose: init
 * neither writes an executable through one that leads outside the repository
 * nor copies an outside file into the hook.
 */
async function refuseOutside(root: string, hookPath: string): Promise<void> {
  const real = await realpath(hookPath).catch(() => realTarget(hookPath));
  if (!(await isInside(root, real))) {
    throw new UsageError(`.husky/pre-commit leads outside the repository (to ${real}) through a symlink: token-guard init writes only inside it; replace the link with a plain directory`);
  }
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "unknown error"}`);
  }
}
