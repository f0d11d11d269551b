// The tools of the scan table: token-guard, ripgrep (the native floor) and the Node
// read-everything floor. A tool is
//   { name, command(tree) -> { file, args, cwd, env? }, okExitCodes,
//     parseFindings?(stdout, tree) -> [{ file, line, commit? }],
//     check?(stdout, manifest, stats) -> string | null   (a failed check fails the bench),
//     inform?(stdout, manifest, stats) -> string[]        (notes only),
//     subject?, cached?, baseline?, floor?, stage?, appliesTo?(tree), warmedUp?(stdout, tree), competitor?, unavailable?, node?,
//     beforeRun?(tree), afterRun?(tree), collect?(result), checkRuns?(extras, tree) -> { notes, failure? } }
// (`subject` marks token-guard's cold scan, whose ratios the targets judge, `cached` its warm
// `--cache` rescan (beforeRun and afterRun, untimed, change files around each of its runs;
// collect and checkRuns read its timed runs' output), `baseline` marks the row the "ratio to ripgrep" column divides by, `floor` the
// Node read-all variants, `stage` a floor of one of token-guard's stages (stageTools; not
// rows of the scan table), `appliesTo` the trees a tool runs on (all without it), `warmedUp`
// what to keep from its warm-up run, `competitor` another scanner whose misses are results, not
// failures, `unavailable` a reason the tool could not be run at all, and `node` the
// Node ({ label, path, … } of lib/node-versions.mjs) a Node-run row runs on: token-guard
// and the floor get one row per Node of `--node`).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { KEYWORD, MANIFEST_NAME } from "../generate-tree.mjs";
import { git, onInterrupt } from "./commands.mjs";
import { plural } from "./format.mjs";
import { CLEAN_LINE, REPO } from "./trees.mjs";

/** The token-guard entry, relative to the repository (or to the dist/ snapshot). */
export const DEFAULT_BIN = "dist/cli/main.js";
export const FLOOR_SCRIPT = path.join(REPO, "bench", "read-floor.mjs");
export const FLOOR_CONCURRENCY = 16;

