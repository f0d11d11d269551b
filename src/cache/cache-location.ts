// Where `scan --cache` keeps its file: under the project's node_modules/.cache
// by default, as ESLint, Prettier and Babel do, or where --cache-location says.

import { statSync } from "node:fs";
import { join, resolve } from "node:path";

/** The default directory, relative to the working directory (the project root: where the config and baseline are read). */
export const DEFAULT_CACHE_DIRECTORY = "node_modules/.cache/token-guard";
/** The file's name inside a cache directory. */
export const CACHE_FILE_NAME = "scan-cache.json";

/**
 * The absolute cache file for `--cache-location` (relative to `cwd`): a path
 * ending in a slash, or naming an existing directory, is a directory that gets
 * `scan-cache.json`; anything else is the file itself. Without it, the default
 * directory's file.
 */
export function resolveCacheFile(cwd: string, location: string | undefined): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_DIRECTORY, CACHE_FILE_NAME);
  const target = resolve(cwd, location);
  return /[\\/]$/.test(location) || isDirectory(target) ? join(target, CACHE_FILE_NAME) : target;
}

/** Whether `path` is a directory now; any failure (absent, a parent that is a file) says no, and writing the cache tells. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
