// How many scan threads a run gets when the user does not say.

import { availableParallelism } from "node:os";

/**
 * One per core beyond the main thread's, at most 4 (beyond that the main
 * thread's reading is the limit). On 2 cores no thread pays: the main thread
 * reads on one core, so a scanning thread shares the other with git and the
 * kernel, and its start-up and message copies cost more than it saves —
 * measured on the 10,000-file bench tree, interleaved medians: plain 870 ms
 * inline, 843 ms with 1 thread, 1,066 ms with 2; in git 770, 852, 1,000 ms.
 */
export function defaultThreads(): number {
  const cores = availableParallelism();
  return cores <= 2 ? 0 : Math.min(4, cores - 1);
}
