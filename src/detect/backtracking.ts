// Whether a pattern from a user's config can make JavaScript's backtracking
// regex engine take super-linear time. A repository's config reaches every
// developer's hook and editor, so `(a1|a|1)+Z` must be refused at load, not
// run for minutes on a 52-character value.
//
// The test is determinism (one-unambiguity): read each character of a value,
// exactly one part of the pattern may match it. Then every choice the engine
// makes but one fails at the next character, and matching costs the value's
// length times the pattern's size. Checked on the Glushkov positions (each
// character set of the pattern; a repeat unrolled twice, which shows every
// follow relation its copies have) with the follow sets built as the
// positions are. Zero-width parts must not multiply the ways to reach a
// position either: no repeated part that can match nothing, no two
// alternatives that both can. Back-references and quantifiers inside a
// lookaround are refused outright.

import { intersects, parseRegex, UnknownRegexSyntax, type CharSet, type RegexNode } from "./regex-syntax.js";

/** Positions past which a pattern is refused as too complex to check (a repeat unrolls its body). */
const MAX_POSITIONS = 5_000;

/** Why `source` may backtrack super-linearly, as a clause ("…"); undefined when it is safe. */
export function backtrackingProblem(source: string): string | undefined {
  let root: RegexNode;
  try {
    root = parseRegex(source);
  } catch (error) {
    if (error instanceof UnknownRegexSyntax) return `uses syntax the safety check does not know (${error.message})`;
    throw error;
  }
  try {
    const automaton = new Glushkov();
    const whole = automaton.build(root);
    return automaton.ambiguity(whole.first);
  } catch (error) {
    if (error instanceof Refused) return error.message;
    throw error;
  }
}

class Refused extends Error {
  override readonly name = "Refused";
}

/** What a part of the pattern matches first and last, and whether it can match nothing. */
interface Fragment {
  nullable: boolean;
  first: number[];
  last: number[];
}

class Glushkov {
  private readonly sets: CharSet[] = [];
  private readonly follow: Set<number>[] = [];

  build(node: RegexNode): Fragment {
    switch (node.kind) {
      case "chars":
        return this.position(node.set);
      case "assertion":
        return EMPTY;
      case "backreference":
        throw new Refused("uses a back-reference, which can backtrack exponentially");
      case "lookaround":
        if (containsRepeat(node.body)) throw new Refused("has a quantifier inside a lookaround, which is re-run at every position");
        this.build(node.body);
        return EMPTY;
      case "sequence":
        return node.items.reduce((fragment, item) => this.concat(fragment, this.build(item)), EMPTY);
      case "alternation": {
        const branches = node.branches.map((branch) => this.build(branch));
        if (branches.filter((branch) => branch.nullable).length > 1) throw new Refused("has two alternatives that can both match nothing");
        return { nullable: branches.some((branch) => branch.nullable), first: branches.flatMap((branch) => branch.first), last: branches.flatMap((branch) => branch.last) };
      }
      case "repeat":
        return this.repeat(node.body, node.min, node.max);
    }
  }

  /**
   * `body{min,max}`: up to two required copies (a third adds no follow relation
   * the second lacks), then an optional copy that loops back to itself when more
   * than one more may follow.
   */
  private repeat(body: RegexNode, min: number, max: number): Fragment {
    let fragment = EMPTY;
    for (let copy = 0; copy < Math.min(min, 2); copy++) fragment = this.concat(fragment, this.build(body));
    if (max <= min) return fragment;
    const optional = this.build(body);
    if (optional.nullable) throw new Refused("repeats a part that can match nothing");
    if (max - min >= 2) for (const last of optional.last) this.addFollow(last, optional.first);
    return this.concat(fragment, { ...optional, nullable: true });
  }

  private position(set: CharSet): Fragment {
    const id = this.sets.length;
    if (id >= MAX_POSITIONS) throw new Refused("is too large to check for backtracking");
    this.sets.push(set);
    this.follow.push(new Set());
    return { nullable: false, first: [id], last: [id] };
  }

  private concat(a: Fragment, b: Fragment): Fragment {
    for (const last of a.last) this.addFollow(last, b.first);
    return {
      nullable: a.nullable && b.nullable,
      first: a.nullable ? [...a.first, ...b.first] : a.first,
      last: b.nullable ? [...a.last, ...b.last] : b.last,
    };
  }

  private addFollow(from: number, to: readonly number[]): void {
    const follow = this.follow[from]!;
    for (const id of to) follow.add(id);
  }

  /** The first place where two positions that may come next share a character, described; undefined when none does. */
  ambiguity(first: readonly number[]): string | undefined {
    const clash = (ids: Iterable<number>): string | undefined => {
      const list = [...ids];
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          if (intersects(this.sets[list[i]!]!, this.sets[list[j]!]!)) return describeShared(this.sets[list[i]!]!, this.sets[list[j]!]!);
        }
      }
      return undefined;
    };
    const shared = clash(new Set(first)) ?? this.follow.map((follow) => clash(follow)).find((found) => found !== undefined);
    return shared === undefined ? undefined : `can match ${shared} in two ways at one point (nested or adjacent quantifiers, or alternatives that start alike), so it can backtrack super-linearly`;
  }
}

const EMPTY: Fragment = { nullable: true, first: [], last: [] };

function containsRepeat(node: RegexNode): boolean {
  switch (node.kind) {
    case "repeat":
      return true;
    case "sequence":
      return node.items.some(containsRepeat);
    case "alternation":
      return node.branches.some(containsRepeat);
    case "lookaround":
      return containsRepeat(node.body);
    default:
      return false;
  }
}

/** A character both sets hold, for the message (`"a"`, or its code when unprintable). */
function describeShared(a: CharSet, b: CharSet): string {
  for (const [lowA, highA] of a) {
    for (const [lowB, highB] of b) {
      const low = Math.max(lowA, lowB);
      if (low <= Math.min(highA, highB)) {
        const char = String.fromCharCode(low);
        return /^[\x21-\x7e]$/.test(char) ? `"${char}"` : `U+${low.toString(16).toUpperCase().padStart(4, "0")}`;
      }
    }
  }
  return "a character";
}
