// The fix's write phase: every changed file (code, the env file, its example,
// .gitignore) replaced in two phases, so each one ends wholly old or wholly new.

import { lstat, readFile, rm } from "node:fs/promises";
import type { TextEncoding } from "../detect/types.js";
import { bytesOf } from "../sources/bytes-to-text.js";
import { renameIntoPlace, temporaryPathFor, writeTemporary } from "./atomic-write.js";

/** One file to replace: written to a temporary file first, renamed over the original last. */
export interface Write {
  absolutePath: string;
  /** As shown to the user. */
  shown: string;
  text: string;
  mode: number;
  /** What the file must still hold (undefined: it must not exist yet). */
  expected: string | undefined;
  /** A code file may be skipped when it changed; the env file and .gitignore may not. */
  kind: "code" | "support";
  /** The file's encoding when it is not UTF-8 (a UTF-16 file is written back as UTF-16, byte-order mark kept). */
  encoding?: TextEncoding;
  temporary?: string;
}

export interface WriteOutcome {
  done: Write[];
  skipped: Write[];
  error?: unknown;
  /** The write that failed (not done). */
  failed?: Write;
}

/**
 * Two phases: every new text goes to a temporary file beside its target, then
 * the temporary files are renamed over the targets, the env file first. A
 * rename is atomic, so each file is either wholly old or wholly new; a failure
 * part-way leaves the rest untouched and the outcome says which were done.
 * (Tests stop it between any two renames: see renameIntoPlace.)
 */
export async function writeAll(writes: Write[]): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { done: [], skipped: [] };
  const pending: Write[] = [];
  try {
    for (const write of writes) {
      if (!(await stillHolds(write))) {
        if (write.kind === "code") {
          outcome.skipped.push(write);
          continue;
        }
        throw changedWhileRunning(write);
      }
      write.temporary = temporaryPathFor(write.absolutePath);
      await writeTemporary(write.temporary, bytesOf(write.text, write.encoding), write.mode);
      pending.push(write);
    }
  } catch (error) {
    await Promise.all(pending.map((write) => rm(write.temporary!, { force: true })));
    return { ...outcome, error };
  }
  // Last look before the first rename: a support file that changed since it was read
  // (another writer, though fix holds the env file's lock) would lose that writer's lines.
  for (const write of pending) {
    if (write.kind === "support" && !(await stillHolds(write))) {
      await Promise.all(pending.map((each) => rm(each.temporary!, { force: true })));
      return { ...outcome, error: changedWhileRunning(write) };
    }
  }
  for (const [index, write] of pending.entries()) {
    try {
      if (write.kind === "code" && !(await stillHolds(write))) {
        await rm(write.temporary!, { force: true });
        outcome.skipped.push(write);
        continue;
      }
      await renameIntoPlace(write.temporary!, write.absolutePath);
      outcome.done.push(write);
    } catch (error) {
      await Promise.all(pending.slice(index).map((rest) => rm(rest.temporary!, { force: true })));
      return { ...outcome, error, failed: write };
    }
  }
  return outcome;
}

function changedWhileRunning(write: Write): Error {
  return new Error(`${write.shown} changed while fix ran: nothing was written; run token-guard fix again`);
}

/** Whether the file still holds what was planned from (and, for a code file, is still a regular file). */
async function stillHolds(write: Write): Promise<boolean> {
  let bytes: Buffer;
  try {
    const info = await lstat(write.absolutePath);
    if (!info.isFile()) return false;
    bytes = await readFile(write.absolutePath);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" && write.expected === undefined;
  }
  if (write.expected === undefined) return false;
  // Compare bytes: a text decoded with U+FFFD for invalid UTF-8 must not be written back.
  return bytes.equals(bytesOf(write.expected, write.encoding));
}
