// The bench's trees: generated mixed-language trees, their committed git variants,
// and what they hold (files and bytes, as every tool should see them).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BenchError, DEFAULT_MENTION_SHARE, KEYWORD, MANIFEST_NAME, generateTree } from "../generate-tree.mjs";
import { git } from "./commands.mjs";
import { fmtMB, rel } from "./format.mjs";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const TREES_DIR = path.join(REPO, "bench", ".trees");
/** Fixed identity and date of the git variant's single commit, so its hash never changes. */
export const BENCH_COMMIT_ENV = {
  GIT_AUTHOR_NAME: "token-guard bench",
  GIT_AUTHOR_EMAIL: "bench@token-guard.invalid",
  GIT_AUTHOR_DATE: "2024-01-01T00:00:00Z",
  GIT_COMMITTER_NAME: "token-guard bench",
  GIT_COMMITTER_EMAIL: "bench@token-guard.invalid",
  GIT_COMMITTER_DATE: "2024-01-01T00:00:00Z",
};

export function sizeLabel(n) {
  return n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

/**
 * Counts the regular files and bytes under `dir`, skipping `.git` directories.
 * files/bytes leave out the manifest at the root; allFiles/allBytes include it.
 */
export function walkStats(dir) {
  let files = 0;
  let bytes = 0;
  let manifestBytes = 0;
  let manifests = 0;
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== ".git") stack.push(full);
      } else if (entry.isFile()) {
        const size = fs.statSync(full).size;
        if (current === dir && entry.name === MANIFEST_NAME) {
          manifests++;
          manifestBytes += size;
        } else {
          files++;
          bytes += size;
        }
      }
    }
  }
  return { files, bytes, allFiles: files + manifests, allBytes: bytes + manifestBytes };
}

/**
 * The files under `dir` (POSIX paths relative to it, sorted) that hold KEYWORD in any
 * case, as token-guard's candidate search finds them: every file but `.git` and the
 * manifest at the root, read in full.
 */
