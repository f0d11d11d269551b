// Every file token-guard writes goes through here: a temporary file beside the
// target, then a rename, so a crash or kill at any moment leaves it wholly old or wholly new.

import { randomBytes } from "node:crypto";
import { chmod, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** A file that could not be written: one line naming it, printed as is (exit 2). */
export class WriteError extends Error {
  override readonly name = "WriteError";
}

/** A fresh name beside `file`: same directory (so the rename stays on one file system), unique to this call. */
export function temporaryPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.token-guard-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
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
