// The matchers' work on large files, counted rather than timed.
import { describe, expect, it } from "vitest";
import { defaultDetection } from "../../src/catalog.js";
import { createMatchContext, matchUnit } from "../../src/detect/match.js";
import { lexSource } from "../../src/languages/lex-source.js";
import type { LanguageId } from "../../src/languages/shared/tokens.js";
import { countingText } from "../languages/lex-helpers.js";

/** Characters the matchers read per character of `text` (lexing, done on the plain text, not counted). */
function matcherReadsPerChar(text: string, language: LanguageId): number {
  const rules = defaultDetection().rules;
  const units = lexSource(text, language);
  const counted = countingText(text);
  const context = createMatchContext(counted.text, rules, new Set());
  for (const unit of units) matchUnit(unit, context);
  return counted.reads() / text.length;
}

describe("matchUnit", () => {
  it.each(["javascript", "python"] as const)("reads each %s string once, however many strings follow it", (language) => {
    // A minified bundle's worth of strings, none holding markup, in a file that mentions a key.
    const file = (strings: number) => `auth_token = env\n${Array.from({ length: strings }, (_, i) => `f("a${i}")\n`).join("")}`;
    const small = matcherReadsPerChar(file(2_000), language);
    const large = matcherReadsPerChar(file(20_000), language);
    // Searching from each string to the next `<` anywhere after it read the rest of the file per string.
    expect(large).toBeLessThan(small * 1.5 + 1);
    expect(large).toBeLessThan(20);
  });
});
