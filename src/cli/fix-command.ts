// `token-guard fix [paths] [--dry-run] [--dotenv F] [--staged]`: the fixer's I/O
// door. Finds, plans (pure, src/fix), re-checks every file, then writes all of it
// atomically: the env file first, so a removed value is never lost.

import { lstat, readFile, realpath, rm, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { builtinRules } from "../catalog.js";
import { detectionInput } from "../config/detection-input.js";
import type { LoadedConfig } from "../config/load-config.js";
import { createDetection, type Detection } from "../detect/detection.js";
import { isDotEnvFile } from "../detect/dot-env-file.js";
import { scanSource } from "../detect/scan-source.js";
import type { Finding, Source } from "../detect/types.js";
import { unifiedDiff } from "../fix/diff.js";
import { SecretMask } from "../fix/secret-mask.js";
import { followUps } from "../fix/follow-ups.js";
import { appendEntries, appendLines, exampleLines, parseEnvFile } from "../fix/env-file.js";
import { planFixes, type FixPlan, type LeftFinding } from "../fix/plan.js";
import type { RawArgs } from "./args.js";
import { renameIntoPlace, temporaryPathFor, writeTemporary } from "./atomic-write.js";
import { EXIT, UsageError } from "./errors.js";
import { DEFAULT_MAX_FILE_SIZE, parseSize } from "./options.js";

export interface FixOptions {
  cwd: string;
  /** Paths as typed (default ["."]); with `staged`, only staged files at or below them. */
  paths: string[];
  /** Fix the working-tree copies of the files whose staged content has findings. */
  staged: boolean;
  /** Print a diff (values redacted) and write nothing. */
  dryRun: boolean;
  /** Where the values go, relative to `cwd`, and the flag that named it; default `.env` at the repository root (the cwd outside one). */
  envFile?: { path: string; flag: string };
  maxFileSize: number;
  ignore: string[];
  config: LoadedConfig;
}

/** The flags `fix` shares with `scan` that mean nothing here; refused so nobody thinks they applied. */
const SCAN_ONLY_FLAGS: [keyof RawArgs, string][] = [
  ["format", "--format"],
  ["output", "--output"],
  ["history", "--history"],
  ["baseline", "--baseline"],
  ["exitZero", "--exit-zero"],
];

export function resolveFixOptions(args: RawArgs, config: LoadedConfig, cwd: string): FixOptions {
  for (const [key, flag] of SCAN_ONLY_FLAGS) {
    const value = args[key];
    if (value !== undefined && value !== false) throw new UsageError(`${flag} is a scan option: fix prints a summary (or a diff with --dry-run) and writes the files`);
  }
  if (args.envFile?.path === "") throw new UsageError(`${args.envFile.flag} needs a file name, such as .env`);
  return {
    cwd,
    paths: args.positionals.length > 0 ? args.positionals : ["."],
    staged: args.staged,
    dryRun: args.dryRun,
    envFile: args.envFile,
    maxFileSize: args.maxFileSize === undefined ? (config.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) : parseSize(args.maxFileSize),
    ignore: config.config.ignore ?? [],
    config,
  };
}

/** A scanned file with findings. */
interface Target {
  /** POSIX, relative to the cwd. */
  path: string;
  absolutePath: string;
  text: string;
  findings: Finding[];
}

/** One file to replace: written to a temporary file first, renamed over the original last. */
export interface Write {
  absolutePath: string;
  /** As shown to the user. */
  shown: string;
  text: string;
  mode: number;
  /** What the file must still hold (undefined: it must not exist yet). */
  expected: string | undefined;
  /** A code file may be skipped when it changed; the env file and .gitignore may not. */
  kind: "code" | "support";
  temporary?: string;
}

export async function runFix(options: FixOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const { findGitRoot, isGitIgnored, runGit } = await import("../sources/git.js");
  const gitRoot = await findGitRoot(options.cwd);
  // Real paths throughout, so a symlinked working directory cannot make a path look outside (or inside).
  const cwd = await realpath(options.cwd);
  const root = await realpath(gitRoot ?? cwd);
  const show = (absolute: string): string => toPosix(relative(cwd, absolute)) || ".";

  const envPath = options.envFile === undefined ? join(root, ".env") : resolve(cwd, options.envFile.path);
  await requireInside(root, envPath, options.envFile?.flag ?? "--dotenv", gitRoot !== null);
  const envDir = dirname(envPath);
  if (!(await isDirectory(envDir))) throw new UsageError(`cannot create ${show(envPath)}: directory ${show(envDir)} does not exist`);
  const envInfo = await lstat(envPath).catch(() => undefined);
  if (envInfo !== undefined && !envInfo.isFile()) throw new UsageError(`${show(envPath)} is not a regular file (a symlink or directory): fix writes values only to a plain file`);
  const envText = envInfo === undefined ? undefined : await readFile(envPath, "utf8");
  const examplePath = join(envDir, `${basename(envPath)}.example`);
  const exampleText = await readFile(examplePath, "utf8").catch(() => undefined);

  const { rules, overrides } = detectionInput(options.config.config, builtinRules);
  const detection = createDetection(rules, overrides);
  const collected = await collectTargets({ ...options, cwd }, detection, new Set([envPath, examplePath]));
  const outside: LeftFinding[] = [];
  const targets: Target[] = [];
  for (const target of collected.targets) {
    if (await isInside(root, target.absolutePath)) targets.push(target);
    else outside.push(...target.findings.map((finding) => leftOutside(target.path, finding)));
  }

  const plan = planFixes(targets, {
    existingEnv: parseEnvFile(envText ?? ""),
    scan: (path, text) => scanSource({ path, text }, detection),
  });
  const newEnv = plan.envEntries.length > 0 ? appendEntries(envText ?? "", plan.envEntries) : undefined;
  const newExampleLines = exampleText === undefined ? [] : exampleLines(exampleText, plan.envEntries.map((entry) => entry.name));
  const newExample = exampleText !== undefined && newExampleLines.length > 0 ? appendLines(exampleText, newExampleLines) : undefined;

  // The env file must be git-ignored before it holds values anyone could commit.
  const notes: string[] = [];
  let gitignore: { path: string; text: string; existing: string | undefined; line: string } | undefined;
  if (gitRoot !== null && (envText !== undefined || newEnv !== undefined)) {
    const repoPath = toPosix(relative(root, await realTarget(envPath)));
    if (!(await isGitIgnored(root, repoPath))) {
      const path = join(root, ".gitignore");
      const existing = await readFile(path, "utf8").catch(() => undefined);
      const line = `/${repoPath}`;
      gitignore = { path, existing, line, text: appendLines(existing ?? "", [line]) };
    }
    const tracked = await runGit(["ls-files", "--error-unmatch", "--", repoPath], root);
    if (tracked.code === 0) notes.push(`${show(envPath)} is tracked by git: run \`git rm --cached -- ${repoPath}\` so its values leave the next commit`);
  }

  const left = [...plan.left, ...outside];
  const report = new Report(stdout, options.dryRun);
  if (plan.files.length === 0 && newEnv === undefined && gitignore === undefined) {
    report.nothingToFix(collected.scanned, left, notes, collected.notes);
    return left.length > 0 ? EXIT.findings : EXIT.clean;
  }

  const writes: Write[] = [];
  if (newEnv !== undefined) writes.push({ absolutePath: envPath, shown: show(envPath), text: newEnv, mode: envInfo === undefined ? 0o600 : envInfo.mode & 0o7777, expected: envText, kind: "support" });
  if (newExample !== undefined) writes.push({ absolutePath: examplePath, shown: show(examplePath), text: newExample, mode: await modeOf(examplePath, 0o644), expected: exampleText, kind: "support" });
  if (gitignore !== undefined) writes.push({ absolutePath: gitignore.path, shown: show(gitignore.path), text: gitignore.text, mode: await modeOf(gitignore.path, 0o644), expected: gitignore.existing, kind: "support" });
  for (const file of plan.files) {
    const target = targets.find((candidate) => candidate.path === file.path)!;
    writes.push({ absolutePath: target.absolutePath, shown: file.path, text: file.newText, mode: await modeOf(target.absolutePath, 0o644), expected: file.oldText, kind: "code" });
  }

  if (options.dryRun) {
    const secrets = new SecretMask([...plan.files.flatMap((file) => file.values), ...parseEnvFile(envText ?? "").values()]);
    for (const write of writes) {
      stdout.write(unifiedDiff(write.expected ?? "", write.text, {
        oldLabel: write.expected === undefined ? "/dev/null" : `a/${write.shown}`,
        newLabel: `b/${write.shown}`,
        mask: (line) => secrets.mask(line),
      }));
    }
    report.summary(plan, left, { envShown: show(envPath), envCreated: envText === undefined, exampleShown: show(examplePath), exampleLines: newExampleLines, gitignoreLine: gitignore?.line, notes: [...notes, ...collected.notes], changed: [], restage: [] });
    return left.length > 0 ? EXIT.findings : EXIT.clean;
  }

  const outcome = await writeAll(writes);
  const changed = outcome.done.filter((write) => write.kind === "code").map((write) => write.shown);
  for (const write of outcome.skipped) {
    notes.push(`${write.shown} changed since it was scanned: not touched (run token-guard fix again)`);
    left.push(...(plan.files.find((file) => file.path === write.shown)?.fixed ?? []).map((fixed): LeftFinding => ({ ...fixed, why: "manual", advice: "the file changed while fix ran: run token-guard fix again" })));
  }
  const restage = options.staged ? [...new Set([...changed, ...collected.stagedClean])] : [];
  if (outcome.error !== undefined) {
    report.interrupted(outcome, writes);
    return EXIT.error;
  }
  report.summary(plan, left, { envShown: show(envPath), envCreated: envText === undefined, exampleShown: show(examplePath), exampleLines: newExampleLines, gitignoreLine: gitignore?.line, notes: [...notes, ...collected.notes], changed, restage });
  return left.length > 0 ? EXIT.findings : EXIT.clean;
}

// --- finding what to fix ------------------------------------------------------------------

interface Collected {
  targets: Target[];
  /** Files read and scanned. */
  scanned: number;
  /** Staged mode: flagged in the index, but the working-tree copy is clean already (only needs re-staging). */
  stagedClean: string[];
  notes: string[];
}

async function collectTargets(options: FixOptions, detection: Detection, exclude: ReadonlySet<string>): Promise<Collected> {
  const { readSource } = await import("../sources/read-source.js");
  const collected: Collected = { targets: [], scanned: 0, stagedClean: [], notes: [] };
  const consider = async (path: string, absolutePath: string, source: Source): Promise<void> => {
    collected.scanned++;
    if (exclude.has(absolutePath)) return;
    const findings = scanSource(await withGitIgnored(source, absolutePath), detection);
    if (findings.length > 0) collected.targets.push({ path, absolutePath, text: source.text, findings });
  };
  if (options.staged) {
    const { readStagedSources } = await import("../sources/staged.js");
    const flagged: string[] = [];
    for await (const result of readStagedSources({ cwd: options.cwd, maxFileSize: options.maxFileSize, paths: options.paths, ignore: options.ignore })) {
      if (result.kind === "source" && scanSource(result.source, detection).length > 0) flagged.push(result.source.path);
    }
    // The index is git's; fix the working-tree copies and let the user stage them.
    for (const path of flagged) {
      const absolutePath = resolve(options.cwd, path);
      const read = readSource({ path, absolutePath }, options.maxFileSize);
      if (read.kind !== "source") {
        collected.notes.push(`${path}: staged with a token, but the working-tree copy cannot be fixed (${read.kind === "skipped" ? read.reason : read.kind}): unstage it with \`git restore --staged -- ${path}\``);
        continue;
      }
      const before = collected.targets.length;
      await consider(path, absolutePath, read.source);
      if (collected.targets.length === before) collected.stagedClean.push(path);
    }
    return collected;
  }
  const { listFiles } = await import("../sources/walk.js");
  const listing = await listFiles({ cwd: options.cwd, paths: options.paths, ignore: options.ignore, keywords: detection.requiredWords });
  for (const file of listing.files) {
    const read = readSource(file, options.maxFileSize);
    if (read.kind === "source") await consider(file.path, file.absolutePath, read.source);
    else if (read.kind === "keyword-free") collected.scanned++;
  }
  return collected;
}

/** A `.env` file's findings depend on whether git ignores it, as in `scan`. */
async function withGitIgnored(source: Source, absolutePath: string): Promise<Source> {
  if (!isDotEnvFile(source.path)) return source;
  const { findGitRoot, isGitIgnored } = await import("../sources/git.js");
  const repository = await findGitRoot(dirname(absolutePath));
  if (repository === null) return source;
  return { ...source, gitIgnored: await isGitIgnored(repository, toPosix(relative(repository, await realTarget(absolutePath)))) };
}

function leftOutside(path: string, finding: Finding): LeftFinding {
  return { path, line: finding.line, column: finding.column, redacted: finding.redacted, envVar: finding.envVar, why: "manual", advice: "outside the repository: fix never writes there; run it in that file's own repository" };
}

// --- writing ------------------------------------------------------------------------------

export interface WriteOutcome {
  done: Write[];
  skipped: Write[];
  error?: unknown;
  /** The write that failed (not done). */
  failed?: Write;
}

/**
 * Two phases: every new text goes to a temporary file beside its target, then
 * the temporary files are renamed over the targets, the env file first. A
 * rename is atomic, so each file is either wholly old or wholly new; a failure
 * part-way leaves the rest untouched and the outcome says which were done.
 * (Tests stop it between any two renames: see renameIntoPlace.)
 */
export async function writeAll(writes: Write[]): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { done: [], skipped: [] };
  const pending: Write[] = [];
  try {
    for (const write of writes) {
      if (!(await stillHolds(write))) {
        if (write.kind === "code") {
          outcome.skipped.push(write);
          continue;
        }
        throw new UsageError(`${write.shown} changed while fix ran: nothing was written; run token-guard fix again`);
      }
      write.temporary = temporaryPathFor(write.absolutePath);
      await writeTemporary(write.temporary, write.text, write.mode);
      pending.push(write);
    }
  } catch (error) {
    await Promise.all(pending.map((write) => rm(write.temporary!, { force: true })));
    return { ...outcome, error };
  }
  for (const [index, write] of pending.entries()) {
    try {
      if (write.kind === "code" && !(await stillHolds(write))) {
        await rm(write.temporary!, { force: true });
        outcome.skipped.push(write);
        continue;
      }
      await renameIntoPlace(write.temporary!, write.absolutePath);
      outcome.done.push(write);
    } catch (error) {
      await Promise.all(pending.slice(index).map((rest) => rm(rest.temporary!, { force: true })));
      return { ...outcome, error, failed: write };
    }
  }
  return outcome;
}

