import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SourceError } from "../../src/sources/source-error.js";
import { LOCKFILES, listFiles, SKIPPED_DIRECTORIES, type WalkListing, type WalkOptions } from "../../src/sources/walk.js";
import { commitAll, git, initRepo, makeTempDir, removeDir, writeTree } from "./helpers.js";

let dir = "";
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

function list(paths: string[], ignore: string[] = [], cwd = dir): Promise<WalkListing> {
  const options: WalkOptions = { cwd, paths, ignore };
  return listFiles(options);
}

async function listPaths(paths: string[], ignore: string[] = [], cwd = dir): Promise<string[]> {
  return (await list(paths, ignore, cwd)).files.map((file) => file.path);
}

type Mode = "plain directory" | "git repository";
const modes: Mode[] = ["plain directory", "git repository"];

function setUp(mode: Mode): void {
  if (mode === "git repository") initRepo(dir);
}

describe.each(modes)("in a %s", (mode) => {
  const expectedKind = mode === "git repository" ? "git" : "directory";

  it("lists hidden files and folders but skips dependencies, build output and lockfiles", async () => {
    setUp(mode);
    await writeTree(dir, {
      ".github/workflows/ci.yml": "x",
      ".env.production": "x",
      ".vscode/settings.json": "x",
      "src/a.ts": "x",
      "scripts/build": "a script named build is not a build directory",
      "node_modules/pkg/index.js": "x",
      "packages/web/node_modules/dep/index.js": "x",
      "dist/bundle.min.js": "x",
      "build/out.js": "x",
      "coverage/lcov.info": "x",
      ".next/server.js": "x",
      "__pycache__/a.cpython-311.pyc": "x",
      ".venv/lib/site.py": "x",
      "package-lock.json": "x",
      "packages/web/yarn.lock": "x",
      "go.sum": "x",
    });
    const listing = await list(["."]);
    expect(listing.files.map((f) => f.path)).toEqual([
      ".env.production",
      ".github/workflows/ci.yml",
      ".vscode/settings.json",
      "scripts/build",
      "src/a.ts",
    ]);
    expect(listing.roots).toEqual([{ path: ".", kind: expectedKind }]);
    // node_modules twice, dist, build, coverage, .next, __pycache__, .venv; and three lockfiles.
    expect(listing.ignored).toEqual({ directories: 8, lockfiles: 3, gitignore: 0, config: 0 });
  });

  it("reports paths relative to the cwd, POSIX, with absolute paths to open", async () => {
    setUp(mode);
    await writeTree(dir, { "src/deep/a.ts": "x" });
    const listing = await list(["./src/"]);
    expect(listing.files).toEqual([
      // A walk saw the file type; git's listing did not (the reader checks before opening).
      mode === "plain directory"
        ? { path: "src/deep/a.ts", absolutePath: path.join(dir, "src", "deep", "a.ts"), regularFile: true }
        : { path: "src/deep/a.ts", absolutePath: path.join(dir, "src", "deep", "a.ts") },
    ]);
  });

  it("keeps names with spaces, line breaks and non-ASCII characters", async () => {
    setUp(mode);
    const names = ["with space.ts", "new\nline.py", "dir\rwith cr/a.sh", "sep\u2028arator.md", "café/naïve ☃.php", "日本語.js"];
    await writeTree(dir, Object.fromEntries(names.map((name) => [name, "x"])));
    expect(await listPaths(["."])).toEqual([...names].sort());
  });

  it("always lists a file named explicitly, even when ignored", async () => {
    setUp(mode);
    await writeTree(dir, {
      ".gitignore": "*.log\n",
      "debug.log": "x",
      "package-lock.json": "x",
      "node_modules/pkg/index.js": "x",
    });
    expect(await listPaths(["."], ["*.json"])).toEqual([".gitignore"]);
    expect(await listPaths(["debug.log", "package-lock.json", "node_modules/pkg/index.js"], ["*.json"])).toEqual([
      "debug.log",
      "node_modules/pkg/index.js",
      "package-lock.json",
    ]);
  });

  it("applies the config's ignore globs except to a root named explicitly", async () => {
    setUp(mode);
    await writeTree(dir, {
      "examples/client.ts": "x",
      "examples/nested/script.py": "x",
      "test/fixtures/leaky.ts": "x",
      "test/unit.test.ts": "x",
      "src/index.ts": "x",
      "src/snap.snap": "x",
    });
    const ignore = ["examples", "test/fixtures", "*.snap"];

    const all = await list(["."], ignore);
    expect(all.files.map((f) => f.path)).toEqual(["src/index.ts", "test/unit.test.ts"]);
    expect(all.ignored.config).toBe(4);

    expect(await listPaths(["examples"], ignore)).toEqual(["examples/client.ts", "examples/nested/script.py"]);
    expect(await listPaths(["examples/nested"], ignore)).toEqual(["examples/nested/script.py"]);
    expect(await listPaths(["test"], ignore)).toEqual(["test/unit.test.ts"]);
    expect(await listPaths(["test/fixtures"], ignore)).toEqual(["test/fixtures/leaky.ts"]);
    // Naming a root restores it, not the unrelated globs inside it.
    expect(await listPaths(["src"], ignore)).toEqual(["src/index.ts"]);
    // Overlapping roots: a file is listed when any named root keeps it, and only once.
    expect(await listPaths([".", "examples", "./examples/"], ignore)).toEqual([
      "examples/client.ts",
      "examples/nested/script.py",
      "src/index.ts",
      "test/unit.test.ts",
    ]);
  });

  it("lists a skipped directory named explicitly", async () => {
    setUp(mode);
    await writeTree(dir, { ".gitignore": "node_modules/\n", "node_modules/pkg/index.js": "x", "a.ts": "x" });
    expect(await listPaths(["node_modules/pkg"])).toEqual(["node_modules/pkg/index.js"]);
  });

  it("lists paths outside the cwd as ../", async () => {
    setUp(mode);
    await writeTree(dir, { "lib/a.ts": "x", "app/b.ts": "x" });
    expect(await listPaths(["../lib"], [], path.join(dir, "app"))).toEqual(["../lib/a.ts"]);
  });

  it("throws a one-line SourceError naming a missing path", async () => {
    setUp(mode);
    await writeTree(dir, { "a.ts": "x" });
    const error = await list(["a.ts", "foo/bar", "also/missing"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: "ENOENT_PATH", path: "foo/bar", message: "token-guard: path not found: foo/bar" });
    const notDir = await list(["a.ts/inner"]).catch((e: unknown) => e);
    expect(notDir).toMatchObject({ code: "ENOENT_PATH", message: "token-guard: path not found: a.ts/inner" });
  });
});

