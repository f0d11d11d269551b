// Errors a user can act on: printed as one line, exit code 2, never a stack trace.

export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Exit codes, documented in the README. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;
