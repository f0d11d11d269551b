// Unified diffs for `fix --dry-run`, pure: Myers' line diff (linear in the file
// size times the few lines a fix changes; past MAX_EDIT_DISTANCE changed lines,
// a linear greedy alignment instead) with every printed line passed through a
// mask, so a removed secret is only ever shown redacted.

export interface DiffOptions {
  /** Label after `--- ` (e.g. `a/src/x.ts` or `/dev/null`). */
  oldLabel: string;
  /** Label after `+++ `. */
  newLabel: string;
  /** Lines of context around each change (default 3). */
  context?: number;
  /** Applied to every printed line (without its line break), the labels too. */
  mask?: (line: string) => string;
}

type Op = { kind: "same" | "removed" | "added"; line: string };

/** A unified diff of two texts; "" when they are equal. Line breaks (LF or CRLF) are not shown. */
export function unifiedDiff(oldText: string, newText: string, options: DiffOptions): string {
  if (oldText === newText) return "";
  const context = options.context ?? 3;
  const mask = options.mask ?? ((line: string) => line);
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  let out = `--- ${mask(options.oldLabel)}\n+++ ${mask(options.newLabel)}\n`;
  // Group the script into hunks: changes closer than 2 × context share one.
  let index = 0;
  let oldLine = 1;
  let newLine = 1;
  while (index < ops.length) {
    let firstChange = index;
    while (firstChange < ops.length && ops[firstChange]!.kind === "same") firstChange++;
    if (firstChange === ops.length) break;
    const start = Math.max(index, firstChange - context);
    for (let at = index; at < start; at++) {
      if (ops[at]!.kind !== "added") oldLine++;
      if (ops[at]!.kind !== "removed") newLine++;
    }
    let end = firstChange;
    let quiet = 0;
    for (let at = firstChange; at < ops.length; at++) {
      if (ops[at]!.kind === "same") {
        quiet++;
        if (quiet > 2 * context) break;
      } else {
        quiet = 0;
        end = at + 1;
      }
    }
    end = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((op) => op.kind !== "added").length;
    const newCount = hunk.filter((op) => op.kind !== "removed").length;
    out += `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n`;
    for (const op of hunk) out += `${op.kind === "same" ? " " : op.kind === "removed" ? "-" : "+"}${mask(op.line)}\n`;
    oldLine += oldCount;
    newLine += newCount;
    index = end;
  }
  return out;
}

function range(start: number, count: number): string {
  // An empty side names the line before it, as diff(1) does.
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Myers' O((N+M)·D) shortest edit script, keeping only the [-d, d] slice of V per step. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  // Common ends cost nothing and keep D (and memory) down to the changed region.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x0 = a.slice(head, a.length - tail);
  const y0 = b.slice(head, b.length - tail);
  const ops: Op[] = a.slice(0, head).map((line) => ({ kind: "same", line }));
  ops.push(...middle(x0, y0));
  ops.push(...a.slice(a.length - tail).map((line): Op => ({ kind: "same", line })));
  return ops;
}

/**
 * Beyond this many changed lines Myers' time (lines × distance) and trace
 * (distance²) grow too large: 16,000 rewritten lines took minutes and 4 GB.
 */
const MAX_EDIT_DISTANCE = 1_000;

function middle(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((line) => ({ kind: "added", line }));
  if (m === 0) return a.map((line) => ({ kind: "removed", line }));
  return myers(a, b) ?? greedy(a, b);
}

/** Lines looked ahead on each side for a line both texts share again. */
const RESYNC_WINDOW = 8;

/**
 * A valid, not always shortest, script in linear time for texts that differ in
 * many places, as a fix leaves them: lines rewritten in place and a few lines
 * inserted. At a difference it takes the nearest pair of equal lines within
 * RESYNC_WINDOW lines on each side; with none, the two lines differ.
 */
function greedy(a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = [];
  let x = 0;
  let y = 0;
  while (x < a.length && y < b.length) {
    if (a[x] === b[y]) {
      ops.push({ kind: "same", line: a[x++]! });
      y++;
      continue;
    }
    let skipA = 1;
    let skipB = 1;
    search: for (let distance = 1; distance <= 2 * RESYNC_WINDOW; distance++) {
      for (let i = Math.max(0, distance - RESYNC_WINDOW); i <= Math.min(distance, RESYNC_WINDOW); i++) {
        const j = distance - i;
        if (x + i < a.length && y + j < b.length && a[x + i] === b[y + j]) {
          skipA = i;
          skipB = j;
          break search;
        }
      }
    }
    for (let i = 0; i < skipA; i++) ops.push({ kind: "removed", line: a[x++]! });
    for (let j = 0; j < skipB; j++) ops.push({ kind: "added", line: b[y++]! });
  }
  while (x < a.length) ops.push({ kind: "removed", line: a[x++]! });
  while (y < b.length) ops.push({ kind: "added", line: b[y++]! });
  return ops;
}

/** Myers' shortest script, or undefined when it needs more than MAX_EDIT_DISTANCE edits. */
function myers(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;
  // Walk back through the snapshots: trace[d] holds V before step d, for k in [-d-1, d+1].
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const snapshot = trace[d]!;
    const at = (k: number): number => snapshot[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push({ kind: "same", line: a[--x]! });
      y--;
    }
    if (x === previousX) ops.push({ kind: "added", line: b[--y]! });
    else ops.push({ kind: "removed", line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: "same", line: a[--x]! });
    y--;
  }
  return ops.reverse();
}