/** Whether the file still holds what was planned from (and, for a code file, is still a regular file). */
async function stillHolds(write: Write): Promise<boolean> {
  let bytes: Buffer;
  try {
    const info = await lstat(write.absolutePath);
    if (!info.isFile()) return false;
    bytes = await readFile(write.absolutePath);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" && write.expected === undefined;
  }
  if (write.expected === undefined) return false;
  // Compare bytes: a text decoded with U+FFFD for invalid UTF-8 must not be written back.
  return bytes.equals(Buffer.from(write.expected, "utf8"));
}

// --- paths --------------------------------------------------------------------------------

async function requireInside(root: string, target: string, flag: string, inRepository: boolean): Promise<void> {
  if (!(await isInside(root, target))) {
    throw new UsageError(`${flag} ${target} is outside the ${inRepository ? "repository" : "current directory"} (${root}): fix writes only inside it`);
  }
}

async function isInside(root: string, target: string): Promise<boolean> {
  const path = relative(root, await realTarget(target));
  return path !== "" && !path.startsWith(`..${sep}`) && path !== ".." && !isAbsolute(path);
}

/** The real path of `target`'s directory joined with its name (the file may not exist yet). */
async function realTarget(target: string): Promise<string> {
  const directory = await realpath(dirname(target)).catch(() => dirname(target));
  return join(directory, basename(target));
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

async function modeOf(path: string, fallback: number): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  return info === undefined ? fallback : info.mode & 0o7777;
}

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

