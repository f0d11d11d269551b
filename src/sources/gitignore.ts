// Compiles the config's gitignore-style `ignore` globs (and .gitignore files) into
// a matcher with git's semantics. Pure, so every door judges `ignore` with this one
// matcher: the walks git cannot list for us, the staged and history scans, and the
// ESLint rule.

// How a pattern matches. Each line is parsed once (comments, `!`, trailing `/`,
// anchoring, trailing spaces, as git's dir.c does) and its glob is compiled into
// a short program of tokens: literal, `?`, `[class]`, `*` (never crosses `/`),
// a trailing or lone `**` (anything), and `**/` (zero or more whole directories),
// following git's wildmatch with WM_PATHNAME. A program runs as a set-of-states
// simulation (Thompson NFA): each character of the path advances every live
// state at once, so a test costs O(path length x pattern length) however many
// stars the pattern has, with no backtracking (`*a*a*a*a*b` cannot blow up).
// Plain names, `*.ext` and `prefix*` skip the simulation.
//
// Which rule wins: for one path, rules from the deepest .gitignore that can see
// it come first, and within a file the last matching line wins; `!` re-includes.
// As in git, nothing inside an ignored directory can be re-included, so a path
// is ignored when it or any ancestor directory is (`isIgnored`).
//
// Paths are POSIX, relative to the matcher's top (the walk uses the working
// directory), without a leading `./` or trailing `/`. Characters are compared as
// Unicode code points (git compares bytes), so `?` matches one `é`, as people expect.

/** One compiled gitignore line. */
export interface GitignoreRule {
  /** The glob as written, after comment, `!`, trailing-space and trailing-`/` handling. */
  readonly pattern: string;
  /** Directory of the file the rule came from, POSIX, relative to the matcher's top ("" = top). */
  readonly base: string;
  /** `!pattern`: re-includes what an earlier rule excluded. */
  readonly negated: boolean;
  /** `pattern/`: matches directories only. */
  readonly dirOnly: boolean;
  /**
   * The glob contains a slash (leading or middle), so it is matched against the
   * whole path below `base`; otherwise against the last segment, at any depth.
   */
  readonly anchored: boolean;
  /** Whether the glob matches `path` (relative to the matcher's top), disregarding `negated`. */
  matches(path: string, isDir: boolean): boolean;
}

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const DASH = 0x2d;
const BANG = 0x21;
const CARET = 0x5e;
const SPACE = 0x20;

type NamedClass =
  | "alnum"
  | "alpha"
  | "blank"
  | "cntrl"
  | "digit"
  | "graph"
  | "lower"
  | "print"
  | "punct"
  | "space"
  | "upper"
  | "xdigit";

const NAMED_CLASSES: ReadonlySet<string> = new Set<NamedClass>([
  "alnum",
  "alpha",
  "blank",
  "cntrl",
  "digit",
  "graph",
  "lower",
  "print",
  "punct",
  "space",
  "upper",
  "xdigit",
]);

type ClassItem = { kind: "range"; lo: number; hi: number } | { kind: "named"; name: NamedClass };

type Token =
  | { kind: "literal"; code: number }
  | { kind: "any" } // ?
  | { kind: "class"; negated: boolean; items: ClassItem[] } // [...]
  | { kind: "star" } // *: a run of non-slash characters
  | { kind: "globstar" } // trailing `/**` or a lone `**`: anything, slashes included
  // `**/`, zero or more whole directories, takes two states: `dirsEnter` consumes
  // nothing and may skip the whole construct; `dirsBody` consumes characters and
  // leaves only through a `/`. (One state would let `a/**/b` match `a/xb`.)
  | { kind: "dirsEnter" }
  | { kind: "dirsBody" };

/** C-locale (ASCII) character classes, as git's wildmatch uses them. */
function inNamedClass(name: NamedClass, c: number): boolean {
  const upper = c >= 65 && c <= 90;
  const lower = c >= 97 && c <= 122;
  const digit = c >= 48 && c <= 57;
  switch (name) {
    case "alnum":
      return upper || lower || digit;
    case "alpha":
      return upper || lower;
    case "blank":
      return c === SPACE || c === 9;
    case "cntrl":
      return c < 32 || c === 127;
    case "digit":
      return digit;
    case "graph":
      return c > 32 && c < 127;
    case "lower":
      return lower;
    case "print":
      return c >= 32 && c < 127;
    case "punct":
      return c > 32 && c < 127 && !(upper || lower || digit);
    case "space":
      return c === SPACE || (c >= 9 && c <= 13);
    case "upper":
      return upper;
    case "xdigit":
      return digit || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  }
}

