// Reads many git blobs through one `git cat-file --batch` process, streaming,
// so a commit of 200 files costs one process and never holds oversized blobs.

import { spawnGitWithInput } from "./git-process.js";
import { SourceError } from "./source-error.js";

export interface BlobRequest<T> {
  /** Object id (SHA-1 or SHA-256 hex); null: not to be read, handed back in its place as `not-read`. */
  oid: string | null;
  /** Carried through to the result. */
  tag: T;
}

export type BlobResult<T> =
  | { kind: "blob"; tag: T; content: Buffer }
  | { kind: "too-large"; tag: T; size: number }
  | { kind: "missing"; tag: T }
  | { kind: "not-read"; tag: T };

/**
 * Yields a result per request, in request order. `requests` may be a stream
 * (history: parsed from `git log` as it runs): they are written to cat-file as
 * they come, with backpressure, while its output is read, so neither the list
 * nor the blobs are ever held whole. Blobs larger than `maxSize` are skipped
 * inside the stream (their bytes are discarded as they arrive).
 */
export async function* readBlobs<T>(
  cwd: string,
  requests: Iterable<BlobRequest<T>> | AsyncIterable<BlobRequest<T>>,
  maxSize: number,
): AsyncGenerator<BlobResult<T>> {
  const child = spawnGitWithInput(["cat-file", "--batch"], cwd);
  const stdin = child.stdin;
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    if (stderr.length < 64 * 1024) stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on("error", (error) => reject(new SourceError("GIT_FAILED", cwd, `cannot run git: ${error.message}`)));
    child.on("close", (code) => resolve(code ?? 1));
  });
  exited.catch(() => undefined); // awaited below; a start failure also ends stdout
  stdin.on("error", () => {
    // git exiting early surfaces through `exited`; a broken pipe here adds nothing.
  });

  // Requests in flight, in order; one that is not read waits behind those before it.
  const queue: BlobRequest<T>[] = [];
  let written = 0;
  const writing = (async () => {
    for await (const request of requests) {
      queue.push(request);
      if (request.oid === null) continue;
      written++;
      if (!stdin.write(`${request.oid}\n`)) await new Promise((resolve) => stdin.once("drain", resolve));
    }
    stdin.end();
  })();
  // A failing request stream (git log stopped) ends cat-file too; the error is rethrown below.
  writing.catch(() => stdin.destroy());

  const parser = new BatchParser(maxSize);
  let read = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      for (const entry of parser.push(chunk)) {
        while (queue[0]?.oid === null) yield { kind: "not-read", tag: queue.shift()!.tag };
        const request = queue.shift();
        if (request === undefined) break;
        read++;
        yield toResult(entry, request.tag);
      }
    }
    await writing;
    for (const request of queue.splice(0)) {
      if (request.oid === null) yield { kind: "not-read", tag: request.tag };
    }
    const code = await exited;
    if (read < written) {
      throw new SourceError("GIT_FAILED", cwd, `git cat-file stopped early (exit ${code}): ${stderr.trim().split("\n")[0] ?? ""}`);
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

type BatchEntry = { kind: "blob"; content: Buffer } | { kind: "too-large"; size: number } | { kind: "missing" };

function toResult<T>(entry: BatchEntry, tag: T): BlobResult<T> {
  return { ...entry, tag } as BlobResult<T>;
}

/**
 * Incremental parser of `cat-file --batch` output: a header line
 * `<oid> <type> <size>` (or `<oid> missing`), then `size` bytes and a newline.
 */
class BatchParser {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current object still to come (content plus trailing newline). */
  private remaining = 0;
  private chunks: Buffer[] = [];
  private skipping = false;
  private size = 0;

  constructor(private readonly maxSize: number) {}

  *push(chunk: Buffer): Generator<BatchEntry> {
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, data.length);
        if (!this.skipping) this.chunks.push(data.subarray(0, take));
        this.remaining -= take;
        data = data.subarray(take);
        if (this.remaining === 0) {
          if (this.skipping) yield { kind: "too-large", size: this.size };
          else {
            const content = Buffer.concat(this.chunks);
            yield { kind: "blob", content: content.subarray(0, content.length - 1) };
          }
          this.chunks = [];
        }
        continue;
      }
      const newline = data.indexOf(10);
      if (newline < 0) {
        this.pending = Buffer.from(data);
        return;
      }
      const header = data.subarray(0, newline).toString("utf8");
      data = data.subarray(newline + 1);
      const parts = header.split(" ");
      if (parts[1] === "missing" || parts.length < 3) {
        yield { kind: "missing" };
        continue;
      }
      this.size = Number(parts[2]);
      this.skipping = this.size > this.maxSize;
      this.remaining = this.size + 1;
    }
  }
}
