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
