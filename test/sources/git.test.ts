import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { grepGitFiles, isGitIgnored, listGitFiles } from "../../src/sources/git.js";
import { findGitRoot } from "../../src/sources/repository-root.js";
import { SourceError } from "../../src/sources/source-error.js";
import { commitAll, git, initRepo, makeTempDir, removeDir, writeTree } from "./helpers.js";

let dir = "";
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

function sorted(list: string[]): string[] {
  return [...list].sort();
}

describe("findGitRoot", () => {
  it("finds the top of the work tree from a subdirectory", async () => {
    initRepo(dir);
    await mkdir(path.join(dir, "a", "b"), { recursive: true });
    expect(await findGitRoot(path.join(dir, "a", "b"))).toBe(dir);
  });

  it("returns null outside a repository", async () => {
    expect(await findGitRoot(dir)).toBeNull();
  });

  it("returns null when git is not installed", async () => {
    initRepo(dir);
    const savedPath = process.env.PATH;
    process.env.PATH = path.join(dir, "no-such-bin");
    try {
      expect(await findGitRoot(dir)).toBeNull();
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it("ignores a repository pinned by hook variables (GIT_DIR) and looks by directory", async () => {
    const repo = path.join(dir, "repo");
    const other = path.join(dir, "other");
    await mkdir(repo);
    await mkdir(other);
    initRepo(repo);
    initRepo(other);
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = path.join(other, ".git");
    try {
      expect(await findGitRoot(repo)).toBe(repo);
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
  });
});

describe("listGitFiles", () => {
  it("lists tracked and untracked files, honouring .gitignore and .git/info/exclude", async () => {
    initRepo(dir);
    await writeTree(dir, {
      ".gitignore": "*.log\nsecret-dir/\n",
      "tracked.ts": "a",
      "forced.log": "tracked although ignored",
      "src/app.ts": "b",
    });
    git(dir, ["add", ".gitignore", "tracked.ts", "src/app.ts"]);
    git(dir, ["add", "-f", "forced.log"]);
    commitAll(dir);
    await writeFile(path.join(dir, ".git", "info", "exclude"), "local-only.txt\n");
    await writeTree(dir, {
      "untracked.py": "c",
      "debug.log": "ignored",
      "local-only.txt": "excluded locally",
      "secret-dir/x.ts": "ignored dir",
      "src/new.ts": "untracked in subdir",
    });
    expect(sorted((await listGitFiles(dir, [])).files)).toEqual([
      ".gitignore",
      "forced.log",
      "src/app.ts",
      "src/new.ts",
      "tracked.ts",
      "untracked.py",
    ]);
  });

  it("keeps names with spaces, newlines, quotes and non-ASCII characters intact", async () => {
    initRepo(dir);
    const names = ["with space.ts", "new\nline.py", 'quote"d.sh', "tab\there.md", "café/naïve ☃.php", "日本語.js"];
    await writeTree(dir, Object.fromEntries(names.map((name) => [name, "x"])));
    git(dir, ["add", "with space.ts", "café"]);
    commitAll(dir);
    expect(sorted((await listGitFiles(dir, ["."])).files)).toEqual(sorted(names));
  });

  it("limits the listing to the given subdirectories, taken literally", async () => {
    initRepo(dir);
    await writeTree(dir, {
      "a/one.ts": "1",
      "b/two.ts": "2",
      "[ab]/three.ts": "3",
      "c/four.ts": "4",
    });
    expect(sorted((await listGitFiles(dir, ["a", "c"])).files)).toEqual(["a/one.ts", "c/four.ts"]);
    expect((await listGitFiles(dir, ["[ab]"])).files).toEqual(["[ab]/three.ts"]);
  });

  it("still lists a tracked file deleted from disk (readers report it as vanished)", async () => {
    initRepo(dir);
    await writeTree(dir, { "gone.ts": "x", "kept.ts": "y" });
    commitAll(dir);
    await rm(path.join(dir, "gone.ts"));
    expect(sorted((await listGitFiles(dir, [])).files)).toEqual(["gone.ts", "kept.ts"]);
  });

  it("leaves out untracked nested repositories", async () => {
    initRepo(dir);
    await writeTree(dir, { "top.ts": "x", "vendor/lib/inner.ts": "y" });
    initRepo(path.join(dir, "vendor", "lib"));
    expect((await listGitFiles(dir, [])).files).toEqual(["top.ts"]);
  });

  it("handles listings far beyond child_process's default 1 MB buffer", async () => {
    initRepo(dir);
    const long = "n".repeat(200);
    const dirs = Array.from({ length: 10 }, (_, i) => `${long}-${i}`);
    await Promise.all(dirs.map((d) => mkdir(path.join(dir, d))));
    const names = Array.from({ length: 2_800 }, (_, i) => `${dirs[i % 10] ?? ""}/${long}-${i}.txt`);
    for (let i = 0; i < names.length; i += 200) {
      await Promise.all(names.slice(i, i + 200).map((name) => writeFile(path.join(dir, name), "")));
    }
    const files = (await listGitFiles(dir, [])).files;
    expect(files).toHaveLength(names.length);
    expect(files.join("\0").length).toBeGreaterThan(1024 * 1024);
  });

  it("tells the untracked files apart: git grep does not search them", async () => {
    initRepo(dir);
    await writeTree(dir, { "tracked.ts": "a", "sub/also.ts": "b" });
    commitAll(dir);
    await writeTree(dir, { "new.ts": "c", "sub/new.py": "d" });
    const listing = await listGitFiles(dir, []);
    expect(sorted(listing.files)).toEqual(["new.ts", "sub/also.ts", "sub/new.py", "tracked.ts"]);
    expect(sorted([...listing.untracked])).toEqual(["new.ts", "sub/new.py"]);
  });

  it("throws a one-line SourceError when git fails", async () => {
    const error = await listGitFiles(dir, []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe("GIT_FAILED");
    expect((error as SourceError).message).toMatch(/^token-guard: git ls-files failed in .*: fatal: not a git repository/);
    expect((error as SourceError).message).not.toContain("\n");
  });
});

describe("isGitIgnored", () => {
  it("sees a directory ignored itself or through a parent", async () => {
    initRepo(dir);
    await writeTree(dir, { ".gitignore": "dist/\n[[]x]/\n", "dist/sub/a.js": "x", "src/a.ts": "y", "[x]/a.ts": "z" });
    expect(await isGitIgnored(dir, "dist")).toBe(true);
    expect(await isGitIgnored(dir, "[x]")).toBe(true);
    expect(await isGitIgnored(dir, "dist/sub")).toBe(true);
    expect(await isGitIgnored(dir, "src")).toBe(false);
  });
});

describe("grepGitFiles", () => {
  it("finds tracked files holding a keyword in any case, leaving out untracked ones and binary ones without it", async () => {
    initRepo(dir);
    await writeTree(dir, { "a.ts": "const TOKEN = 1;\n", "b.ts": "none\n", "c.bin": Buffer.from("none\0\x01"), "d/e.py": "Token\n" });
    commitAll(dir);
    await writeTree(dir, { "untracked.ts": "token\n" });
    const heard: string[] = [];
    const hits = await grepGitFiles(dir, [], ["token"], (name) => heard.push(name));
    expect(sorted([...hits])).toEqual(["a.ts", "d/e.py"]);
    expect(sorted(heard)).toEqual(["a.ts", "d/e.py"]);
  });

  it("finds UTF-16 files by their byte-order mark and keywords in one fixed-string search, binary files holding a keyword included (reading skips them)", async () => {
    initRepo(dir);
    const littleEndian = Buffer.from("\uFEFF$x = 1\n", "utf16le");
    const bigEndian = Buffer.from("\uFEFFx\n", "utf16le").swap16();
    await writeTree(dir, { "le.ps1": littleEndian, "be.txt": bigEndian, "c.bin": Buffer.from("TOKEN\0\x01"), "plain.ts": "none\n" });
    commitAll(dir);
    const hits = await grepGitFiles(dir, [], ["token", "a.b"], () => undefined);
    expect(sorted([...hits])).toEqual(["be.txt", "c.bin", "le.ps1"]);
  });

  it("finds UTF-16 files whose text holds a keyword, and a byte-order mark anywhere in a file (reading then judges it)", async () => {
    initRepo(dir);
    const wideToken = Buffer.from("\uFEFFauth_token = 'x'\n", "utf16le");
    const markInside = Buffer.concat([Buffer.from("head\n\0"), Buffer.from("\uFEFF", "utf16le")]);
    await writeTree(dir, { "le.py": wideToken, "be.py": Buffer.from(wideToken).swap16(), "inside.bin": markInside, "plain.ts": "none\n" });
    commitAll(dir);
    expect(sorted([...(await grepGitFiles(dir, [], ["auth_token"]))])).toEqual(["be.py", "inside.bin", "le.py"]);
  });

  it("searches keywords that are not printable ASCII on their own, beside the byte-order marks", async () => {
    initRepo(dir);
    await writeTree(dir, { "fr.ts": "const clé = 1;\n", "le.ps1": Buffer.from("\uFEFFx\n", "utf16le"), "plain.ts": "cle\n" });
    commitAll(dir);
    expect(sorted([...(await grepGitFiles(dir, [], ["clé"]))])).toEqual(["fr.ts", "le.ps1"]);
  });

  it("tells every hit once as git finds it, names split across output chunks included", async () => {
    initRepo(dir);
    const long = "m".repeat(180);
    // ~1,500 hits of ~190 bytes: several pipe chunks, so names straddle their edges.
    const names = Array.from({ length: 1_500 }, (_, i) => `${long}-${i}.ts`);
    for (let i = 0; i < names.length; i += 250) {
      await Promise.all(names.slice(i, i + 250).map((name) => writeFile(path.join(dir, name), "auth_token\n")));
    }
    await writeTree(dir, { "quiet.ts": "x\n" });
    commitAll(dir);
    const heard: string[] = [];
    const hits = await grepGitFiles(dir, [], ["auth_token"], (name) => heard.push(name));
    expect(heard).toHaveLength(names.length);
    expect(sorted(heard)).toEqual(sorted(names));
    expect(sorted([...hits])).toEqual(sorted(names));
  });

  it("returns no hits when nothing matches, and a one-line SourceError when git fails", async () => {
    initRepo(dir);
    await writeTree(dir, { "a.ts": "x\n" });
    commitAll(dir);
    expect([...(await grepGitFiles(dir, [], ["token"]))]).toEqual([]);
    const outside = await makeTempDir();
    try {
      const error = await grepGitFiles(outside, [], ["token"]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).message).toMatch(/^token-guard: git grep failed in .*: fatal: /);
      expect((error as SourceError).message).not.toContain("\n");
    } finally {
      await removeDir(outside);
    }
  });
});
