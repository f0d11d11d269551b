// The Convoso API auth token: sent as `auth_token` with every request
// (https://api.convoso.com), so it is the value most often pasted into code.

import type { CredentialRule } from "../src/detect/rule.js";

export const convosoAuthToken: CredentialRule = {
  id: "convoso-auth-token",
  description: "Hardcoded Convoso API auth_token",
  keyNames: [
    "auth_token",
    "authToken",
    "AuthToken",
    "AUTH_TOKEN",
    "auth-token",
    "convoso_auth_token",
    "convosoAuthToken",
    "CONVOSO_AUTH_TOKEN",
    "convoso_token",
    "convosoToken",
  ],
  envVar: "CONVOSO_AUTH_TOKEN",
  minLength: 12,
  contextWords: ["convoso"],
  docsUrl: "https://github.com/token-guard/token-guard/blob/main/rules/convoso-auth-token.md",
  revoke: "the Convoso dashboard (Settings > API Tokens)",
  placeholders: ["your_token_here", "your-token-here", "yourtokenhere"],
};
