// Number formats, Markdown tables and shell quoting shared by the bench's modules.

import path from "node:path";

export const MiB = 1024 * 1024;

export const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
export const fmtMB = (bytes) => (bytes / MiB).toFixed(1);
export const fmtMs = (ms) => (ms < 100 ? ms.toFixed(1) : fmtInt(ms));
export const fmtRatio = (r) => `${r.toFixed(2)}×`;
export const fmtPct = (r) => `${(r * 100).toFixed(2)}%`;
export const fmtLoad = (l) => l.map((x) => x.toFixed(2)).join(" / ");
export const rel = (p) => path.relative(process.cwd(), p) || ".";
export const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function lastLine(text) {
  const lines = String(text ?? "").trim().split("\n");
  return lines[lines.length - 1].trim();
}

/** A Markdown table, padded so it also reads well in a terminal. Columns: [{ key, right? }]. */
export function renderTable(columns, rows) {
  rows = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v ?? "").replaceAll("|", "\\|")])));
  const widths = columns.map((c) => Math.max(c.key.length, ...rows.map((r) => String(r[c.key] ?? "").length)));
  const cell = (c, v, i) => (c.right ? String(v ?? "").padStart(widths[i]) : String(v ?? "").padEnd(widths[i]));
  const lines = [`| ${columns.map((c, i) => cell(c, c.key, i)).join(" | ")} |`];
  lines.push(`|${columns.map((c, i) => (c.right ? "-".repeat(widths[i] + 1) + ":" : "-".repeat(widths[i] + 2))).join("|")}|`);
  for (const r of rows) lines.push(`| ${columns.map((c, i) => cell(c, r[c.key], i)).join(" | ")} |`);
  return lines.join("\n");
}

/** Column specs from names; a leading ">" right-aligns the column. */
export const cols = (...keys) => keys.map((key) => (key.startsWith(">") ? { key: key.slice(1), right: true } : { key }));

export function shellQuote(word) {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
