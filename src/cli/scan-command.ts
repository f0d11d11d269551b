// `token-guard scan [paths]`: walk, read, detect, report. Reads only ScanOptions.

import { writeFile, rename } from "node:fs/promises";
import { resolve, dirname, basename, join } from "node:path";
import { createDetection } from "../detect/detection.js";
import { scanSource } from "../detect/scan-source.js";
import type { Finding } from "../detect/types.js";
import { loadFormatter } from "../report/formats.js";
import type { ScanStats } from "../report/types.js";
import { listFiles } from "../sources/walk.js";
import { readSources } from "../sources/read-source.js";
import { detectionOverrides } from "./config.js";
import { EXIT } from "./errors.js";
import type { ScanOptions } from "./options.js";
import { VERSION } from "./version.js";

/** Files read ahead of the detector; bounds memory while keeping the disk busy. */
const READ_AHEAD = 16;

export async function runScan(options: ScanOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const started = performance.now();
  const detection = createDetection(detectionOverrides(options.config.config));
  const listing = await listFiles({ cwd: options.cwd, paths: options.paths, ignore: options.ignore });
  const stats: ScanStats = { filesListed: listing.files.length, filesScanned: 0, filesSkipped: {}, bytesScanned: 0, findings: 0, durationMs: 0 };
  const findings: Finding[] = [];
  for await (const result of readSources(listing.files, options.maxFileSize, READ_AHEAD)) {
    if (result.kind === "skipped") {
      stats.filesSkipped[result.reason] = (stats.filesSkipped[result.reason] ?? 0) + 1;
      continue;
    }
    stats.filesScanned++;
    stats.bytesScanned += result.source.text.length;
    findings.push(...scanSource(result.source, detection));
  }
  stats.findings = findings.length;
  stats.durationMs = Math.round(performance.now() - started);
  const format = await loadFormatter(options.format);
  const report = format(findings, {
    stats,
    color: options.color,
    version: VERSION,
    rules: detection.rules.map(({ rule }) => ({ id: rule.id, description: rule.description, envVar: rule.envVar, docsUrl: rule.docsUrl })),
  });
  if (options.output === undefined) stdout.write(report);
  else await writeAtomically(resolve(options.cwd, options.output), report);
  return findings.length > 0 ? EXIT.findings : EXIT.clean;
}

/** Writes through a temporary file and a rename, so a report is never half-written. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  await writeFile(temporary, text, { mode: 0o644 });
  await rename(temporary, file);
}
