// ESLint: the token-guard rule's share of lint time (TIMING=all and --stats) on a
// generated TypeScript tree, with exactly the config issue 3's users write.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { cleanEnv } from "./commands.mjs";
import { lastLine } from "./format.mjs";
import { measureRounds, verifyFindings } from "./measure.mjs";
import { normalizeFile } from "./tools.mjs";
import { REPO, TREES_DIR, prepareGenerated, sizeLabel, walkStats } from "./trees.mjs";

export const PLUGIN_ENTRY = path.join(REPO, "dist", "src", "index.js");
export const ESLINT_BIN = path.join(REPO, "node_modules", "eslint", "bin", "eslint.js");
const TG_RULE_PREFIX = "token-guard/";

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
export async function measureEslint(options, ctx) {
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