export function filesHoldingKeyword(dir) {
  const holding = [];
  const stack = [""];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of fs.readdirSync(path.join(dir, current), { withFileTypes: true })) {
      const relPath = current ? `${current}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== ".git") stack.push(relPath);
      } else if (entry.isFile() && relPath !== MANIFEST_NAME) {
        // latin1 keeps one character a byte, so lower-casing finds the ASCII keyword in any case.
        if (fs.readFileSync(path.join(dir, relPath), "latin1").toLowerCase().includes(KEYWORD)) holding.push(relPath);
      }
    }
  }
  return holding.sort();
}

/** Generates (or reuses) a tree with generate-tree.mjs, regenerating it when its files were changed. */
export function prepareGenerated(dir, params) {
  let { manifest, generated, seconds } = generateTree(dir, params);
  const stats = walkStats(dir);
  if (!generated && (stats.files !== manifest.files || stats.bytes !== manifest.bytes)) {
    console.log(`${rel(dir)} changed since it was generated: regenerating`);
    ({ manifest, generated, seconds } = generateTree(dir, { ...params, force: true }));
  }
  console.log(
    generated
      ? `generated ${rel(dir)}: ${manifest.files} files, ${fmtMB(manifest.bytes)} MB in ${seconds.toFixed(1)} s`
      : `using ${rel(dir)}: ${manifest.files} files, ${fmtMB(manifest.bytes)} MB (already generated, seed ${manifest.params.seed})`,
  );
  return manifest;
}

/** Where the git variant records what it was made from: inside .git, so no tool sees it. */
export const GIT_MARKER = path.join(".git", "token-guard-bench.json");

/**
 * The git-repository variant of a generated tree: the same files (manifest included)
 * copied to `dir` and committed once with a fixed identity and date. Reused when
 * its marker names the same source manifest and HEAD; any leftover change is reset.
 */
export function prepareGitVariant(dir, sourceDir, sourceManifest) {
  const source = {
    generatorHash: sourceManifest.generatorHash,
    params: sourceManifest.params,
    files: sourceManifest.files,
    bytes: sourceManifest.bytes,
  };
  const partial = `${dir}.partial`;
  let marker = null;
  try {
    marker = JSON.parse(fs.readFileSync(path.join(dir, GIT_MARKER), "utf8"));
  } catch {
    // none
  }
  if (marker && !fs.existsSync(partial) && JSON.stringify(marker.source) === JSON.stringify(source)) {
    try {
      const head = git(["rev-parse", "HEAD"], dir).trim();
      if (head === marker.head) {
        git(["reset", "-q", "--hard"], dir);
        git(["clean", "-q", "-fdx"], dir);
        if (git(["status", "--porcelain"], dir).trim() === "") {
          console.log(`using ${rel(dir)}: the same files committed as ${head.slice(0, 12)} (already made)`);
          return { head, made: false };
        }
      }
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
    }
    console.log(`${rel(dir)} does not match its record: making it again`);
  }
  if (fs.existsSync(dir) && !marker && !fs.existsSync(partial) && fs.readdirSync(dir).length > 0) {
    throw new BenchError(`${rel(dir)} exists and was not made by bench/run.mjs; remove it or choose another --files/--seed`);
  }
  const started = process.hrtime.bigint();
  fs.writeFileSync(partial, "");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(sourceDir, dir, { recursive: true });
  git(["init", "-q", "-b", "main"], dir);
  // No automatic gc: `git commit` would otherwise start one in the background over the loose objects.
  for (const [key, value] of [["gc.auto", "0"], ["core.autocrlf", "false"], ["commit.gpgsign", "false"], ["user.name", BENCH_COMMIT_ENV.GIT_AUTHOR_NAME], ["user.email", BENCH_COMMIT_ENV.GIT_AUTHOR_EMAIL]]) {
    git(["config", key, value], dir);
  }
  // 100,000 files take minutes to add on a busy machine.
  git(["add", "-A"], dir, { timeoutMs: 30 * 60_000 });
  git(["commit", "-q", "-m", "bench tree"], dir, { env: BENCH_COMMIT_ENV, timeoutMs: 30 * 60_000 });
  const head = git(["rev-parse", "HEAD"], dir).trim();
  fs.writeFileSync(path.join(dir, GIT_MARKER), JSON.stringify({ source, head }, null, 2) + "\n");
  fs.rmSync(partial, { force: true });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`made ${rel(dir)}: ${sourceManifest.files} files committed as ${head.slice(0, 12)} in ${seconds.toFixed(1)} s`);
  return { head, made: true };
}

/** A clean line to append to a file, in its language's comment syntax (JSON has none: such files are left alone). */
export const CLEAN_LINE = {
  ".ts": "// bench: staged change",
  ".tsx": "// bench: staged change",
  ".js": "// bench: staged change",
  ".mjs": "// bench: staged change",
  ".cjs": "// bench: staged change",
  ".jsx": "// bench: staged change",
  ".php": "// bench: staged change",
  ".py": "# bench: staged change",
  ".sh": "# bench: staged change",
  ".bash": "# bench: staged change",
  ".yml": "# bench: staged change",
  ".yaml": "# bench: staged change",
  ".md": "Bench: staged change.",
};

/**
 * A tree of the scan table: { name, dir, kind: "plain" | "git" | "history", make() -> manifest, ...more }.
 * prepare() makes it (or checks the cached copy) once and returns its manifest;
 * stats() counts what the tools should read, unless the tree says otherwise.
 */
export function benchTree(fields) {
  return {
    stats() {
      return walkStats(this.dir);
    },
    ...fields,
    prepare() {
      this.manifest ??= this.make();
      return this.manifest;
    },
  };
}

/**
 * The generated trees, by how many files mention the keyword: `mixed`, the main tree
 * (about 5% of files hold `token`), and `sparse`, issue 18's second tree (under 1%:
 * the plants and a few mentions), where token-guard's fixed costs dominate.
 */
export const TREE_FLAVOURS = {
  mixed: { mentionShare: DEFAULT_MENTION_SHARE },
  sparse: { mentionShare: 0.005 },
};

/**
 * The generated tree of `files` files of a flavour (TREE_FLAVOURS) and the same files
 * committed: [plain, git]. keywordFiles() lists the files holding the keyword (read
 * once, from the plain tree), checked against the count the generator recorded.
 */
export function generatedTrees(flavour, files, seed) {
  const name = `${flavour}-${sizeLabel(files)}`;
  const { mentionShare } = TREE_FLAVOURS[flavour];
  const generated = { files, seed, mentionShare };
  const plain = benchTree({
    name,
    dir: path.join(TREES_DIR, name),
    kind: "plain",
    flavour,
    generated,
    make: () => prepareGenerated(path.join(TREES_DIR, name), { files, seed, plants: 5, mentionShare }),
    keywordFiles() {
      if (!this.holding) {
        const want = this.prepare().expect.keywordFiles;
        this.holding = filesHoldingKeyword(this.dir);
        if (this.holding.length !== want) throw new BenchError(`${rel(this.dir)}: ${this.holding.length} files hold "${KEYWORD}", its manifest says ${want}`);
      }
      return this.holding;
    },
  });
  const gitTree = benchTree({
    name: `${name}-git`,
    dir: path.join(TREES_DIR, `${name}-git`),
    kind: "git",
    flavour,
    generated,
    source: plain,
    make() {
      const sourceManifest = plain.prepare();
      this.head = prepareGitVariant(this.dir, plain.dir, sourceManifest).head;
      return sourceManifest;
    },
    // The same files, committed.
    keywordFiles: () => plain.keywordFiles(),
  });
  return [plain, gitTree];
}
