// EnvNames: every value goes to the finding's own name; a second value is a comment, never NAME_2.
import { describe, expect, it } from "vitest";
import { EnvNames } from "../../src/fix/env-names.js";
import { fakeToken } from "../support/tokens.js";

const A = fakeToken(601);
const B = fakeToken(602);
const C = fakeToken(603);

describe("EnvNames", () => {
  it("stores the first value under the name and every other one as a commented-out entry with where it was found", () => {
    const names = new EnvNames();
    expect(names.choose("CONVOSO_AUTH_TOKEN", A, "a.ts:1")).toEqual({ otherValue: false });
    expect(names.choose("CONVOSO_AUTH_TOKEN", A, "a.ts:2")).toEqual({ otherValue: false });
    expect(names.choose("CONVOSO_AUTH_TOKEN", B, "b.py:3")).toEqual({ otherValue: true });
    expect(names.choose("CONVOSO_AUTH_TOKEN", B, "c.sh:4")).toEqual({ otherValue: true });
    expect(names.added()).toEqual([{ name: "CONVOSO_AUTH_TOKEN", value: A }, { name: "CONVOSO_AUTH_TOKEN", value: B, foundAt: "b.py:3" }]);
    expect(names.shared()).toEqual([{ name: "CONVOSO_AUTH_TOKEN", values: 2 }]);
  });

  it("never overwrites an existing value and does not comment out a value the file already comments", () => {
    const names = new EnvNames(new Map([["CONVOSO_AUTH_TOKEN", A]]), new Set([`CONVOSO_AUTH_TOKEN\0${B}`]));
    expect(names.choose("CONVOSO_AUTH_TOKEN", B, "a.ts:1")).toEqual({ otherValue: true });
    expect(names.choose("CONVOSO_AUTH_TOKEN", C, "a.ts:2")).toEqual({ otherValue: true });
    expect(names.added()).toEqual([{ name: "CONVOSO_AUTH_TOKEN", value: C, foundAt: "a.ts:2" }]);
    expect(names.shared()).toEqual([{ name: "CONVOSO_AUTH_TOKEN", values: 3 }]);
  });

  it("warns of nothing when each name has one value", () => {
    const names = new EnvNames(new Map([["X", A]]));
    names.choose("X", A, "a.ts:1");
    names.choose("Y", B, "a.ts:2");
    expect(names.shared()).toEqual([]);
  });

  it("refuses a name that is no environment variable", () => {
    expect(() => new EnvNames().choose("not a name", A, "a.ts:1")).toThrow(RangeError);
  });
});
