// `token-guard scan --history` on a generated repository of 2,000 commits, next to
// `git log -p --all | rg -i auth_token`, the same floor idea as ripgrep on a tree.
//
// The repository is written with one `git fast-import` stream, so it is the same on
// every machine: a small generated tree (200 files, no plants) as the first commit,
// then commits that each append a clean line to one to three files, and a few that
// add a planted token to a file and, later, remove it again (so the token is only in
// history). The manifest names each plant's file, line and introducing commit.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BenchError, MANIFEST_NAME, createRng, fakeToken } from "../generate-tree.mjs";
import { git } from "./commands.mjs";
import { fmtInt, fmtMB, rel, shellQuote } from "./format.mjs";
import { onNode, readTokenGuardJson } from "./tools.mjs";
import { BENCH_COMMIT_ENV, CLEAN_LINE, GIT_MARKER, TREES_DIR, benchTree, prepareGenerated, sizeLabel } from "./trees.mjs";

const GENERATOR_HASH = crypto.createHash("sha256").update(fs.readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 16);
const BASE_FILES = 200;
/** When plants are added (as shares of the commits) and how long each stays before its removal. */
const PLANT_AT = [0.15, 0.4, 0.6, 0.8];
const PLANT_STAYS = 0.1;
/** One-line plants, by the extension of the file they go into. */
const PLANT_LINES = [
  { exts: [".ts", ".js", ".mjs"], language: "js", form: "const-literal", line: (t) => `const authToken = "${t}";` },
  { exts: [".py"], language: "py", form: "py-assign", line: (t) => `auth_token = "${t}"` },
  { exts: [".sh", ".bash"], language: "sh", form: "sh-curl-data", line: (t) => `curl -sS -X POST "https://api.convoso.com/v1/campaigns/search" -d "auth_token=${t}"` },
  { exts: [".yml", ".yaml"], language: "yaml", form: "yaml-key", line: (t) => `auth_token: "${t}"` },
];
const START_EPOCH = Date.parse(BENCH_COMMIT_ENV.GIT_COMMITTER_DATE) / 1000;
const IDENTITY = `${BENCH_COMMIT_ENV.GIT_COMMITTER_NAME} <${BENCH_COMMIT_ENV.GIT_COMMITTER_EMAIL}>`;

/** The base tree's files: path -> text, in path order. */
function readBase(dir) {
  const files = new Map();
  const walk = (current, prefix) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relPath = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(current, entry.name), relPath);
      else if (entry.isFile() && relPath !== MANIFEST_NAME) files.set(relPath, fs.readFileSync(path.join(current, entry.name), "utf8"));
    }
  };
  walk(dir, "");
  return files;
}

/** A `git fast-import` data block. */
const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;

/**
 * The fast-import stream of `commits` commits over `base`, and the plants it makes:
 * [{ path, line, mark, language, form }] (mark: the commit that adds the token).
 */
function historyStream(base, commits, seed) {
  const rng = createRng(seed);
  const files = new Map(base);
  const paths = [...files.keys()];
  if (paths.some((p) => !/^[\w./-]+$/.test(p))) throw new BenchError("the history base tree has a path fast-import would need quoted");
  const editable = paths.filter((p) => CLEAN_LINE[path.extname(p)]);
  const events = new Map();
  const plants = PLANT_AT.map((share, i) => {
    const kind = PLANT_LINES[i % PLANT_LINES.length];
    const candidates = editable.filter((p) => kind.exts.includes(path.extname(p)));
    if (!candidates.length) throw new BenchError(`the history base tree has no ${kind.exts.join("/")} file to plant in`);
    const plant = { path: rng.pick(candidates), text: kind.line(fakeToken(rng)), language: kind.language, form: kind.form };
    // The next commit from `n` with nothing planned (only very short histories need the search).
    const free = (n) => {
      while (events.has(n) && n < commits) n++;
      if (events.has(n)) throw new BenchError(`${commits} commits are too few for ${PLANT_AT.length} plants`);
      return n;
    };
    const addAt = free(Math.max(2, Math.round(commits * share)));
    events.set(addAt, { add: plant });
    events.set(free(Math.min(commits, addAt + Math.max(1, Math.round(commits * PLANT_STAYS)))), { remove: plant });
    return plant;
  });

  const out = [];
  const commit = (n, message, changed) => {
    const when = `${START_EPOCH + n * 3600} +0000`;
    out.push(`commit refs/heads/main\nmark :${n}\nauthor ${IDENTITY} ${when}\ncommitter ${IDENTITY} ${when}\n${data(message)}`);
    for (const p of changed) out.push(`M 100644 inline ${p}\n${data(files.get(p))}`);
    out.push("\n");
  };
  commit(1, "bench history: base tree", paths);
  for (let n = 2; n <= commits; n++) {
    const event = events.get(n);
    if (event?.add) {
      const text = files.get(event.add.path);
      event.add.line = text.split("\n").length; // the new last line (the text ends with a newline)
      event.add.mark = n;
      files.set(event.add.path, `${text}${event.add.text}\n`);
      commit(n, `bench history: settings for ${event.add.path}`, [event.add.path]);
    } else if (event?.remove) {
      files.set(event.remove.path, files.get(event.remove.path).replace(`${event.remove.text}\n`, ""));
      commit(n, `bench history: move the value of ${event.remove.path} to the environment`, [event.remove.path]);
    } else {
      const changed = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(editable)))];
      for (const p of changed) files.set(p, `${files.get(p)}${CLEAN_LINE[path.extname(p)]} ${n}\n`);
      commit(n, `bench history: change ${n}`, changed);
    }
  }
  return { stream: out.join(""), plants };
}

