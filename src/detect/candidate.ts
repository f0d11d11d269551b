// What a matcher reports before the value judge and the suggestion writer see
// it: where the value is, how it is bound, and in which token it sits.

import type { LexedUnit } from "../languages/lex-source.js";
import type { StringToken } from "../languages/shared/tokens.js";
import type { CompiledRule } from "./rule.js";
import type { FindingContext } from "./types.js";

export interface Candidate {
  rule: CompiledRule;
  /** Offsets of the value (a string's content, or part of it). */
  valueStart: number;
  valueEnd: number;
  context: FindingContext;
  /** Evidence is only a name ending in the key's last word, in a file that talks to the provider. */
  weak: boolean;
  /** A weak name that names the provider too (`CONVOSO_REPORTING_TOKEN`): it says whose token the value is. */
  providerNamed?: boolean;
  inComment: boolean;
  unit: LexedUnit;
  /** The string token that holds the value; undefined inside comments. */
  token?: StringToken;
  /** The env var the code already reads (env fallbacks), when it reads one. */
  envVar?: string;
  /** For fallbacks: the range to delete so only the env lookup remains. */
  removal?: { start: number; end: number };
  /** For `NAME=value` statements (shell, PowerShell `$env:`): the name and where the statement starts. */
  assignment?: { name: string; statementStart: number };
}
