import { execFileSync } from "node:child_process";
import type * as Fs from "node:fs";
import { openSync, truncateSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeywordSieve } from "../../src/sources/keyword-sieve.js";
import { BINARY_SNIFF_BYTES, FIRST_READ_BYTES, readSource, readSources, type ReadResult } from "../../src/sources/read-source.js";
import type { WalkedFile } from "../../src/sources/walk.js";
import { listFiles } from "../../src/sources/walk.js";
import { commitAll, initRepo, makeTempDir, removeDir } from "./helpers.js";

// `openSync` is wrapped (still the real one) so tests can prove a file was never
// opened, and can inject errors a root user would never see (EACCES).
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof Fs>();
  return { ...actual, openSync: vi.fn(actual.openSync) };
});

const MB = 1024 * 1024;
let dir = "";

beforeEach(async () => {
  dir = await makeTempDir();
  vi.mocked(openSync).mockClear();
});
afterEach(async () => {
  vi.mocked(openSync).mockClear();
  await removeDir(dir);
});

async function put(name: string, content: string | Buffer): Promise<WalkedFile> {
  const absolutePath = path.join(dir, name);
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, content);
  return { path: name, absolutePath };
}

function fileAt(name: string): WalkedFile {
  return { path: name, absolutePath: path.join(dir, name) };
}

function openedPaths(): string[] {
  return vi.mocked(openSync).mock.calls.map(([file]) => String(file));
}

