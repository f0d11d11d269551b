// Test door for line-level detection cases: the lines a file's findings are on.
import { scanText } from "./scan.js";

/** The 1-based lines of the findings in a file made of `lines`. */
export function foundLines(path: string, lines: readonly string[]): number[] {
  return scanText(path, lines.join("\n") + "\n").map((finding) => finding.line);
}
