import { describe, expect, it } from "vitest";
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
    const problem = jsonSyntaxProblem(error);
    expect(problem).not.toContain('"');
    expect(problem).not.toContain(TOKEN.slice(0, 5));
    expect(problem.length).toBeGreaterThan(10);
    expect((error as Error).message.startsWith(problem)).toBe(true);
  });

  it("leaves a message without a quote as it is", () => {
    expect(jsonSyntaxProblem(new SyntaxError("Unexpected end of JSON input"))).toBe("Unexpected end of JSON input");
    expect(jsonSyntaxProblem(parseError("{"))).toBe((parseError("{") as Error).message);
  });
});
