// A problem with the user's token-guard config. Each door shows its message as one
// line: the CLI exits 2 with it, the ESLint plugin fails to load with it.

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}
