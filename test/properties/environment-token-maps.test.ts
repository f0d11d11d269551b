// Reading per-environment token maps stays linear: every identifier that could
// name one reads at most a bounded stretch of tokens, so token reads per token
// stay flat as the unit grows — counted, never timed — even when such maps nest.
import { describe, expect, it } from "vitest";
import { environmentMapValues } from "../../src/detect/environment-token-maps.js";
import type { LanguageId } from "../../src/languages/shared/tokens.js";
import { readsPerCodeToken } from "./support.js";

/** Token reads per code token of reading a map at every identifier of `text`. */
function readsPerToken(text: string, language: LanguageId): number {
  return readsPerCodeToken(text, language, (view, code) => {
    code.forEach((token, index) => {
      if (token.kind === "identifier") environmentMapValues(view, index);
    });
  });
}

const SHAPES: [name: string, language: LanguageId, make: (size: number) => string][] = [
  ["many maps one after another", "typescript", (size) => Array.from({ length: size }, (_, i) => `const AUTH_TOKENS_${i} = { dev: "v${i}", prod: "w" };\n`).join("")],
  ["maps nested in maps", "javascript", (size) => `const AUTH_TOKENS = ${"{ dev: AUTH_TOKENS = ".repeat(size)}"v"${" }".repeat(size)};\n`],
  ["PowerShell hashtables nested in hashtables", "powershell", (size) => `$Tokens = ${"@{ Dev = 'v'; Inner = $Tokens = ".repeat(size)}1${" }".repeat(size)}\n`],
];

describe("per-environment token maps: work per token", () => {
  for (const [name, language, make] of SHAPES) {
    it(`stays flat as the unit grows: ${name}`, () => {
      const small = readsPerToken(make(1_000), language);
      const large = readsPerToken(make(4_000), language);
      expect(large).toBeLessThan(small * 1.2 + 1);
    });
  }
});
