// Timing groups of commands: a warm-up each, then interleaved rounds; medians,
// failures, and the check of a tool's findings against the planted tokens.

import { runOnce } from "./commands.mjs";
import { fmtMs, lastLine } from "./format.mjs";

export function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Why a run is not a success, or null: { kind: "timeout" | "failed", short, detail }.
 * `short` goes in the table, `detail` (the tool's last stderr line) under it.
 */
export function failureOf(entry, result) {
  if (result.timedOut) return { kind: "timeout", short: "timeout", detail: "" };
  if (result.spawnError) return { kind: "failed", short: "could not start", detail: result.spawnError.message };
  if (result.code === null) return { kind: "failed", short: `killed by ${result.signal}`, detail: lastLine(result.stderr) };
  if (!entry.okExitCodes.includes(result.code)) {
    return { kind: "failed", short: `exit ${result.code}`, detail: lastLine(result.stderr).slice(0, 300) };
  }
  return null;
}

export const describeFailure = (f) => (f.detail ? `${f.short}: ${f.detail}` : f.short);

/**
 * Compares findings with the planted (path, line) pairs; in a history scan the
 * plants also name the commit that introduced them, which must match too.
 */
export function verifyFindings(findings, manifest) {
  const plantKey = (p) => `${p.path}:${p.line}${p.commit ? `@${p.commit}` : ""}`;
  const findingKey = (f) => `${f.file}:${f.line}${f.commit ? `@${f.commit}` : ""}`;
  const plantedKeys = new Set(manifest.planted.map(plantKey));
  const foundKeys = new Set(findings.map(findingKey));
  const missed = manifest.planted.filter((p) => !foundKeys.has(plantKey(p)));
  const others = findings.filter((f) => !plantedKeys.has(findingKey(f)));
  return { planted: manifest.planted.length, found: manifest.planted.length - missed.length, missed, others, withCommits: manifest.planted.some((p) => p.commit) };
}

/**
 * Measures a list of entries { name, spec, okExitCodes, warmup?(result, state), collect?(result), beforeRun?(), afterRun?() }:
 * one warm-up each, then `runs` rounds each running every entry once (interleaved,
 * so a noisy neighbour slows all of them alike). beforeRun and afterRun, untimed,
 * surround each of the entry's runs, the warm-up included (e.g. changing files
 * before a cached rescan and putting them back for the other entries). Returns states
 * { entry, spec, times, rss, extras, status, notes, timeoutSeconds }.
 */
export async function measureRounds(entries, { runs, timeoutSeconds, rssMethod, scratch, indent = "  " }) {
  const runOpts = { timeoutMs: timeoutSeconds * 1000, rssMethod, scratch };
  const states = entries.map((entry) => ({ entry, spec: entry.spec, times: [], rss: [], extras: [], status: null, notes: [], timeoutSeconds }));
  const run = async (entry) => {
    await entry.beforeRun?.();
    try {
      return await runOnce(entry.spec, runOpts);
    } finally {
      await entry.afterRun?.();
    }
  };

  for (const state of states) {
    const result = await run(state.entry);
    state.status = failureOf(state.entry, result);
    if (state.status) {
      console.log(`${indent}warm-up ${state.entry.name}: ${describeFailure(state.status)}`);
      continue;
    }
    console.log(`${indent}warm-up ${state.entry.name}: ${fmtMs(result.ms)} ms${state.entry.timedWarmup ? " (timed)" : ""}`);
    state.entry.warmup?.(result, state);
    // A tool that takes minutes gains nothing from a warm page cache: its warm-up is its first timed run.
    if (state.entry.timedWarmup) {
      state.times.push(result.ms);
      if (result.rssKiB !== null) state.rss.push(result.rssKiB);
    }
  }

  for (let round = 1; round <= runs; round++) {
    const parts = [];
    for (const state of states) {
      if (state.status) continue;
      if (state.times.length >= (state.entry.runs ?? runs + (state.entry.timedWarmup ? 1 : 0))) continue;
      const result = await run(state.entry);
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
export const okMedian = (s) => (s && !s.status && s.times.length ? median(s.times) : null);

/**
 * One tree of the scan table: every tool, checked on its warm-up output (and on what
 * `collect` kept of each timed run, by `checkRuns`). A tool marked `unavailable` is
 * not run; its state says why.
 */
export async function measureTree(tree, manifest, stats, tools, options, ctx) {
  // Tools that do not apply to this tree (git stages in a plain tree) are left out of it altogether.
  tools = tools.filter((tool) => tool.appliesTo?.(tree) ?? true);
  const runnable = tools.filter((tool) => !tool.unavailable);
  const entries = runnable.map((tool) => ({
    name: tool.name,
    tool,
    spec: tool.command(tree),
    okExitCodes: tool.okExitCodes,
    // The other scanners take minutes a run: fewer runs, the first one timed.
    ...(tool.competitor ? { runs: options.competitorRuns, timedWarmup: true } : {}),
    beforeRun: tool.beforeRun && (() => tool.beforeRun(tree)),
    afterRun: tool.afterRun && (() => tool.afterRun(tree)),
    collect: tool.collect,
    warmup(result, state) {
      if (tool.parseFindings) {
        try {
          state.verify = verifyFindings(tool.parseFindings(result.stdout, tree), manifest);
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
      if (!state.unreadable) state.notes.push(...(tool.inform?.(result.stdout, manifest, stats) ?? []));
      tool.warmedUp?.(result.stdout, tree);
    },
  }));
  const measured = await measureRounds(entries, { runs: options.runs, timeoutSeconds: options.timeoutSeconds, rssMethod: ctx.rssMethod, scratch: ctx.scratch });
  const states = tools.map((tool) => {
    const state = measured.find((s) => s.entry.tool === tool);
    if (state) {
      state.tool = tool;
      if (tool.checkRuns && !state.status && state.extras.length) {
        const { notes, failure } = tool.checkRuns(state.extras, tree);
        state.notes.push(...notes);
        if (failure) {
          state.notes.push(failure);
          state.checkFailed = failure;
        }
      }
      return state;
    }
    return { tool, entry: { name: tool.name }, spec: null, times: [], rss: [], extras: [], notes: [], timeoutSeconds: options.timeoutSeconds, status: { kind: "unavailable", short: "not run", detail: tool.unavailable } };
  });
  // Each Node's floor: the faster of its read-all variants.
  for (const node of new Set(states.filter((s) => s.tool.floor).map((s) => s.tool.node))) {
    const floors = states.filter((s) => s.tool.floor && s.tool.node === node && okMedian(s) !== null && !s.checkFailed);
    const floor = floors.sort((a, b) => okMedian(a) - okMedian(b))[0];
    if (floor) floor.isFloor = true;
  }
  return states;
}
