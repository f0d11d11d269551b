// The baseline file's text: written stable (sorted, fixed key order, one entry a
// line) and read back with every field checked. What a baseline means, and how it
// is applied to findings, is the core's (src/detect/baseline.ts).

import { BASELINE_VERSION, LEGACY_BASELINE_VERSION, compareEntries, type Baseline, type BaselineEntry } from "../detect/baseline.js";
import { jsonSyntaxProblem } from "./json-syntax.js";

const SALT = /^[0-9a-f]{16,128}$/;
const HASH = /^[0-9a-f]{32}$/;

/**
 * The file's text: stable (sorted, fixed key order) and one entry per line, so
 * adopting or fixing one finding is a one-line diff.
 */
export function formatBaseline(baseline: Baseline): string {
  const entries = [...baseline.entries].sort(compareEntries).map((entry) => `    ${JSON.stringify({ ruleId: entry.ruleId, file: entry.file, hash: entry.hash })}`);
  return [
    "{",
    `  "version": ${BASELINE_VERSION},`,
    `  "about": "token-guard baseline: accepted findings by rule id, file and a salted, cost-hard hash of the value (never the value). Rewrite with: token-guard baseline",`,
    `  "salt": ${JSON.stringify(baseline.salt)},`,
    entries.length === 0 ? `  "entries": []` : `  "entries": [\n${entries.join(",\n")}\n  ]`,
    "}",
    "",
  ].join("\n");
}

/** Reads a baseline file's text; a string is the problem, worded to complete "… is not a valid baseline: ". */
export function parseBaseline(text: string): Baseline | string {
  let raw: unknown;
  const json = text.replace(/^\uFEFF/, "");
  try {
    raw = JSON.parse(json);
  } catch (error) {
    const { problem, line, column } = jsonSyntaxProblem(error, json);
    return `not JSON at line ${line}, column ${column} (${problem})`;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "expected a JSON object";
  const file = raw as Record<string, unknown>;
  const version = file.version;
  if (version !== BASELINE_VERSION && version !== LEGACY_BASELINE_VERSION) return `"version" must be ${BASELINE_VERSION}`;
  if (typeof file.salt !== "string" || !SALT.test(file.salt)) return `"salt" must be a hex string`;
  if (!Array.isArray(file.entries)) return `"entries" must be an array`;
  const entries: BaselineEntry[] = [];
  for (const [index, item] of (file.entries as unknown[]).entries()) {
    const entry = item as Partial<Record<keyof BaselineEntry, unknown>> | null;
    if (typeof entry !== "object" || entry === null || typeof entry.ruleId !== "string" || typeof entry.file !== "string" || typeof entry.hash !== "string" || !HASH.test(entry.hash)) {
      return `"entries[${index}]" must be { "ruleId", "file", "hash" } with a 32-digit hex hash`;
    }
    entries.push({ ruleId: entry.ruleId, file: entry.file, hash: entry.hash });
  }
  return { version, salt: file.salt, entries: entries.sort(compareEntries) };
}
