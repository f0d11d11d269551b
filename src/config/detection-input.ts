// What a validated config asks of the detection core, for every door alike: the
// rules to run (the catalog the door hands in, then the config's custom rules)
// and the user's adjustments.

import type { DetectionInput, DetectionOverrides } from "../detect/detection.js";
import type { CredentialRule } from "../detect/rule.js";
import type { ConfigFile } from "./validate-config.js";

/**
 * The door's `catalog`, then the config's custom rules, and the config's overrides;
 * `envVar` (the command line's `--env-var`) names every rule's variable, as each
 * rule's `rules.<id>.envVar` would, so scan and fix given the same flag agree.
 */
export function detectionInput(config: ConfigFile, catalog: readonly CredentialRule[], envVar?: string): DetectionInput {
  const rules = [...catalog, ...customRules(config)];
  const overrides = detectionOverrides(config);
  if (envVar === undefined) return { rules, overrides };
  return { rules, overrides: { ...overrides, ruleSettings: Object.fromEntries(rules.map((rule) => [rule.id, { ...overrides.ruleSettings?.[rule.id], envVar }])) } };
}

/** The config's custom rules, with defaults for the optional fields. */
function customRules(config: ConfigFile): CredentialRule[] {
  return (config.customRules ?? []).map((rule): CredentialRule => {
    const given = rule as CredentialRule;
    return { ...given, contextWords: given.contextWords ?? [], docsUrl: given.docsUrl ?? "", minLength: given.minLength ?? 12 };
  });
}

/** The per-rule settings, placeholders and minLength a config asks for. */
function detectionOverrides(config: ConfigFile): DetectionOverrides {
  return { ruleSettings: config.rules, placeholders: config.placeholders, minLength: config.minLength };
}
