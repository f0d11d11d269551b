// `token-guard scan [paths] | --staged | --history`: sources in, detect, baseline, report. Reads only ScanOptions.

import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { builtinRules } from "../catalog.js";
import { detectionInput } from "../config/detection-input.js";
import { LEGACY_BASELINE_VERSION } from "../detect/baseline.js";
import type { ScanCache } from "../cache/scan-cache.js";
import { createDetection, type Detection, type DetectionInput } from "../detect/detection.js";
import type { Source } from "../detect/types.js";
import type { ScanPool } from "../parallel/scan-pool.js";
import { loadFormatter } from "../report/formats.js";
import type { ReportedFinding, ScanStats } from "../report/types.js";
import { pickSources } from "../sources/pick-sources.js";
import { writeFileAtomically, WriteError } from "../fix/atomic-write.js";
import { formatSummaryLine } from "../report/summary-line.js";
import { EXIT } from "./errors.js";
import type { CollectOptions, ScanOptions } from "./scan-options.js";
import { VERSION } from "../report/tool-identity.js";

const NANOSECONDS_PER_MS = 1_000_000;

export async function runScan(options: ScanOptions, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream = process.stderr): Promise<number> {
  const { applyBaselineFile, readScanBaseline } = await import("./baseline-file.js");
  const baseline = await readScanBaseline(options, stderr);
  const replaceText = options.replaceText === undefined ? undefined : { file: resolve(options.cwd, options.replaceText), shown: options.replaceText, values: new Set<string>() };
  if (replaceText !== undefined) await (await import("../history-rewrite/replace-text-file.js")).checkReplaceTextTarget(replaceText.file, replaceText.shown);
  const { findings: found, stats, detection } = await collectFindings(options, baseline?.version === LEGACY_BASELINE_VERSION, replaceText?.values, stderr);
  const { findings, stats: baselineStats } = applyBaselineFile(options, baseline, found);
  if (baselineStats !== undefined) stats.baseline = baselineStats;
  stats.findings = findings.length;
  const format = await loadFormatter(options.format);
  const report = format(findings, {
    stats,
    mode: options.history ? "history" : options.staged ? "staged" : "files",
    fromCommitHook: options.fromCommitHook,
    color: options.color,
    version: VERSION,
    rules: detection.rules.map(({ rule }) => ({ id: rule.id, description: rule.description, envVar: rule.envVar, docsUrl: rule.docsUrl, revoke: rule.revoke })),
  });
  if (options.output === undefined) stdout.write(report);
  else {
    await writeReport(resolve(options.cwd, options.output), options.output, report);
    stderr.write(formatSummaryLine(findings, stats, options.output));
  }
  if (replaceText !== undefined) {
    const { writeReplaceTextFile, replaceTextRules } = await import("../history-rewrite/replace-text-file.js");
    const { text, rules, unwritable } = replaceTextRules(replaceText.values);
    const skipped = unwritable === 0 ? "" : `; ${unwritable} spanning lines cannot be a rule: remove those by hand`;
    if (rules === 0) stderr.write(`token-guard: no values to write: ${replaceText.shown} not created${skipped}\n`);
    else {
      await writeReplaceTextFile(replaceText.file, replaceText.shown, text);
      stderr.write(
        `token-guard: wrote ${rules} value${rules === 1 ? "" : "s"} to ${replaceText.shown} (mode 0600; keep it out of the repository, delete it when done)${skipped}\n` +
          `  Revoke them first; then, in a fresh clone: git filter-repo --replace-text ${replaceText.shown}\n`,
      );
    }
  }
  return findings.length > 0 && !options.exitZero ? EXIT.findings : EXIT.clean;
}

