// What a validated config asks of the detection core, for every door alike.

import type { DetectionOverrides } from "../detect/detection.js";
import type { CredentialRule } from "../detect/rule.js";
import type { ConfigFile } from "./validate-config.js";

/** The detection overrides a config asks for; custom rules get defaults for the optional fields. */
export function detectionOverrides(config: ConfigFile): DetectionOverrides {
  return {
    extraRules: (config.customRules ?? []).map((rule): CredentialRule => {
      const given = rule as CredentialRule;
      return {
        ...given,
        contextWords: given.contextWords ?? [],
        docsUrl: given.docsUrl ?? "",
        minLength: given.minLength ?? 12,
      };
    }),
    ruleSettings: config.rules,
    placeholders: config.placeholders,
    minLength: config.minLength,
  };
}
