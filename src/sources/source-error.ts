// The one error type the source doors throw: a bad path or a failed git call the
// user can act on. The CLI prints `message` as-is (one line) and exits 2.

/** What went wrong, for callers that branch on it (tests, the CLI's exit code). */
export type SourceErrorCode =
  | "ENOENT_PATH" // a path named on the command line does not exist
  | "UNREADABLE_PATH" // it exists but cannot be listed or inspected (permissions)
  | "GIT_FAILED"; // git ran but refused (corrupt index, unsupported repository, ...)

export class SourceError extends Error {
  override readonly name = "SourceError";
  readonly code: SourceErrorCode;
  /** The path as the user typed it (or the repository root for git failures). */
  readonly path: string;

  constructor(code: SourceErrorCode, path: string, message: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}
