#!/usr/bin/env node
// `npm run bench`: measures, side by side in one run, and writes bench/RESULTS.md.
// Sections (all by default; --quick leaves out `large` and the other scanners):
//
//   scan     token-guard (cold, and a warm --cache rescan after changing 20 files) next to
//            ripgrep and the Node read-everything floor on two generated trees (mixed: ~5% of
//            files hold `token`; sparse: under 1%), each as a plain directory and committed
//            into a git repository, with gitleaks (WASM build) and secretlint on the mixed ones;
//   large    the same on 100,000 files (linear growth, peak RSS);
//   real     this repository's node_modules, copied as a plain directory;
//   bundle   1, 2 and 4 MiB single-line minified bundles (time linear in size);
//   history  `scan --history` on a 2,000-commit repository next to
//            `git log -p --all | rg -i auth_token`;
//   hook     `token-guard scan --staged` with 1, 20 and 200 staged files, next to
//            a bare `node -e 0` measured in the same rounds;
// token-guard, the Node floors and `node -e 0` run on each Node of --node (default
// 20 and 26, side by side; lib/node-versions.mjs), and the targets are judged on the newest.
//   eslint   the token-guard rule's share of ESLint's run time (TIMING=all).
//
// Every tree of the first five sections is a row group of one table (lib/report.mjs);
// trees are made by lib/trees.mjs and the section modules, tools are described in
// lib/tools.mjs, and lib/measure.mjs times them. See bench/README.md.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BenchError } from "./generate-tree.mjs";
import { bundleTrees } from "./lib/bundle.mjs";
import { NO_RSS, detectRssMethod, ensureRipgrep, interruptCleanup, runOnce } from "./lib/commands.mjs";
import { COMPETITORS, competitorTools } from "./lib/competitors.mjs";
import { measureEslint } from "./lib/eslint-share.mjs";
import { fmtLoad, lastLine, rel } from "./lib/format.mjs";
import { historyTools, historyTree } from "./lib/history.mjs";
import { measureHook } from "./lib/hook.mjs";
import { measureTree } from "./lib/measure.mjs";
import { DEFAULT_NODES, parseNodeList, resolveNode, targetNode } from "./lib/node-versions.mjs";
import { realTree } from "./lib/real-tree.mjs";
import { correctnessLines, machine, renderResults, renderTables } from "./lib/report.mjs";
import { DEFAULT_BIN, standardTools } from "./lib/tools.mjs";
import { REPO, generatedTrees } from "./lib/trees.mjs";

const RESULTS_PATH = path.join(REPO, "bench", "RESULTS.md");
const PLUGIN_ENTRY = path.join(REPO, "dist", "src", "index.js");
const SECTIONS = ["scan", "large", "real", "bundle", "history", "hook", "eslint"];
/** Sections of the scan table, which need ripgrep. */
const TABLE_SECTIONS = ["scan", "large", "real", "bundle", "history"];
const BUNDLE_MIB = [1, 2, 4];

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
        "large-files": { type: "string" },
        "history-commits": { type: "string" },
        runs: { type: "string" },
        timeout: { type: "string" },
        seed: { type: "string" },
        "eslint-files": { type: "string" },
        only: { type: "string" },
        competitors: { type: "string" },
        "competitor-runs": { type: "string" },
        node: { type: "string" },
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
  const list = (name, raw, known, fallback) => {
    if (raw === undefined) return fallback;
    if (name === "competitors" && raw.trim() === "none") return [];
    const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
    if (!items.length || items.some((s) => !known.includes(s))) {
      throw new BenchError(`--${name} takes a comma-separated list of ${known.join(", ")}${name === "competitors" ? ", or none" : ""}; got "${raw}"`);
    }
    return known.filter((s) => items.includes(s));
  };
  const quick = v.quick ?? false;
  return {
    help: v.help ?? false,
    quick,
    files: int("files", v.files, quick ? 2000 : 10000, 1),
    largeFiles: int("large-files", v["large-files"], 100000, 1),
    historyCommits: int("history-commits", v["history-commits"], 2000, 20),
    runs: int("runs", v.runs, quick ? 3 : 5, 1),
    competitorRuns: int("competitor-runs", v["competitor-runs"], 1, 1),
    timeoutSeconds: int("timeout", v.timeout, 300, 1),
    seed: int("seed", v.seed, 1, 0),
    eslintFiles: int("eslint-files", v["eslint-files"], 2000, 1),
    sections: list("only", v.only, SECTIONS, quick ? SECTIONS.filter((s) => s !== "large") : SECTIONS),
    competitors: list("competitors", v.competitors, COMPETITORS, quick ? [] : COMPETITORS),
    nodes: parseNodeList(v.node ?? DEFAULT_NODES),
  };
}