/** The report file, its folders created first (`mkdir -p`), written atomically. */
async function writeReport(file: string, shown: string, report: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (error) {
    throw new WriteError(`cannot create the folder for ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  await writeFileAtomically(file, report);
}

/**
 * Every finding of the sources the options name, before any baseline; `token-guard baseline` records these.
 * `values`, when given, receives each finding's value as written in its source (for --replace-text only).
 */
export async function collectFindings(
  options: CollectOptions,
  legacyFingerprints = false,
  values?: Set<string>,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<{ findings: ReportedFinding[]; stats: ScanStats; detection: Detection }> {
  // process.hrtime, not performance.now(): the latter loads perf_hooks (eleven modules) into every run.
  const started = process.hrtime.bigint();
  const input = { ...detectionInput(options.config.config, builtinRules, options.envVar), legacyFingerprints };
  // Never with a version-1 baseline: its fingerprints are fast hashes of the values, not for a file.
  const cache = options.cacheFile === undefined || legacyFingerprints ? undefined : openScanCache(options.cacheFile, input, stderr);
  const detection = createDetection(input.rules, input.overrides, legacyFingerprints);
  const stats: ScanStats = { filesListed: 0, filesScanned: 0, filesSkipped: {}, bytesScanned: 0, findings: 0, durationMs: 0 };
  // The first step lists the files (inside a repository, starts git) while the
  // detection core loads: its modules were ~30 ms of every start-up, spent idle.
  let large = false;
  let pool: ScanPool | undefined;
  const sources = pickSources(options, {
    keywords: detection.requiredWords,
    tally: stats,
    blobIds: cache !== undefined,
    // Staged blobs are looked up before git fetches them; not with --replace-text, which needs each value's text.
    recall: cache === undefined || values !== undefined ? undefined : async (path, blobId, gitIgnored) => (await cache).recall(path, blobId, gitIgnored),
    // Threads load the core while the files are read.
    onLargeListing: () => {
      large = true;
      pool?.prestart();
    },
  });
  const first = sources.next();
  first.catch(() => undefined); // awaited below; the core's import may fail first
  let finished = false;
  // One entry per source, in source order, whichever thread finishes first.
  const perSource: Promise<ReportedFinding[]>[] = [];
  const findings: ReportedFinding[] = [];
  try {
    const { ScanPool } = await import("../parallel/scan-pool.js");
    const scanning = new ScanPool(detection, input, options.threads);
    const cached = await cache;
    const scan = (source: Source) => scanning.scan(source);
    pool = scanning;
    if (large) scanning.prestart();
    for (let step = await first; step.done !== true; step = await sources.next()) {
      const result = step.value;
      if (result.kind === "skipped") {
        stats.filesSkipped[result.reason] = (stats.filesSkipped[result.reason] ?? 0) + 1;
        continue;
      }
      stats.filesScanned++;
      if (result.kind === "recalled") {
        perSource.push(Promise.resolve(result.findings));
        continue;
      }
      if (result.kind === "keyword-free") {
        stats.bytesScanned += result.size;
        continue;
      }
      stats.bytesScanned += result.source.text.length;
      const { report, source, blobId } = result;
      const found = cached === undefined || blobId === undefined ? scan(source) : cached.scan(source, blobId, scan);
      const reported = found.then((scanned) => {
        if (values !== undefined) for (const finding of scanned) values.add(source.text.slice(finding.start, finding.end));
        return report === undefined ? scanned : report(scanned);
      });
      // Handled below by Promise.all; this keeps a failure settled while the loop still runs from counting as unhandled.
      reported.catch(() => undefined);
      perSource.push(reported);
    }
    finished = true;
    for (const found of await Promise.all(perSource)) findings.push(...found);
    // Files are read in the order git finds candidates, then in listing order: report in path order, as listed.
    if (!options.history && !options.staged) findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (cached !== undefined) {
      await cached.save();
      stats.cache = cached.stats;
    }
  } finally {
    // Leaving early (an error): let the sources stop their git processes, as `for await` would.
    if (!finished) await sources.return(undefined).catch(() => undefined);
    await pool?.close();
  }
  stats.findings = findings.length;
  stats.durationMs = Math.round(Number(process.hrtime.bigint() - started) / NANOSECONDS_PER_MS);
  return { findings, stats, detection };
}

/** The run's scan cache, read while the files are listed; its warnings are one line each on stderr. */
async function openScanCache(file: string, input: DetectionInput, stderr: NodeJS.WritableStream): Promise<ScanCache> {
  const { ScanCache, settingsKey } = await import("../cache/scan-cache.js");
  return ScanCache.open(file, VERSION, settingsKey(VERSION, input), (line) => stderr.write(`token-guard: warning: ${line}\n`));
}
