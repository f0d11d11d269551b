// The built-in credential catalog, as the doors hand it to the pure core (which
// never reaches for a catalog itself): the CLI, the ESLint plugin and the package
// API take it from here. `defaultDetection` is the package API's convenience, as
// gitleaks' `NewDetectorDefaultConfig()` is next to `NewDetector(cfg)`.

import { builtinRules } from "../rules/index.js";
import { createDetection, type Detection } from "./detect/detection.js";

export { builtinRules };

/** The built-in rules' ids, which a config's custom rule may not take. */
export const builtinRuleIds: readonly string[] = builtinRules.map((rule) => rule.id);

let defaults: Detection | undefined;

/** The built-in rules with no overrides (cached). */
export function defaultDetection(): Detection {
  defaults ??= createDetection(builtinRules);
  return defaults;
}