const USAGE = [
  "usage: node bench/run.mjs [--quick] [--files 10000] [--large-files 100000] [--history-commits 2000] [--runs 5] [--timeout 300]",
  "                          [--seed 1] [--eslint-files 2000] [--only scan,large,real,bundle,history,hook,eslint] [--competitors gitleaks,secretlint|none] [--competitor-runs 1]",
  "                          [--node 20,26]",
  "  --quick   2,000 files and 3 runs, without the large section and the other scanners (explicit options win)",
  "  --node    the Node versions token-guard and the Node floors run on, side by side (majors or exact versions; those other than the running Node",
  "            are installed from npm's node-<platform>-<arch> package into ~/.cache/token-guard-bench/node); targets are judged on the newest",
  "env: TOKEN_GUARD_BIN=path/to/main.js overrides the token-guard entry (default dist/cli/main.js); BENCH_RSS=proc polls /proc instead of GNU time;",
  "     BENCH_TOOLS_DIR=dir installs gitleaks and secretlint there (default ~/.cache/token-guard-bench/tools)",
].join("\n");

// ---------------------------------------------------------------------------
// The token-guard entry

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


// ---------------------------------------------------------------------------

/** The run's temp directory (dist/ snapshot, ESLint config, reports), removed on exit and on Ctrl-C. */
let scratchDir = null;

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    interruptCleanup();
    if (scratchDir) fs.rmSync(scratchDir, { recursive: true, force: true });
    console.error(`\nbench: interrupted (${sig})`);
    process.exit(130);
  });
}

/** What makes the bench exit 1: failed runs and checks, missed plants. Timeouts and other scanners' results are results. */
function problemsOf(report) {
  const problems = [];
  for (const { tree, states } of report.scan) {
    for (const s of states) {
      if (s.tool.competitor) continue;
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
  return problems;
}

async function main() {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const startedAt = new Date();
  const loads = [["start", os.loadavg()]];
  console.log(`load average at start: ${fmtLoad(os.loadavg())} (${os.availableParallelism()} CPUs); sections: ${options.sections.join(", ")}`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "token-guard-bench-"));
  scratchDir = scratch;
  try {
    const tokenGuard = await tokenGuardEntry(scratch);
    if (tokenGuard.overridden) console.log(`token-guard entry: ${tokenGuard.bin} (from TOKEN_GUARD_BIN)`);
    else console.log(`token-guard entry: a copy of dist/ (built ${tokenGuard.builtAt.toISOString()}), smoke-tested on examples/`);
    const has = (section) => options.sections.includes(section);
    const ripgrep = TABLE_SECTIONS.some(has) ? ensureRipgrep() : null;
    const nodes = options.nodes.map(resolveNode);
    const judgedOn = targetNode(nodes);
    console.log(`token-guard runs on ${nodes.map((n) => `${n.label} (${n.path})`).join(", ")}; targets judged on ${judgedOn.label}`);
    const ctx = { tokenGuard, rssMethod: detectRssMethod(scratch), scratch, nodes, judgedOn };
    const report = { argv, options, ctx, startedAt, loads, sections: options.sections, scan: [], hook: null, eslint: null, competitors: [] };
    const standard = standardTools({ tokenGuard, ripgrep, nodes, scratch });
    const [mainPlain, mainGit] = generatedTrees("mixed", options.files, options.seed);

    const measureSection = async (section, trees, tools) => {
      for (const tree of trees) {
        const manifest = tree.prepare();
        const stats = tree.stats();
        console.log(`measuring ${tree.label ?? tree.name} (${options.runs} runs after a warm-up, timeout ${options.timeoutSeconds} s per run)`);
        const states = await measureTree(tree, manifest, stats, tools, options, ctx);
        report.scan.push({ section, tree, stats, states });
      }
      loads.push([`after ${section}`, os.loadavg()]);
    };
    if (has("scan")) {
      report.competitors = options.competitors.length ? competitorTools(options.competitors, scratch) : [];
      // The other scanners take minutes a tree: on the main (mixed) trees only.
      const onMainTrees = report.competitors.map((tool) => ({ ...tool, appliesTo: (tree) => tree.flavour === "mixed" }));
      const withCache = standardTools({ tokenGuard, ripgrep, nodes, scratch, cache: true });
      await measureSection("scan", [mainPlain, mainGit, ...generatedTrees("sparse", options.files, options.seed)], [...withCache, ...onMainTrees]);
    }
    if (has("large")) await measureSection("large", generatedTrees("mixed", options.largeFiles, options.seed), standard);
    if (has("real")) await measureSection("real", [realTree(options.seed)], standard);
    if (has("bundle")) await measureSection("bundle", bundleTrees(BUNDLE_MIB, options.seed), standard);
    if (has("history")) await measureSection("history", [historyTree(options.historyCommits, options.seed)], historyTools({ tokenGuard, ripgrep, nodes }));
    if (has("hook")) {
      const manifest = mainGit.prepare();
      console.log(`measuring the pre-commit hook in ${mainGit.name} (${options.runs} runs after a warm-up per size)`);
      report.hook = await measureHook(mainGit, manifest, options, ctx);
      loads.push(["after hook", os.loadavg()]);
    }
    if (has("eslint")) {
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

    const problems = problemsOf(report);
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
