// The config a command runs with: `--config FILE`, the default files, or none with `--no-config`.

import { builtinRuleIds } from "../catalog.js";
import { loadConfig, type LoadedConfig } from "../config/load-config.js";
import type { CONFIG_FLAGS, FlagValues } from "./flags.js";

export function loadCommandConfig(values: FlagValues<typeof CONFIG_FLAGS>, cwd: string): LoadedConfig {
  return values["no-config"] ? { config: {} } : loadConfig(cwd, builtinRuleIds, values.config);
}
