// The scan cache's keyword-free blob ids: recalled at any path, and bounded so
// that the id each edit leaves behind does not pile up run after run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { CACHE_FORMAT, CACHE_LAYOUT } from "../../src/cache/cache-file.js";
import { ScanCache } from "../../src/cache/scan-cache.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const id = (n: number): string => n.toString(16).padStart(40, "0");
const noWarning = (line: string): never => {
  throw new Error(`unexpected warning: ${line}`);
};

/** A cache file holding `ids` as keyword-free, for version "1" and settings "s". */
function cacheWith(ids: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "token-guard-cache-"));
  dirs.push(dir);
  const file = join(dir, "scan-cache.json");
  writeFileSync(file, JSON.stringify({ format: CACHE_FORMAT, layout: CACHE_LAYOUT, version: "1", settings: "s", files: {}, keywordFree: ids }));
  return file;
}

const keptIn = (file: string): string[] => (JSON.parse(readFileSync(file, "utf8")) as { keywordFree: string[] }).keywordFree;

it("recalls a keyword-free blob at any path, with no findings, and counts the hit", async () => {
  const cache = await ScanCache.open(cacheWith([id(1)]), "1", "s", noWarning);
  expect(cache.warm).toBe(true);
  expect(cache.recall("a/b.py", id(1), undefined)).toEqual([]);
  expect(cache.recall("elsewhere/.env", id(1), false)).toEqual([]);
  expect(cache.recall("a/b.py", id(2), undefined)).toBeUndefined();
  expect(cache.stats).toEqual({ hits: 2, misses: 0 });
});

it("keeps every id a run used, and earlier ones only up to as many again plus 10,000", async () => {
  const earlier = Array.from({ length: 25_000 }, (_, n) => id(n));
  const file = cacheWith(earlier);
  const cache = await ScanCache.open(file, "1", "s", noWarning);
  for (let n = 0; n < 50; n++) cache.recall(`f${n}.ts`, id(n), undefined);
  for (let n = 0; n < 50; n++) cache.rememberKeywordFree(id(100_000 + n));
  await cache.save();
  const kept = keptIn(file);
  const used = [...earlier.slice(0, 50), ...Array.from({ length: 50 }, (_, n) => id(100_000 + n))];
  expect(kept.length).toBe(2 * used.length + 10_000);
  expect(kept).toEqual(expect.arrayContaining(used));
  expect(new Set(kept).size).toBe(kept.length);
});

it("is not rewritten by a run that only recalled", async () => {
  const file = cacheWith([id(1), id(2)]);
  const before = readFileSync(file, "utf8");
  const cache = await ScanCache.open(file, "1", "s", noWarning);
  cache.recall("x.md", id(1), undefined);
  cache.rememberKeywordFree(id(2));
  await cache.save();
  expect(readFileSync(file, "utf8")).toBe(before);
});
