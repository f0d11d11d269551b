// A hostile repository through the built CLI: programs its .git/config names
// (fsmonitor, external diff, textconv) never run, nothing is fetched, and no
// path its files choose leads a write outside it.
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { git, makeRepo, makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const TOKEN = fakeToken(1601);

/** A script that appends a line to `marker` each time it runs; returns its path. */
function markerScript(dir: string, marker: string): string {
  const script = join(dir, "program.sh");
  writeFileSync(script, `#!/bin/sh\necho ran >> '${marker}'\n`);
  chmodSync(script, 0o755);
  return script;
}

function runs(marker: string): number {
  return existsSync(marker) ? readFileSync(marker, "utf8").split("\n").filter(Boolean).length : 0;
}

/** A repository with a committed and a staged token whose config names `script` for `keys`. */
function repositoryRunning(keys: readonly string[]): { repo: string; marker: string } {
  const outside = makeTree({});
  const marker = join(outside, "marker");
  const script = markerScript(outside, marker);
  const repo = makeRepo({ "app.py": `auth_token = "${TOKEN}"\n`, ".gitattributes": "*.py diff=hostile\n" });
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "token");
  writeFileSync(join(repo, "app.py"), `auth_token = "${TOKEN}"\nprint(1)\n`);
  git(repo, "add", "app.py");
  for (const key of keys) git(repo, "config", key, script);
  return { repo, marker };
}

describe("a repository's configured programs never run", () => {
  const commands: [string, string[]][] = [
    ["scan", ["scan", "--format", "json"]],
    ["scan --staged", ["scan", "--staged", "--format", "json"]],
    ["scan --history", ["scan", "--history", "--format", "json"]],
    ["fix --dry-run", ["fix", "--dry-run"]],
    ["baseline", ["baseline"]],
  ];

  it.each(commands)("core.fsmonitor: %s", (_name, args) => {
    const { repo, marker } = repositoryRunning(["core.fsmonitor"]);
    const result = runCli(args, repo);
    expect(result.stderr).toBe("");
    expect(runs(marker)).toBe(0);
  });

  it.each(commands)("diff.external, a textconv and a diff command: %s", (_name, args) => {
    const { repo, marker } = repositoryRunning(["diff.external", "diff.hostile.textconv", "diff.hostile.command"]);
    const result = runCli(args, repo);
    expect(result.stderr).toBe("");
    expect(runs(marker)).toBe(0);
  });
});

/** A repository with `count` committed files, each holding a token. */
function historyRepository(count: number): string {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) files[`f${index}.py`] = `auth_token = "${fakeToken(1700 + index)}"\n`;
  const repo = makeRepo(files);
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "tokens");
  return repo;
}

function objectPath(repo: string, oid: string): string {
  return join(repo, ".git", "objects", oid.slice(0, 2), oid.slice(2));
}

describe("--history reads only what the repository holds", () => {
  it("never fetches a partial clone's missing blobs, and counts them", () => {
    const origin = historyRepository(3);
    git(origin, "config", "uploadpack.allowFilter", "true");
    const clone = join(makeTree({}), "clone");
    git(origin, "clone", "-q", "--no-local", "--filter=blob:none", "--no-checkout", `file://${origin}`, clone);
    const missingBefore = git(clone, "rev-list", "--objects", "--missing=print", "--all").split("\n").filter((line) => line.startsWith("?"));
    expect(missingBefore).toHaveLength(3);
    const result = runCli(["scan", "--history", "--format", "json"], clone);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { stats: { filesSkipped: Record<string, number> } }).stats.filesSkipped).toEqual({ "not-in-clone": 3 });
    const missingAfter = git(clone, "rev-list", "--objects", "--missing=print", "--all").split("\n").filter((line) => line.startsWith("?"));
    expect(missingAfter).toEqual(missingBefore);
  });

  const damages: [string, (object: string) => void][] = [
    ["missing", (object) => unlinkSync(object)],
    [
      "corrupt",
      (object) => {
        chmodSync(object, 0o644);
        writeFileSync(object, "not zlib");
      },
    ],
  ];
  it.each(damages)("exits 2 naming a blob %s from a full repository, instead of calling it vanished", (_how, damage) => {
    const repo = historyRepository(1);
    const oid = git(repo, "rev-parse", "HEAD:f0.py").trim();
    damage(objectPath(repo, oid));
    const result = runCli(["scan", "--history"], repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(oid);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("scans a bare repository, telling what HEAD still holds", () => {
    const repo = historyRepository(2);
    writeFileSync(join(repo, "f1.py"), "auth_token = None\n");
    git(repo, "commit", "-q", "-am", "drop one");
    const bare = join(makeTree({}), "bare.git");
    git(repo, "clone", "-q", "--bare", repo, bare);
    const result = runCli(["scan", "--history", "--format", "json"], bare);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: { file: string; removed: boolean }[] }).findings;
    expect(findings.map((finding) => `${finding.file} removed=${String(finding.removed)}`).sort()).toEqual(["f0.py removed=false", "f1.py removed=true"]);
  });
});

