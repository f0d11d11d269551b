// The scan cache's file format: one JSON object, read whole and written whole.
// Everything in it is what a report already shows (redacted values,
// fingerprints, positions, messages, suggestions); paths are stored as hashes.

import type { Edit, Finding } from "../detect/types.js";

/** Names the file's kind: anything else at the cache's path is a foreign file. */
export const CACHE_FORMAT = "token-guard-scan-cache";
/** The layout below; a new layout gets a new number and old files are discarded, not read. */
export const CACHE_LAYOUT = 1;

/** A finding as the cache keeps it: without its path, which the entry's key stands for. */
export type CachedFinding = Omit<Finding, "path" | "legacyFingerprint">;

/** One file's last scan. */
export interface CacheEntry {
  /** Git's object id of the bytes scanned. */
  blob: string;
  /** The `.env` state the file was scanned with (`Source.gitIgnored`); absent when unknown. */
  ignored?: boolean;
  findings: CachedFinding[];
}

export interface CacheFile {
  format: typeof CACHE_FORMAT;
  layout: typeof CACHE_LAYOUT;
  /** The token-guard version that wrote it. */
  version: string;
  /** Hash of the version, the rules and the detection settings (see settingsKey): any change discards every entry. */
  settings: string;
  /** Entries by path key (see pathKey). */
  files: Record<string, CacheEntry>;
}

/**
 * The cache file in `text`; "other-layout" for a token-guard cache of another
 * layout (another version wrote it: stale, as one of another version is); null
 * when it is not one at all (corrupt, truncated, foreign): the caller warns
 * once. Either way the caller starts empty. Every entry is checked, so a hit
 * can be reported as it is.
 */
export function parseCacheFile(text: string): CacheFile | "other-layout" | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data) || data.format !== CACHE_FORMAT) return null;
  if (data.layout !== CACHE_LAYOUT) return "other-layout";
  if (typeof data.version !== "string" || typeof data.settings !== "string" || !isRecord(data.files)) return null;
  for (const entry of Object.values(data.files)) if (!isEntry(entry)) return null;
  return data as unknown as CacheFile;
}

function isEntry(entry: unknown): entry is CacheEntry {
  return (
    isRecord(entry) &&
    typeof entry.blob === "string" &&
    (entry.ignored === undefined || typeof entry.ignored === "boolean") &&
    Array.isArray(entry.findings) &&
    entry.findings.every(isCachedFinding)
  );
}

const STRING_FIELDS = ["ruleId", "language", "context", "envVar", "redacted", "fingerprint", "message"] as const;
const NUMBER_FIELDS = ["start", "end", "line", "column", "endLine", "endColumn"] as const;

function isCachedFinding(finding: unknown): finding is CachedFinding {
  if (!isRecord(finding) || typeof finding.inComment !== "boolean") return false;
  if (!STRING_FIELDS.every((field) => typeof finding[field] === "string")) return false;
  if (!NUMBER_FIELDS.every((field) => Number.isSafeInteger(finding[field]))) return false;
  const { suggestion } = finding;
  return (
    isRecord(suggestion) &&
    typeof suggestion.text === "string" &&
    (suggestion.requires === undefined || suggestion.requires === "python-import-os") &&
    Array.isArray(suggestion.edits) &&
    suggestion.edits.every(isEdit)
  );
}

function isEdit(edit: unknown): edit is Edit {
  return isRecord(edit) && Number.isSafeInteger(edit.start) && Number.isSafeInteger(edit.end) && typeof edit.text === "string";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
