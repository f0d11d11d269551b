// Which files are `.env` files: told apart by name alone, so the doors can ask
// without loading the detection core.

/** A file named exactly `.env`: the place a token belongs, as long as git ignores it. */
export function isDotEnvFile(path: string): boolean {
  return path === ".env" || path.endsWith("/.env");
}