function classMatches(token: { negated: boolean; items: ClassItem[] }, c: number): boolean {
  // A class never matches the separator (WM_PATHNAME).
  if (c === SLASH) return false;
  let hit = false;
  for (const item of token.items) {
    if (item.kind === "range" ? c >= item.lo && c <= item.hi : inNamedClass(item.name, c)) {
      hit = true;
      break;
    }
  }
  return hit !== token.negated;
}

function codeWidth(code: number): number {
  return code > 0xffff ? 2 : 1;
}

/**
 * Parses `[...]` starting just after the `[`, with wildmatch's rules: `!` or `^`
 * negates, a `]` first is literal, `a-z` ranges, `\x` escapes, `[:name:]`.
 * Returns null for a class git would abort on (unterminated, unknown name).
 */
function parseClass(glob: string, start: number): { token: Token; next: number } | null {
  const n = glob.length;
  let p = start;
  let negated = false;
  if (p < n && (glob.charCodeAt(p) === BANG || glob.charCodeAt(p) === CARET)) {
    negated = true;
    p++;
  }
  const items: ClassItem[] = [];
  let previous: number | null = null; // the last single character, which may start a range
  let first = true;
  for (;;) {
    if (p >= n) return null;
    let c = glob.codePointAt(p) ?? 0;
    if (c === CLOSE_BRACKET && !first) return { token: { kind: "class", negated, items }, next: p + 1 };
    first = false;
    if (c === BACKSLASH) {
      p++;
      if (p >= n) return null;
      c = glob.codePointAt(p) ?? 0;
      items.push({ kind: "range", lo: c, hi: c });
      previous = c;
      p += codeWidth(c);
    } else if (c === DASH && previous !== null && p + 1 < n && glob.charCodeAt(p + 1) !== CLOSE_BRACKET) {
      p++;
      let hi = glob.codePointAt(p) ?? 0;
      if (hi === BACKSLASH) {
        p++;
        if (p >= n) return null;
        hi = glob.codePointAt(p) ?? 0;
      }
      items.push({ kind: "range", lo: previous, hi });
      previous = null;
      p += codeWidth(hi);
    } else if (c === OPEN_BRACKET && glob.charCodeAt(p + 1) === COLON) {
      const close = glob.indexOf("]", p + 2);
      if (close === -1) return null;
      if (glob.charCodeAt(close - 1) !== COLON || close - 1 < p + 2) {
        // No `:]` before the first `]`: the `[` is an ordinary member.
        items.push({ kind: "range", lo: OPEN_BRACKET, hi: OPEN_BRACKET });
        previous = OPEN_BRACKET;
        p++;
      } else {
        const name = glob.slice(p + 2, close - 1);
        if (!NAMED_CLASSES.has(name)) return null;
        items.push({ kind: "named", name: name as NamedClass });
        previous = null;
        p = close + 1;
      }
    } else {
      items.push({ kind: "range", lo: c, hi: c });
      previous = c;
      p += codeWidth(c);
    }
  }
}

/** Tokenizes a glob; null when git would never match it (bad class, trailing `\`). */
function tokenize(glob: string): Token[] | null {
  const tokens: Token[] = [];
  const n = glob.length;
  let i = 0;
  while (i < n) {
    const c = glob.codePointAt(i) ?? 0;
    if (c === BACKSLASH) {
      if (i + 1 >= n) return null;
      const escaped = glob.codePointAt(i + 1) ?? 0;
      tokens.push({ kind: "literal", code: escaped });
      i += 1 + codeWidth(escaped);
    } else if (c === QUESTION) {
      tokens.push({ kind: "any" });
      i++;
    } else if (c === OPEN_BRACKET) {
      const parsed = parseClass(glob, i + 1);
      if (parsed === null) return null;
      tokens.push(parsed.token);
      i = parsed.next;
    } else if (c === STAR) {
      let j = i;
      while (j < n && glob.charCodeAt(j) === STAR) j++;
      // `**` is special only as a whole segment; elsewhere it is a plain `*`.
      if (j - i >= 2 && (i === 0 || glob.charCodeAt(i - 1) === SLASH)) {
        if (j === n) {
          tokens.push({ kind: "globstar" });
          i = j;
          continue;
        }
        if (glob.charCodeAt(j) === SLASH) {
          tokens.push({ kind: "dirsEnter" }, { kind: "dirsBody" });
          i = j + 1;
          continue;
        }
        if (glob.charCodeAt(j) === BACKSLASH && glob.charCodeAt(j + 1) === SLASH) {
          tokens.push({ kind: "dirsEnter" }, { kind: "dirsBody" });
          i = j + 2;
          continue;
        }
      }
      tokens.push({ kind: "star" });
      i = j;
    } else {
      tokens.push({ kind: "literal", code: c });
      i += codeWidth(c);
    }
  }
  return tokens;
}

