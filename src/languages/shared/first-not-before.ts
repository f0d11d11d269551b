// Bisection over anything ordered by position: the matcher's keyword offsets, a string's escapes,
// the ESLint rule's findings, the fix's accepted edits.

/**
 * The first index in `0..length` for which `isBefore` is false, where
 * `isBefore` holds for a prefix of the indices and for none after it
 * (an ascending list and "item < sought"). `length` when it holds for all.
 */
export function firstNotBefore(length: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The first index of `sorted` (ascending) whose value is not below `value`;
 * `sorted.length` when all are. firstNotBefore for a list of offsets, without
 * a closure: the matcher asks this for tokens by the thousand, and a closure
 * over the caller's variables costs an allocation on every call. Also maps
 * offsets through a decoded region (Int32Array).
 */
export function firstAtOrAfter(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
