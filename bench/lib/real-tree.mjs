// A real tree: this repository's node_modules, copied into bench/.trees as a plain
// directory, plus one planted file so a scanner's output can be checked.
//
// The copy holds exactly the files token-guard reads below a directory it is asked
// to scan: it leaves out what token-guard never reads (nested node_modules, dist,
// build and the other built-in skipped directories, lockfiles, files over the default
// --max-file-size, symlinks). Every tool then reads the same files, so the ratios
// compare reading speed, not skip lists; token-guard's own count of listed files is
// checked against the copy in every run.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BenchError, MANIFEST_NAME, createRng, fakeToken, readManifest } from "../generate-tree.mjs";
import { fmtMB, rel } from "./format.mjs";
import { REPO, TREES_DIR, benchTree, walkStats } from "./trees.mjs";

const GENERATOR = "bench/lib/real-tree.mjs";
const GENERATOR_HASH = crypto.createHash("sha256").update(fs.readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 16);
/** token-guard's built-in skips (src/sources/walk.ts) and its default --max-file-size (src/cli/options.ts). */
const SKIPPED_DIRECTORIES = new Set([".git", "node_modules", "dist", "build", "coverage", ".next", ".nuxt", "__pycache__", ".venv", "venv", ".tox"]);
const LOCKFILES = new Set(["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "composer.lock", "Pipfile.lock", "poetry.lock", "Cargo.lock", "Gemfile.lock", "go.sum", "bun.lockb"]);
const MAX_FILE_SIZE = 5_000_000;
const PLANT = {
  path: "token-guard-bench-plant/convoso-client.js",
  language: "js",
  form: "js-urlsearchparams",
  lines: [
    "// The one planted token of the bench's real tree.",
    "export function searchLeads(listId) {",
    '  const params = new URLSearchParams({ auth_token: "@TOKEN@", list_id: String(listId) });',
    '  return fetch("https://api.convoso.com/v1/leads/search", { method: "POST", body: params });',
    "}",
  ],
};

/** The files of `root` the copy keeps, sorted: [{ rel, abs, size }]. */
function listKept(root) {
  const kept = [];
  const walk = (dir, relDir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const relPath = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(abs, relPath);
      } else if (entry.isFile() && !LOCKFILES.has(entry.name)) {
        const size = fs.statSync(abs).size;
        if (size <= MAX_FILE_SIZE) kept.push({ rel: relPath, abs, size });
      }
    }
  };
  walk(root, "");
  return kept.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

/**
 * How many lines `rg -i auth_token` prints for the file, or null when that cannot be
 * known here: ripgrep skips hidden paths and stops at a binary file's first NUL byte.
 */
function rgLinesOf(relPath, buffer) {
  const text = buffer.toString("latin1").toLowerCase();
  if (!text.includes("auth_token")) return 0;
  if (relPath.split("/").some((part) => part.startsWith(".")) || buffer.includes(0)) return null;
  return text.split("\n").filter((line) => line.includes("auth_token")).length;
}

function copyTree(dir, kept, seed) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let rgLines = 0;
  let bytes = 0;
  const made = new Set();
  const write = (relPath, buffer) => {
    const parent = path.dirname(path.join(dir, relPath));
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    fs.writeFileSync(path.join(dir, relPath), buffer);
    bytes += buffer.length;
    const lines = rgLinesOf(relPath, buffer);
    rgLines = lines === null || rgLines === null ? null : rgLines + lines;
  };
  for (const file of kept) write(file.rel, fs.readFileSync(file.abs));
  const token = fakeToken(createRng(seed));
  const text = PLANT.lines.map((l) => l.replace("@TOKEN@", token)).join("\n") + "\n";
  write(PLANT.path, Buffer.from(text));
  const line = PLANT.lines.findIndex((l) => l.includes("@TOKEN@")) + 1;
  return { files: kept.length + 1, bytes, expect: rgLines === null ? {} : { rgLines }, planted: [{ path: PLANT.path, line, language: PLANT.language, form: PLANT.form }] };
}

/** Copies node_modules (what token-guard reads of it) into `dir` unless the copy there is current. */
function prepareRealTree(dir, sourceDir, seed) {
  if (!fs.existsSync(sourceDir)) throw new BenchError(`${rel(sourceDir)} is missing: run npm install (the real tree is a copy of it)`);
  const kept = listKept(sourceDir);
  const signature = crypto.createHash("sha256").update(kept.map((f) => `${f.rel}\0${f.size}\n`).join("")).digest("hex").slice(0, 16);
  const source = { dir: path.relative(REPO, sourceDir), signature, seed, generatorHash: GENERATOR_HASH };
  const existing = readManifest(dir);
  if (existing?.generator === GENERATOR && JSON.stringify(existing.source) === JSON.stringify(source)) {
    const stats = walkStats(dir);
    if (stats.files === existing.files && stats.bytes === existing.bytes) {
      console.log(`using ${rel(dir)}: ${existing.files} files, ${fmtMB(existing.bytes)} MB (a current copy of ${source.dir})`);
      return existing;
    }
  }
  if (fs.existsSync(dir) && existing?.generator !== GENERATOR && fs.readdirSync(dir).length > 0) {
    throw new BenchError(`${rel(dir)} exists and was not made by bench/run.mjs; remove it`);
  }
  const started = process.hrtime.bigint();
  const manifest = { generator: GENERATOR, source, ...copyTree(dir, kept, seed) };
  // Written last: its presence means the copy is complete.
  fs.writeFileSync(path.join(dir, MANIFEST_NAME), JSON.stringify(manifest, null, 2) + "\n");
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`copied ${source.dir} to ${rel(dir)}: ${manifest.files} files, ${fmtMB(manifest.bytes)} MB in ${seconds.toFixed(1)} s (token-guard's skipped directories, lockfiles and files over ${MAX_FILE_SIZE} bytes left out)`);
  return manifest;
}

/** The real tree of the scan table (a plain directory). */
export function realTree(seed) {
  const dir = path.join(TREES_DIR, "real-node-modules");
  return benchTree({ name: "real-node-modules", dir, kind: "plain", make: () => prepareRealTree(dir, path.join(REPO, "node_modules"), seed) });
}

export const REAL_TREE_SKIPS = { directories: [...SKIPPED_DIRECTORIES], lockfiles: [...LOCKFILES], maxFileSize: MAX_FILE_SIZE };
