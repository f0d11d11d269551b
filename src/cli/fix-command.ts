// `token-guard fix [paths] [--dry-run] [--dotenv F] [--staged]`: the fixer's I/O
// door. Finds, plans (pure, src/fix), re-checks every file, then writes all of it
// atomically: the env file first, so a removed value is never lost.

import type { Stats } from "node:fs";
import { readFile, realpath } from "node:fs/promises";
import { basename, dirname, join, posix, relative, resolve } from "node:path";
import { builtinRules } from "../catalog.js";
import { detectionInput } from "../config/detection-input.js";
import { createDetection, type Detection } from "../detect/detection.js";
import { scanSource } from "../detect/scan-source.js";
import type { Finding, Source, TextEncoding } from "../detect/types.js";
import { isTemporaryName, removeStaleTemporaries, TEMPORARY_GLOB, temporaryStemFor } from "../fix/atomic-write.js";
import { unifiedDiff } from "../fix/diff.js";
import { lockEnvFile } from "../fix/env-lock.js";
import { gitignoreLine, unignorablePath } from "../fix/gitignore-entry.js";
import { appendEntries, appendLines, commentedEntries, exampleLines, parseEnvFile } from "../fix/env-file.js";
import { checkEnvTarget, checkGitignoreTarget, isInside, modeOf } from "../fix/path-safety.js";
import { planFixes, type LeftFinding } from "../fix/plan.js";
import { SecretMask } from "../fix/secret-mask.js";
import { writeAll, type Write } from "../fix/transaction.js";
import { escapeControlCharacters, shown } from "../report/control-characters.js";
import { formatFixSummary, type FixSummaryContext } from "../report/fix-summary.js";
import { realTarget, toPosix } from "../sources/paths.js";
import type * as Git from "../sources/git.js";
import { pickSources, withDotEnvState } from "../sources/pick-sources.js";
import { EXIT, UsageError } from "./errors.js";
import type { FixOptions } from "./fix-options.js";

/** A scanned file with findings. */
interface Target {
  /** POSIX, relative to the cwd. */
  path: string;
  absolutePath: string;
  text: string;
  /** Not UTF-8: the rewritten text is written back in this encoding. */
  encoding: TextEncoding | undefined;
  findings: Finding[];
}

export async function runFix(options: FixOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const git = await import("../sources/git.js");
  const { findGitRoot } = await import("../sources/repository-root.js");
  const gitRoot = await findGitRoot(options.cwd);
  // Real paths throughout, so a symlinked working directory cannot make a path look outside (or inside).
  const cwd = await realpath(options.cwd);
  const root = await realpath(gitRoot ?? cwd);
  const show = (absolute: string): string => toPosix(relative(cwd, absolute)) || ".";

  const envPath = options.envFile === undefined ? join(root, ".env") : resolve(cwd, options.envFile.path);
  const context: FixContext = { options, stdout, root, cwd, gitRoot, envPath, show, git };
  // Checked before the lock is made beside it, and again under the lock.
  await checkedEnvInfo(context);
  // A dry run writes nothing, so it needs no lock (and must not wait for one).
  const release = options.dryRun ? undefined : await lockEnvFile(envPath, show);
  try {
    return await fixWithEnvLocked(context);
  } finally {
    await release?.();
  }
}

interface FixContext {
  options: FixOptions;
  stdout: NodeJS.WritableStream;
  root: string;
  cwd: string;
  gitRoot: string | null;
  envPath: string;
  show: (absolute: string) => string;
  /** Loaded only when fix runs. */
  git: typeof Git;
}

/** The env file's lstat (undefined: not there yet), or a UsageError saying why fix may not write it. */
async function checkedEnvInfo({ options, root, gitRoot, envPath, show }: FixContext): Promise<Stats | undefined> {
  const envTarget = await checkEnvTarget(root, envPath, { flag: options.envFile?.flag ?? "--dotenv", inRepository: gitRoot !== null, show });
  if (!envTarget.ok) throw new UsageError(envTarget.problem);
  return envTarget.info;
}

