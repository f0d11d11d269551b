import { afterEach, describe, expect, it } from "vitest";
import { compileGitignoreLine, compileGitignorePatterns, GitignoreMatcher, parseGitignore } from "../../src/sources/gitignore.js";
import { git, initRepo, makeTempDir, removeDir, writeTree } from "./helpers.js";

function ignored(gitignore: string, path: string, isDir = false): boolean {
  return new GitignoreMatcher(parseGitignore(gitignore)).isIgnored(path, isDir);
}

// [.gitignore text, path, is a directory, ignored]
const semantics: [string, string, boolean, boolean][] = [
  // a name without a slash matches at any depth
  ["*.log", "a.log", false, true],
  ["*.log", "deep/dir/a.log", false, true],
  ["*.log", "a.log.txt", false, false],
  ["*.log", "x.log/inside.txt", false, true],
  // comments, blank lines, escapes
  ["# a.log\n\n", "# a.log", false, false],
  ["# a.log", "a.log", false, false],
  ["\\#hash", "#hash", false, true],
  ["\\!bang", "!bang", false, true],
  ["esc\\*aped", "esc*aped", false, true],
  ["esc\\*aped", "escXaped", false, false],
  // negation: the last matching line wins
  ["*.log\n!keep.log", "keep.log", false, false],
  ["*.log\n!keep.log", "sub/keep.log", false, false],
  ["*.log\n!keep.log", "other.log", false, true],
  ["!keep.log\n*.log", "keep.log", false, true],
  // trailing spaces are dropped unless escaped; CRLF and a BOM are tolerated
  ["foo   ", "foo", false, true],
  ["foo\\ ", "foo ", false, true],
  ["foo\\ ", "foo", false, false],
  ["a.txt\r\nb.txt\r\n", "b.txt", false, true],
  ["\uFEFFa.txt", "a.txt", false, true],
  // trailing slash: directories only (and so everything inside them)
  ["build/", "build", true, true],
  ["build/", "build", false, false],
  ["build/", "src/build/out.js", false, true],
  // a leading or middle slash anchors to the .gitignore's directory
  ["/root.txt", "root.txt", false, true],
  ["/root.txt", "sub/root.txt", false, false],
  ["doc/frotz", "doc/frotz", false, true],
  ["doc/frotz", "a/doc/frotz", false, false],
  ["frotz", "a/doc/frotz", false, true],
  ["doc/frotz/", "doc/frotz/x.txt", false, true],
  // * and ? never cross a slash
  ["a/*.txt", "a/x.txt", false, true],
  ["a/*.txt", "a/b/x.txt", false, false],
  ["?.txt", "a.txt", false, true],
  ["?.txt", "ab.txt", false, false],
  ["x/a?b", "x/a/b", false, false],
  ["caf?.txt", "café.txt", false, true],
  // **
  ["**/foo", "foo", false, true],
  ["**/foo", "a/b/foo", false, true],
  ["**/foo/bar", "x/y/foo/bar", false, true],
  ["**/foo/bar", "x/foo/baz", false, false],
  ["abc/**", "abc/x", false, true],
  ["abc/**", "abc/x/y", false, true],
  ["abc/**", "abc", false, false],
  ["a/**/b", "a/b", false, true],
  ["a/**/b", "a/x/b", false, true],
  ["a/**/b", "a/x/y/b", false, true],
  ["a/**/b", "a/xb", false, false],
  ["x/foo**bar", "x/fooZbar", false, true],
  ["x/foo**bar", "x/foo/y/bar", false, false],
  ["**", "anything/at/all", false, true],
  // bracket expressions
  ["[abc].txt", "b.txt", false, true],
  ["[abc].txt", "d.txt", false, false],
  ["[!abc].txt", "d.txt", false, true],
  ["[^abc].txt", "a.txt", false, false],
  ["file[0-9]", "file7", false, true],
  ["file[0-9]", "filex", false, false],
  ["file[[:digit:]]", "file7", false, true],
  ["file[[:digit:]]", "filex", false, false],
  ["[]]x", "]x", false, true],
  ["[a-]x", "-x", false, true],
  ["x[\\]]y", "x]y", false, true],
  ["[unterminated", "[unterminated", false, false],
  ["[[:nope:]]", "n", false, false],
  // nothing inside an excluded directory can be re-included
  ["dir/\n!dir/keep.txt", "dir/keep.txt", false, true],
  ["dir/*\n!dir/keep.txt", "dir/keep.txt", false, false],
  ["dir/*\n!dir/keep.txt", "dir/other.txt", false, true],
];

