// node:crypto, loaded on first use. A scan that finds nothing (the pre-commit
// hook's usual run) never hashes, and loading node:crypto (some twenty internal
// modules) was a measurable part of every start-up.

import type * as Crypto from "node:crypto";
import { createRequire } from "node:module";

let loaded: typeof Crypto | undefined;

/** node:crypto, loaded synchronously the first time it is asked for. */
export function nodeCrypto(): typeof Crypto {
  loaded ??= createRequire(import.meta.url)("node:crypto") as typeof Crypto;
  return loaded;
}
