// What to say about a file that is not JSON, without quoting it: V8's JSON.parse
// messages quote up to ten characters around the error (`Unexpected token 'A',
// ..."h_token": Abcdefghij"... is not valid JSON`), more of a token than a redacted form shows.
// Where it went wrong is told as a line and column, which an editor can jump to.

import { jsonErrorOffset, lineAndColumn } from "./json-error-offset.js";

/** A JSON syntax error: what is wrong (nothing of the input quoted) and where. */
export interface JsonSyntaxProblem {
  problem: string;
  line: number;
  column: number;
}

/** JSON.parse's complaint about `text`, with any quoted piece of the input and its byte offset cut off, and the line and column. */
export function jsonSyntaxProblem(error: unknown, text: string): JsonSyntaxProblem {
  const message = error instanceof Error ? error.message : String(error);
  let end = message.indexOf('"');
  if (end < 0) end = message.length;
  // Drop the `, ` or `, ...` that led into the quote.
  while (end > 0 && ", .\n".includes(message[end - 1]!)) end--;
  const problem = message.slice(0, end).replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?$/, "");
  return { problem, ...lineAndColumn(text, jsonErrorOffset(text) ?? text.length) };
}
