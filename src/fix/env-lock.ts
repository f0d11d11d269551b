// One `fix` at a time per env file: lint-staged runs its tasks in parallel, and
// two runs that each read `.env`, add their values and rename their copy over it
// lose one run's values. The lock is a file beside the env file, created with
// O_EXCL and holding its owner's pid and start time; a lock whose owner is gone
// (killed) is taken over, a live one is waited for, a bounded time.

import { open, readFile, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { temporaryStemFor, WriteError } from "./atomic-write.js";
import { isProcessAlive } from "./live-process.js";

/** How long a run waits for another to finish; TOKEN_GUARD_LOCK_WAIT_MS (tests) shortens it. */
const DEFAULT_WAIT_MS = 60_000;
const POLL_MS = 25;
/** A lock with no readable owner (its writer died between create and write) is stale after this long. */
const UNREADABLE_STALE_MS = 10_000;

/** The lock's path: its name falls under the ignore rule fix writes for the env file's temporary files. */
export function lockPathFor(envPath: string): string {
  return join(dirname(envPath), `${temporaryStemFor(envPath)}.token-guard-lock.tmp`);
}

/** Takes the env file's lock, waiting for a live holder; returns the release. Throws WriteError (one line, exit 2) when it cannot. */
export async function lockEnvFile(envPath: string, shown: (absolute: string) => string): Promise<() => Promise<void>> {
  const lock = lockPathFor(envPath);
  const waitMs = Number(process.env.TOKEN_GUARD_LOCK_WAIT_MS ?? DEFAULT_WAIT_MS);
  const deadline = Date.now() + waitMs;
  const mine = `${process.pid} ${Date.now()}\n`;
  for (;;) {
    if (await create(lock, mine)) return async () => releaseIfMine(lock, mine);
    const holder = await readHolder(lock);
    if (holder === "gone") continue;
    if (await isStale(lock, holder)) {
      // Only the very lock judged stale is removed: a fresh one a third run made in between stays.
      if ((await readFile(lock, "utf8").catch(() => undefined)) === holder.text) await rm(lock, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new WriteError(`another token-guard fix is writing ${shown(envPath)} (pid ${holder.pid ?? "unknown"}, lock ${shown(lock)}): run fix again when it ends, or remove the lock if no fix is running`);
    }
    await sleep(POLL_MS);
  }
}

async function create(lock: string, content: string): Promise<boolean> {
  try {
    const handle = await open(lock, "wx", 0o600);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new WriteError(`cannot create the lock ${basename(lock)} beside the env file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

interface Holder {
  text: string;
  pid: number | undefined;
}

async function readHolder(lock: string): Promise<Holder | "gone"> {
  const text = await readFile(lock, "utf8").catch(() => undefined);
  if (text === undefined) return "gone";
  const pid = Number(text.split(" ")[0]);
  return { text, pid: Number.isInteger(pid) && pid > 0 ? pid : undefined };
}

async function isStale(lock: string, holder: Holder): Promise<boolean> {
  // Our own pid in a lock we did not write: a killed run's, whose pid this process reuses.
  if (holder.pid !== undefined) return holder.pid === process.pid || !isProcessAlive(holder.pid);
  const info = await stat(lock).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > UNREADABLE_STALE_MS;
}

async function releaseIfMine(lock: string, mine: string): Promise<void> {
  if ((await readFile(lock, "utf8").catch(() => undefined)) === mine) await rm(lock, { force: true });
}