/** Everything from reading the env file to the last rename: under the env file's lock, so a parallel run reads what this one wrote. */
async function fixWithEnvLocked(context: FixContext): Promise<number> {
  const { options, stdout, root, cwd, gitRoot, envPath, show } = context;
  const { isGitIgnored, runGit } = context.git;
  const envInfo = await checkedEnvInfo(context);
  const envText = envInfo === undefined ? undefined : await readFile(envPath, "utf8");
  const examplePath = join(dirname(envPath), `${basename(envPath)}.example`);
  const exampleText = await readFile(examplePath, "utf8").catch(() => undefined);

  // A killed run's copy of the env file holds every value: gone before the scan would report it.
  if (!options.dryRun) await removeStaleTemporaries([envPath]);
  const { rules, overrides } = detectionInput(options.config.config, builtinRules, options.envVar);
  const detection = createDetection(rules, overrides);
  // The example file is scanned like any other (a real token in it is emptied); fix also adds `NAME=` lines to it.
  const collected = await collectTargets({ ...options, cwd }, detection, new Set([envPath]));
  const outside: LeftFinding[] = [];
  const targets: Target[] = [];
  for (const target of collected.targets) {
    if (await isInside(root, target.absolutePath)) targets.push(target);
    else outside.push(...target.findings.map((finding) => leftOutside(target.path, finding)));
  }

  const plan = planFixes(targets, {
    existingEnv: parseEnvFile(envText ?? ""),
    commentedEnv: commentedEntries(envText ?? ""),
    scan: (path, text) => scanSource({ path, text }, detection),
  });
  const newEnv = plan.envEntries.length > 0 ? appendEntries(envText ?? "", plan.envEntries) : undefined;
  const targetOf = new Map(targets.map((target) => [target.path, target]));
  // An example file with a token in it is rewritten and gets its `NAME=` lines in one write.
  const exampleFix = plan.files.find((file) => targetOf.get(file.path)!.absolutePath === examplePath);
  const exampleBase = exampleFix?.newText ?? exampleText;
  const newExampleLines = exampleBase === undefined ? [] : exampleLines(exampleBase, plan.envEntries.map((entry) => entry.name));
  const newExample = exampleBase !== undefined && newExampleLines.length > 0 ? appendLines(exampleBase, newExampleLines) : undefined;

  // The env file must be git-ignored before it holds values anyone could commit.
  const notes: string[] = [];
  let gitignore: { path: string; text: string; existing: string | undefined; line: string } | undefined;
  if (gitRoot !== null && (envText !== undefined || newEnv !== undefined)) {
    const repoPath = toPosix(relative(root, await realTarget(envPath)));
    if (unignorablePath(repoPath)) throw new UsageError(`${show(envPath)}: a line break in the name cannot be written to .gitignore; choose another --dotenv name`);
    const lines: string[] = [];
    if (!(await isGitIgnored(root, repoPath))) lines.push(gitignoreLine(repoPath));
    // The env file's temporary copy holds every value while fix writes it: a killed run must not leave it unignored.
    const temporaryStem = posix.join(posix.dirname(repoPath), temporaryStemFor(envPath));
    if (newEnv !== undefined && !(await isGitIgnored(root, `${temporaryStem}${TEMPORARY_GLOB.replace("*", "0-00000000")}`))) lines.push(gitignoreLine(temporaryStem, TEMPORARY_GLOB));
    if (lines.length > 0) {
      const path = join(root, ".gitignore");
      const problem = await checkGitignoreTarget(path, lines, show);
      if (problem !== undefined) throw new UsageError(problem);
      const existing = await readFile(path, "utf8").catch(() => undefined);
      gitignore = { path, existing, line: lines.join(" and "), text: appendLines(existing ?? "", lines) };
    }
    const tracked = await runGit(["ls-files", "--error-unmatch", "--", repoPath], root);
    if (tracked.code === 0) notes.push(`${show(envPath)} is tracked by git: run \`git rm --cached -- ${repoPath}\` so its values leave the next commit`);
  }

  const left = [...plan.left, ...outside];
  const exitCode = (): number => (left.length > 0 ? EXIT.findings : EXIT.clean);
  if (plan.files.length === 0 && newEnv === undefined && gitignore === undefined) {
    stdout.write(formatFixSummary({ kind: "nothing-to-fix", scanned: collected.scanned, left, notes: [...notes, ...collected.notes] }));
    return exitCode();
  }

  const summaryContext = (changed: string[], restage: string[]): FixSummaryContext => ({
    envShown: show(envPath),
    envCreated: envText === undefined,
    exampleShown: show(examplePath),
    exampleLines: newExampleLines,
    gitignoreLine: gitignore?.line,
    notes: [...notes, ...collected.notes],
    changed,
    restage,
  });
  const writes: Write[] = [];
  if (newEnv !== undefined) writes.push({ absolutePath: envPath, shown: show(envPath), text: newEnv, mode: envInfo === undefined ? 0o600 : envInfo.mode & 0o7777, expected: envText, kind: "support" });
  if (newExample !== undefined && exampleFix === undefined) writes.push({ absolutePath: examplePath, shown: show(examplePath), text: newExample, mode: await modeOf(examplePath, 0o644), expected: exampleText, kind: "support" });
  if (gitignore !== undefined) writes.push({ absolutePath: gitignore.path, shown: show(gitignore.path), text: gitignore.text, mode: await modeOf(gitignore.path, 0o644), expected: gitignore.existing, kind: "support" });
  for (const file of plan.files) {
    const target = targetOf.get(file.path)!;
    const text = file === exampleFix ? (newExample ?? file.newText) : file.newText;
    writes.push({ absolutePath: target.absolutePath, shown: file.path, text, mode: await modeOf(target.absolutePath, 0o644), expected: file.oldText, kind: "code", encoding: target.encoding });
  }

  if (options.dryRun) {
    const secrets = new SecretMask([...plan.files.flatMap((file) => file.values), ...parseEnvFile(envText ?? "").values()]);
    for (const write of writes) {
      stdout.write(unifiedDiff(write.expected ?? "", write.text, {
        oldLabel: write.expected === undefined ? "/dev/null" : shown`a/${write.shown}`,
        newLabel: shown`b/${write.shown}`,
        mask: (line) => escapeControlCharacters(secrets.mask(line)),
      }));
    }
    stdout.write(formatFixSummary({ kind: "fixed", dryRun: true, plan, left, context: summaryContext([], []) }));
    return exitCode();
  }

  await removeStaleTemporaries(writes.map((write) => write.absolutePath));
  const outcome = await writeAll(writes);
  const changed = outcome.done.filter((write) => write.kind === "code").map((write) => write.shown);
  for (const write of outcome.skipped) {
    notes.push(`${write.shown} changed since it was scanned: not touched (run token-guard fix again)`);
    left.push(...(plan.files.find((file) => file.path === write.shown)?.fixed ?? []).map((fixed): LeftFinding => ({ ...fixed, why: "manual", advice: "the file changed while fix ran: run token-guard fix again" })));
  }
  const restage = options.staged ? [...new Set([...changed, ...collected.stagedClean])] : [];
  if (outcome.error !== undefined) {
    stdout.write(formatFixSummary({ kind: "interrupted", outcome, writes }));
    return EXIT.error;
  }
  stdout.write(formatFixSummary({ kind: "fixed", dryRun: false, plan, left, context: summaryContext(changed, restage) }));
  return exitCode();
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
  const collected: Collected = { targets: [], scanned: 0, stagedClean: [], notes: [] };
  const consider = (path: string, absolutePath: string, source: Source): void => {
    collected.scanned++;
    if (exclude.has(absolutePath)) return;
    const findings = scanSource(source, detection);
    if (findings.length > 0) collected.targets.push({ path, absolutePath, text: source.text, encoding: source.encoding, findings });
  };
  const picked = pickSources(options, { keywords: detection.requiredWords });
  if (!options.staged) {
    for await (const result of picked) {
      // Another fix run's lock or temporary file (a killed run's is gone already): not the user's.
      if (result.kind !== "skipped" && isTemporaryName(posix.basename(result.kind === "source" ? result.source.path : result.path))) continue;
      if (result.kind === "source") consider(result.source.path, result.file!, result.source);
      else if (result.kind === "keyword-free") collected.scanned++;
    }
    // Candidates come as git finds them: plan (and report) in path order, as listed.
    collected.targets.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return collected;
  }
  const flagged: string[] = [];
  for await (const result of picked) {
    if (result.kind === "source" && scanSource(result.source, detection).length > 0) flagged.push(result.source.path);
  }
  // The index is git's; fix the working-tree copies and let the user stage them.
  const { readSource } = await import("../sources/read-source.js");
  for (const path of flagged) {
    const absolutePath = resolve(options.cwd, path);
    const read = readSource({ path, absolutePath }, options.maxFileSize);
    if (read.kind !== "source") {
      collected.notes.push(`${path}: staged with a token, but the working-tree copy cannot be fixed (${read.kind === "skipped" ? read.reason : read.kind}): unstage it with \`git restore --staged -- ${path}\``);
      continue;
    }
    const before = collected.targets.length;
    consider(path, absolutePath, await withDotEnvState(read.source, absolutePath));
    if (collected.targets.length === before) collected.stagedClean.push(path);
  }
  return collected;
}

function leftOutside(path: string, finding: Finding): LeftFinding {
  return { path, line: finding.line, column: finding.column, redacted: finding.redacted, envVar: finding.envVar, why: "manual", advice: "outside the repository: fix never writes there; run it in that file's own repository" };
}
