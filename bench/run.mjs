#!/usr/bin/env node
// `npm run bench`: generates the synthetic tree, then measures token-guard and
// ripgrep side by side in one run (median wall time, files/s, MB/s, peak RSS,
// ratio to ripgrep), checks token-guard found the planted tokens, and writes
// the table with the machine's description to bench/RESULTS.md.
//
//   node bench/run.mjs [--files 10000] [--runs 5] [--timeout 300] [--seed 1]
//
// Trees and tools are plain lists (TREES, buildTools) so more rows slot in:
// a tool is { name, command(treeDir) -> { file, args, cwd, env? }, okExitCodes,
// parseFindings?(stdout) -> [{ file, line }], check?(stdout, manifest) -> string | null,
// baseline? }.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { BenchError, MANIFEST_NAME, generateTree } from "./generate-tree.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TREES_DIR = path.join(REPO, "bench", ".trees");
const RESULTS_PATH = path.join(REPO, "bench", "RESULTS.md");
const DEFAULT_BIN = "dist/src/cli/main.js";
const MiB = 1024 * 1024;

// ---------------------------------------------------------------------------
// Options

function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        files: { type: "string" },
        runs: { type: "string" },
        timeout: { type: "string" },
        seed: { type: "string" },
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
  return {
    help: v.help ?? false,
    files: int("files", v.files, 10000, 1),
    runs: int("runs", v.runs, 5, 1),
    timeoutSeconds: int("timeout", v.timeout, 300, 1),
    seed: int("seed", v.seed, 1, 0),
  };
}

const USAGE = "usage: node bench/run.mjs [--files 10000] [--runs 5] [--timeout 300] [--seed 1]\n" +
  "env: TOKEN_GUARD_BIN=path/to/main.js overrides the token-guard entry (default dist/src/cli/main.js)";

// ---------------------------------------------------------------------------
// Environment: token-guard entry, ripgrep, RSS measurement

