// Scanning on several threads must change nothing but the speed: the same
// findings in the same order through every door, whatever the thread count.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type * as CatalogModule from "../../src/catalog.js";
import type * as PoolModule from "../../src/parallel/scan-pool.js";
import { CLI, git, makeRepo, makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

/** Built modules: the pool needs the compiled thread script beside it. */
const { ScanPool, INLINE_CANDIDATES } = (await import(new URL("../../dist/src/parallel/scan-pool.js", import.meta.url).href)) as typeof PoolModule;
const { builtinRules, defaultDetection } = (await import(new URL("../../dist/src/catalog.js", import.meta.url).href)) as typeof CatalogModule;

const LANGUAGES: ((token: string) => [string, string])[] = [
  (t) => ["client.ts", `export const authToken = "${t}";\n`],
  (t) => ["sync.py", `import requests\nrequests.post(URL, data={"auth_token": "${t}"})\n`],
  (t) => ["page.php", `<?php\n$auth_token = '${t}';\n`],
  (t) => ["run.sh", `curl -d "auth_token=${t}" https://api.convoso.com/v1/x\n`],
  (t) => ["README.md", `# API\n\n\`\`\`bash\ncurl "https://api.convoso.com/v1/x?auth_token=${t}"\n\`\`\`\n`],
  (t) => ["setup.ps1", `$env:CONVOSO_AUTH_TOKEN = "${t}"\n`],
];

/** 5 folders × 6 languages with a token each, and as many clean files that mention the key. */
function leakyFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  let seed = 0;
  for (let folder = 0; folder < 5; folder++) {
    for (const make of LANGUAGES) {
      const [name, text] = make(fakeToken(++seed));
      files[`m${folder}/${name}`] = text;
      files[`m${folder}/clean-${name}`] = `// reads auth_token from the environment: CONVOSO_AUTH_TOKEN\n`;
    }
  }
  return files;
}

function findingsWith(threads: string, cwd: string, ...args: string[]): { status: number; findings: unknown[] } {
  const result = runCli(["scan", ...args, "--format", "json", "--threads", threads], cwd);
  expect(result.stderr).toBe("");
  return { status: result.status, findings: (JSON.parse(result.stdout) as { findings: unknown[] }).findings };
}

describe("--threads", () => {
  it("reports the same findings in the same order with 0, 1 and 2 threads (file walk)", () => {
    const dir = makeTree(leakyFiles());
    const inline = findingsWith("0", dir);
    expect(inline.status).toBe(1);
    expect(inline.findings).toHaveLength(30);
    expect(findingsWith("1", dir)).toEqual(inline);
    expect(findingsWith("2", dir)).toEqual(inline);
  });

  it("does the same for a listing large enough to start the threads before reading", () => {
    const files = leakyFiles();
    for (let i = 0; i < 1_100; i++) files[`bulk/${i % 20}/f${i}.py`] = `x = ${i}\n`;
    const dir = makeTree(files);
    const inline = findingsWith("0", dir);
    expect(inline.findings).toHaveLength(30);
    expect(findingsWith("2", dir)).toEqual(inline);
  });

  it("does the same for --history and --staged", () => {
    const repo = makeRepo(leakyFiles());
    git(repo, "add", ".");
    const staged = findingsWith("0", repo, "--staged");
    expect(staged.findings).toHaveLength(30);
    expect(findingsWith("2", repo, "--staged")).toEqual(staged);
    git(repo, "commit", "-q", "-m", "leak");
    const history = findingsWith("0", repo, "--history");
    expect(history.findings).toHaveLength(30);
    expect(findingsWith("2", repo, "--history")).toEqual(history);
  });

  it("refuses a thread count that is not a small whole number, in one line", () => {
    const dir = makeTree({ "a.ts": "export {};\n" });
    for (const bad of ["-1", "two", "1.5", "65", ""]) {
      const result = runCli(["scan", "--threads", bad], dir);
      expect(result.status, bad).toBe(2);
      expect(result.stderr.trim().split("\n"), bad).toHaveLength(1);
      expect(result.stderr).toMatch(/threads|option/);
    }
  });
});

describe("ScanPool", () => {
  const detection = defaultDetection();
  // What the CLI hands the pool: each thread rebuilds the detection from the catalog it is given.
  const input = { rules: builtinRules, overrides: {} };

  it("stays on the main thread for a small scan and starts threads past the inline limit", async () => {
    const pool = new ScanPool(detection, input, 2);
    try {
      const sources = Array.from({ length: INLINE_CANDIDATES + 8 }, (_, i) => ({ path: `f${i}.ts`, text: `const authToken = "${fakeToken(i)}";\n` }));
      const first = await Promise.all(sources.slice(0, INLINE_CANDIDATES).map((source) => pool.scan(source)));
      expect(pool.startedThreads).toBe(0);
      const rest = await Promise.all(sources.slice(INLINE_CANDIDATES).map((source) => pool.scan(source)));
      expect(pool.startedThreads).toBe(2);
      expect([...first, ...rest].map((found) => found.map((f) => `${f.path}:${f.line}`))).toEqual(sources.map((s) => [`${s.path}:1`]));
    } finally {
      await pool.close();
    }
  });

  it("starts its threads at once when told the scan is large, and scans on them", async () => {
    const pool = new ScanPool(detection, input, 2);
    try {
      pool.prestart();
      expect(pool.startedThreads).toBe(2);
      const found = await pool.scan({ path: "a.py", text: `auth_token = "${fakeToken(7)}"\n` });
      expect(found.map((f) => `${f.path}:${f.line}:${f.language}`)).toEqual(["a.py:1:python"]);
    } finally {
      await pool.close();
    }
  });

  it("never starts a thread for sources the prefilter rejects", async () => {
    const pool = new ScanPool(detection, input, 2);
    try {
      for (let i = 0; i < INLINE_CANDIDATES * 3; i++) expect(await pool.scan({ path: `f${i}.ts`, text: "export const x = 1;\n" })).toEqual([]);
      expect(pool.startedThreads).toBe(0);
    } finally {
      await pool.close();
    }
  });
});

describe("a reader that goes away", () => {
  it("ends quietly when stdout is closed before the report is written", () => {
    const dir = makeTree(leakyFiles());
    // The reader closes its end at once; the scan's write then meets EPIPE.
    const result = spawnSync("bash", ["-c", `"${process.execPath}" "${CLI}" scan . --format json | (exec 0<&-; sleep 1); echo "\${PIPESTATUS[0]}"`], { cwd: dir, encoding: "utf8" });
    expect(result.stderr).toBe("");
    // token-guard's own exit code: the findings, not a crash.
    expect(result.stdout.trim()).toBe("1");
  });
});
