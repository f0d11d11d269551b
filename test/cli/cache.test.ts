// `scan --cache` through the built CLI on real git repositories: a warm rescan
// reports exactly what a cold scan does; every key component (content, config,
// rules, tool version) misses when it changes; a corrupt cache costs one
// warning; the cache file holds no token.
//
// Hits are told from misses by forging the cache: every cached message gets a
// marker, so a finding that carries it came from the cache, one that does not
// was scanned again.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { maskTokenShaped } from "../../src/detect/redact.js";
import { ACME_RULE } from "../support/acme-rule.js";
import { CLI, git, makeRepo, runCli } from "../support/cli.js";
import { fakeToken, tokensIn } from "../support/tokens.js";

const CACHE = "node_modules/.cache/token-guard/scan-cache.json";
const MARK = "[FROM-THE-CACHE]";

const TOKENS = Array.from({ length: 7 }, (_, index) => fakeToken(800 + index));
/** A file named after a token: its name must not reach the cache either. */
const TOKEN_NAMED = `keys/${TOKENS[6]}.py`;

const FILES = {
  "src/client.ts": `export const config = { auth_token: "${TOKENS[0]}" };\n`,
  "sync.py": `auth_token = "${TOKENS[1]}"\n`,
  "scripts/push.sh": `curl "https://api.convoso.com/v1/leads/insert?auth_token=${TOKENS[2]}&list_id=1"\n`,
  "docs/setup.md": `# Setup\n\n\`\`\`python\nauth_token = "${TOKENS[3]}"\n\`\`\`\n`,
  ".env": `CONVOSO_AUTH_TOKEN=${TOKENS[4]}\n`,
  [TOKEN_NAMED]: `auth_token = "${TOKENS[5]}"\n`,
  "clean.ts": "export const authToken = process.env.CONVOSO_AUTH_TOKEN;\n",
  "README.md": "# demo\n",
};
/** The files with findings, as reports name them (a token-shaped name masked). */
const LEAKY_FILES = [".env", "docs/setup.md", maskTokenShaped(TOKEN_NAMED), "scripts/push.sh", "src/client.ts", "sync.py"].sort();
/** Files read and scanned: the leaky ones and clean.ts, which mentions a token. */
const SCANNED = LEAKY_FILES.length + 1;

interface JsonFinding {
  file: string;
  line: number;
  message: string;
  fingerprint: string;
}
interface JsonReport {
  findings: JsonFinding[];
  stats: { cache?: { hits: number; misses: number }; baseline?: { suppressed: number } };
}

