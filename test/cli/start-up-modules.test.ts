// What a clean run loads: node:crypto (hashing: fingerprints, salts, blob ids)
// and node:worker_threads (scanning threads) are loaded on first use, so a scan
// that finds nothing in a few files pays for neither. The pre-commit run hashes
// (a staged file is read from the work tree when its blob id says it is the
// staged one: cheaper than starting git cat-file) but starts no threads.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { git, makeRepo, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

/** Preloaded into the CLI: prints the public built-in modules loaded by exit on stderr, one line. */
const REPORT_BUILTINS = `process.on("exit", () => process.stderr.write("builtins: " + process.moduleLoadList.filter((m) => m.startsWith("NativeModule ")).map((m) => m.slice(13)).join(" ") + "\\n"));`;

function builtinsLoaded(repo: string, args: string[]): { status: number; loaded: string[] } {
  const run = runCli(args, repo, { NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(REPORT_BUILTINS)}` });
  const line = run.stderr.split("\n").find((text) => text.startsWith("builtins: ")) ?? "";
  return { status: run.status, loaded: line.slice("builtins: ".length).split(" ") };
}

it("a clean scan loads neither node:crypto nor node:worker_threads; a finding loads node:crypto for its fingerprint; scan --staged starts no threads", () => {
  const repo = makeRepo({ "app.py": "import os\nauth_token = os.environ['CONVOSO_AUTH_TOKEN']\n", "README.md": "# app\n" });
  const clean = builtinsLoaded(repo, ["scan", "."]);
  expect(clean.status).toBe(0);
  // The probe works: modules every scan uses are listed.
  expect(clean.loaded).toContain("child_process");
  expect(clean.loaded).not.toContain("crypto");
  expect(clean.loaded).not.toContain("worker_threads");

  git(repo, "add", ".");
  const staged = builtinsLoaded(repo, ["scan", "--staged"]);
  expect(staged.status).toBe(0);
  expect(staged.loaded).not.toContain("worker_threads");
  for (const run of [clean, staged]) {
    // performance.now() would load perf_hooks; node:v8 is needed only where the optimizer flag exists (V8 11 and older).
    expect(run.loaded).not.toContain("perf_hooks");
    if (Number.parseInt(process.versions.v8, 10) > 11) expect(run.loaded).not.toContain("v8");
  }

  writeFileSync(join(repo, "leak.py"), `auth_token = "${fakeToken(700)}"\n`);
  const leaky = builtinsLoaded(repo, ["scan", "."]);
  expect(leaky.status).toBe(1);
  expect(leaky.loaded).toContain("crypto");
  expect(leaky.loaded).not.toContain("worker_threads");
});
