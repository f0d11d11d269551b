// The --replace-text file must mean, to git filter-repo, exactly "replace each
// of these values". Its parser (filter-repo's get_replace_text) is mirrored here.

import { describe, expect, it } from "vitest";
import { REPLACEMENT, replaceTextRules } from "../../src/history-rewrite/replace-text-file.js";

/** git filter-repo's get_replace_text, line for line: the literals it would replace, and with what. */
function filterRepoLiterals(text: string): { literals: [string, string][]; regexes: number } {
  const literals: [string, string][] = [];
  let regexes = 0;
  for (const raw of text.split("\n")) {
    let line = raw.replace(/[\r\n]+$/, "");
    let replacement = "***REMOVED***";
    const split = line.lastIndexOf("==>");
    if (split >= 0) [line, replacement] = [line.slice(0, split), line.slice(split + 3)];
    if (line.startsWith("regex:") || line.startsWith("glob:")) {
      regexes++;
      continue;
    }
    if (line.startsWith("literal:")) line = line.slice(8);
    if (line === "") continue;
    literals.push([line, replacement]);
  }
  return { literals, regexes };
}

describe("replaceTextRules", () => {
  it("gives filter-repo each distinct value once, as a literal replaced by REDACTED", () => {
    const values = ["b-token-value-22", "a-token-value-11", "b-token-value-22", "ends-with==", "has==>arrow", "regex:^x", "glob:*", "literal:x"];
    const { text, rules, unwritable } = replaceTextRules(values);
    const expected = [...new Set(values)].sort();
    expect(rules).toBe(expected.length);
    expect(unwritable).toBe(0);
    expect(filterRepoLiterals(text)).toEqual({ literals: expected.map((value) => [value, REPLACEMENT]), regexes: 0 });
  });

  it("leaves out, and counts, a value no filter-repo line can hold", () => {
    const { text, rules, unwritable } = replaceTextRules(["one\ntwo", "carriage\rreturn", "plain-value-123"]);
    expect({ rules, unwritable }).toEqual({ rules: 1, unwritable: 2 });
    expect(text).toBe(`plain-value-123==>${REPLACEMENT}\n`);
  });
});