function scanJson(cwd: string, ...args: string[]): { status: number; report: JsonReport; stderr: string } {
  const result = runCli(["scan", "--format", "json", ...args], cwd);
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

/** A repository where some files are committed, one is modified since, and some are untracked. */
function leakyRepo(): string {
  const repo = makeRepo(FILES);
  git(repo, "add", "src", "sync.py", "clean.ts", "README.md");
  git(repo, "commit", "-q", "--no-verify", "-m", "base");
  writeFileSync(join(repo, "sync.py"), `# changed since the commit\nauth_token = "${TOKENS[1]}"\n`);
  return repo;
}

/** Marks every finding the cache at `file` holds, so a hit shows in the output. */
function forge(repo: string, file = CACHE): void {
  const path = join(repo, file);
  const cache = JSON.parse(readFileSync(path, "utf8")) as { files: Record<string, { findings: { message: string }[] }> };
  for (const entry of Object.values(cache.files)) for (const finding of entry.findings) finding.message += ` ${MARK}`;
  writeFileSync(path, JSON.stringify(cache));
}

/** The files whose findings came from the cache. */
function fromCache(report: JsonReport): string[] {
  return [...new Set(report.findings.filter((finding) => finding.message.includes(MARK)).map((finding) => finding.file))].sort();
}

/** A finding as compared between runs (the message without a forged marker). */
const comparable = (findings: readonly JsonFinding[]) => findings.map((finding) => ({ ...finding, message: finding.message.replace(` ${MARK}`, "") }));

describe("scan --cache", () => {
  it("is not created without --cache", () => {
    const repo = leakyRepo();
    const { status, report } = scanJson(repo);
    expect(status).toBe(1);
    expect(report.stats.cache).toBeUndefined();
    expect(existsSync(join(repo, "node_modules"))).toBe(false);
  });

  it("reports on a warm rescan exactly what a cold scan reports (stylish and json)", () => {
    const repo = leakyRepo();
    const uncached = runCli(["scan"], repo);
    const cold = runCli(["scan", "--cache"], repo);
    const warm = runCli(["scan", "--cache"], repo);
    expect(uncached.status).toBe(1);
    expect([cold.status, cold.stdout, cold.stderr]).toEqual([uncached.status, uncached.stdout, uncached.stderr]);
    expect([warm.status, warm.stdout, warm.stderr]).toEqual([uncached.status, uncached.stdout, uncached.stderr]);

    const json = scanJson(repo, "--cache");
    expect(json.report.findings).toEqual(scanJson(repo).report.findings);
    expect(json.report.stats.cache).toEqual({ hits: SCANNED, misses: 0 });
    // The forged marker proves the warm findings were the cache's, not a rescan's.
    forge(repo);
    expect(fromCache(scanJson(repo, "--cache").report)).toEqual(LEAKY_FILES);
  });

  it.each<[string, (repo: string) => void, string[]]>([
    ["nothing changed (hits)", () => undefined, LEAKY_FILES],
    ["a file's content", (repo) => writeFileSync(join(repo, "src/client.ts"), `export const config = { auth_token: "${TOKENS[0]}" }; // edited\n`), LEAKY_FILES.filter((file) => file !== "src/client.ts")],
    ["the config", (repo) => writeFileSync(join(repo, "token-guard.config.json"), JSON.stringify({ placeholders: ["not-a-token-value"] })), []],
    ["the rules (a custom rule added)", (repo) => writeFileSync(join(repo, "token-guard.config.json"), JSON.stringify({ customRules: [ACME_RULE] })), []],
    [
      "the tool version",
      (repo) => {
        const path = join(repo, CACHE);
        writeFileSync(path, readFileSync(path, "utf8").replace(/"version":"[^"]*"/, '"version":"0.0.0-older"'));
      },
      [],
    ],
  ])("misses when %s changes, and only there", (_, change, stillCached) => {
    const repo = leakyRepo();
    const cold = scanJson(repo, "--cache");
    forge(repo);
    change(repo);
    const warm = scanJson(repo, "--cache");
    expect(fromCache(warm.report)).toEqual(stillCached);
    expect(warm.status).toBe(cold.status);
    expect(warm.stderr).toBe("");
  });

  it.each<[string, (cache: string) => string]>([
    ["not JSON", () => "\u0000\u0001 not a cache"],
    ["truncated", (cache) => cache.slice(0, Math.floor(cache.length / 2))],
    ["another tool's", () => JSON.stringify({ version: 2, files: {} })],
    ["holding an entry of another shape", (cache) => cache.replace(/"line":\d+/, '"line":"3"')],
  ])("ignores a cache file that is %s with one warning, and rewrites it", (_, corrupt) => {
    const repo = leakyRepo();
    const cold = scanJson(repo, "--cache");
    const path = join(repo, CACHE);
    writeFileSync(path, corrupt(readFileSync(path, "utf8")));
    const run = scanJson(repo, "--cache");
    expect(run.status).toBe(cold.status);
    expect(run.report.findings).toEqual(cold.report.findings);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^token-guard: warning: ignoring the cache .*scan-cache\.json: not a token-guard scan cache/);
    expect(run.report.stats.cache).toEqual({ hits: 0, misses: SCANNED });
    const next = scanJson(repo, "--cache");
    expect([next.stderr, next.report.stats.cache]).toEqual(["", { hits: SCANNED, misses: 0 }]);
  });

  it("starts over in silence from a cache of another layout (another token-guard version's)", () => {
    const repo = leakyRepo();
    scanJson(repo, "--cache");
    const path = join(repo, CACHE);
    writeFileSync(path, readFileSync(path, "utf8").replace(/"layout":\d+/, '"layout":999'));
    const run = scanJson(repo, "--cache");
    expect([run.stderr, run.report.stats.cache]).toEqual(["", { hits: 0, misses: SCANNED }]);
  });

  it("holds no token value and no token-shaped file name", () => {
    const repo = leakyRepo();
    expect(scanJson(repo, "--cache").status).toBe(1);
    const cache = readFileSync(join(repo, CACHE), "utf8");
    expect(cache).toContain("fingerprint");
    expect(tokensIn(TOKENS, cache)).toEqual([]);
  });

  it("applies the baseline after cache hits", () => {
    const repo = leakyRepo();
    scanJson(repo, "--cache");
    expect(runCli(["baseline"], repo).status).toBe(0);
    const warm = scanJson(repo, "--cache");
    expect(warm.status).toBe(0);
    expect(warm.report.findings).toEqual([]);
    // The one miss is the new baseline file, which mentions token-guard.
    expect(warm.report.stats.cache).toEqual({ hits: SCANNED, misses: 1 });
    expect(warm.report.stats.baseline?.suppressed).toBe(LEAKY_FILES.length);
  });

  it("keys --staged by the index's blob ids, shared with file scans of the same bytes", () => {
    const repo = makeRepo(FILES);
    git(repo, "add", ".");
    // A file scan fills the cache; the index holds the same bytes, so the hook hits.
    scanJson(repo, "--cache");
    forge(repo);
    const staged = scanJson(repo, "--staged", "--cache");
    expect(fromCache(staged.report)).toEqual(LEAKY_FILES);

    writeFileSync(join(repo, "sync.py"), `auth_token = "${TOKENS[1]}"  # staged edit\n`);
    git(repo, "add", "sync.py");
    forge(repo);
    expect(fromCache(scanJson(repo, "--staged", "--cache").report)).toEqual(LEAKY_FILES.filter((file) => file !== "sync.py"));
  });

  it("never fetches a staged blob it holds: --staged hits need no object", () => {
    const repo = makeRepo(FILES);
    git(repo, "add", ".");
    const cold = scanJson(repo, "--staged", "--cache");
    forge(repo);
    // Every staged blob the cache holds leaves the object store: a fetch would now find it missing (skipped as vanished).
    const held = git(repo, "ls-files", "-s", "--", ...Object.keys(FILES).filter((file) => file !== "README.md"))
      .trim()
      .split("\n")
      .map((line) => line.split(" ")[1]!);
    expect(held).toHaveLength(SCANNED);
    for (const oid of held) rmSync(join(repo, ".git", "objects", oid.slice(0, 2), oid.slice(2)), { force: true });
    const warm = scanJson(repo, "--staged", "--cache");
    expect(fromCache(warm.report)).toEqual(LEAKY_FILES);
    expect(comparable(warm.report.findings)).toEqual(cold.report.findings);
    // README.md holds no key word: the cache never held it, so it is fetched and read as before.
    expect([warm.status, warm.stderr, warm.report.stats.cache]).toEqual([1, "", { hits: SCANNED, misses: 0 }]);
  });

  it("remembers what the scanning threads found", () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`leak${String(index).padStart(2, "0")}.py`, `auth_token = "${fakeToken(900 + index)}"\n`]));
    const repo = makeRepo(many);
    git(repo, "add", ".");
    const uncached = scanJson(repo, "--threads", "1");
    const cold = scanJson(repo, "--cache", "--threads", "1");
    expect(cold.report.findings).toEqual(uncached.report.findings);
    forge(repo);
    const warm = scanJson(repo, "--cache", "--threads", "1");
    expect(fromCache(warm.report)).toEqual(Object.keys(many).sort());
    expect(comparable(warm.report.findings)).toEqual(uncached.report.findings);
  });

  it("puts the cache where --cache-location says: a file, or a directory for it", () => {
    const repo = leakyRepo();
    mkdirSync(join(repo, "existing"));
    for (const [location, file] of [
      ["my-cache.json", "my-cache.json"],
      ["new-dir/", "new-dir/scan-cache.json"],
      ["existing", "existing/scan-cache.json"],
    ] as const) {
      const cold = scanJson(repo, "--cache", "--cache-location", location);
      expect(cold.stderr).toBe("");
      forge(repo, file);
      expect(fromCache(scanJson(repo, "--cache", "--cache-location", location).report)).toEqual(LEAKY_FILES);
    }
    expect(existsSync(join(repo, CACHE))).toBe(false);
  });

  it("warns once when the cache cannot be written, and keeps the exit code", () => {
    const repo = leakyRepo();
    const cold = scanJson(repo);
    const run = scanJson(repo, "--cache", "--cache-location", "README.md/cache.json");
    expect(run.status).toBe(cold.status);
    expect(run.report.findings).toEqual(cold.report.findings);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^token-guard: warning: cannot write the cache .*README\.md\/cache\.json \(E[A-Z]+\): the next scan starts cold\n$/);
  });

  it.each([
    [["--cache-location", "x.json"], /--cache-location says where --cache keeps its file: add --cache/],
    [["--cache", "--history"], /--cache remembers the files of scan and scan --staged, not --history/],
    [["--cache", "--cache-location="], /--cache-location needs a file or directory name/],
  ])("refuses %j with one line and exit code 2", (args, message) => {
    const repo = leakyRepo();
    const result = runCli(["scan", ...args], repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("stays whole when two scans write it at once (the last writer wins)", async () => {
    const repo = leakyRepo();
    const runs = await Promise.all([0, 1].map(() => runAsync(["scan", "--cache", "--format", "json"], repo)));
    expect(runs.map((run) => run.status)).toEqual([1, 1]);
    const again = scanJson(repo, "--cache");
    expect([again.stderr, again.report.stats.cache]).toEqual(["", { hits: SCANNED, misses: 0 }]);
  });
});

/** runCli, without blocking: for runs that must overlap. */
function runAsync(args: string[], cwd: string): Promise<{ status: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("close", (code) => resolve({ status: code ?? -1, stderr }));
  });
}
