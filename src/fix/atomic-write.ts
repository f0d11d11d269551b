// Every file token-guard writes goes through here: a temporary file beside the
// target, then a rename, so a crash or kill at any moment leaves it wholly old or wholly new.

import { nodeCrypto } from "../detect/lazy-crypto.js";
import { chmod, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { isProcessAlive } from "./live-process.js";

/** A file that could not be written: one line naming it, printed as is (exit 2). */
export class WriteError extends Error {
  override readonly name = "WriteError";
}

/**
 * What every temporary name beside `file` starts with: the name itself, hidden. For `.env`
 * that is `.env`, so `.env.token-guard-<pid>-<hex>.tmp` falls under one ignore rule
 * (TEMPORARY_GLOB) that fix writes when git would not ignore it: a run killed while
 * the temporary file holds every value must not leave it for `git add .`.
 */
export function temporaryStemFor(file: string): string {
  const name = basename(file);
  return name.startsWith(".") ? name : `.${name}`;
}

/** Matches every temporary (and lock) name after its stem, as a gitignore glob. */
export const TEMPORARY_GLOB = ".token-guard-*.tmp";
const TEMPORARY_MARK = ".token-guard-";
const TEMPORARY_END = ".tmp";
const RANDOM_HEX_LENGTH = 8;

/** A fresh name beside `file`: same directory (so the rename stays on one file system), unique to this call. */
export function temporaryPathFor(file: string): string {
  return join(dirname(file), `${temporaryStemFor(file)}${TEMPORARY_MARK}${process.pid}-${nodeCrypto().randomBytes(RANDOM_HEX_LENGTH / 2).toString("hex")}${TEMPORARY_END}`);
}

/** Whether a file name is one of the temporary or lock files token-guard writes (never a file to scan or fix). */
export function isTemporaryName(name: string): boolean {
  return name.endsWith(TEMPORARY_END) && name.includes(TEMPORARY_MARK);
}

/** The process id in a temporary name made by temporaryPathFor for one of `stems`, else undefined. */
function temporaryOwner(name: string, stems: ReadonlySet<string>): number | undefined {
  const mark = name.lastIndexOf(TEMPORARY_MARK);
  if (mark < 0 || !name.endsWith(TEMPORARY_END) || !stems.has(name.slice(0, mark))) return undefined;
  const [pid, hex, ...rest] = name.slice(mark + TEMPORARY_MARK.length, -TEMPORARY_END.length).split("-");
  if (rest.length > 0 || !/^[1-9]\d*$/.test(pid ?? "") || hex?.length !== RANDOM_HEX_LENGTH || !/^[0-9a-f]+$/.test(hex)) return undefined;
  return Number(pid);
}

/**
 * Removes the temporary files an earlier run left beside `files` when it was
 * killed (its process is gone): one directory listing per directory, however many files.
 */
export async function removeStaleTemporaries(files: readonly string[]): Promise<void> {
  const stemsByDirectory = new Map<string, Set<string>>();
  for (const file of files) {
    const stems = stemsByDirectory.get(dirname(file)) ?? new Set<string>();
    stems.add(temporaryStemFor(file));
    stemsByDirectory.set(dirname(file), stems);
  }
  for (const [directory, stems] of stemsByDirectory) {
    const names = await readdir(directory).catch(() => []);
    for (const name of names) {
      const owner = temporaryOwner(name, stems);
      if (owner !== undefined && !isProcessAlive(owner)) await rm(join(directory, name), { force: true });
    }
  }
}

/**
 * Writes `text` (UTF-8) or bytes to a new temporary file, never following or reusing an existing
 * name: with exactly `mode` when given, else as any new file (0666 less the umask).
 */
export async function writeTemporary(temporary: string, text: string | Uint8Array, mode?: number): Promise<void> {
  await writeFile(temporary, text, { mode: mode ?? 0o666, flag: "wx" });
  // writeFile's mode passes through the umask; a kept or required mode must not.
  if (mode !== undefined) await chmod(temporary, mode);
}

let renamesDone = 0;

/**
 * The one step that changes a target. TOKEN_GUARD_FAIL_AFTER_WRITES=N (tests
 * only) makes every rename after the first N fail, so a test can stop a command
 * between any two of its writes and check what a crash there would leave.
 */
export async function renameIntoPlace(temporary: string, file: string): Promise<void> {
  const limit = process.env.TOKEN_GUARD_FAIL_AFTER_WRITES;
  if (limit !== undefined && renamesDone >= Number(limit)) throw new Error(`simulated failure (TOKEN_GUARD_FAIL_AFTER_WRITES=${limit})`);
  await rename(temporary, file);
  renamesDone++;
}

/**
 * Replaces (or creates) one file atomically. `mode` defaults to the existing
 * file's; a new file gets the umask's. Any failure removes the temporary file
 * and becomes one line naming the file.
 */
export async function writeFileAtomically(file: string, text: string, mode?: number): Promise<void> {
  const temporary = temporaryPathFor(file);
  try {
    await writeTemporary(temporary, text, mode ?? (await existingMode(file)));
    await renameIntoPlace(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new WriteError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function existingMode(file: string): Promise<number | undefined> {
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? info.mode & 0o7777 : undefined;
}