/** The token-guard entry to run: $TOKEN_GUARD_BIN (resolved from the cwd) or the built CLI. */
function tokenGuardEntry() {
  const fromEnv = process.env.TOKEN_GUARD_BIN;
  const bin = fromEnv ? path.resolve(fromEnv) : path.join(REPO, DEFAULT_BIN);
  if (!fs.existsSync(bin)) {
    if (fromEnv) throw new BenchError(`TOKEN_GUARD_BIN points to ${bin}, which does not exist`);
    throw new BenchError(`${DEFAULT_BIN} is missing: run npm run build first`);
  }
  return { bin, overridden: Boolean(fromEnv) };
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

// ---------------------------------------------------------------------------
// Running one command

let currentChild = null;

/**
 * Runs a tool's command once. Resolves to
 * { ms, code, signal, timedOut, rssKiB, stdout, stderr, spawnError }.
 */
function runOnce(spec, { timeoutMs, rssMethod, scratch }) {
  return new Promise((resolve) => {
    const env = { ...process.env, ...spec.env };
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

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    if (currentChild) {
      try {
        process.kill(-currentChild.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    console.error(`\nbench: interrupted (${sig})`);
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------
// Trees and tools

function sizeLabel(n) {
  return n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

/** Counts the regular files and bytes under `dir`, leaving out the manifest at its root. */
function walkStats(dir) {
  let files = 0;
  let bytes = 0;
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile() && !(current === dir && entry.name === MANIFEST_NAME)) {
        files++;
        bytes += fs.statSync(full).size;
      }
    }
  }
  return { files, bytes };
}

/**
 * The trees to measure. Each: { name, dir, prepare() -> manifest }.
 * Issue 7 adds the 100k tree, a real tree and git-repository variants here.
 */
function buildTrees(options) {
  const name = `mixed-${sizeLabel(options.files)}`;
  const dir = path.join(TREES_DIR, name);
  return [
    {
      name,
      dir,
      prepare() {
        const params = { files: options.files, seed: options.seed, plants: 5 };
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
      },
    },
  ];
}

/** Findings' `file` as a POSIX path relative to the tree. */
function normalizeFile(file) {
  return String(file).replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

/**
 * The tools to measure, in table order. Issue 7 adds gitleaks (WASM build),
 * secretlint 12.0.0 and the Node read-every-file floor here.
 */
function buildTools({ tokenGuard, ripgrep }) {
  const tools = [
    {
      name: "token-guard",
      // GIT_CEILING_DIRECTORIES stops git discovery at bench/.trees, so the tree is scanned as the
      // plain directory it is, not as an ignored folder of the token-guard repository around it.
      command: (treeDir) => ({
        file: process.execPath,
        args: [tokenGuard.bin, "scan", ".", "--format", "json"],
        cwd: treeDir,
        env: { GIT_CEILING_DIRECTORIES: path.dirname(treeDir) },
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
      command: (treeDir) => ({ file: ripgrep.path, args: ["-i", "auth_token", path.relative(REPO, treeDir)], cwd: REPO }),
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
function failureOf(tool, result) {
  if (result.timedOut) return { kind: "timeout", short: "timeout", detail: "" };
  if (result.spawnError) return { kind: "failed", short: "could not start", detail: result.spawnError.message };
  if (result.code === null) return { kind: "failed", short: `killed by ${result.signal}`, detail: lastLine(result.stderr) };
  if (!tool.okExitCodes.includes(result.code)) {
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
 * Measures every tool on one tree: one warm-up each (whose output is checked),
 * then `runs` rounds, each running every tool once, so drift hits all tools alike.
 */
async function measureTree(tree, manifest, tools, options, ctx) {
  const timeoutMs = options.timeoutSeconds * 1000;
  const states = tools.map((tool) => ({ tool, spec: tool.command(tree.dir), times: [], rss: [], status: null, notes: [], verify: null }));
  const runOpts = { timeoutMs, rssMethod: ctx.rssMethod, scratch: ctx.scratch };

  for (const state of states) {
    const result = await runOnce(state.spec, runOpts);
    state.status = failureOf(state.tool, result);
    if (state.status) {
      console.log(`  warm-up ${state.tool.name}: ${describeFailure(state.status)}`);
      continue;
    }
    console.log(`  warm-up ${state.tool.name}: ${fmtMs(result.ms)} ms`);
    if (state.tool.parseFindings) {
      try {
        state.verify = verifyFindings(state.tool.parseFindings(result.stdout), manifest);
      } catch (error) {
        state.unreadable = `output could not be read as findings (${error.message.split("\n")[0]}): ${JSON.stringify(result.stdout.slice(0, 80))}`;
        state.notes.push(state.unreadable);
      }
    }
    const note = state.tool.check?.(result.stdout, manifest);
    if (note) state.notes.push(note);
  }

  for (let round = 1; round <= options.runs; round++) {
    const parts = [];
    for (const state of states) {
      if (state.status) continue;
      const result = await runOnce(state.spec, runOpts);
      const failure = failureOf(state.tool, result);
      if (failure) {
        state.status = failure;
        parts.push(`${state.tool.name} ${describeFailure(failure)}`);
        continue;
      }
      state.times.push(result.ms);
      if (result.rssKiB !== null) state.rss.push(result.rssKiB);
      parts.push(`${state.tool.name} ${fmtMs(result.ms)} ms`);
    }
    if (parts.length) console.log(`  round ${round}/${options.runs}: ${parts.join(", ")}`);
  }
  return states;
}

// ---------------------------------------------------------------------------
// Formatting

const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
const fmtMB = (bytes) => (bytes / MiB).toFixed(1);
const fmtMs = (ms) => (ms < 100 ? ms.toFixed(1) : fmtInt(ms));
const rel = (p) => path.relative(process.cwd(), p) || ".";

const COLUMNS = ["tree", "files", "MB", "tool", "median wall (ms)", "files/s", "MB/s", "peak RSS (MB)", "ratio to ripgrep"];
const RIGHT = new Set(["files", "MB", "median wall (ms)", "files/s", "MB/s", "peak RSS (MB)", "ratio to ripgrep"]);

function tableRows(measured) {
  const rows = [];
  for (const { tree, stats, states } of measured) {
    const base = states.find((s) => s.tool.baseline && !s.status && s.times.length);
    const baseMs = base ? median(base.times) : null;
    for (const s of states) {
      const row = { tree: tree.name, files: fmtInt(stats.files), MB: fmtMB(stats.bytes), tool: s.tool.name };
      if (s.status || !s.times.length) {
        const status = s.status?.kind === "timeout" ? `timeout (>${s.timeoutSeconds} s)` : `failed (${s.status?.short ?? "no runs"})`;
        Object.assign(row, { "median wall (ms)": status, "files/s": "–", "MB/s": "–", "peak RSS (MB)": "–", "ratio to ripgrep": "–" });
      } else {
        const ms = median(s.times);
        Object.assign(row, {
          "median wall (ms)": fmtMs(ms),
          "files/s": fmtInt(stats.files / (ms / 1000)),
          "MB/s": (stats.bytes / MiB / (ms / 1000)).toFixed(1),
          "peak RSS (MB)": s.rss.length ? ((Math.max(...s.rss) * 1024) / MiB).toFixed(1) : "n/a",
          "ratio to ripgrep": baseMs ? `${(ms / baseMs).toFixed(2)}×` : "n/a",
        });
      }
      rows.push(row);
    }
  }
  return rows;
}

/** A Markdown table, padded so it also reads well in a terminal. */
function renderTable(rows) {
  const widths = COLUMNS.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const cell = (c, v, i) => (RIGHT.has(c) ? String(v).padStart(widths[i]) : String(v).padEnd(widths[i]));
  const lines = [`| ${COLUMNS.map((c, i) => cell(c, c, i)).join(" | ")} |`];
  lines.push(`|${COLUMNS.map((c, i) => (RIGHT.has(c) ? "-".repeat(widths[i] + 1) + ":" : "-".repeat(widths[i] + 2))).join("|")}|`);
  for (const r of rows) lines.push(`| ${COLUMNS.map((c, i) => cell(c, r[c], i)).join(" | ")} |`);
  return lines.join("\n");
}

/** Correctness lines per tree and tool. */
function correctnessLines(measured) {
  const lines = [];
  for (const { tree, states } of measured) {
    for (const s of states) {
      if (s.verify) {
        const v = s.verify;
        const others = `${v.others.length} other finding${v.others.length === 1 ? "" : "s"}`;
        lines.push(`${tree.name} / ${s.tool.name}: found ${v.found} of ${v.planted} planted tokens; ${others}`);
        for (const m of v.missed) lines.push(`  missed ${m.path}:${m.line} (${m.form})`);
        for (const o of v.others.slice(0, 5)) lines.push(`  other ${o.file}:${o.line}`);
        if (v.others.length > 5) lines.push(`  … and ${v.others.length - 5} more`);
      }
      if (s.status) lines.push(`${tree.name} / ${s.tool.name}: ${describeFailure(s.status)}`);
      for (const note of s.notes) lines.push(`${tree.name} / ${s.tool.name}: ${note}`);
    }
  }
  return lines;
}

function shellQuote(word) {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command as one would type it from the repository root. */
function describeCommand(spec) {
  const file = spec.file === process.execPath ? "node" : path.basename(spec.file) === "rg" ? "rg" : spec.file;
  const env = Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`);
  const cmd = [...env, file, ...spec.args.map(shellQuote)].join(" ");
  const cwd = path.relative(REPO, spec.cwd);
  return cwd ? `(cd ${shellQuote(cwd)} && ${cmd})` : cmd;
}

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
  return {
    nproc: sh("nproc", []) ?? String(os.availableParallelism()),
    cpu,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: osName,
    node: process.version,
    rg: ripgrep ? ripgrep.version : "not available",
    commit: commit ? `${commit}${dirty ? " + uncommitted changes" : ""}` : "unknown",
  };
}

function renderResults({ table, measured, options, ctx, mach, startedAt }) {
  const tg = ctx.tokenGuard;
  const lines = [
    "# token-guard benchmark results",
    "",
    `Written by \`npm run bench\` (bench/run.mjs) on ${startedAt.toISOString()}; rerun it to update this file.`,
    "",
    table,
    "",
    "## Correctness (from each tool's warm-up run)",
    "",
    ...correctnessLines(measured).map((l) => (l.startsWith("  ") ? `  - ${l.trim()}` : `- ${l}`)),
    "",
    "## Machine",
    "",
    `- CPU: ${mach.cpu}, nproc ${mach.nproc}`,
    `- Memory: ${mach.memory}`,
    `- OS: ${mach.os}`,
    `- Node: ${mach.node}`,
    `- ripgrep: ${mach.rg}`,
    `- token-guard: commit ${mach.commit}, entry ${tg.overridden ? `${tg.bin} (TOKEN_GUARD_BIN)` : DEFAULT_BIN}`,
    "",
    "## Method",
    "",
    `- Per tree: one warm-up run per tool, then ${options.runs} rounds, each running every tool once; the table shows the median wall time (spawn to exit, including process start-up).`,
    `- Peak RSS: ${ctx.rssMethod.describe}; the table shows the highest of the timed runs.`,
    `- Each run is killed after ${options.timeoutSeconds} s and the tool is reported as "timeout".`,
    "- files and MB count the generated files (MB = 2^20 bytes), not the tree's .planted.json manifest.",
    `- Trees: \`node bench/generate-tree.mjs <dir> --files ${options.files} --seed ${options.seed}\` (deterministic).`,
    "",
    "## Commands",
    "",
    "```sh",
  ];
  for (const { states } of measured) for (const s of states) lines.push(describeCommand(s.spec));
  lines.push("```", "", "## Raw wall times (ms)", "");
  for (const { tree, states } of measured) {
    for (const s of states) {
      const times = s.times.map(fmtMs).join("; ");
      lines.push(`- ${tree.name} / ${s.tool.name}: ${[times, s.status?.short].filter(Boolean).join("; then ") || "no runs"}`);
    }
  }
  return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------------------

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const startedAt = new Date();
  const tokenGuard = tokenGuardEntry();
  if (tokenGuard.overridden) console.log(`token-guard entry: ${tokenGuard.bin} (from TOKEN_GUARD_BIN)`);
  const ripgrep = ensureRipgrep();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "token-guard-bench-"));
  try {
    const ctx = { tokenGuard, rssMethod: detectRssMethod(scratch), scratch };
    const tools = buildTools({ tokenGuard, ripgrep });
    const measured = [];
    for (const tree of buildTrees(options)) {
      const manifest = tree.prepare();
      const stats = walkStats(tree.dir);
      console.log(`measuring ${tree.name} (${options.runs} runs after a warm-up, timeout ${options.timeoutSeconds} s per run)`);
      const states = await measureTree(tree, manifest, tools, options, ctx);
      for (const s of states) s.timeoutSeconds = options.timeoutSeconds;
      measured.push({ tree, stats, states });
    }

    const table = renderTable(tableRows(measured));
    console.log("");
    console.log(table);
    console.log("");
    for (const line of correctnessLines(measured)) console.log(line);

    const mach = machine(ripgrep);
    fs.writeFileSync(RESULTS_PATH, renderResults({ table, measured, options, ctx, mach, startedAt }));
    console.log(`\nwrote ${rel(RESULTS_PATH)}`);

    // Failed runs and missed plants make the bench fail; timeouts are results.
    const problems = [];
    for (const { tree, states } of measured) {
      for (const s of states) {
        if (s.status?.kind === "failed") problems.push(`${s.tool.name} failed on ${tree.name} (${s.status.short})`);
        if (s.unreadable) problems.push(`${s.tool.name}: ${s.unreadable.split(" (")[0]} on ${tree.name}`);
        if (s.verify && s.verify.found < s.verify.planted) problems.push(`${s.tool.name} missed ${s.verify.planted - s.verify.found} of ${s.verify.planted} planted tokens on ${tree.name}`);
      }
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