/** Findings' `file` as a POSIX path relative to the tree. */
export function normalizeFile(file) {
  return String(file).replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

/** token-guard's JSON report: its findings (with the commit, in history scans) and its stats. */
export function readTokenGuardJson(stdout) {
  const data = JSON.parse(stdout);
  if (!Array.isArray(data?.findings)) throw new Error('the JSON has no "findings" array');
  const findings = data.findings.map((f) => ({ file: normalizeFile(f.file), line: f.line, ...(f.commit ? { commit: f.commit, removed: f.removed } : {}) }));
  return { findings, stats: data.stats ?? {} };
}

/** A Node-run tool's name with the Node it runs on. */
export const onNode = (name, node) => `${name} (${node.label})`;

/** `token-guard scan . --format json [...extraArgs]` in a plain tree or a git repository, on `node`. */
function tokenGuardCommand(tokenGuard, node, tree, extraArgs = []) {
  // Plain tree: GIT_CEILING_DIRECTORIES stops git discovery at bench/.trees, so the tree is
  // scanned as the plain directory it is, not as an ignored folder of the token-guard
  // repository around it. Git variant: nothing set, token-guard finds the tree's own .git.
  return {
    file: node.path,
    args: [tokenGuard.bin, "scan", ".", "--format", "json", ...extraArgs],
    cwd: tree.dir,
    env: tree.kind === "plain" ? { GIT_CEILING_DIRECTORIES: path.dirname(tree.dir) } : {},
  };
}

/** `token-guard scan . --format json` in a plain tree or a git repository, on `node`: the cold scan. */
export function tokenGuardTool(tokenGuard, node) {
  return {
    name: onNode("token-guard", node),
    subject: true,
    node,
    command: (tree) => tokenGuardCommand(tokenGuard, node, tree),
    okExitCodes: [0, 1],
    parseFindings: (stdout) => readTokenGuardJson(stdout).findings,
    // The ratios compare like with like only if token-guard listed every file the floor reads.
    inform(stdout, manifest, stats) {
      const listed = readTokenGuardJson(stdout).stats.filesListed;
      return listed === undefined || listed === stats.allFiles ? [] : [`listed ${listed} files; the tree has ${stats.allFiles} (manifest included), which the floor reads`];
    },
  };
}

/** How many files the warm `--cache` rescan changes before each run (issue 18: "after touching 20 files"). */
export const CACHE_CHANGED_FILES = 20;

/** `count` items spread evenly over `items`. */
export function spread(items, count) {
  const picked = [];
  for (let i = 0; i < count; i++) picked.push(items[Math.floor((i * items.length) / count)]);
  return picked;
}

/**
 * The warm rescan of issue 18 on `node`: `token-guard scan . --format json --cache
 * --cache-location <scratch>/cache-<tree>-<node>/`, on a generated tree (its
 * keywordFiles()). Before every run, the warm-up included and untimed, CACHE_CHANGED_FILES
 * files that hold the keyword (spread over them; JSON has no comment syntax) get a clean
 * comment line numbered by the run appended, so each run sees them with new content:
 * planted lines do not move and no auth_token line appears. The warm-up fills the cache;
 * each timed run is warm but for those files. After every run they are put back (and, in
 * a repository, git's index refreshed), so the other rows of the tree never see the change.
 */
export function cachedTokenGuardTool(tokenGuard, node, scratch) {
  const changes = new Map(); // tree name -> { files: [{ path, original }], runs, forget (undoes the Ctrl-C restore while changed) }
  const changesOf = (tree) => {
    if (!changes.has(tree.name)) {
      const editable = tree.keywordFiles().filter((p) => CLEAN_LINE[path.extname(p)]);
      const files = spread(editable, Math.min(CACHE_CHANGED_FILES, editable.length));
      changes.set(tree.name, { files: files.map((p) => ({ path: p, original: fs.readFileSync(path.join(tree.dir, p)) })), runs: 0, forget: null });
    }
    return changes.get(tree.name);
  };
  const restore = (tree) => {
    const change = changes.get(tree.name);
    for (const { path: p, original } of change.files) fs.writeFileSync(path.join(tree.dir, p), original);
    if (tree.kind === "git") git(["update-index", "-q", "--refresh"], tree.dir);
    change.forget?.();
    change.forget = null;
  };
  const cold = tokenGuardTool(tokenGuard, node);
  return {
    ...cold,
    name: onNode(`token-guard --cache, warm, ${CACHE_CHANGED_FILES} changed`, node),
    subject: false,
    cached: true,
    appliesTo: (tree) => typeof tree.keywordFiles === "function",
    command: (tree) => tokenGuardCommand(tokenGuard, node, tree, ["--cache", "--cache-location", path.join(scratch, `cache-${tree.name}-${node.label.replace(/\W+/g, "-")}`) + path.sep]),
    beforeRun(tree) {
      const change = changesOf(tree);
      change.runs++;
      change.forget = onInterrupt(() => restore(tree));
      for (const { path: p, original } of change.files) {
        fs.writeFileSync(path.join(tree.dir, p), Buffer.concat([original, Buffer.from(`${CLEAN_LINE[path.extname(p)]} ${change.runs}\n`)]));
      }
    },
    afterRun: restore,
    collect: (result) => readTokenGuardJson(result.stdout).stats.cache ?? null,
    // Warm means: every timed run missed the cache for at most the changed files.
    checkRuns(extras, tree) {
      const changed = changes.get(tree.name).files.length;
      const misses = extras.map((c) => c?.misses ?? null);
      const hits = extras.map((c) => c?.hits ?? null);
      const notes = [`timed runs after changing ${plural(changed, "file")} holding "${KEYWORD}": cache misses ${misses.join(", ")}; hits ${hits.join(", ")}`];
      if (changed < CACHE_CHANGED_FILES) notes.push(`the tree has only ${changed} files holding "${KEYWORD}" with comment syntax to change, not ${CACHE_CHANGED_FILES}`);
      if (misses.includes(null)) return { notes, failure: "its JSON stats have no cache figures: was --cache used?" };
      const notWarm = misses.filter((m) => m > changed);
      return { notes, failure: notWarm.length ? `${plural(notWarm.length, "timed run")} missed the cache for more than the ${changed} changed files: the rescan was not warm` : undefined };
    },
  };
}

/** `rg -i auth_token <tree>`: reads every byte once, on all cores. */
export function ripgrepTool(ripgrep) {
  return {
    name: "ripgrep",
    baseline: true,
    command: (tree) => ({ file: ripgrep.path, args: ["-i", "auth_token", path.relative(REPO, tree.dir)], cwd: REPO }),
    okExitCodes: [0, 1],
    // Guards against rg silently skipping the tree (hidden or ignored paths): it must print
    // exactly the lines the tree's maker counted with auth_token in them.
    check: (stdout, manifest) => {
      const lines = stdout === "" ? 0 : stdout.split("\n").filter(Boolean).length;
      const want = manifest.expect?.rgLines;
      return want === undefined || lines === want ? null : `printed ${lines} matching lines, the tree holds ${want}`;
    },
  };
}

/** The Node read-everything floor on `node`, both ways; the faster median is that Node's floor. */
export function floorTools(node) {
  return [
    ["sync", "sync loop"],
    ["async", `async, ${FLOOR_CONCURRENCY} in flight`],
  ].map(([mode, label]) => ({
    name: `Node read-all (${label}; ${node.label})`,
    floor: true,
    node,
    command: (tree) => ({
      file: node.path,
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
  }));
}

/**
 * The floors of token-guard's stages, timed in the same rounds so that a missed
 * target is explained by numbers: start-up (`node -e 0` on each Node); in a git
 * repository, the listing (`git ls-files`, tracked and untracked as token-guard
 * asks) and the candidate search (`git grep`, exactly as src/sources/git.ts runs
 * it), then reading just those candidates (read-floor.mjs --files-from, on each
 * Node). In a plain tree, listing and reading are the Node read-all floor.
 * `scratch` holds the search's pattern file and the candidates it found.
 */
// `keywords`: the built-in detector's required words (createDetection(builtinRules).requiredWords).
export function stageTools({ nodes, scratch, keywords = [KEYWORD] }) {
  const isGit = (tree) => tree.kind === "git";
  const patterns = path.join(scratch, "stage-search-patterns");
  // The keywords and the two UTF-16 byte-order marks, one pattern a line, as token-guard feeds git grep on stdin.
  const littleEndianMark = Buffer.from("\uFEFF", "utf16le");
  const lines = [...keywords.map((keyword) => Buffer.from(keyword)), littleEndianMark, Buffer.from(littleEndianMark).swap16()];
  fs.writeFileSync(patterns, Buffer.concat(lines.flatMap((line) => [line, Buffer.from("\n")])));
  const candidates = (tree) => path.join(scratch, `stage-candidates-${tree.name}`);
  const threads = String(Math.max(1, os.availableParallelism() - 1));
  return [
    ...nodes.map((node) => ({
      name: onNode("node -e 0", node),
      stage: "start-up",
      node,
      command: () => ({ file: node.path, args: ["-e", "0"], cwd: REPO }),
      okExitCodes: [0],
    })),
    {
      name: "git ls-files",
      stage: "listing",
      appliesTo: isGit,
      command: (tree) => ({ file: "git", args: ["-c", "core.fsmonitor=false", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd: tree.dir }),
      okExitCodes: [0],
    },
    {
      name: "git grep (candidates)",
      stage: "search",
      appliesTo: isGit,
      command: (tree) => ({
        file: "git",
        args: ["-c", "core.fsmonitor=false", "grep", "--threads", threads, "-l", "-z", "--no-color", "--full-name", "-F", "-i", "-f", patterns, "--", "."],
        cwd: tree.dir,
        env: { LC_ALL: "C" },
      }),
      okExitCodes: [0, 1],
      // It must find exactly the files the generator counted holding the keyword (the share the report gives).
      check: (stdout, manifest) => {
        const found = stdout.split("\0").filter((p) => p && p !== MANIFEST_NAME).length;
        const want = manifest.expect?.keywordFiles;
        return want === undefined || found === want ? null : `found ${found} candidate files, the tree has ${want} holding "${KEYWORD}"`;
      },
      // The reading floor reads what this search found.
      warmedUp: (stdout, tree) => fs.writeFileSync(candidates(tree), stdout),
    },
    ...nodes.map((node) => ({
      name: onNode("read the candidates", node),
      stage: "reading",
      node,
      appliesTo: isGit,
      command: (tree) => ({ file: node.path, args: [FLOOR_SCRIPT, tree.dir, "--mode", "sync", "--files-from", candidates(tree)], cwd: REPO }),
      okExitCodes: [0],
    })),
  ];
}

/**
 * token-guard on each Node (with `cache`, its warm `--cache` rescan on each Node too), ripgrep
 * (when there is one), the two Node floors on each Node, in table order, then the stage floors.
 */
export function standardTools({ tokenGuard, ripgrep, nodes, scratch, cache = false }) {
  return [
    ...nodes.map((node) => tokenGuardTool(tokenGuard, node)),
    ...(cache ? nodes.map((node) => cachedTokenGuardTool(tokenGuard, node, scratch)) : []),
    ...(ripgrep ? [ripgrepTool(ripgrep)] : []),
    ...nodes.flatMap(floorTools),
    ...stageTools({ nodes, scratch }),
  ];
}