function literalText(tokens: readonly Token[]): string | null {
  let text = "";
  for (const token of tokens) {
    if (token.kind !== "literal") return null;
    text += String.fromCodePoint(token.code);
  }
  return text;
}

/** A compiled glob: fast paths for the common shapes, the state simulation otherwise. */
class GlobProgram {
  private readonly tokens: Token[];
  private readonly exact: string | null = null;
  private readonly suffix: string | null = null; // `*suffix`
  private readonly prefix: string | null = null; // `prefix*`
  // Scratch state sets, reused across calls (matching is synchronous).
  private current: Uint8Array;
  private next: Uint8Array;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
    this.current = new Uint8Array(tokens.length + 1);
    this.next = new Uint8Array(tokens.length + 1);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    this.exact = literalText(tokens);
    if (this.exact === null && first?.kind === "star") this.suffix = literalText(tokens.slice(1));
    if (this.exact === null && this.suffix === null && last?.kind === "star") {
      this.prefix = literalText(tokens.slice(0, -1));
    }
  }

  test(text: string): boolean {
    if (this.exact !== null) return text === this.exact;
    if (this.suffix !== null) {
      const head = text.length - this.suffix.length;
      if (head < 0 || !text.endsWith(this.suffix)) return false;
      const slash = text.indexOf("/");
      return slash === -1 || slash >= head;
    }
    if (this.prefix !== null) {
      return text.startsWith(this.prefix) && text.indexOf("/", this.prefix.length) === -1;
    }
    return this.simulate(text);
  }

  /** Adds state `s` and everything reachable from it without consuming a character. */
  private add(set: Uint8Array, s: number): void {
    if (set[s] === 1) return;
    set[s] = 1;
    const token = this.tokens[s];
    if (token === undefined) return;
    if (token.kind === "star" || token.kind === "globstar") this.add(set, s + 1);
    else if (token.kind === "dirsEnter") {
      this.add(set, s + 1);
      this.add(set, s + 2);
    }
  }

  private simulate(text: string): boolean {
    const tokens = this.tokens;
    const m = tokens.length;
    let current = this.current;
    let next = this.next;
    current.fill(0);
    this.add(current, 0);
    for (let i = 0; i < text.length; ) {
      const c = text.codePointAt(i) ?? 0;
      i += codeWidth(c);
      next.fill(0);
      let alive = false;
      for (let s = 0; s < m; s++) {
        if (current[s] !== 1) continue;
        const token = tokens[s];
        if (token === undefined) continue;
        switch (token.kind) {
          case "literal":
            if (c === token.code) {
              this.add(next, s + 1);
              alive = true;
            }
            break;
          case "any":
            if (c !== SLASH) {
              this.add(next, s + 1);
              alive = true;
            }
            break;
          case "class":
            if (classMatches(token, c)) {
              this.add(next, s + 1);
              alive = true;
            }
            break;
          case "star":
            if (c !== SLASH) {
              this.add(next, s);
              alive = true;
            }
            break;
          case "globstar":
            this.add(next, s);
            alive = true;
            break;
          case "dirsEnter":
            break; // consumes nothing; its moves were taken when it was added
          case "dirsBody":
            // Inside the skipped directories; a `/` may also end them.
            this.add(next, s);
            if (c === SLASH) this.add(next, s + 1);
            alive = true;
            break;
        }
      }
      const swap = current;
      current = next;
      next = swap;
      if (!alive) break;
    }
    const matched = current[m] === 1;
    this.current = current;
    this.next = next;
    return matched;
  }
}

class CompiledRule implements GitignoreRule {
  constructor(
    readonly pattern: string,
    readonly base: string,
    readonly negated: boolean,
    readonly dirOnly: boolean,
    readonly anchored: boolean,
    private readonly program: GlobProgram,
  ) {}

  matches(path: string, isDir: boolean): boolean {
    if (this.base === "") return this.matchesBelowBase(path, isDir);
    if (path.length <= this.base.length || !path.startsWith(this.base) || path.charCodeAt(this.base.length) !== SLASH) {
      return false;
    }
    return this.matchesBelowBase(path.slice(this.base.length + 1), isDir);
  }

