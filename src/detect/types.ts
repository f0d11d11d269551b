// The contracts of the detection core: what goes in (a Source) and what comes
// out (a Finding). Every door produces Sources and consumes Findings.

import type { LanguageId } from "../languages/shared/tokens.js";

/** A piece of text to scan, from wherever it came (file, index blob, history, ESLint). */
export interface Source {
  /** POSIX path relative to the working directory (or as the door names it). */
  path: string;
  text: string;
  /** Front end to use; detected from the path (and shebang) when absent. */
  language?: LanguageId;
  /**
   * For a file named `.env`: whether git ignores it. Values in an ignored `.env`
   * are where they belong; an unignored one is reported. Unknown (undefined): silent.
   */
  gitIgnored?: boolean;
  /** The file's bytes are UTF-16 (a byte-order mark said so); absent: UTF-8. Offsets are into the decoded text either way. */
  encoding?: TextEncoding;
}

/** A text encoding other than UTF-8 that sources decode. */
export type TextEncoding = "utf-16le" | "utf-16be";

/** A replacement of `text.slice(start, end)` (UTF-16 offsets into the source text). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** What to write instead of the hardcoded value, in the finding's language and context. */
export interface Suggestion {
  /** One line a person reads, e.g. `process.env.CONVOSO_AUTH_TOKEN`. */
  text: string;
  /** The edits that apply it; empty when only a person can make the change (config files). */
  edits: Edit[];
  /** Whether applying the edits needs the file to read the environment first (Python `import os`). */
  requires?: "python-import-os";
}

/** How the value is bound to the credential's name; decides wording and fixes. */
export type FindingContext =
  | "assignment" // authToken = "…", auth_token: "…", 'auth_token' => '…'
  | "argument" // params.append("auth_token", "…"), define('AUTH_TOKEN', '…')
  | "query-string" // "…?auth_token=…&…" inside a string, URL, shell word, prose
  | "env-fallback" // process.env.X ?? "…", os.getenv("X", "…")
  | "reference" // t = "…" … auth_token=${t}
  | "name-value" // { name: "auth_token", value: "…" }
  | "env-file-not-ignored"; // .env holding values is not git-ignored

/** One finding, the same shape through every door. */
export interface Finding {
  ruleId: string;
  /** Source path as given (POSIX). */
  path: string;
  /** Offsets of the hardcoded value in the source text. */
  start: number;
  end: number;
  /** 1-based line and column of `start`; `endLine`/`endColumn` point just past the value. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  language: string;
  context: FindingContext;
  /** The env var to read instead (the rule's, or the one the code already reads). */
  envVar: string;
  /** The value with its middle masked; never the value itself. */
  redacted: string;
  /** Stable, cost-hard hash of rule id and value (PBKDF2, src/detect/fingerprint.ts); identifies the secret without revealing it. */
  fingerprint: string;
  /**
   * The version-1 fingerprint (a plain SHA-256), only when the door asked for it to
   * match a version-1 baseline; never reported.
   */
  legacyFingerprint?: string;
  /** Whether the finding came from a comment (commented-out code). */
  inComment: boolean;
  /** The person-readable explanation. */
  message: string;
  suggestion: Suggestion;
}
