// How many scan threads a run gets when the user does not say.

import { availableParallelism } from "node:os";

/** One per core, at most 4: beyond that the main thread's reading is the limit. */
export function defaultThreads(): number {
  return Math.min(4, availableParallelism());
}