describe("readSource", () => {
  it("reads a text file into a Source with its path", async () => {
    const file = await put("src/a.ts", 'const authToken = "x";\r\n');
    expect(await readSource(file, 5 * MB)).toEqual({
      kind: "source",
      source: { path: "src/a.ts", text: 'const authToken = "x";\r\n' },
      size: 24,
    });
  });

  it("keeps a UTF-8 BOM as U+FEFF so offsets match the file", async () => {
    const file = await put("bom.py", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("x = 1\n")]));
    const result = await readSource(file, MB);
    expect(result.kind === "source" && result.source.text).toBe("\uFEFFx = 1\n");
  });

  it("reads an empty file as empty text", async () => {
    const file = await put("empty.sh", "");
    expect(await readSource(file, MB)).toMatchObject({ kind: "source", source: { text: "" }, size: 0 });
  });

  it("decodes invalid UTF-8 to U+FFFD without throwing", async () => {
    const file = await put("bad.php", Buffer.from([0x61, 0xff, 0xfe, 0x62, 0xc3, 0x28, 0x0a]));
    const result = await readSource(file, MB);
    expect(result.kind).toBe("source");
    if (result.kind !== "source") return;
    expect(result.source.text).toBe("a\uFFFD\uFFFDb\uFFFD(\n");
  });

  it("skips a file with a NUL byte in its first 8,000 bytes as binary", async () => {
    const early = await put("image.png", Buffer.concat([Buffer.from("\x89PNG\r\n"), Buffer.from([0, 0, 0, 13])]));
    expect(await readSource(early, MB)).toMatchObject({ kind: "skipped", path: "image.png", reason: "binary" });
    const late = await put("late-nul.txt", Buffer.concat([Buffer.alloc(BINARY_SNIFF_BYTES, 0x61), Buffer.from([0])]));
    expect((await readSource(late, MB)).kind).toBe("source");
  });

  it("decodes UTF-16 LE and BE (byte-order mark) and says so, keeping the mark as U+FEFF", async () => {
    const little = await put("utf16le.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("日本\r\n", "utf16le")]));
    expect(await readSource(little, MB)).toMatchObject({ kind: "source", source: { text: "\uFEFF日本\r\n", encoding: "utf-16le" } });
    const big = await put("utf16be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("ab", "utf16le").swap16()]));
    expect(await readSource(big, MB)).toMatchObject({ kind: "source", source: { text: "\uFEFFab", encoding: "utf-16be" } });
  });

  it("sieves UTF-16 text by its decoded words, and keeps UTF-32 binary", async () => {
    const sieve = new KeywordSieve(["auth_token"]);
    const wide = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect((await readSource(await put("a.ps1", wide("$auth_token = 1\n")), MB, sieve)).kind).toBe("source");
    expect((await readSource(await put("b.ps1", wide("nothing here\n")), MB, sieve)).kind).toBe("keyword-free");
    const utf32 = await put("c.txt", Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]));
    expect(await readSource(utf32, MB)).toMatchObject({ kind: "skipped", reason: "binary" });
  });

  it("skips a file over the size limit without opening it", async () => {
    const file = await put("big.min.js", Buffer.alloc(2048, 0x61));
    expect(await readSource(file, 2047)).toEqual({ kind: "skipped", path: "big.min.js", reason: "too-large", size: 2048 });
    expect(openedPaths()).not.toContain(file.absolutePath);
    expect((await readSource(file, 2048)).kind).toBe("source");
  });

  it("reads a file larger than the first read whole, byte for byte", async () => {
    const bytes = Buffer.from(Array.from({ length: FIRST_READ_BYTES * 3 + 17 }, (_, i) => 0x21 + (i % 90)));
    const file = await put("long.js", bytes);
    const result = readSource({ ...file, regularFile: true }, MB);
    expect(result.kind === "source" && result.source.text).toBe(bytes.toString("latin1"));
    // The shared buffer is reused: a short file after a long one holds only its own bytes.
    const short = await put("short.js", "abc");
    expect(readSource({ ...short, regularFile: true }, MB)).toMatchObject({ kind: "source", source: { text: "abc" }, size: 3 });
  });

  it("tells a walked file over the limit from its size, reading no more than the first read", async () => {
    const file = await put("sparse.bin", "");
    truncateSync(file.absolutePath, 64 * MB);
    expect(readSource({ ...file, regularFile: true }, MB)).toEqual({ kind: "skipped", path: "sparse.bin", reason: "too-large", size: 64 * MB });
    const exact = await put("exact.txt", Buffer.alloc(2048, 0x61));
    expect(readSource({ ...exact, regularFile: true }, 2047)).toMatchObject({ reason: "too-large", size: 2048 });
    expect(readSource({ ...exact, regularFile: true }, 2048)).toMatchObject({ kind: "source", size: 2048 });
  });

  it("reports a FIFO swapped in after the walk as not-a-file, without blocking", async () => {
    const fifo = fileAt("swapped");
    execFileSync("mkfifo", [fifo.absolutePath]);
    expect(readSource({ ...fifo, regularFile: true }, MB)).toEqual({ kind: "skipped", path: "swapped", reason: "not-a-file" });
  });

  it("with a keyword sieve, leaves files without a required word undecoded", async () => {
    const sieve = new KeywordSieve(["token"]);
    const plain = await put("a.py", "x = 1\n");
    expect(readSource(plain, MB, sieve)).toEqual({ kind: "keyword-free", path: "a.py", size: 6 });
    for (const spelling of ["auth_token", "AUTH_TOKEN", "authToken", "AuTh_ToKeN"]) {
      const file = await put("b.py", `é ${spelling} = 1\n`);
      expect(readSource(file, MB, sieve)).toMatchObject({ kind: "source", source: { text: `é ${spelling} = 1\n` } });
    }
    // A binary file is still reported as binary, whatever it holds.
    const binary = await put("c.bin", Buffer.from([0x74, 0x6f, 0x6b, 0x65, 0x6e, 0]));
    expect(readSource(binary, MB, sieve)).toMatchObject({ kind: "skipped", reason: "binary" });
  });

  it("skips a FIFO as not-a-file without opening it or blocking", async () => {
    const fifo = fileAt("pipe");
    execFileSync("mkfifo", [fifo.absolutePath]);
    expect(await readSource(fifo, MB)).toEqual({ kind: "skipped", path: "pipe", reason: "not-a-file" });
    expect(openedPaths()).not.toContain(fifo.absolutePath);
  });

  it("skips a symlink to a file as not-a-file without reading its target", async () => {
    const target = await put("target.ts", "secret");
    await symlink(target.absolutePath, path.join(dir, "link.ts"));
    expect(await readSource(fileAt("link.ts"), MB)).toEqual({ kind: "skipped", path: "link.ts", reason: "not-a-file" });
    expect(openedPaths()).toEqual([]);
  });

  it("skips a directory (e.g. a submodule listed by git) as not-a-file", async () => {
    await mkdir(path.join(dir, "submodule"));
    expect(await readSource(fileAt("submodule"), MB)).toMatchObject({ reason: "not-a-file" });
  });

  it("reports a file deleted between listing and reading as vanished", async () => {
    initRepo(dir);
    await put("kept.ts", "a");
    await put("deleted.ts", "b");
    commitAll(dir);
    await rm(path.join(dir, "deleted.ts"));
    await put("listed-then-deleted.ts", "c");
    const listing = await listFiles({ cwd: dir, paths: ["."], ignore: [] });
    await rm(path.join(dir, "listed-then-deleted.ts"));
    const results: ReadResult[] = [];
    for await (const result of readSources(listing.files, MB)) results.push(result);
    expect(results).toEqual([
      { kind: "skipped", path: "deleted.ts", reason: "vanished" },
      { kind: "source", source: { path: "kept.ts", text: "a" }, size: 1 },
      { kind: "skipped", path: "listed-then-deleted.ts", reason: "vanished" },
    ]);
  });

  it("reports a permission error as unreadable with its code", async () => {
    const file = await put("locked.ts", "x");
    const denied = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    vi.mocked(openSync).mockImplementationOnce(() => {
      throw denied;
    });
    expect(await readSource(file, MB)).toEqual({ kind: "skipped", path: "locked.ts", reason: "unreadable", code: "EACCES" });
  });

  it.skipIf(process.getuid?.() === 0)("reports a real chmod 000 file as unreadable", async () => {
    const file = await put("mode000.ts", "x");
    execFileSync("chmod", ["000", file.absolutePath]);
    expect(await readSource(file, MB)).toMatchObject({ reason: "unreadable", code: "EACCES" });
  });
});

