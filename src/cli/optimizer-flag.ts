// Which V8 flag lets the optimizing compiler wait longer (optimizer-budget.ts sets
// it), by V8 version. `--interrupt-budget` exists up to V8 11 (Node 20); V8 12.4
// (Node 22), 13.6 (Node 24) and 14.6 (Node 26) no longer have it, and setting a
// flag V8 does not know prints "Error: unrecognized flag" on stderr, every run.

/** 16 x V8 11's default (66 KiB of bytecode executed between tier-up checks). */
const INTERRUPT_BUDGET = 16 * 67_584;

/** The last V8 major known to have `--interrupt-budget`. */
const LAST_V8_WITH_INTERRUPT_BUDGET = 11;

/** The flag to set on this V8 (`process.versions.v8`), or undefined where it has none. */
export function optimizerBudgetFlag(v8Version: string): string | undefined {
  const major = Number.parseInt(v8Version, 10);
  return major <= LAST_V8_WITH_INTERRUPT_BUDGET ? `--interrupt-budget=${INTERRUPT_BUDGET}` : undefined;
}