/** Makes (or reuses) the repository; returns its manifest. */
function prepareHistoryRepo(dir, { commits, seed }) {
  const baseDir = path.join(TREES_DIR, `history-base-${BASE_FILES}`);
  const baseManifest = prepareGenerated(baseDir, { files: BASE_FILES, seed, plants: 0 });
  const source = { commits, seed, generatorHash: GENERATOR_HASH, base: { generatorHash: baseManifest.generatorHash, bytes: baseManifest.bytes } };
  let marker = null;
  try {
    marker = JSON.parse(fs.readFileSync(path.join(dir, GIT_MARKER), "utf8"));
  } catch {
    // none
  }
  if (marker && JSON.stringify(marker.source) === JSON.stringify(source)) {
    try {
      if (git(["rev-parse", "HEAD"], dir).trim() === marker.head) {
        git(["reset", "-q", "--hard"], dir);
        git(["clean", "-q", "-fdx"], dir);
        console.log(`using ${rel(dir)}: ${fmtInt(commits)} commits, ${fmtInt(marker.manifest.files)} blobs (already made)`);
        return marker.manifest;
      }
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
    }
  }
  if (fs.existsSync(dir) && !marker && fs.readdirSync(dir).length > 0) throw new BenchError(`${rel(dir)} exists and was not made by bench/run.mjs; remove it`);

  const started = process.hrtime.bigint();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  git(["init", "-q", "-b", "main"], dir);
  const { stream, plants } = historyStream(readBase(baseDir), commits, seed);
  const marksFile = path.join(dir, ".git", "bench-marks");
  git(["fast-import", "--quiet", `--export-marks=${marksFile}`], dir, { input: stream });
  // Only now: with gc.auto 0 set, fast-import itself runs several times slower (git 2.39).
  for (const [key, value] of [["gc.auto", "0"], ["core.autocrlf", "false"]]) git(["config", key, value], dir);
  git(["reset", "-q", "--hard", "main"], dir);
  const marks = new Map(fs.readFileSync(marksFile, "utf8").trim().split("\n").map((l) => l.slice(1).split(" ")).map(([m, sha]) => [Number(m), sha]));
  fs.rmSync(marksFile);
  let blobs = 0;
  let bytes = 0;
  for (const line of git(["cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectsize)"], dir).split("\n")) {
    const [type, size] = line.split(" ");
    if (type === "blob") {
      blobs++;
      bytes += Number(size);
    }
  }
  const manifest = {
    generator: "bench/lib/history.mjs",
    commits,
    files: blobs,
    bytes,
    // Each plant shows as an added and a removed line in `git log -p`, besides the base tree's mentions.
    expect: { minRgLines: 2 * plants.length },
    planted: plants.map((p) => ({ path: p.path, line: p.line, commit: marks.get(p.mark), language: p.language, form: p.form })),
  };
  const head = git(["rev-parse", "HEAD"], dir).trim();
  fs.writeFileSync(path.join(dir, GIT_MARKER), JSON.stringify({ source, head, manifest }, null, 2) + "\n");
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`made ${rel(dir)}: ${fmtInt(commits)} commits, ${fmtInt(blobs)} blobs (${fmtMB(bytes)} MB) with git fast-import in ${seconds.toFixed(1)} s`);
  return manifest;
}

/** The history repository of the scan table: files and MB are its blobs. */
export function historyTree(commits, seed) {
  const name = `history-${sizeLabel(commits)}`;
  const dir = path.join(TREES_DIR, name);
  return benchTree({
    name,
    label: `${name} (${fmtInt(commits)} commits)`,
    dir,
    kind: "history",
    commits,
    make: () => prepareHistoryRepo(dir, { commits, seed }),
    stats() {
      const m = this.prepare();
      return { files: m.files, bytes: m.bytes, allFiles: m.files, allBytes: m.bytes };
    },
  });
}

/** `token-guard scan --history` and the `git log -p --all | rg -i auth_token` floor. */
export function historyTools({ tokenGuard, ripgrep, nodes }) {
  const tools = nodes.map((node) => ({
    name: onNode("token-guard scan --history", node),
    subject: true,
    node,
    command: (tree) => ({ file: node.path, args: [tokenGuard.bin, "scan", "--history", "--format", "json"], cwd: tree.dir }),
    okExitCodes: [0, 1],
    parseFindings: (stdout) => readTokenGuardJson(stdout).findings,
    // Every plant was removed again: history findings should say so.
    inform(stdout, manifest) {
      const { findings, stats } = readTokenGuardJson(stdout);
      const commits = new Set(manifest.planted.map((p) => p.commit));
      const notRemoved = findings.filter((f) => commits.has(f.commit) && f.removed !== true).length;
      return [`listed ${stats.filesListed ?? "?"} blobs (the repository has ${manifest.files})`, ...(notRemoved ? [`${notRemoved} planted findings not marked removed`] : [])];
    },
  }));
  if (ripgrep) {
    tools.push({
      name: "git log -p --all | rg -i auth_token",
      baseline: true,
      command: (tree) => ({ file: "/bin/sh", args: ["-c", `git --no-pager log -p --all | ${shellQuote(ripgrep.path)} -i auth_token`], cwd: tree.dir }),
      okExitCodes: [0],
      check: (stdout, manifest) => {
        const lines = stdout.split("\n").filter(Boolean).length;
        return lines >= manifest.expect.minRgLines ? null : `printed ${lines} matching lines, the plants alone add and remove ${manifest.expect.minRgLines}`;
      },
    });
  }
  return tools;
}
