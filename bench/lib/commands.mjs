// Running commands for the bench: one timed run with its peak RSS and a timeout,
// git in the bench's own repositories, and finding or installing ripgrep.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BenchError } from "../generate-tree.mjs";
import { lastLine, rel } from "./format.mjs";

/** Variables that would point git (ours or token-guard's) at another repository or index. */
const GIT_LOCATION_VARS = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES", "GIT_PREFIX"];

export function findOnPath(name) {
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
export function ensureRipgrep() {
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
export function detectRssMethod(scratch) {
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
export const NO_RSS = { kind: "none", describe: "not measured" };

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
export function cleanEnv() {
  const env = { ...process.env };
  for (const name of GIT_LOCATION_VARS) delete env[name];
  return env;
}

// ---------------------------------------------------------------------------
// Running one command

let currentChild = null;
/** Undo actions registered by sections that leave a bench repository changed while they run. */
const cleanups = new Set();

/** Registers `undo` to run on Ctrl-C; returns the function that unregisters it. */
export function onInterrupt(undo) {
  cleanups.add(undo);
  return () => cleanups.delete(undo);
}

/** Ctrl-C: kills the running command's process group and runs the registered undo actions. */
export function interruptCleanup() {
  if (currentChild) {
    try {
      process.kill(-currentChild.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  for (const undo of cleanups) undo();
  cleanups.clear();
}

/**
 * Runs a command once. Resolves to
 * { ms, code, signal, timedOut, rssKiB, stdout, stderr, spawnError }.
 */
export function runOnce(spec, { timeoutMs, rssMethod, scratch }) {
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

/**
 * Runs git synchronously in one of the bench's own repositories (never in the
 * token-guard repository). Throws a one-line BenchError on failure.
 */
export function git(args, cwd, { input, env, timeoutMs = 600_000 } = {}) {
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