  /** `relative` is the path below `base`. */
  matchesBelowBase(relative: string, isDir: boolean): boolean {
    if (this.dirOnly && !isDir) return false;
    if (this.anchored) return this.program.test(relative);
    return this.program.test(relative.slice(relative.lastIndexOf("/") + 1));
  }
}

/** git's trim_trailing_spaces: drop trailing spaces unless the first is escaped with `\`. */
function trimTrailingSpaces(line: string): string {
  let lastSpace = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === SPACE) {
      if (lastSpace === -1) lastSpace = i;
    } else if (c === BACKSLASH) {
      i++;
      if (i >= line.length) return line;
      lastSpace = -1;
    } else {
      lastSpace = -1;
    }
  }
  return lastSpace === -1 ? line : line.slice(0, lastSpace);
}

/** Normalizes a base directory: POSIX, no `./` prefix, no trailing `/`, "" for the top. */
function normalizeBase(base: string): string {
  let b = base.replace(/\\/g, "/");
  while (b.startsWith("./")) b = b.slice(2);
  while (b.endsWith("/")) b = b.slice(0, -1);
  return b === "." ? "" : b;
}

/**
 * Compiles one gitignore line; null for blank lines, comments and patterns git
 * would never match. `base` is the directory the line's file lives in.
 */
export function compileGitignoreLine(line: string, base = ""): GitignoreRule | null {
  let text = line.endsWith("\r") ? line.slice(0, -1) : line;
  if (text === "" || text.startsWith("#")) return null;
  text = trimTrailingSpaces(text);
  let negated = false;
  if (text.startsWith("!")) {
    negated = true;
    text = text.slice(1);
  }
  let dirOnly = false;
  if (text.endsWith("/")) {
    dirOnly = true;
    text = text.slice(0, -1);
  }
  if (text === "") return null;
  // A slash anywhere left (leading or middle) anchors the pattern to its base.
  const anchored = text.includes("/");
  const glob = text.startsWith("/") ? text.slice(1) : text;
  const tokens = tokenize(glob);
  if (tokens === null || tokens.length === 0) return null;
  return new CompiledRule(text, normalizeBase(base), negated, dirOnly, anchored, new GlobProgram(tokens));
}

/** Compiles the text of a .gitignore file whose directory is `base` (relative to the matcher's top). */
export function parseGitignore(text: string, base = ""): GitignoreRule[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rules: GitignoreRule[] = [];
  for (const line of body.split("\n")) {
    const rule = compileGitignoreLine(line, base);
    if (rule !== null) rules.push(rule);
  }
  return rules;
}

/** Compiles a list of gitignore-style globs (one line each), e.g. the config's `ignore`. */
export function compileGitignorePatterns(patterns: readonly string[], base = ""): GitignoreRule[] {
  const rules: GitignoreRule[] = [];
  for (const pattern of patterns) {
    const rule = compileGitignoreLine(pattern, base);
    if (rule !== null) rules.push(rule);
  }
  return rules;
}

/** Up to this many .gitignore files, `decide` scans the bases instead of the path's ancestors. */
const MANY_BASES = 16;

/** Name used to ask "would this rule ignore any file directly inside?"; NUL never occurs in a file name. */
const PROBE_CHILD = "\u0000";

/** Rules from any number of gitignore files, each applying to its own subtree. */
export class GitignoreMatcher {
  /** Rules grouped by base directory, in file order (later lines win). */
  private readonly groups = new Map<string, CompiledRule[]>();
  /** The bases deepest first, for paths checked against a few groups without slicing. */
  private basesDeepestFirst: string[] = [];
  /** Memoized "is this directory ignored", per `below`, then per directory: shared by all files inside it. */
  private readonly dirCache = new Map<string, Map<string, boolean>>();

  constructor(rules: Iterable<GitignoreRule> = []) {
    this.addRules(rules);
  }

  /** Number of rules held. */
  get size(): number {
    let count = 0;
    for (const group of this.groups.values()) count += group.length;
    return count;
  }

  /** Adds rules; a rule added later outranks an earlier one with the same base. */
  addRules(rules: Iterable<GitignoreRule>): this {
    for (const rule of rules) {
      // Only rules made by this module can be matched; others are a programming error.
      if (!(rule instanceof CompiledRule)) throw new TypeError("GitignoreMatcher takes rules compiled by gitignore.ts");
      const group = this.groups.get(rule.base);
      if (group) group.push(rule);
      else this.groups.set(rule.base, [rule]);
    }
    const depth = (base: string): number => (base === "" ? 0 : base.split("/").length);
    this.basesDeepestFirst = [...this.groups.keys()].sort((a, b) => depth(b) - depth(a));
    this.dirCache.clear();
    return this;
  }