describe("gitignore semantics", () => {
  it.each(semantics)("%j ignores %j (dir: %s): %s", (gitignore, path, isDir, expected) => {
    expect(ignored(gitignore, path, isDir)).toBe(expected);
  });

  it("skips blank lines and comments when compiling", () => {
    expect(parseGitignore("\n# comment\n   \n*.log\n").map((rule) => rule.pattern)).toEqual(["*.log"]);
    expect(compileGitignoreLine("!")).toBeNull();
    expect(compileGitignoreLine("/")).toBeNull();
  });

  it("describes each rule's flags", () => {
    const [rule] = parseGitignore("!/docs/build/", "sub");
    expect(rule).toMatchObject({ pattern: "/docs/build", base: "sub", negated: true, dirOnly: true, anchored: true });
    expect(rule?.matches("sub/docs/build", true)).toBe(true);
    expect(rule?.matches("docs/build", true)).toBe(false);
  });
});

describe("nested .gitignore files", () => {
  const matcher = (): GitignoreMatcher =>
    new GitignoreMatcher()
      // deliberately added deepest first: precedence follows depth, not insertion
      .addFile("!keep.txt\n/only-here\n*.md\n", "sub")
      .addFile("*.txt\n", "");

  it("lets a deeper file re-include what a shallower one ignores", () => {
    const m = matcher();
    expect(m.isIgnored("sub/keep.txt", false)).toBe(false);
    expect(m.isIgnored("keep.txt", false)).toBe(true);
    expect(m.isIgnored("sub/other.txt", false)).toBe(true);
  });

  it("anchors a nested file's patterns to its own directory and subtree", () => {
    const m = matcher();
    expect(m.isIgnored("sub/only-here", false)).toBe(true);
    expect(m.isIgnored("sub/x/only-here", false)).toBe(false);
    expect(m.isIgnored("only-here", false)).toBe(false);
    expect(m.isIgnored("sub/deep/a.md", false)).toBe(true);
    expect(m.isIgnored("README.md", false)).toBe(false);
    expect(m.isIgnored("subway/a.md", false)).toBe(false);
  });

  it("gives the same answers with many .gitignore files (ancestor lookup)", () => {
    const m = matcher();
    for (let i = 0; i < 40; i++) m.addFile("*.tmp\n", `pkg${i}`);
    expect(m.isIgnored("sub/keep.txt", false)).toBe(false);
    expect(m.isIgnored("sub/other.txt", false)).toBe(true);
    expect(m.isIgnored("sub/x/only-here", false)).toBe(false);
    expect(m.isIgnored("sub/only-here", false)).toBe(true);
    expect(m.isIgnored("pkg7/a.tmp", false)).toBe(true);
    expect(m.isIgnored("pkg7x/a.tmp", false)).toBe(false);
  });

  it("reports a rule's own verdict with decide", () => {
    const m = new GitignoreMatcher(parseGitignore("*.log\n!keep.log"));
    expect(m.decide("a.log", false)).toBe(true);
    expect(m.decide("keep.log", false)).toBe(false);
    expect(m.decide("a.txt", false)).toBeUndefined();
  });
});

describe("explicit roots", () => {
  const config = (): GitignoreMatcher =>
    new GitignoreMatcher(compileGitignorePatterns(["examples", "test/fixtures", "*.snap", "vendor/**"]));

  it("judges only what lies below the root with `below`", () => {
    const m = new GitignoreMatcher(parseGitignore("examples/"));
    expect(m.isIgnored("examples/a.ts", false)).toBe(true);
    expect(m.isIgnored("examples/a.ts", false, "examples")).toBe(false);
    expect(m.isIgnored("examples/x/examples/a.ts", false, "examples")).toBe(true);
  });

  it("sets aside the rules covering a named root, its ancestors or everything inside it", () => {
    const scoped = config().exceptRulesCovering("examples");
    expect(scoped.isIgnored("examples/a.ts", false, "examples")).toBe(false);
    expect(scoped.isIgnored("examples/a.snap", false, "examples")).toBe(true);

    const fixtures = config().exceptRulesCovering("test/fixtures/leaky");
    expect(fixtures.isIgnored("test/fixtures/leaky/a.ts", false, "test/fixtures/leaky")).toBe(false);

    const vendor = config().exceptRulesCovering("vendor");
    expect(vendor.isIgnored("vendor/lib/a.ts", false, "vendor")).toBe(false);
  });

  it("keeps rules about things deeper inside the root", () => {
    const scoped = config().exceptRulesCovering("test");
    expect(scoped.isIgnored("test/fixtures/a.ts", false, "test")).toBe(true);
    expect(scoped.isIgnored("test/unit/a.ts", false, "test")).toBe(false);
    expect(config().exceptRulesCovering("").isIgnored("examples/a.ts", false)).toBe(true);
  });
});