// --- output -------------------------------------------------------------------------------

interface SummaryContext {
  envShown: string;
  envCreated: boolean;
  exampleShown: string;
  exampleLines: string[];
  gitignoreLine: string | undefined;
  notes: string[];
  /** Code files rewritten. */
  changed: string[];
  /** Staged mode: files to `git add` again. */
  restage: string[];
}

class Report {
  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly dryRun: boolean,
  ) {}

  nothingToFix(scanned: number, left: LeftFinding[], ...notes: string[][]): void {
    this.out.write(left.length === 0 ? `token-guard fix: nothing to fix (${scanned} ${scanned === 1 ? "file" : "files"} scanned)\n` : `token-guard fix: nothing fixable automatically\n`);
    this.leftAndNotes(left, notes.flat());
  }

  summary(plan: FixPlan, left: LeftFinding[], context: SummaryContext): void {
    const would = this.dryRun ? "would move" : "moved";
    const fixed = plan.files.flatMap((file) => file.fixed);
    const fileCount = this.dryRun ? plan.files.length : context.changed.length;
    const dry = this.dryRun ? " (dry run: nothing written)" : "";
    this.out.write(
      fixed.length === 0
        ? `${this.dryRun ? "\n" : ""}token-guard fix: no values to move${dry}\n`
        : `${this.dryRun ? "\n" : ""}token-guard fix: ${would} ${fixed.length} ${fixed.length === 1 ? "value" : "values"} out of ${fileCount} ${fileCount === 1 ? "file" : "files"} into ${context.envShown}${dry}\n`,
    );
    for (const value of fixed) {
      if (!this.dryRun && !context.changed.includes(value.path)) continue;
      this.out.write(`  ${value.path}:${value.line}:${value.column}  ${value.redacted} -> ${value.envVar}  (${value.replacement})\n`);
      if (value.change?.kind === "taken" && value.codeReadsPreferred) {
        this.out.write(`    note: the code reads ${value.change.preferred}, which ${context.envShown} already sets to a different value; this value is kept as ${value.storedAs}: decide which one ${value.change.preferred} should hold\n`);
      } else if (value.change?.kind === "taken") {
        this.out.write(`    note: ${value.change.preferred} in ${context.envShown} holds a different value, so this one is ${value.envVar}\n`);
      } else if (value.change?.kind === "same-value") {
        this.out.write(`    note: the same value is already ${value.envVar} in ${context.envShown}\n`);
      }
    }
    const names = plan.envEntries.map((entry) => entry.name);
    if (names.length > 0) {
      this.out.write(`${context.envShown}: ${this.dryRun ? "would add" : "added"} ${names.join(", ")}${context.envCreated ? " (new file, mode 0600)" : ""}\n`);
    }
    if (context.exampleLines.length > 0) this.out.write(`${context.exampleShown}: ${this.dryRun ? "would add" : "added"} ${context.exampleLines.join(", ")}\n`);
    if (context.gitignoreLine !== undefined) this.out.write(`.gitignore: ${this.dryRun ? "would add" : "added"} ${context.gitignoreLine} so git ignores ${context.envShown}\n`);
    const rewritten = this.dryRun ? plan.files : plan.files.filter((file) => context.changed.includes(file.path));
    for (const step of followUps(rewritten, context.envShown)) this.out.write(`next: ${step}\n`);
    if (context.restage.length > 0) {
      this.out.write(`re-stage the fixed files (fix never edits the index): git add -- ${context.restage.map(shellQuote).join(" ")}\n`);
    }
    this.leftAndNotes(left, context.notes);
  }

  interrupted(outcome: WriteOutcome, writes: Write[]): void {
    const done = outcome.done.map((write) => write.shown);
    const untouched = writes.filter((write) => !outcome.done.includes(write) && !outcome.skipped.includes(write)).map((write) => write.shown);
    const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    this.out.write(`token-guard fix: stopped part-way${outcome.failed ? ` writing ${outcome.failed.shown}` : ""}: ${reason}\n`);
    this.out.write(`  rewritten (complete): ${done.length > 0 ? done.join(", ") : "none"}\n`);
    this.out.write(`  untouched (complete): ${untouched.length > 0 ? untouched.join(", ") : "none"}\n`);
    this.out.write(`  every file is either wholly rewritten or wholly untouched; run token-guard fix again to finish\n`);
  }

  private leftAndNotes(left: LeftFinding[], notes: string[]): void {
    if (left.length > 0) {
      this.out.write(`left for you (${left.length}): fix cannot rewrite these safely\n`);
      for (const finding of left) this.out.write(`  ${finding.path}:${finding.line}:${finding.column}  ${finding.redacted}  ${finding.advice}\n`);
    }
    for (const note of notes) this.out.write(`note: ${note}\n`);
  }
}

function shellQuote(path: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
