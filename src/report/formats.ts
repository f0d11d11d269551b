// The output formats by name, loaded only when chosen so the hook's start path stays small.

import type { Formatter } from "./types.js";

export const FORMAT_NAMES = ["stylish", "json", "sarif", "github"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case "stylish":
      return (await import("./stylish.js")).formatStylish;
    case "json":
      return (await import("./json.js")).formatJson;
    case "sarif":
      return (await import("./sarif.js")).formatSarif;
    case "github":
      return (await import("./github.js")).formatGithub;
  }
}
