// Git's object id of a file's bytes, computed from what a scan reads anyway:
// the key under which the scan cache remembers a file's findings.

import { nodeCrypto } from "../detect/lazy-crypto.js";

/**
 * The id `git hash-object` gives these bytes (SHA-1 object format): equal to the
 * index's id for a tracked file whose working copy is unchanged, so a file scan
 * and `scan --staged` (which has the index's ids for free) share cache entries.
 */
export function gitBlobId(bytes: Uint8Array): string {
  return nodeCrypto().createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
