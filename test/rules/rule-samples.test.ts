// Runs every built-in rule's own true/false samples through the real detector.
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { validateRule } from "../../src/detect/rule.js";
import { scanText } from "../support/scan.js";

describe.each(builtinRules.map((rule) => [rule.id, rule] as const))("%s", (_id, rule) => {
  it("is a valid rule", () => {
    expect(validateRule(rule)).toEqual([]);
  });

  it.each(rule.truePositives.map((sample, index) => [index, sample] as const))("finds true-positive sample %i", (_index, sample) => {
    const lines = scanText(sample.file, sample.text).filter((finding) => finding.ruleId === rule.id).map((finding) => finding.line);
    expect(lines).toContain(sample.line ?? 1);
  });

  it.each(rule.falsePositives.map((sample, index) => [index, sample] as const))("ignores false-positive sample %i", (_index, sample) => {
    expect(scanText(sample.file, sample.text).filter((finding) => finding.ruleId === rule.id)).toEqual([]);
  });
});
