// The package entry: the ESLint plugin as the default export (`import tokenGuard
// from "token-guard"`), and the pure detection API. Loads neither the CLI nor TypeScript.

import plugin from "./eslint/plugin.js";

export default plugin;
export { scanSource } from "./detect/scan-source.js";
export { createDetection, defaultDetection } from "./detect/detection.js";
export type { Detection, DetectionOverrides } from "./detect/detection.js";
export type { CredentialRule } from "./detect/rule.js";
export type { Edit, Finding, Source, Suggestion } from "./detect/types.js";
export type { TokenGuardPlugin } from "./eslint/plugin.js";
