// "did you mean `scan`?" for a mistyped command, flag or config key: the
// closest known name within a few edits, compared without regard to case.

/**
 * Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`, or
 * undefined when more than `limit`. Only cells within `limit` of the diagonal are
 * computed, so the work is O(limit × length) per pair, never length squared;
 * `tally.cells` counts them (for the linearity test).
 */
export function editDistanceWithin(a: string, b: string, limit: number, tally?: { cells: number }): number | undefined {
  if (Math.abs(a.length - b.length) > limit) return undefined;
  const over = limit + 1;
  const width = b.length + 1;
  // Three rows, reused: cells outside a row's band are `over` wherever a later row reads them.
  let beforePrevious = new Array<number>(width).fill(over);
  let previous = new Array<number>(width).fill(over);
  let current = new Array<number>(width).fill(over);
  for (let j = 0; j <= Math.min(limit, b.length); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - limit);
    const high = Math.min(b.length, i + limit);
    current[0] = i <= limit ? i : over;
    if (low > 1) current[low - 1] = over;
    if (high < b.length) current[high + 1] = over;
    let best = current[0]!;
    for (let j = low; j <= high; j++) {
      const same = a[i - 1] === b[j - 1];
      let cell = Math.min(previous[j - 1]! + (same ? 0 : 1), previous[j]! + 1, current[j - 1]! + 1);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cell = Math.min(cell, beforePrevious[j - 2]! + 1);
      current[j] = Math.min(cell, over);
      best = Math.min(best, current[j]!);
      if (tally !== undefined) tally.cells++;
    }
    if (best > limit) return undefined;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  const distance = previous[b.length]!;
  return distance <= limit ? distance : undefined;
}

/** How many edits still read as a typo of a name this long: 1 up to 4 characters, 2 up to 8, else 3. */
function typoLimit(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/** The candidate closest to `word` (the first of equals), if any is close enough to be what was meant. */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  const typed = word.toLowerCase();
  const limit = typoLimit(typed.length);
  let closest: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistanceWithin(typed, name.toLowerCase(), closest === undefined ? limit : closest.distance - 1);
    if (distance !== undefined) closest = { name, distance };
  }
  return closest?.name;
}
