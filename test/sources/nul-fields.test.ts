import { describe, expect, it } from "vitest";
import { NulFields } from "../../src/sources/nul-fields.js";

describe("NulFields", () => {
  it("joins fields cut by chunk boundaries, inside a multi-byte character too", () => {
    const bytes = Buffer.from("café\0naïve\0\0last", "utf8");
    // Every way of cutting the stream in two gives the same fields.
    for (let cut = 0; cut <= bytes.length; cut++) {
      const fields = new NulFields();
      const seen = [...fields.push(bytes.subarray(0, cut)), ...fields.push(bytes.subarray(cut))];
      expect(seen).toEqual(["café", "naïve", ""]);
      expect(fields.rest()).toBe("last");
    }
  });

  it("leaves nothing behind when the output ends with a NUL", () => {
    const fields = new NulFields();
    expect(fields.push(Buffer.from("a\0b\0"))).toEqual(["a", "b"]);
    expect(fields.rest()).toBe("");
  });
});
