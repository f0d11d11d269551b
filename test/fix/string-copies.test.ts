// withStringCopies: every copy of a value in its string gets the finding's edit; a
// token that goes on past its string is reported, not half-moved; and the work
// stays linear in the file (character reads counted, never timed).
import { describe, expect, it } from "vitest";
import { planFixes, type FixInput } from "../../src/fix/plan.js";
import { withStringCopies } from "../../src/fix/string-copies.js";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(801);
const HEAD = fakeToken(802, 16);
const TAIL = fakeToken(803, 16);
const URL = "https://api.convoso.com/v1/leads/search";

function plan(path: string, text: string) {
  const input: FixInput = { path, text, findings: scanText(path, text) };
  return planFixes([input], { scan: scanText });
}

describe("the same token twice in one string", () => {
  it.each([
    ["a.py", `url = "${URL}?auth_token=${T}&cb=${T}"\n`, `import os\nurl = f"${URL}?auth_token={os.environ['CONVOSO_AUTH_TOKEN']}&cb={os.environ['CONVOSO_AUTH_TOKEN']}"\n`],
    ["a.js", `const url = "${URL}?auth_token=${T}&cb=${T}";\n`, `const url = \`${URL}?auth_token=\${process.env.CONVOSO_AUTH_TOKEN}&cb=\${process.env.CONVOSO_AUTH_TOKEN}\`;\n`],
    ["a.sh", `curl "${URL}?auth_token=${T}&cb=${T}"\n`, `curl "${URL}?auth_token=\${CONVOSO_AUTH_TOKEN}&cb=\${CONVOSO_AUTH_TOKEN}"\n`],
  ])("%s: both copies are replaced", (path, text, fixed) => {
    const result = plan(path, text);
    expect(result.files.map((file) => file.newText)).toEqual([fixed]);
    expect(result.envEntries).toEqual([{ name: "CONVOSO_AUTH_TOKEN", value: T }]);
    expect(result.left).toEqual([]);
  });

  it("leaves a copy glued into a longer word alone (it is another value)", () => {
    const text = `const url = "${URL}?auth_token=${T}&cb=x${T}";\n`;
    expect(withStringCopies("a.js", text, scanText("a.js", text)).findings[0]!.suggestion.edits).toHaveLength(3);
  });
});

describe("a token split across strings or lines", () => {
  it.each([
    ["concatenated literals", "a.js", `const url = "${URL}?auth_token=" + "${HEAD}" + "${TAIL}";\n`],
    ["adjacent literals after a line continuation", "a.py", `url = "${URL}?auth_token=${HEAD}" \\\n  "${TAIL}"\n`],
    ["a line continuation inside a string", "a.sh", `curl "${URL}?auth_token=${HEAD}\\\n${TAIL}"\n`],
  ])("%s: the file is left untouched, the finding says why", (_name, path, text) => {
    const result = plan(path, text);
    expect(result.files).toEqual([]);
    expect(result.envEntries).toEqual([]);
    expect(result.left.map((left) => left.advice)).toEqual([expect.stringContaining("the token continues in the next string or line")]);
  });

  it("a whole token followed by another string is not split", () => {
    const text = `const url = "${URL}?auth_token=${T}" + "&page=2";\n`;
    expect(plan("a.js", text).files.map((file) => file.newText)).toEqual([`const url = \`${URL}?auth_token=\${process.env.CONVOSO_AUTH_TOKEN}\` + "&page=2";\n`]);
  });

  it("other findings in the file are left too, pointing at the split one", () => {
    const text = `const a = "${URL}?auth_token=" + "${HEAD}" + "${TAIL}";\nconst authToken = "${T}";\n`;
    const result = plan("a.js", text);
    expect(result.files).toEqual([]);
    expect(result.left.map((left) => [left.line, left.advice])).toEqual([
      [1, expect.stringMatching(/^the token continues in the next string or line/)],
      [2, "not fixed: fix leaves this file untouched until the split token at line 1 is joined"],
    ]);
  });
});

/** String.prototype.charCodeAt and slice calls made by withStringCopies, per character of the text. */
function readsPerCharacter(path: string, text: string): number {
  const findings = scanText(path, text);
  expect(findings.length).toBeGreaterThan(0);
  let reads = 0;
  const { charCodeAt, slice } = String.prototype;
  String.prototype.charCodeAt = function (this: string, index: number) {
    reads++;
    return charCodeAt.call(this, index);
  };
  String.prototype.slice = function (this: string, start?: number, end?: number) {
    reads++;
    return slice.call(this, start, end);
  };
  try {
    withStringCopies(path, text, findings);
  } finally {
    String.prototype.charCodeAt = charCodeAt;
    String.prototype.slice = slice;
  }
  return reads / text.length;
}

describe("withStringCopies cost", () => {
  const shapes: [name: string, path: string, make: (size: number) => string][] = [
    ["many findings and copies in one JS string", "a.js", (size) => `const url = "${URL}?${Array.from({ length: size }, (_, i) => `auth_token=${fakeToken(i)}&cb=${fakeToken(i)}`).join("&")}";\n`],
    ["one value copied many times in one Python string", "a.py", (size) => `url = "${URL}?auth_token=${T}${`&cb=${T}`.repeat(size)}"\n`],
    ["many strings, each with a finding and a copy", "a.sh", (size) => Array.from({ length: size }, (_, i) => `curl "${URL}?auth_token=${fakeToken(i)}&cb=${fakeToken(i)}"\n`).join("")],
  ];
  it.each(shapes)("%s: reads per character stay flat from 200 to 2,000", (_name, path, make) => {
    const small = readsPerCharacter(path, make(200));
    const large = readsPerCharacter(path, make(2_000));
    expect(large).toBeLessThan(small * 1.5 + 0.5);
  });
});