  /** Adds a .gitignore file's text; `base` is its directory relative to the matcher's top. */
  addFile(text: string, base: string): this {
    return this.addRules(parseGitignore(text, base));
  }

  /**
   * The verdict of the rules for `path` alone, not looking at its parents:
   * true (ignored), false (re-included by `!`), or undefined (no rule matches).
   */
  decide(path: string, isDir: boolean): boolean | undefined {
    // Deepest base first: a nested .gitignore outranks the ones above it. With
    // few .gitignore files, test each base as a prefix; with many (monorepos),
    // look up each ancestor of the path instead.
    if (this.basesDeepestFirst.length <= MANY_BASES) {
      for (const base of this.basesDeepestFirst) {
        let relative = path;
        if (base !== "") {
          if (path.length <= base.length || path.charCodeAt(base.length) !== SLASH || !path.startsWith(base)) continue;
          relative = path.slice(base.length + 1);
        }
        const verdict = this.verdictOf(this.groups.get(base), relative, isDir);
        if (verdict !== undefined) return verdict;
      }
      return undefined;
    }
    let end = path.lastIndexOf("/");
    for (;;) {
      const base = end === -1 ? "" : path.slice(0, end);
      const group = this.groups.get(base);
      if (group !== undefined) {
        const verdict = this.verdictOf(group, end === -1 ? path : path.slice(end + 1), isDir);
        if (verdict !== undefined) return verdict;
      }
      if (end <= 0) return undefined;
      end = path.lastIndexOf("/", end - 1);
    }
  }

  /** The last rule of one file that matches decides. */
  private verdictOf(group: readonly CompiledRule[] | undefined, relative: string, isDir: boolean): boolean | undefined {
    if (group === undefined) return undefined;
    for (let i = group.length - 1; i >= 0; i--) {
      const rule = group[i];
      if (rule !== undefined && rule.matchesBelowBase(relative, isDir)) return !rule.negated;
    }
    return undefined;
  }

  /**
   * git's answer: `path` is ignored when it, or any directory above it, is.
   * With `below` (a directory prefix of `path`), only the parts of the path
   * under `below` are judged: the walk passes the root the user named, which is
   * listed even when a rule would ignore it.
   */
  isIgnored(path: string, isDir: boolean, below = ""): boolean {
    if (this.groups.size === 0) return false;
    const start = below === "" ? 0 : below.length + 1;
    const slash = path.lastIndexOf("/");
    if (slash >= start) {
      let cache = this.dirCache.get(below);
      if (cache === undefined) {
        cache = new Map();
        this.dirCache.set(below, cache);
      }
      if (this.isDirIgnored(path.slice(0, slash), start, cache)) return true;
    }
    return this.decide(path, isDir) === true;
  }

  private isDirIgnored(dir: string, start: number, cache: Map<string, boolean>): boolean {
    const cached = cache.get(dir);
    if (cached !== undefined) return cached;
    const slash = dir.lastIndexOf("/");
    const ignored = (slash >= start && this.isDirIgnored(dir.slice(0, slash), start, cache)) || this.decide(dir, true) === true;
    cache.set(dir, ignored);
    return ignored;
  }

  /**
   * A copy without the rules that would ignore `root` itself, one of its
   * ancestors, or every file directly inside it (`root/**`, `root/*`): a
   * directory the user names explicitly is scanned even when a rule covers it,
   * while rules about things deeper inside keep applying.
   */
  exceptRulesCovering(root: string): GitignoreMatcher {
    const target = normalizeBase(root);
    const copy = new GitignoreMatcher();
    if (target === "") {
      copy.addRules(this.rulesInOrder());
      return copy;
    }
    const ancestors: string[] = [];
    for (let i = target.indexOf("/"); i !== -1; i = target.indexOf("/", i + 1)) ancestors.push(target.slice(0, i));
    ancestors.push(target);
    const probe = `${target}/${PROBE_CHILD}`;
    const kept = this.rulesInOrder().filter(
      (rule) => rule.negated || !(ancestors.some((dir) => rule.matches(dir, true)) || rule.matches(probe, false)),
    );
    copy.addRules(kept);
    return copy;
  }

  private rulesInOrder(): CompiledRule[] {
    const all: CompiledRule[] = [];
    for (const group of this.groups.values()) all.push(...group);
    return all;
  }
}
