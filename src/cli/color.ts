// Whether `scan`'s stylish report is painted. The flags decide first; then, for
// a report on stdout, FORCE_COLOR (as Node.js and most tools read it: "0" or
// "false" off, anything else on, terminal or not), then NO_COLOR (no-color.org:
// any non-empty value turns colours off), then whether stdout is a terminal.
// A report written with --output is plain unless --color asks: the environment
// describes the terminal, not the file.

export interface ColorChoice {
  /** `--color` / `--no-color` as given (`--no-color` wins when both are). */
  color?: boolean;
  noColor?: boolean;
  /** The report goes to a file (`--output`), not stdout. */
  toFile: boolean;
  stdoutIsTty: boolean;
}

export function resolveColor({ color, noColor, toFile, stdoutIsTty }: ColorChoice, env: NodeJS.ProcessEnv): boolean {
  if (noColor === true) return false;
  if (color !== undefined) return color;
  if (toFile) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stdoutIsTty;
}
