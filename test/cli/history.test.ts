// `token-guard scan --history` over real temporary repositories: a token added
// and later removed is still reported, with the commit that introduced it.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, makeRepo, makeTree, runCli } from "../support/cli.js";
import { sarifSchemaErrors } from "../support/sarif-schema.js";
import { fakeToken } from "../support/tokens.js";

const TOKEN = fakeToken(400);
const leaky = (token = TOKEN) => `import requests\nauth_token = "${token}"\n`;
const clean = `import os\nauth_token = os.environ["CONVOSO_AUTH_TOKEN"]\n`;

interface HistoryFinding {
  file: string;
  line: number;
  commit: string;
  date: string;
  removed: boolean;
  fingerprint: string;
}

function historyJson(cwd: string, ...args: string[]): { status: number; findings: HistoryFinding[]; stats: Record<string, unknown>; stderr: string } {
  const result = runCli(["scan", "--history", ...args, "--format", "json"], cwd);
  // Say why, rather than compare an empty report: these calls are all meant to succeed.
  if (result.status !== 0 && result.status !== 1) throw new Error(`scan --history exited ${result.status}: ${result.stderr}`);
  const parsed = result.stdout ? (JSON.parse(result.stdout) as { findings: HistoryFinding[]; stats: Record<string, unknown> }) : { findings: [], stats: {} };
  return { status: result.status, findings: parsed.findings, stats: parsed.stats, stderr: result.stderr };
}