describe("matching time", () => {
  it("stays linear on patterns that make backtracking matchers explode", () => {
    const m = new GitignoreMatcher(parseGitignore("*a*a*a*a*a*a*a*a*a*a*b\nx/**/**/**/**/**/**/**/y\n[a]*[a]*[a]*[a]*[a]*c"));
    const long = "a".repeat(50_000);
    const deep = `x/${"d/".repeat(300)}z`;
    const started = performance.now();
    expect(m.isIgnored(long, false)).toBe(false);
    expect(m.isIgnored(deep, false)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("agreement with git", () => {
  let dir = "";
  afterEach(async () => {
    await removeDir(dir);
  });

  it("ignores exactly the files git ignores in a tree with nested .gitignore files", async () => {
    dir = await makeTempDir();
    initRepo(dir);
    const rootRules = [
      "# comment",
      "*.log",
      "!keep.log",
      "build/",
      "/root.txt",
      "doc/frotz",
      "abc/**",
      "a/**/b",
      "file[[:digit:]]",
      "\\#hash",
      "\\!bang",
      "dir/*",
      "!dir/keep.txt",
      "locked/",
      "!locked/keep.txt",
      "trail\\ ",
      "spaced   ",
      "x\\[1\\].cfg",
      "**/gen/*.js",
      "?.tmp",
      "[a-c]z.dat",
    ].join("\n");
    const files = [
      "a.log",
      "keep.log",
      "sub/a.log",
      "sub/keep.log",
      "build/out.js",
      "src/build/out.js",
      "src/build.js",
      "doc/frotz",
      "a/doc/frotz",
      "root.txt",
      "sub/root.txt",
      "abc/f",
      "abc/x/y",
      "abcd",
      "a/b",
      "a/x/b",
      "a/x/y/b",
      "a/xb",
      "file7",
      "filex",
      "#hash",
      "!bang",
      "dir/keep.txt",
      "dir/other.txt",
      "locked/keep.txt",
      "trail ",
      "trail",
      "spaced",
      "x[1].cfg",
      "x1.cfg",
      "p/gen/a.js",
      "p/q/gen/b.js",
      "p/gen/deep/c.js",
      "a.tmp",
      "ab.tmp",
      "bz.dat",
      "dz.dat",
      "deep/nested/only-here",
      "deep/nested/x/only-here",
      "deep/nested/a.md",
      "deep/nested/a.log",
      "deep/nested/keep.me",
      "README.md",
      "name with space.txt",
      "café.txt",
    ];
    const tree: Record<string, string> = {
      ".gitignore": rootRules,
      "deep/nested/.gitignore": "/only-here\n*.md\n!a.log\n*.me\n!keep.me\n",
    };
    for (const file of files) tree[file] = "x";
    await writeTree(dir, tree);

    const matcher = new GitignoreMatcher()
      .addFile(rootRules, "")
      .addFile(tree["deep/nested/.gitignore"] ?? "", "deep/nested");
    const ours = [".gitignore", "deep/nested/.gitignore", ...files].filter((f) => !matcher.isIgnored(f, false)).sort();
    const theirs = git(dir, ["ls-files", "-z", "--others", "--exclude-standard"]).split("\0").filter(Boolean).sort();
    expect(ours).toEqual(theirs);
    // and the table is not trivially all-or-nothing
    expect(theirs.length).toBeGreaterThan(10);
    expect(theirs.length).toBeLessThan(files.length);
  });
});
