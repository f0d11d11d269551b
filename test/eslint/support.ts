// Shared pieces of the ESLint door's tests: ESLint's RuleTester wired to vitest,
// fake tokens made at run time, and builders for the expected error objects.
import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import { redact } from "../../src/detect/redact.js";
import { fakeToken } from "../support/tokens.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export { RuleTester };

/** The token most cases use, and a second one for files with two findings. */
export const TOKEN = fakeToken(101);
export const TOKEN_2 = fakeToken(102);
export const ENV = "CONVOSO_AUTH_TOKEN";

/** Strict assertions: every error names its messageId, its data and its full location. */
export const ASSERTIONS = { requireMessage: "messageId", requireLocation: true, requireData: true } as const;

/** The location of a one-line value starting at 1-based `line`/`column`. */
export function at(line: number, column: number, value = TOKEN): { line: number; column: number; endLine: number; endColumn: number } {
  return { line, column, endLine: line, endColumn: column + value.length };
}

/** The report data: the redacted value and the env var, never the value. */
export function data(value = TOKEN, envVar = ENV): { redacted: string; envVar: string } {
  return { redacted: redact(value), envVar };
}

/** The one suggestion a finding with edits carries. */
export function replaceWith(
  replacement: string,
  output: string,
  value = TOKEN,
  envVar = ENV,
): { messageId: string; data: Record<string, string>; output: string } {
  return { messageId: "replaceWithEnv", data: { ...data(value, envVar), replacement }, output };
}