describe("readSources", () => {
  it("yields results in input order, skipping along the way", async () => {
    const files: WalkedFile[] = [];
    for (let i = 0; i < 40; i++) {
      const size = i % 7 === 0 ? 300_000 : (i * 37) % 1000;
      files.push(await put(`f${String(i).padStart(2, "0")}.txt`, i % 10 === 3 ? Buffer.from([0]) : "x".repeat(size)));
    }
    const seen: string[] = [];
    for (const result of readSources(files, 200_000)) {
      seen.push(result.kind === "source" ? result.source.path : result.kind === "skipped" ? `${result.path}:${result.reason}` : result.path);
    }
    expect(seen).toEqual(
      files.map((f, i) => (i % 10 === 3 ? `${f.path}:binary` : i % 7 === 0 ? `${f.path}:too-large` : f.path)),
    );
  });

  it("consumes the input lazily: one file per result", async () => {
    for (let i = 0; i < 20; i++) await put(`f${i}.txt`, `file ${i}`);
    let pulled = 0;
    function* lazy(): Generator<WalkedFile> {
      for (let i = 0; i < 20; i++) {
        pulled++;
        yield fileAt(`f${i}.txt`);
      }
    }
    const iterator = readSources(lazy(), MB);
    expect(iterator.next().value).toMatchObject({ kind: "source", source: { path: "f0.txt", text: "file 0" } });
    expect(pulled).toBe(1);
    iterator.return(undefined);
    expect(pulled).toBe(1);
  });

  it("yields nothing for no files", async () => {
    const results: ReadResult[] = [];
    for await (const result of readSources([], MB)) results.push(result);
    expect(results).toEqual([]);
  });
});

describe("reading a walked tree", () => {
  it("lists and reads without touching a FIFO or a symlink in the tree", async () => {
    await put("a.ts", "const a = 1;");
    execFileSync("mkfifo", [path.join(dir, "pipe")]);
    await symlink(path.join(dir, "a.ts"), path.join(dir, "link.ts"));
    const listing = await listFiles({ cwd: dir, paths: [".", "pipe", "link.ts"], ignore: [] });
    expect(listing.files.map((f) => f.path)).toEqual(["a.ts", "link.ts", "pipe"]);
    const results: ReadResult[] = [];
    for await (const result of readSources(listing.files, MB)) results.push(result);
    expect(results.map((r) => (r.kind === "source" ? r.source.path : r.kind === "skipped" ? `${r.path}:${r.reason}` : r.path))).toEqual([
      "a.ts",
      "link.ts:not-a-file",
      "pipe:not-a-file",
    ]);
    expect(openedPaths()).toEqual([path.join(dir, "a.ts")]);
  });
});
