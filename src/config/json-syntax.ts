// What to say about a file that is not JSON, without quoting it: V8's JSON.parse
// messages quote up to ten characters around the error (`Unexpected token 'A',
// ..."h_token": Abcdefghij"... is not valid JSON`), more of a token than a redacted form shows.

/** JSON.parse's complaint with any quoted piece of the input cut off. */
export function jsonSyntaxProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  let end = message.indexOf('"');
  if (end < 0) return message;
  // Drop the `, ` or `, ...` that led into the quote.
  while (end > 0 && ", .\n".includes(message[end - 1]!)) end--;
  return message.slice(0, end);
}
