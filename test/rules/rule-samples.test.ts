// Runs every built-in rule's own true/false samples (test/rules/<id>.samples.ts)
// through the real detector; a rule in the catalog without samples fails.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { validateRule } from "../../src/detect/rule.js";
import { scanText } from "../support/scan.js";
import type { RuleSamples } from "./rule-sample.js";

const SAMPLES = ".samples.ts";
const here = new URL("./", import.meta.url);
const samplesFiles = readdirSync(here).filter((file) => file.endsWith(SAMPLES));
const samplesOf = new Map<string, RuleSamples>();
for (const file of samplesFiles) samplesOf.set(file.slice(0, -SAMPLES.length), (await import(new URL(file, here).href)) as RuleSamples);

it("every rule in the catalog has a samples file, and every samples file names a rule", () => {
  expect([...samplesOf.keys()].sort()).toEqual(builtinRules.map((rule) => rule.id).sort());
});

describe.each(builtinRules.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
  const samples = samplesOf.get(id) ?? { truePositives: [], falsePositives: [] };

  it("is a valid rule", () => {
    expect(validateRule(rule)).toEqual([]);
  });

  it("has samples it must find and samples it must leave alone", () => {
    expect(samples.truePositives.length).toBeGreaterThan(0);
    expect(samples.falsePositives.length).toBeGreaterThan(0);
  });

  it.each(samples.truePositives.map((sample, index) => [index, sample] as const))("finds true-positive sample %i", (_index, sample) => {
    const lines = scanText(sample.file, sample.text).filter((finding) => finding.ruleId === id).map((finding) => finding.line);
    expect(lines).toContain(sample.line ?? 1);
  });

  it.each(samples.falsePositives.map((sample, index) => [index, sample] as const))("ignores false-positive sample %i", (_index, sample) => {
    expect(scanText(sample.file, sample.text).filter((finding) => finding.ruleId === id)).toEqual([]);
  });
});
