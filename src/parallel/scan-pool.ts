// Runs the pure core on more than one core. The main thread keeps listing and
// reading (system calls), pool threads lex and match (the CPU work), so a large
// scan costs about the larger of the two instead of their sum.

import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type * as WorkerThreads from "node:worker_threads";
import type { Worker } from "node:worker_threads";
import type { Detection, DetectionInput } from "../detect/detection.js";
import { scanSource } from "../detect/scan-source.js";
import type { Finding, Source } from "../detect/types.js";
import type { ScanReply, ScanRequest } from "./messages.js";

/**
 * Sources scanned on the main thread before any thread is started: a hook run
 * or a small folder finishes before a thread would have loaded the core
 * (about 40 ms), and it never pays for one.
 */
export const INLINE_CANDIDATES = 12;

interface Pending {
  source: Source;
  resolve: (findings: Finding[]) => void;
  reject: (error: Error) => void;
}

interface PoolThread {
  worker: Worker;
  /** Characters of source text sent to it: sources go to the least loaded thread. */
  assigned: number;
  pending: Map<number, Pending>;
  alive: boolean;
}

// Beside this module both in dist/src/parallel/ and in the bundled CLI (dist/cli/, where it is an entry of its own).
const WORKER_FILE = fileURLToPath(new URL("./scan-worker.js", import.meta.url));

export class ScanPool {
  private readonly threads: PoolThread[] = [];
  private inlineCandidates = 0;
  private nextId = 0;
  private readonly threadCount: number;

  /**
   * @param detection the run's detection, for sources scanned inline
   * @param input what `detection` was built from; each thread rebuilds it
   * @param threads pool threads to use once the scan proves large; 0 scans everything inline
   */
  constructor(
    private readonly detection: Detection,
    private readonly input: DetectionInput,
    threads: number,
  ) {
    // Run from the TypeScript sources (tests), there is no compiled thread script: scan inline.
    this.threadCount = existsSync(WORKER_FILE) ? threads : 0;
  }

  /** The source's findings, exactly as `scanSource` gives them. */
  scan(source: Source): Promise<Finding[]> {
    // Most sources stop at the prefilter: not worth a copy to another thread.
    if (!this.detection.prefilter.test(source.text)) return Promise.resolve([]);
    if (this.threads.length === 0 && this.threadCount > 0 && ++this.inlineCandidates > INLINE_CANDIDATES) this.start();
    const thread = this.leastLoaded();
    if (thread === undefined) return Promise.resolve(scanSource(source, this.detection));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      thread.pending.set(id, { source, resolve, reject });
      thread.assigned += source.text.length;
      const request: ScanRequest = { id, source };
      thread.worker.postMessage(request);
    });
  }

  /** Starts the threads now, before the first candidate: a scan known to be large loads the core on them while the main thread lists and reads. */
  prestart(): void {
    if (this.threads.length === 0 && this.threadCount > 0) this.start();
  }

  /** How many threads were started (0 while the scan stays small, or without threads). */
  get startedThreads(): number {
    return this.threads.length;
  }

  /** Stops the threads; call once every `scan` promise has settled (or the run failed). */
  async close(): Promise<void> {
    await Promise.all(this.threads.map(({ worker }) => worker.terminate()));
  }

  private start(): void {
    // Loaded here, not at the top: most runs (the hook, small folders) never start a thread.
    const { Worker: ThreadWorker } = createRequire(import.meta.url)("node:worker_threads") as typeof WorkerThreads;
    for (let i = 0; i < this.threadCount; i++) {
      const thread: PoolThread = { worker: new ThreadWorker(WORKER_FILE, { workerData: this.input }), assigned: 0, pending: new Map(), alive: true };
      thread.worker.on("message", (reply: ScanReply) => this.settle(thread, reply));
      // A thread that cannot run (no memory for it, a broken install) costs
      // speed, not results: its sources are scanned here instead.
      thread.worker.on("error", () => this.retire(thread));
      thread.worker.on("exit", () => this.retire(thread));
      this.threads.push(thread);
    }
  }

  private leastLoaded(): PoolThread | undefined {
    let best: PoolThread | undefined;
    for (const thread of this.threads) if (thread.alive && (best === undefined || thread.assigned < best.assigned)) best = thread;
    return best;
  }

  private settle(thread: PoolThread, reply: ScanReply): void {
    const pending = thread.pending.get(reply.id);
    if (pending === undefined) return;
    thread.pending.delete(reply.id);
    if ("error" in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.findings);
  }

  private retire(thread: PoolThread): void {
    if (!thread.alive) return;
    thread.alive = false;
    for (const { source, resolve, reject } of thread.pending.values()) {
      try {
        resolve(scanSource(source, this.detection));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    thread.pending.clear();
  }
}
