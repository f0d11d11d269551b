// Masks the values `fix` moves out of the code in every line it prints, in time
// linear in the line: a file with 16,000 tokens prints 32,000 diff lines, and
// trying every value on every line was 512 million searches.

import { maskTokenShaped, redact } from "../detect/redact.js";

/** Values shorter than this are not masked by value (they would mask ordinary words). */
const MIN_SECRET_LENGTH = 8;

export class SecretMask {
  /** The values by their first MIN_SECRET_LENGTH characters: a line is read once, each offset looked up. */
  private readonly byPrefix = new Map<string, string[]>();

  constructor(secrets: Iterable<string>) {
    for (const secret of new Set(secrets)) {
      if (secret.length < MIN_SECRET_LENGTH) continue;
      const prefix = secret.slice(0, MIN_SECRET_LENGTH);
      const list = this.byPrefix.get(prefix);
      if (list) list.push(secret);
      else this.byPrefix.set(prefix, [secret]);
    }
  }

  /**
   * The line with every stretch covered by one or more known values redacted as
   * one (overlapping values merge, so no value survives in pieces either), then
   * every token-shaped run (the detector's own judge: hex tokens too), whether
   * or not a finding named it.
   */
  mask(line: string): string {
    // Stretches covered by known values, in line order; values starting inside one extend it.
    const covers: [start: number, end: number][] = [];
    if (this.byPrefix.size > 0) {
      for (let at = 0; at + MIN_SECRET_LENGTH <= line.length; at++) {
        const candidates = this.byPrefix.get(line.slice(at, at + MIN_SECRET_LENGTH));
        if (candidates === undefined) continue;
        for (const secret of candidates) {
          if (!line.startsWith(secret, at)) continue;
          const last = covers[covers.length - 1];
          if (last !== undefined && at <= last[1]) last[1] = Math.max(last[1], at + secret.length);
          else covers.push([at, at + secret.length]);
        }
      }
    }
    let masked = "";
    let copied = 0;
    for (const [start, end] of covers) {
      masked += line.slice(copied, start) + redact(line.slice(start, end));
      copied = end;
    }
    masked += line.slice(copied);
    return maskTokenShaped(masked);
  }
}
