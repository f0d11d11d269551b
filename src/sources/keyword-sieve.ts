// The byte-level first pass of a scan: most files hold none of the words every
// match needs, and telling so from the raw bytes skips decoding them as UTF-8.

import { anyOf } from "../detect/rule.js";

/**
 * Whether a file's bytes may hold one of the detector's required words
 * (`Detection.requiredWords`, lower case, compared case-insensitively as the
 * detector does). May over-report, never miss: a file it rejects cannot match.
 */
export class KeywordSieve {
  private readonly pattern: RegExp | null;
  /**
   * ASCII words can be searched in a Latin-1 view of the bytes (one byte, one
   * character, no decoding): a UTF-8 multi-byte sequence maps to characters at
   * U+0080..U+00FF, which never equal or case-fold to an ASCII letter.
   */
  private readonly asciiOnly: boolean;

  constructor(words: readonly string[]) {
    this.pattern = words.length === 0 ? null : anyOf(words);
    this.asciiOnly = words.every((word) => /^[\x20-\x7e]*$/.test(word));
  }

  mayMatch(bytes: Buffer): boolean {
    if (this.pattern === null) return false;
    return this.pattern.test(bytes.toString(this.asciiOnly ? "latin1" : "utf8"));
  }
}
