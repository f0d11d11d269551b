#!/usr/bin/env node
// The Node read-everything floor of issue 7: the least a Node program scanning a
// tree must do — list every file and read all of its bytes — and nothing more.
// `npm run bench` runs it in both modes and keeps the faster as the floor.
//
//   node bench/read-floor.mjs <dir> [--mode sync|async] [--concurrency 16] [--files-from list]
//
// --files-from: read only the files a NUL-separated list names (paths relative to
// <dir>, as `git grep -l -z` prints them) instead of listing the tree: the floor of
// token-guard's reading stage in a repository, where git picks the candidates.
// Listing: a readdirSync walk (withFileTypes, no stat per file), skipping `.git`
// directories (as token-guard does) and symlinks (not followed); regular files only.
// Reading, --mode sync: one file after another, openSync + readSync into one reused
//   1 MiB buffer until EOF + closeSync (faster here than readFileSync, which
//   allocates a buffer per file).
// Reading, --mode async: callback fs.readFile with at most --concurrency reads in
//   flight (libuv's thread pool, 4 threads by default, does the reads).
// Prints one JSON line: { mode, concurrency?, files, bytes }.

import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

function list(root) {
  const files = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== ".git") stack.push(path.join(dir, entry.name));
      } else if (entry.isFile()) {
        files.push(path.join(dir, entry.name));
      }
    }
  }
  return files;
}

/** open + read into one reused 1 MiB buffer until EOF + close: no allocation per file. */
function readSync(files) {
  const buffer = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  for (const file of files) {
    const fd = fs.openSync(file, "r");
    try {
      for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) bytes += n;
    } finally {
      fs.closeSync(fd);
    }
  }
  return bytes;
}

/** Callback fs.readFile (one fstat + one read per file), at most `concurrency` in flight. */
function readAsync(files, concurrency) {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let next = 0;
    let active = 0;
    let failed = false;
    const start = () => {
      while (!failed && active < concurrency && next < files.length) {
        active++;
        fs.readFile(files[next++], (error, data) => {
          active--;
          if (error) {
            failed = true;
            reject(error);
            return;
          }
          bytes += data.length;
          if (next < files.length) start();
          else if (active === 0) resolve(bytes);
        });
      }
      if (files.length === 0) resolve(0);
    };
    start();
  });
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { mode: { type: "string", default: "sync" }, concurrency: { type: "string", default: "16" }, "files-from": { type: "string" } },
  });
  const usage = "usage: node bench/read-floor.mjs <dir> [--mode sync|async] [--concurrency 16] [--files-from list]";
  if (positionals.length !== 1) throw new Error(usage);
  if (values.mode !== "sync" && values.mode !== "async") throw new Error(`--mode must be sync or async, got "${values.mode}"`);
  if (!/^[1-9]\d*$/.test(values.concurrency)) throw new Error(`--concurrency must be a positive integer, got "${values.concurrency}"`);
  const concurrency = Number(values.concurrency);
  const listed = values["files-from"];
  const files = listed === undefined ? list(positionals[0]) : fs.readFileSync(listed, "utf8").split("\0").filter(Boolean).map((name) => path.join(positionals[0], name));
  const bytes = values.mode === "sync" ? readSync(files) : await readAsync(files, concurrency);
  const report = { mode: values.mode, ...(values.mode === "async" ? { concurrency } : {}), files: files.length, bytes };
  process.stdout.write(JSON.stringify(report) + "\n");
}

main().catch((error) => {
  console.error(`read-floor: ${error.code === "ENOENT" ? `no such directory: ${error.path}` : error.message}`);
  process.exitCode = 2;
});
