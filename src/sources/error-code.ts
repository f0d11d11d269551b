// The system error code (ENOENT, EACCES, ...) of a caught error, told safely:
// anything can be thrown, and only Node's errors carry a string `code`.

export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}
