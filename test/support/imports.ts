// The repository's own modules a source file reaches through its value imports
// (type-only imports vanish at build time), for tests of which layer may load which.
import { readFileSync } from "node:fs";

const REPO = new URL("../../", import.meta.url).href;

/** Repository-relative paths of `entry` (a path like `src/index.ts`) and every module it reaches. */
export function reachableModules(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [new URL(entry, REPO).href];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(new URL(file), "utf8");
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)(?!\s+type\b)[^;]*?from\s+"(\.[^"]+)"|import\(\s*"(\.[^"]+)"\s*\)/g)) {
      pending.push(new URL((match[1] ?? match[2])!.replace(/\.js$/, ".ts"), file).href);
    }
  }
  return [...seen].map((file) => file.slice(REPO.length));
}