describe.skipIf(process.getuid?.() !== 0)("a repository git refuses (another user's)", () => {
  function foreignRepository(): string {
    const repo = makeRepo({ "app.py": `auth_token = "${TOKEN}"\n` });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "token");
    chownSync(repo, 12345, 12345);
    return repo;
  }
  // An empty global config: no safe.directory the machine's own may hold.
  const home = { HOME: "/nonexistent-home", GIT_CONFIG_GLOBAL: "/dev/null" };

  it.each(["scan", "scan --staged", "scan --history", "fix --dry-run", "baseline", "init"])("%s exits 2 with git's reason and the fix", (command) => {
    const repo = foreignRepository();
    const result = runCli(command.split(" "), repo, home);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("dubious ownership");
    expect(result.stderr).toContain(`git config --global --add safe.directory ${repo}`);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("paths a repository chooses stay inside it", () => {
  it.each([["../elsewhere/file"], ["/tmp/token-guard-outside-baseline.json"]])('"baseline": "%s" in the config: one line, exit 2, nothing written', (baseline) => {
    const parent = makeTree({});
    const repo = join(parent, "repo");
    mkdirSync(repo);
    git(repo, "init", "-q");
    writeFileSync(join(repo, "token-guard.config.json"), JSON.stringify({ baseline }));
    writeFileSync(join(repo, "app.py"), `auth_token = "${TOKEN}"\n`);
    const target = resolve(repo, baseline);
    rmSync(target, { force: true });
    const result = runCli(["baseline"], repo);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain('"baseline"');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(parent, "elsewhere"))).toBe(false);
  });

  it('"baseline" through a symlinked folder that leads outside: exit 2, nothing written', () => {
    const outside = makeTree({});
    const repo = makeRepo({ "token-guard.config.json": JSON.stringify({ baseline: "link/baseline.json" }), "app.py": `auth_token = "${TOKEN}"\n` });
    symlinkSync(outside, join(repo, "link"));
    const result = runCli(["baseline"], repo);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(outside)).toEqual([]);
  });

  it("--dotenv outside the repository: exit 2, nothing written", () => {
    const outside = makeTree({});
    const repo = makeRepo({ "app.py": `auth_token = "${TOKEN}"\n` });
    const result = runCli(["fix", "--dotenv", join(outside, ".env")], repo);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(join(repo, "app.py"), "utf8")).toContain(TOKEN);
  });

  it.each([["the .husky folder", ".husky"], ["the pre-commit file", ".husky/pre-commit"]])("init refuses %s as a symlink that leads outside", (_what, link) => {
    const outside = makeTree({ "pre-commit": "echo outside\n" });
    const repo = makeRepo({ "package.json": '{ "name": "x" }\n' });
    if (link === ".husky") symlinkSync(outside, join(repo, ".husky"));
    else {
      mkdirSync(join(repo, ".husky"));
      symlinkSync(join(outside, "pre-commit"), join(repo, link));
    }
    const result = runCli(["init"], repo);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(outside)).toEqual(["pre-commit"]);
    expect(readFileSync(join(outside, "pre-commit"), "utf8")).toBe("echo outside\n");
    expect(readFileSync(join(repo, "package.json"), "utf8")).toBe('{ "name": "x" }\n');
  });
});

describe("control characters in names a repository chose are never printed raw", () => {
  // ESC[8m hides everything after it on a terminal; ESC[2K and CR would rewrite the line; U+009B is a one-byte CSI.
  const NAME = "hide\u001b[8m\u009b2K\r\u007f.py";
  const ESCAPED = "hide\\x1B[8m\\u009B2K\\x0D\\x7F.py";
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  function repository(): string {
    const repo = makeRepo({ [NAME]: `auth_token = "${TOKEN}"\n` });
    git(repo, "add", ".");
    return repo;
  }

  it.each([
    ["stylish", ["scan"], ESCAPED],
    // GitHub decodes %0D itself, in the annotation only.
    ["github", ["scan", "--format", "github"], ESCAPED.replace("\\x0D", "%0D")],
    ["the hook's block message", ["scan", "--staged"], ESCAPED],
    ["fix --dry-run (diff and summary)", ["fix", "--dry-run"], ESCAPED],
    ["fix (summary)", ["fix"], ESCAPED],
  ])("%s", (_name, args, expected) => {
    const result = runCli(args, repository());
    expect(result.status).toBeLessThan(2);
    expect(result.stdout).toContain(expected);
    expect(result.stdout).not.toMatch(RAW);
    expect(result.stderr).not.toMatch(RAW);
  });

  it("errors", () => {
    const result = runCli(["scan", NAME.replace(".py", "-missing")], repository());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("hide\\x1B[8m");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(RAW);
  });

  it("json and sarif stay valid JSON holding the name as it is (JSON escapes every C0 control)", () => {
    const repo = repository();
    const json = runCli(["scan", "--format", "json"], repo);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect((JSON.parse(json.stdout) as { findings: { file: string }[] }).findings.map((finding) => finding.file)).toEqual([NAME]);
    const sarif = runCli(["scan", "--format", "sarif"], repo);
    expect(sarif.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const uri = (JSON.parse(sarif.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }).runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    expect(decodeURIComponent(uri)).toBe(NAME);
  });
});
