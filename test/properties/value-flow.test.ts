// The value flow's work per token stays flat as a unit grows: token reads are
// counted (never timed) on the shapes that could make it quadratic — long alias
// chains resolved from their far end, nested calls and objects, many calls of a
// function with a key-named parameter.
import { describe, expect, it } from "vitest";
import { UnitFlow } from "../../src/detect/value-flow.js";
import { languageById } from "../../src/languages/registry.js";
import type { LanguageId } from "../../src/languages/shared/tokens.js";
import { readsPerCodeToken } from "./support.js";

/** Token reads per code token of collecting the flow and resolving `references` keys. */
function readsPerToken(text: string, language: LanguageId, references: (size: number) => string[], size: number): number {
  return readsPerCodeToken(text, language, (view) => {
    const flow = new UnitFlow(view, (name) => (/token/i.test(name) ? name : undefined), languageById(language).matcherHints).collect();
    for (const reference of references(size)) flow.resolve(reference);
  });
}

const SHAPES: [name: string, language: LanguageId, make: (size: number) => string, references: (size: number) => string[]][] = [
  [
    "an alias chain resolved from its far end, many times",
    "javascript",
    (size) => `const a0 = "v";\n${Array.from({ length: size }, (_, i) => `const a${i + 1} = a${i};\n`).join("")}`,
    (size) => Array.from({ length: size }, (_, i) => `a${size - i}`),
  ],
  ["nested calls", "javascript", (size) => `x = ${"f(".repeat(size)}"v"${")".repeat(size)};\n`, () => ["x", "f()"]],
  ["nested objects", "javascript", (size) => `const o = ${"{ a: ".repeat(size)}"v"${" }".repeat(size)};\n`, () => ["o[]", "o[a]"]],
  [
    "calls of a function with a key-named parameter",
    "python",
    (size) => `def send(auth_token):\n    return auth_token\n${Array.from({ length: size }, (_, i) => `send(send("v${i}"))\n`).join("")}`,
    () => ["send()"],
  ],
  [
    "functions returning branches, each read through its call",
    "typescript",
    (size) => Array.from({ length: size }, (_, i) => `function g${i}(s) { switch (s) { case "a": return c ? "v${i}" : g${i + 1}(s); } }\n`).join(""),
    (size) => Array.from({ length: size }, (_, i) => `g${i}()`),
  ],
  [
    "nested selector arms (PHP match, PowerShell switch)",
    "php",
    (size) => `<?php\n$t = ${"match ($a) { 1 => ".repeat(size)}'v'${", default => 'w' }".repeat(size)};\n`,
    () => ["t"],
  ],
  ["PowerShell switch blocks", "powershell", (size) => `$t = switch ($r) {\n${Array.from({ length: size }, (_, i) => `  'a${i}' { 'v${i}' }\n`).join("")}}\n`, () => ["t"]],
  [
    "dataclasses with many fields, called positionally",
    "python",
    (size) => `@dataclass\nclass D:\n${Array.from({ length: size }, (_, i) => `    f${i}: str\n`).join("")}    auth_token: str\n\n${Array.from({ length: size }, (_, i) => `D("v${i}", "w")\n`).join("")}`,
    () => ["D#0"],
  ],
];

describe("value flow cost", () => {
  it.each(SHAPES)("%s: reads per token stay flat from 200 to 2,000", (_name, language, make, references) => {
    const small = readsPerToken(make(200), language, references, 200);
    const large = readsPerToken(make(2_000), language, references, 2_000);
    expect(large).toBeLessThan(small * 1.5 + 1);
    expect(large).toBeLessThan(400);
  });
});
