// `scan --cache`: each file's findings remembered under its git blob id, so a
// rescan runs the detector (and derives fingerprints) only for files that
// changed. Stale results are impossible by construction: an entry is used only
// for the same path, the same bytes and the same `.env` state, and the whole
// file is discarded when the tool version, the rules or the settings differ.

import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { DetectionInput } from "../detect/detection.js";
import { isDotEnvFile } from "../detect/dot-env-file.js";
import { maskTokenShaped } from "../detect/redact.js";
import type { Finding, Source } from "../detect/types.js";
import { writeFileAtomically } from "../fix/atomic-write.js";
import { errorCode } from "../sources/error-code.js";
import { CACHE_FORMAT, CACHE_LAYOUT, parseCacheFile, type CacheEntry, type CacheFile, type CachedFinding } from "./cache-file.js";

/** How a run's cache did, for the report's stats. */
export interface CacheStats {
  /** Files whose findings came from the cache. */
  hits: number;
  /** Files the detector scanned (and the cache now remembers). */
  misses: number;
}

/**
 * What the findings of a file depend on besides its path and bytes: the tool's
 * version (its detector), the rules (built-in and custom) and the user's
 * settings. Hashed into the cache file; a different hash discards the file.
 */
export function settingsKey(version: string, input: DetectionInput): string {
  return sha256(JSON.stringify({ layout: CACHE_LAYOUT, version, rules: input.rules, overrides: input.overrides }));
}

/** An entry's key: a hash of the path, so no file name (which may be token-shaped) is stored. */
function pathKey(path: string): string {
  return sha256(`path\0${path}`).slice(0, 32);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export class ScanCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly settings: string,
    private readonly entries: Map<string, CacheEntry>,
    private readonly warn: (line: string) => void,
  ) {}

  /**
   * The cache at `file` for a run with these settings: its entries when it was
   * written with the same version and settings, else empty. A missing file is
   * empty in silence; an unreadable, corrupt or foreign one is empty after one
   * warning (and replaced when the run saves).
   */
  static async open(file: string, version: string, settings: string, warn: (line: string) => void): Promise<ScanCache> {
    const empty = (): ScanCache => new ScanCache(file, version, settings, new Map(), warn);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      // ENOTDIR: a parent is a file; saving says so.
      if (errorCode(error) !== "ENOENT" && errorCode(error) !== "ENOTDIR") warn(`cannot read the cache ${maskTokenShaped(file)} (${errorCode(error) ?? "error"}): scanning without it`);
      return empty();
    }
    const cached = parseCacheFile(text);
    if (cached === null) {
      warn(`ignoring the cache ${maskTokenShaped(file)}: not a token-guard scan cache (corrupt, truncated or from another tool); it is rewritten after this scan`);
      return empty();
    }
    if (cached === "other-layout" || cached.version !== version || cached.settings !== settings) return empty();
    return new ScanCache(file, version, settings, new Map(Object.entries(cached.files)), warn);
  }

  /**
   * The findings of `source`, from the cache when its path held these bytes
   * (`blobId`) in the same `.env` state at the last scan, else from `scan`
   * (and remembered). Either way exactly what `scan` returns for it.
   */
  async scan(source: Source, blobId: string, scan: (source: Source) => Promise<Finding[]>): Promise<Finding[]> {
    const recalled = this.recall(source.path, blobId, source.gitIgnored);
    if (recalled !== undefined) return recalled;
    this.stats.misses++;
    const findings = await scan(source);
    const remembered: CacheEntry = { blob: blobId, findings: findings.map(withoutPath) };
    const ignored = dotEnvState(source.path, source.gitIgnored);
    if (ignored !== undefined) remembered.ignored = ignored;
    this.entries.set(pathKey(source.path), remembered);
    this.changed = true;
    return findings;
  }

  /**
   * The findings the cache holds for `path` when it held the bytes `blobId`, in
   * this `.env` state (`gitIgnored`, see Source; only a `.env` file's counts),
   * at the last scan (a hit); else undefined, and nothing is counted: the
   * caller reads the blob and scans it through `scan`. For blobs whose id git
   * lists without reading them (`--staged`).
   */
  recall(path: string, blobId: string, gitIgnored: boolean | undefined): Finding[] | undefined {
    const entry = this.entries.get(pathKey(path));
    if (entry === undefined || entry.blob !== blobId || entry.ignored !== dotEnvState(path, gitIgnored)) return undefined;
    this.stats.hits++;
    return entry.findings.map((finding) => withPath(finding, path));
  }

  /**
   * Writes the cache when the run scanned anything new: a temporary file, then a
   * rename, so a concurrent scan or a crash never leaves a torn file (the last
   * writer wins). A failure is one warning: the scan's result stands.
   */
  async save(): Promise<void> {
    if (!this.changed) return;
    const content: CacheFile = { format: CACHE_FORMAT, layout: CACHE_LAYOUT, version: this.version, settings: this.settings, files: Object.fromEntries(this.entries) };
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomically(this.file, JSON.stringify(content));
    } catch (error) {
      // errorCode reads mkdir's failure; writeFileAtomically's is a WriteError naming the file unmasked.
      this.warn(`cannot write the cache ${maskTokenShaped(this.file)} (${errorCode(error) ?? "write failed"}): the next scan starts cold`);
    }
  }
}

/** The one thing besides path and bytes a file's findings depend on: whether git ignores it, for a `.env` file only. */
function dotEnvState(path: string, gitIgnored: boolean | undefined): boolean | undefined {
  return isDotEnvFile(path) ? gitIgnored : undefined;
}

/** A finding as stored: no path (the entry's key stands for it) and never the version-1 fingerprint (a fast hash of the value). */
function withoutPath(finding: Finding): CachedFinding {
  const stored: Partial<Finding> = { ...finding };
  delete stored.path;
  delete stored.legacyFingerprint;
  return stored as CachedFinding;
}

/** A stored finding back in the shape the detector gives, `path` in its place after `ruleId`. */
function withPath({ ruleId, ...rest }: CachedFinding, path: string): Finding {
  return { ruleId, path, ...rest };
}
