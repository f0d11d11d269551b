import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset, lineAndColumn } from "../../src/config/json-error-offset.js";
import { jsonSyntaxProblem } from "../../src/config/json-syntax.js";
import { fakeToken } from "../support/tokens.js";

const TOKEN = fakeToken(950);

function parseError(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error("expected a syntax error");
}

describe("jsonSyntaxProblem", () => {
  it.each([
    ["an unquoted value", `{\n  "auth_token": ${TOKEN}\n}`],
    ["a bare token", TOKEN],
    ["a token as an array item", `{ "placeholders": [${TOKEN}] }`],
  ])("keeps what went wrong and drops the input V8 quotes: %s", (_, text) => {
    const error = parseError(text);
    expect((error as Error).message, "V8 quotes this input").toContain('"');
    const { problem } = jsonSyntaxProblem(error, text);
    expect(problem).not.toContain('"');
    expect(problem).not.toContain(TOKEN.slice(0, 5));
    expect(problem.length).toBeGreaterThan(10);
    expect((error as Error).message.startsWith(problem)).toBe(true);
  });

  it("says line and column, not V8's byte offset", () => {
    const text = '{\n  "ignore": ["a"]\n  "minLength": 14\n}';
    const { problem, line, column } = jsonSyntaxProblem(parseError(text), text);
    expect(problem).toBe("Expected ',' or '}' after property value");
    expect({ line, column }).toEqual({ line: 3, column: 3 });
  });

  it("places an error V8 gives no position for (an unquoted value)", () => {
    const text = `{\n  "placeholders": [\n    ${TOKEN}\n  ]\n}`;
    expect(jsonSyntaxProblem(parseError(text), text)).toMatchObject({ line: 3, column: 5 });
  });

  it("places a missing end at the end of the text", () => {
    expect(jsonSyntaxProblem(parseError('{\n  "a": 1'), '{\n  "a": 1')).toEqual({ problem: "Expected ',' or '}' after property value", line: 2, column: 9 });
    expect(jsonSyntaxProblem(parseError("{"), "{")).toEqual({ problem: (parseError("{") as Error).message.replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?$/, ""), line: 1, column: 2 });
  });
});

describe("jsonErrorOffset", () => {
  it("agrees with JSON.parse on whether a text is JSON, and with V8's position where V8 gives one", () => {
    const pieces = ["{", "}", "[", "]", ",", ":", '"a"', '"b\\n"', '"\\x"', '"\\u12g4"', "1", "-0.5e3", "-", ".", "e", "+", "0", "true", "nul", " ", "\n", '"\u0001"', '"'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        let v8: unknown;
        try {
          JSON.parse(text);
        } catch (error) {
          v8 = error;
        }
        const offset = jsonErrorOffset(text);
        expect(offset === undefined).toBe(v8 === undefined);
        const position = /at position (\d+)/.exec((v8 as Error | undefined)?.message ?? "");
        if (position) expect(offset).toBe(Number(position[1]));
      }),
      { numRuns: 3000 },
    );
  });

  it("handles any nesting depth without recursion", () => {
    expect(jsonErrorOffset("[".repeat(200_000) + "]".repeat(200_000))).toBeUndefined();
    expect(jsonErrorOffset("[".repeat(200_000))).toBe(200_000);
  });

  it("counts lines and columns from 1", () => {
    expect(lineAndColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});
