// The rule index must list exactly the rule files, and every rule has its doc with the fixed headings.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";

const rulesDir = new URL("../../rules/", import.meta.url);
const HEADINGS = ["## Rule Details", "## Examples", "## Options", "## When Not To Use It"];

describe("rules/", () => {
  it("index lists every rule file and nothing else", () => {
    const files = readdirSync(rulesDir).filter((file) => file.endsWith(".ts") && file !== "index.ts");
    expect(files.map((file) => file.replace(/\.ts$/, "")).sort()).toEqual(builtinRules.map((rule) => rule.id).sort());
  });

  it.each(builtinRules.map((rule) => rule.id))("%s has a doc with the fixed headings and a docs URL pointing at it", (id) => {
    const doc = readFileSync(new URL(`${id}.md`, rulesDir), "utf8");
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    for (const heading of HEADINGS) expect(doc).toContain(`\n${heading}\n`);
    const rule = builtinRules.find((candidate) => candidate.id === id)!;
    expect(rule.docsUrl.endsWith(`rules/${id}.md`)).toBe(true);
  });
});
