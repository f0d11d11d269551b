// Every command, in the order `token-guard --help` lists them.

import { BASELINE_COMMAND } from "./baseline-options.js";
import type { CommandSpec } from "./command-spec.js";
import { FIX_COMMAND } from "./fix-options.js";
import { HELP_COMMAND, VERSION_COMMAND } from "./info-options.js";
import { INIT_COMMAND } from "./init-options.js";
import { SCAN_COMMAND } from "./scan-options.js";

export const COMMANDS: readonly CommandSpec[] = [SCAN_COMMAND, BASELINE_COMMAND, FIX_COMMAND, INIT_COMMAND, HELP_COMMAND, VERSION_COMMAND];
