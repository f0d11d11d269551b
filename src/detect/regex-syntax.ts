// A reader of JavaScript regular-expression source (no flags, the syntax
// `new RegExp(source)` accepts), into the few shapes the backtracking check
// needs: character sets, sequences, alternatives, repeats, zero-width
// assertions, lookarounds and back-references. It reads patterns `new RegExp`
// has already accepted; what it does not know it reports, and the check refuses.

/** Sorted, disjoint, inclusive ranges of UTF-16 code units. */
export type CharSet = readonly (readonly [number, number])[];

export type RegexNode =
  | { kind: "chars"; set: CharSet }
  | { kind: "assertion" }
  | { kind: "sequence"; items: RegexNode[] }
  | { kind: "alternation"; branches: RegexNode[] }
  | { kind: "repeat"; body: RegexNode; min: number; max: number }
  | { kind: "lookaround"; body: RegexNode }
  | { kind: "backreference" };

/** Raised for syntax this reader does not know (the caller refuses the pattern). */
export class UnknownRegexSyntax extends Error {
  override readonly name = "UnknownRegexSyntax";
}

const LAST_CODE_UNIT = 0xffff;

function code(char: string): number {
  return char.charCodeAt(0);
}

function range(from: string, to: string): [number, number] {
  return [code(from), code(to)];
}

/** Ranges in any order, overlapping or not, as a CharSet. */
export function normalise(ranges: readonly (readonly [number, number])[]): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [low, high] of sorted) {
    const last = merged[merged.length - 1];
    if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high);
    else merged.push([low, high]);
  }
  return merged;
}

export function complement(set: CharSet): CharSet {
  const result: [number, number][] = [];
  let next = 0;
  for (const [low, high] of set) {
    if (low > next) result.push([next, low - 1]);
    next = high + 1;
  }
  if (next <= LAST_CODE_UNIT) result.push([next, LAST_CODE_UNIT]);
  return result;
}

/** Whether two sets share a code unit. */
export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]![1] < b[j]![0]) i++;
    else if (b[j]![1] < a[i]![0]) j++;
    else return true;
  }
  return false;
}

