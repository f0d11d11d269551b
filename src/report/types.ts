// What every formatter receives: the findings of a run and what was scanned.

import type { BaselineEntry } from "../detect/baseline.js";
import type { Finding } from "../detect/types.js";

/** Counts of a run, reported by every format. */
export interface ScanStats {
  /** Files the walk (or index, or history) produced. */
  filesListed: number;
  /** Files read and given to the detector. */
  filesScanned: number;
  /** Files not scanned, by reason. */
  filesSkipped: Record<string, number>;
  bytesScanned: number;
  findings: number;
  durationMs: number;
  /** When a baseline was applied: what it suppressed, and its entries nothing matched. */
  baseline?: BaselineStats;
}

/** The baseline's part in a run. */
export interface BaselineStats {
  /** The baseline file as the user named it (or the default name). */
  file: string;
  /** Findings it accepted, left out of the report and the exit code. */
  suppressed: number;
  /** Entries whose finding is gone (plain scans of the baseline's files only): rewrite the baseline to drop them. */
  stale: BaselineEntry[];
}

/** A finding as the doors report it: path relative to the working directory, plus history fields. */
export interface ReportedFinding extends Finding {
  /** History scans: the commit that introduced the blob (full SHA) and its date (ISO 8601). */
  commit?: string;
  date?: string;
  /** History scans: the value is no longer in the working tree's copy of the file — deleted, but still leaked. */
  removed?: boolean;
}

export interface ReportContext {
  stats: ScanStats;
  /** What was scanned: files, the git index (pre-commit), or history. */
  mode: "files" | "staged" | "history";
  /** A staged scan run by git's pre-commit hook, whose failure blocks the commit (not one run by hand). */
  fromCommitHook?: boolean;
  /** Whether to use ANSI colours (stylish only). */
  color: boolean;
  /** The tool's version, for formats that record it. */
  version: string;
  /** Rules that ran, for formats that describe them (SARIF). */
  rules: { id: string; description: string; envVar: string; docsUrl: string; revoke?: string }[];
}

/** A formatter: findings in, the whole output text out. Pure. */
export type Formatter = (findings: readonly ReportedFinding[], context: ReportContext) => string;