describe("inside a git repository", () => {
  it("uses git's rules: .gitignore, .git/info/exclude, tracked-but-ignored and untracked files", async () => {
    initRepo(dir);
    await writeTree(dir, { ".gitignore": "*.log\n", "app.ts": "x", "forced.log": "x" });
    git(dir, ["add", ".gitignore", "app.ts"]);
    git(dir, ["add", "-f", "forced.log"]);
    commitAll(dir);
    await writeFile(path.join(dir, ".git", "info", "exclude"), "scratch/\n");
    await writeTree(dir, { "new.py": "x", "debug.log": "x", "scratch/notes.md": "x" });
    const listing = await list(["."]);
    expect(listing.roots).toEqual([{ path: ".", kind: "git" }]);
    expect(listing.files.map((f) => f.path)).toEqual([".gitignore", "app.ts", "forced.log", "new.py"]);
  });

  it("lists relative to a cwd below the repository top", async () => {
    initRepo(dir);
    await writeTree(dir, { "top.ts": "x", "src/a.ts": "x", "src/lib/b.ts": "x" });
    expect(await listPaths(["."], [], path.join(dir, "src"))).toEqual(["a.ts", "lib/b.ts"]);
    expect(await listPaths([".."], [], path.join(dir, "src"))).toEqual(["../src/a.ts", "../src/lib/b.ts", "../top.ts"]);
  });

  it("walks a git-ignored directory named explicitly, keeping its own nested .gitignore", async () => {
    initRepo(dir);
    await writeTree(dir, {
      ".gitignore": "out/\n",
      "src/a.ts": "x",
      "out/bundle.js": "x",
      "out/.gitignore": "*.map\n",
      "out/bundle.js.map": "x",
    });
    expect(await listPaths(["."])).toEqual([".gitignore", "src/a.ts"]);
    const listing = await list(["out"]);
    expect(listing.roots).toEqual([{ path: "out", kind: "directory" }]);
    expect(listing.files.map((f) => f.path)).toEqual(["out/.gitignore", "out/bundle.js"]);
  });
});

describe("outside a git repository", () => {
  it("sets aside .gitignore rules covering everything in a directory named explicitly", async () => {
    await writeTree(dir, { ".gitignore": "generated/*\n", "generated/a.py": "x", "b.py": "x" });
    expect(await listPaths(["."])).toEqual([".gitignore", "b.py"]);
    expect(await listPaths(["generated"])).toEqual(["generated/a.py"]);
  });

  it("honours every .gitignore in the tree, nested ones for their own subtree", async () => {
    await writeTree(dir, {
      ".gitignore": "*.log\n/generated/\n",
      "pkg/.gitignore": "!keep.log\nlocal.txt\n",
      "a.log": "x",
      "local.txt": "x",
      "generated/x.ts": "x",
      "pkg/keep.log": "x",
      "pkg/b.log": "x",
      "pkg/local.txt": "x",
      "pkg/generated/y.ts": "x",
    });
    const listing = await list(["."]);
    expect(listing.files.map((f) => f.path)).toEqual([
      ".gitignore",
      "local.txt",
      "pkg/.gitignore",
      "pkg/generated/y.ts",
      "pkg/keep.log",
    ]);
    expect(listing.ignored.gitignore).toBe(4);
    // The .gitignore above a named subdirectory still applies to it.
    expect(await listPaths(["pkg"])).toEqual(["pkg/.gitignore", "pkg/generated/y.ts", "pkg/keep.log"]);
  });

  it("does not follow symlinks, and a symlink loop does not hang", async () => {
    await writeTree(dir, { "real/a.ts": "x", "outside/secret.ts": "x" });
    await symlink(path.join(dir, "real", "a.ts"), path.join(dir, "real", "link-to-file.ts"));
    await symlink(path.join(dir, "outside"), path.join(dir, "real", "link-to-dir"));
    await symlink("..", path.join(dir, "real", "loop"));
    await mkdir(path.join(dir, "real", "self"));
    await symlink(".", path.join(dir, "real", "self", "again"));
    const listing = await list(["real"]);
    expect(listing.roots).toEqual([{ path: "real", kind: "directory" }]);
    expect(listing.files.map((f) => f.path)).toEqual(["real/a.ts"]);
  });

  it("exports the built-in skip lists as data", () => {
    expect(SKIPPED_DIRECTORIES).toContain("node_modules");
    expect(SKIPPED_DIRECTORIES).toContain(".git");
    expect(LOCKFILES).toContain("package-lock.json");
    expect(LOCKFILES).toContain("bun.lockb");
  });
});