const DIGITS: CharSet = [range("0", "9")];
const WORD: CharSet = normalise([range("0", "9"), range("A", "Z"), range("_", "_"), range("a", "z")]);
const SPACE: CharSet = normalise(
  ["\t", "\n", "\v", "\f", "\r", " ", "\u00a0", "\u1680", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"].map((char) => range(char, char)).concat([range("\u2000", "\u200a")]),
);
const LINE_TERMINATORS: CharSet = normalise(["\n", "\r", "\u2028", "\u2029"].map((char) => range(char, char)));
const CLASS_ESCAPES: Record<string, CharSet> = { d: DIGITS, D: complement(DIGITS), w: WORD, W: complement(WORD), s: SPACE, S: complement(SPACE) };
const CONTROL_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", v: "\v", f: "\f" };

/** Reads `source` (already accepted by `new RegExp(source)`); throws UnknownRegexSyntax for what it does not know. */
export function parseRegex(source: string): RegexNode {
  return new RegexReader(source).read();
}

class RegexReader {
  private at = 0;

  constructor(private readonly source: string) {}

  read(): RegexNode {
    const node = this.alternation();
    if (this.at < this.source.length) throw new UnknownRegexSyntax(`unexpected "${this.source[this.at]}"`);
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.at + offset];
  }

  private alternation(): RegexNode {
    const branches = [this.sequence()];
    while (this.peek() === "|") {
      this.at++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { kind: "alternation", branches };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.at < this.source.length && this.peek() !== "|" && this.peek() !== ")") items.push(this.quantified(this.atom()));
    return { kind: "sequence", items };
  }

  private quantified(atom: RegexNode): RegexNode {
    const bounds = this.quantifier();
    if (bounds === undefined) return atom;
    if (this.peek() === "?") this.at++; // lazy: the same choices, tried in the other order
    return { kind: "repeat", body: atom, ...bounds };
  }

  private quantifier(): { min: number; max: number } | undefined {
    const char = this.peek();
    if (char === "*" || char === "+" || char === "?") {
      this.at++;
      return { min: char === "+" ? 1 : 0, max: char === "?" ? 1 : Infinity };
    }
    if (char !== "{") return undefined;
    // `{` is a literal unless it opens {n}, {n,} or {n,m}.
    const braced = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
    if (!braced) return undefined;
    this.at += braced[0].length;
    const min = Number(braced[1]);
    const max = braced[2] === undefined ? min : braced[3] === "" ? Infinity : Number(braced[3]);
    return { min, max };
  }

  private atom(): RegexNode {
    const char = this.source[this.at++]!;
    switch (char) {
      case "^":
      case "$":
        return { kind: "assertion" };
      case ".":
        return { kind: "chars", set: complement(LINE_TERMINATORS) };
      case "[":
        return { kind: "chars", set: this.characterClass() };
      case "(":
        return this.group();
      case "\\":
        return this.escape();
      case "*":
      case "+":
      case "?":
        throw new UnknownRegexSyntax(`a quantifier with nothing to repeat`);
      default:
        return { kind: "chars", set: [[code(char), code(char)]] };
    }
  }

  private group(): RegexNode {
    let lookaround = false;
    if (this.peek() === "?") {
      const head = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(this.source.slice(this.at));
      if (!head) throw new UnknownRegexSyntax(`unknown group "(${this.source.slice(this.at, this.at + 3)}"`);
      lookaround = head[0] === "?=" || head[0] === "?!" || head[0] === "?<=" || head[0] === "?<!";
      this.at += head[0].length;
    }
    const body = this.alternation();
    if (this.source[this.at++] !== ")") throw new UnknownRegexSyntax("an unclosed group");
    return lookaround ? { kind: "lookaround", body } : body;
  }

  private escape(): RegexNode {
    const char = this.source[this.at]!;
    if (char === "b" || char === "B") {
      this.at++;
      return { kind: "assertion" };
    }
    if (/[1-9]/.test(char) || (char === "k" && this.peek(1) === "<")) return { kind: "backreference" };
    return { kind: "chars", set: this.escapedSet() };
  }

  /** The set an escape stands for (the backslash already read), inside a class or out. */
  private escapedSet(): CharSet {
    const char = this.source[this.at++];
    if (char === undefined) throw new UnknownRegexSyntax("a trailing backslash");
    const classEscape = CLASS_ESCAPES[char];
    if (classEscape) return classEscape;
    const single = (value: number): CharSet => [[value, value]];
    const control = CONTROL_ESCAPES[char];
    if (control !== undefined) return single(code(control));
    const hex = char === "x" ? /^[\da-fA-F]{2}/.exec(this.source.slice(this.at)) : char === "u" ? /^[\da-fA-F]{4}/.exec(this.source.slice(this.at)) : null;
    if (hex) {
      this.at += hex[0].length;
      return single(parseInt(hex[0], 16));
    }
    if (char === "c" && /[A-Za-z]/.test(this.peek() ?? "")) return single(code(this.source[this.at++]!) % 32);
    if (char === "0" && !/\d/.test(this.peek() ?? "")) return single(0);
    if (/\d/.test(char)) throw new UnknownRegexSyntax("an octal escape");
    // Any other escaped character stands for itself (`\.`, `\-`, `\/`).
    return single(code(char));
  }

  private characterClass(): CharSet {
    const negated = this.peek() === "^";
    if (negated) this.at++;
    const ranges: (readonly [number, number])[] = [];
    while (this.peek() !== "]") {
      if (this.at >= this.source.length) throw new UnknownRegexSyntax("an unclosed character class");
      const low = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined && low.length === 1 && low[0]![0] === low[0]![1]) {
        const save = this.at;
        this.at++;
        const high = this.classAtom();
        if (high.length === 1 && high[0]![0] === high[0]![1]) {
          ranges.push([low[0]![0], high[0]![0]]);
          continue;
        }
        // `[a-\d]`: the dash is a literal.
        this.at = save;
      }
      ranges.push(...low);
    }
    this.at++;
    const set = normalise(ranges);
    return negated ? complement(set) : set;
  }

  private classAtom(): CharSet {
    const char = this.source[this.at++]!;
    if (char !== "\\") return [[code(char), code(char)]];
    if (this.peek() === "b") {
      this.at++;
      return [[code("\b"), code("\b")]];
    }
    if (this.peek() === "-") {
      this.at++;
      return [[code("-"), code("-")]];
    }
    return this.escapedSet();
  }
}
