// The env var each removed value is stored under: always the finding's own name,
// so `scan`, the ESLint suggestion and `fix` agree and every file fix rewrites
// together (code, compose files, workflows) reads one variable. A second,
// different value for a name is never given a numbered name nobody sets: it is
// kept as a commented-out line with where it was found, and the run warns.

import type { EnvEntry } from "./env-file.js";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface NameChoice {
  /** True when `.env` already holds (or this run stores) a different value under the name: this one is only a comment. */
  otherValue: boolean;
}

/** Names already set and chosen this run; call in a stable order (file, then offset) and the active value is stable too. */
export class EnvNames {
  private readonly valueOf = new Map<string, string>();
  /** `NAME\0value` of every commented-out value, written before or by this run. */
  private readonly commented: Set<string>;
  private readonly additions: EnvEntry[] = [];
  /** Per name, the distinct values found this run (the first is the one `.env` sets). */
  private readonly found = new Map<string, Set<string>>();

  constructor(existing: ReadonlyMap<string, string> = new Map(), commented: ReadonlySet<string> = new Set()) {
    for (const [name, value] of existing) this.valueOf.set(name, value);
    this.commented = new Set(commented);
  }

  /** Records `value` under `name`; `foundAt` (path:line) is written beside a value that can only be a comment. */
  choose(name: string, value: string, foundAt: string): NameChoice {
    if (!NAME.test(name)) throw new RangeError(`not an environment variable name: ${name}`);
    const values = this.found.get(name) ?? new Set<string>();
    values.add(value);
    this.found.set(name, values);
    const held = this.valueOf.get(name);
    if (held === undefined) {
      this.valueOf.set(name, value);
      this.additions.push({ name, value });
      return { otherValue: false };
    }
    if (held === value) return { otherValue: false };
    const key = `${name}\0${value}`;
    if (!this.commented.has(key)) {
      this.commented.add(key);
      this.additions.push({ name, value, foundAt });
    }
    return { otherValue: true };
  }

  /**
   * Records a value found in an example file (`.env.example`): kept as a commented-out
   * line with where it was found, never the value `.env` sets, and not counted among
   * the name's values (the example is no configuration anyone runs).
   */
  keepFromExample(name: string, value: string, foundAt: string): void {
    if (!NAME.test(name)) throw new RangeError(`not an environment variable name: ${name}`);
    const key = `${name}\0${value}`;
    if (this.valueOf.get(name) === value || this.commented.has(key)) return;
    this.commented.add(key);
    this.additions.push({ name, value, foundAt, fromExample: true });
  }

  /** The entries chosen by this run that the file does not hold yet, in the order chosen. */
  added(): EnvEntry[] {
    return [...this.additions];
  }

  /** Names that more than one distinct value was found for (counting the one `.env` already set), with how many. */
  shared(): Array<{ name: string; values: number }> {
    const shared: Array<{ name: string; values: number }> = [];
    for (const [name, values] of this.found) {
      const held = this.valueOf.get(name);
      const count = values.size + (held !== undefined && !values.has(held) ? 1 : 0);
      if (count > 1) shared.push({ name, values: count });
    }
    return shared;
  }
}