/** Commits everything with a distinct date, so each commit's date can be checked. */
function commit(repo: string, message: string, day: number): string {
  git(repo, "add", "-A");
  const date = `2026-02-${String(day).padStart(2, "0")}T12:00:00Z`;
  execFileSync("git", ["commit", "-q", "--no-verify", "-m", message], { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  return git(repo, "rev-parse", "HEAD").trim();
}

describe("scan --history", () => {
  it("reports a token that a later commit removed, with the commit that added it", () => {
    const repo = makeRepo({ "README.md": "# demo\n" });
    commit(repo, "init", 1);
    writeFileSync(join(repo, "sync.py"), leaky());
    const added = commit(repo, "add sync", 2);
    writeFileSync(join(repo, "sync.py"), clean);
    commit(repo, "use the environment", 3);

    expect(runCli(["scan"], repo).status).toBe(0); // the working tree is clean
    const { status, findings } = historyJson(repo);
    expect(status).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: "sync.py", line: 2, commit: added, date: "2026-02-02T12:00:00+00:00", removed: true });
    expect(findings[0]!.commit).toMatch(/^[0-9a-f]{40}$/);

    const stylish = runCli(["scan", "--history"], repo);
    expect(stylish.stdout).toContain(`sync.py @ ${added.slice(0, 12)}`);
    expect(stylish.stdout).toContain("revoke it in the Convoso dashboard (Settings > API Tokens); deleting it is not enough");
    expect(stylish.stdout).not.toContain(TOKEN);
  });

  it("reports a token still in the tree once, at its first commit, however often its file changed", () => {
    const repo = makeRepo({ "sync.py": leaky() });
    const first = commit(repo, "add", 1);
    for (let day = 2; day < 5; day++) {
      writeFileSync(join(repo, "sync.py"), `${leaky()}# edit ${day}\n`);
      commit(repo, `edit ${day}`, day);
    }
    const { findings } = historyJson(repo);
    expect(findings.map((finding) => [finding.commit, finding.removed])).toEqual([[first, false]]);
    expect(runCli(["scan", "--history"], repo).stdout).toContain("and still in sync.py: read CONVOSO_AUTH_TOKEN from the environment");
  });

  it("reads each unique blob once and skips binary blobs, counting them", () => {
    const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(`auth_token=${TOKEN}`)]);
    const repo = makeRepo({ "a.py": leaky(), "copy.py": leaky(), "logo.png": binary });
    commit(repo, "add", 1);
    const { findings, stats } = historyJson(repo);
    // a.py and copy.py are one blob: scanned (and reported) once, under the first path.
    expect(findings.map((finding) => finding.file)).toEqual(["a.py"]);
    expect(stats).toMatchObject({ filesListed: 2, filesScanned: 1, filesSkipped: { binary: 1 } });
  });

  it("follows branches and merges: a token from a merged branch is reported once, at the branch commit", () => {
    const repo = makeRepo({ "README.md": "# demo\n" });
    commit(repo, "init", 1);
    git(repo, "checkout", "-q", "-b", "feature");
    writeFileSync(join(repo, "feature.py"), leaky());
    const onBranch = commit(repo, "feature", 2);
    git(repo, "checkout", "-q", "main");
    writeFileSync(join(repo, "main.txt"), "main\n");
    commit(repo, "main work", 3);
    git(repo, "merge", "-q", "--no-ff", "--no-edit", "feature");
    const { findings } = historyJson(repo);
    expect(findings.map((finding) => [finding.file, finding.commit])).toEqual([["feature.py", onBranch]]);
  });

  it("finds a token that exists only in a merge commit's conflict resolution", () => {
    const repo = makeRepo({ "sync.py": clean });
    commit(repo, "init", 1);
    git(repo, "checkout", "-q", "-b", "feature");
    writeFileSync(join(repo, "sync.py"), `${clean}# feature\n`);
    commit(repo, "feature", 2);
    git(repo, "checkout", "-q", "main");
    writeFileSync(join(repo, "sync.py"), `${clean}# main\n`);
    commit(repo, "main", 3);
    try {
      git(repo, "merge", "-q", "feature");
    } catch {
      // the conflict is the point: resolve it with a token
    }
    writeFileSync(join(repo, "sync.py"), leaky());
    const merge = commit(repo, "merge", 4);
    expect(git(repo, "rev-list", "--parents", "-n", "1", "HEAD").trim().split(" ")).toHaveLength(3);
    expect(historyJson(repo).findings.map((finding) => finding.commit)).toEqual([merge]);
  });

  it("does not report a renamed file again, and reports a token kept through a rename and edit under the new name", () => {
    const repo = makeRepo({ "old.py": leaky() });
    const added = commit(repo, "add", 1);
    git(repo, "mv", "old.py", "new.py");
    commit(repo, "rename", 2);
    expect(historyJson(repo).findings.map((finding) => [finding.file, finding.commit, finding.removed])).toEqual([["old.py", added, true]]);
    writeFileSync(join(repo, "new.py"), `${leaky()}# edited\n`);
    const edited = commit(repo, "edit", 3);
    expect(historyJson(repo).findings.map((finding) => [finding.file, finding.commit])).toEqual([
      ["old.py", added],
      ["new.py", edited],
    ]);
  });

  it("streams a long log: 600 commits of non-ASCII paths, the token in the middle one, every path intact", () => {
    const repo = makeRepo();
    // fast-import: 600 commits in one process; every commit adds a file whose
    // name is mostly multi-byte characters, so git's output chunks end inside them.
    const commits: string[] = [];
    for (let i = 1; i <= 600; i++) {
      const name = `données-日本語-${"é".repeat(i % 40)}-${i}.py`;
      const body = i === 300 ? leaky() : clean;
      commits.push(
        `commit refs/heads/main\nmark :${i}\ncommitter T <t@example.invalid> ${1_700_000_000 + i} +0000\ndata 2\nc\n` +
          (i > 1 ? `from :${i - 1}\n` : "") +
          `M 100644 inline ${name}\ndata ${Buffer.byteLength(body)}\n${body}\n`,
      );
    }
    execFileSync("git", ["fast-import", "--quiet"], { cwd: repo, input: commits.join("") });
    const { findings, stats } = historyJson(repo);
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual([`données-日本語-${"é".repeat(300 % 40)}-300.py:2`]);
    expect(findings[0]!.commit).toBe(git(repo, "rev-list", "--reverse", "main").split("\n")[299]);
    expect(stats.filesListed).toBe(2);
  });

  it("limits the scan to a revision range", () => {
    const repo = makeRepo({ "old.py": leaky(fakeToken(401)) });
    const base = commit(repo, "old leak", 1);
    writeFileSync(join(repo, "new.py"), leaky(fakeToken(402)));
    const head = commit(repo, "new leak", 2);
    expect(historyJson(repo, `${base}..HEAD`).findings.map((finding) => [finding.file, finding.commit])).toEqual([["new.py", head]]);
    expect(historyJson(repo).findings).toHaveLength(2);
  });

  it("reports paths relative to the subfolder it runs from, honours the config's ignore globs, and writes valid SARIF", () => {
    const repo = makeRepo({ "app/sync.py": leaky(), "app/fixtures/fake.py": leaky(fakeToken(403)), "app/token-guard.config.json": JSON.stringify({ ignore: ["fixtures"] }) });
    commit(repo, "add", 1);
    const app = join(repo, "app");
    expect(historyJson(app).findings.map((finding) => finding.file)).toEqual(["sync.py"]);
    const sarif = runCli(["scan", "--history", "--format", "sarif"], app);
    expect(sarif.status).toBe(1);
    expect(sarifSchemaErrors(sarif.stdout)).toEqual([]);
    expect(sarif.stdout).not.toContain(TOKEN);
  });

  it("is clean on a repository without commits, and reports nothing with --exit-zero's exit code", () => {
    expect(historyJson(makeRepo({ "sync.py": leaky() }))).toMatchObject({ status: 0, findings: [] });
    const repo = makeRepo({ "sync.py": leaky() });
    commit(repo, "add", 1);
    expect(runCli(["scan", "--history", "--exit-zero"], repo).status).toBe(0);
  });

  it.each([
    [["scan", "--history", "no-such-branch"], /^token-guard: git log failed for "no-such-branch": fatal: /],
    [["scan", "--history", "--staged"], /^token-guard: --history and --staged scan different things/],
    [["scan", "--history", "a", "b"], /^token-guard: --history takes one revision range/],
  ])("exits 2 with one line for %j", (args, message) => {
    const repo = makeRepo({ "a.txt": "a\n" });
    commit(repo, "init", 1);
    const result = runCli(args, repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 outside a git repository", () => {
    const result = runCli(["scan", "--history"], makeTree({ "a.txt": "" }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^token-guard: not inside a git repository: --history scans git history/);
  });
});
