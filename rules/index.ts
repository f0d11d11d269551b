// The built-in credential catalog. A test checks this list against the folder.

import type { CredentialRule } from "../src/detect/rule.js";
import { convosoAuthToken } from "./convoso-auth-token.js";

export const builtinRules: readonly CredentialRule[] = [convosoAuthToken];
