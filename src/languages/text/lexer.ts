// Front end for files no other front end understands (logs, unknown languages):
// the whole text is one bare string, so only `key = value` shapes inside it match.

import { bareString } from "../shared/scanner.js";
import type { LexResult } from "../shared/tokens.js";

export function lexText(text: string, start = 0, end = text.length): LexResult {
  if (end <= start) return { tokens: [], embedded: [] };
  return { tokens: [bareString(start, end)], embedded: [] };
}
