// Test door onto the detection core: scan one in-memory file with the built-in rules.
import { scanSource } from "../../src/detect/scan-source.js";
import { defaultDetection } from "../../src/catalog.js";
import type { Finding } from "../../src/detect/types.js";

export function scanText(path: string, text: string): Finding[] {
  return scanSource({ path, text }, defaultDetection());
}
