// The package entry: the ESLint plugin as the default export (`import tokenGuard
// from "token-guard"`), and the pure detection API: `createDetection(rules, overrides)`
// with the built-in `builtinRules` (or `defaultDetection()` for just those). Loads
// neither the CLI nor TypeScript, and reads no file when imported.

import plugin from "./eslint/plugin.js";

export default plugin;
export { scanSource } from "./detect/scan-source.js";
export { createDetection } from "./detect/detection.js";
export { builtinRules, defaultDetection } from "./catalog.js";
export type { Detection, DetectionOverrides } from "./detect/detection.js";
export type { CredentialRule } from "./detect/rule.js";
export type { Edit, Finding, Source, Suggestion } from "./detect/types.js";
export type { TokenGuardPlugin } from "./eslint/plugin.js";
