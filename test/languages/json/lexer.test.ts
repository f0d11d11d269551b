import { describe, expect, it } from "vitest";
import { lexJson } from "../../../src/languages/javascript/json-lexer.js";
import { expectLinear, fuzz } from "../lex-helpers.js";

describe("lexJson", () => {
  it("decodes a string that holds escaped JSON as an embedded JSON region, mapped to the file", () => {
    const text = `{"extra": "{\\"auth_token\\": \\"abc\\", \\"n\\": 1}", "plain": "{not json}", "note": "a \\"quote\\""}`;
    const { embedded } = lexJson(text);
    expect(embedded).toHaveLength(1);
    const region = embedded[0]!;
    expect(region.language).toBe("json");
    expect(region.decoded?.text).toBe(`{"auth_token": "abc", "n": 1}`);
    // The decoded `abc` maps back to the file's `abc`.
    const at = region.decoded!.text.indexOf("abc");
    expect(text.slice(region.decoded!.starts[at]!, region.decoded!.ends[at + 2]!)).toBe("abc");
  });

  it("keeps its ranges on random input and reads each character a bounded number of times", () => {
    fuzz(lexJson, '{}[]"\\:,ab ');
    expectLinear(lexJson, (n) => '"{\\"'.repeat(n / 4));
    expectLinear(lexJson, (n) => '["{\\"a\\": 1}", '.repeat(n / 15));
  });
});
