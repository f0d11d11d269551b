// One ESLint rule per credential rule (`token-guard/<id>`), made from the rule's
// data and the project's token-guard config: the config's settings are the rule's
// default options, and files its `ignore` globs cover get no reports. Detection
// always comes from the core: the rule scans the file's text once (shared by every
// token-guard rule that runs on the same file) and reports the findings of its own
// id, with the core's edits as a suggestion. A file holding none of the words
// every match needs (`Detection.requiredPattern`) costs one search of its text:
// no listener, no scan. It runs in JavaScript/TypeScript (where the AST and scope
// manager vet the suggestions), in our text language (where the core's lexing
// does), and in any other text-based ESLint language (e.g. @eslint/markdown's).

import path from "node:path";
import type { TSESLint } from "@typescript-eslint/utils";
import { RuleCreator } from "@typescript-eslint/utils/eslint-utils";
import { createDetection, type Detection } from "../detect/detection.js";
import type { CredentialRule } from "../detect/rule.js";
import { scanSource } from "../detect/scan-source.js";
import { firstNotBefore } from "../languages/shared/first-not-before.js";
import type { Edit, Finding } from "../detect/types.js";
import { detectLanguage } from "../languages/detect-language.js";
import { lexSource, type LexedUnit } from "../languages/lex-source.js";
import type { LanguageId } from "../languages/shared/tokens.js";
import { editsThatFit } from "./js-suggestions.js";
import type { ProjectSettings } from "./project-settings.js";
import { editsWithinRegion, SharedEdits } from "./region-suggestions.js";
import { toPosix } from "../sources/paths.js";
import { TokenGuardTextSourceCode } from "./text-language.js";

/** The rule's one options object; mirrors `rules.<id>` in token-guard.config.json, whose values are the defaults. */
export interface RuleOptions {
  /** The environment variable suggestions read instead of the literal. */
  envVar?: string;
  /** Shorter values are treated as examples, not credentials. */
  minLength?: number;
}

export type Options = [RuleOptions];
export type MessageIds = "hardcodedToken" | "hardcodedFallback" | "tokenInComment" | "replaceWithEnv";

/** Extra `meta.docs` fields of token-guard rules; the recommended config is generated from them. */
export interface TokenGuardDocs {
  /** Whether `configs.recommended` turns the rule on: not when the token-guard config sets `enabled: false`. */
  recommended: boolean;
}

export type TokenGuardRule = ReturnType<typeof createTokenRule>;

const ENV_VAR_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$";

/**
 * The ESLint languages the rule reads (`meta.languages`, read by ESLint >= 10.2):
 * JavaScript/TypeScript (any parser), ours, and @eslint/markdown's. On a file of
 * another language ESLint then says the rule does not support it, instead of
 * running it.
 */
export const RULE_LANGUAGES = ["js/js", "token-guard/text", "markdown/commonmark", "markdown/gfm"];

/** Where a custom rule without a `docsUrl` points: how custom rules are written. */
const CUSTOM_RULE_DOCS_URL = "https://github.com/token-guard/token-guard#adding-a-credential-rule";

/** Builds the ESLint rule for one credential rule, with the project's config as its defaults. */
export function createTokenRule(credential: CredentialRule, project: ProjectSettings) {
  const createRule = RuleCreator<TokenGuardDocs>(() => credential.docsUrl || CUSTOM_RULE_DOCS_URL);
  const { overrides } = project;
  const configured = overrides.ruleSettings?.[credential.id];
  const enabled = configured?.enabled !== false;
  const defaults = { envVar: configured?.envVar ?? credential.envVar, minLength: configured?.minLength ?? overrides.minLength ?? credential.minLength };
  const detections = new Map<string, Detection>();

  /**
   * The core's settings for these options: the project's, shared by every rule,
   * unless the options change this rule or the rule runs although the config
   * turned it off (an ESLint config that turns it on by name wins).
   */
  const detectionFor = (options: RuleOptions): Detection => {
    const envVar = options.envVar ?? defaults.envVar;
    const minLength = options.minLength ?? defaults.minLength;
    if (enabled && envVar === defaults.envVar && minLength === defaults.minLength) return project.detection;
    const key = `${envVar}\0${minLength}`;
    let detection = detections.get(key);
    if (!detection) {
      detection = createDetection(project.credentials, { ...overrides, ruleSettings: { ...overrides.ruleSettings, [credential.id]: { envVar, minLength } } });
      detections.set(key, detection);
    }
    return detection;
  };

  /** The listeners for one file. */
  const createListeners = (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, [options = {}]: Readonly<Options>): TSESLint.RuleListener => {
    const sourceCode = context.sourceCode as unknown as LintedSource;
    const { text } = sourceCode;
    const root = sourceCode.ast?.type;
    if (typeof text !== "string" || typeof root !== "string") return {};
    const detection = detectionFor(options);
    // Most files hold none of the words every match needs: one search of the
    // text is all they cost (no path work, no listener, no scan).
    if (!detection.requiredPattern.test(text)) return {};
    if (project.isIgnored(path.resolve(context.cwd, context.filename))) return {};
    const report = (): void => {
      const sourcePath = relativePosixPath(context.filename, context.cwd);
      const fileLanguage = frontEndOf(sourceCode, sourcePath);
      const js = isJavaScript(sourceCode) ? (context.sourceCode as Readonly<TSESLint.SourceCode>) : undefined;
      let units: readonly LexedUnit[] | undefined;
      const lexedUnits = (): readonly LexedUnit[] =>
        (units ??= sourceCode instanceof TokenGuardTextSourceCode ? sourceCode.lexedUnits() : lexSource(sourceCode.text, fileLanguage));
      const findings = findingsOf(sourceCode, sourcePath, fileLanguage, detection);
      const shared = new SharedEdits();
      for (const finding of findings) {
        if (finding.ruleId !== credential.id) continue;
        const fitting = shared.offerOnce(js ? editsThatFit(js, finding) : editsWithinRegion(finding, fileLanguage, lexedUnits));
        const edits = spansAnotherValue(fitting, finding, findings) ? [] : fitting;
        shared.offered(edits);
        const data = { redacted: finding.redacted, envVar: finding.envVar };
        context.report({
          loc: { start: sourceCode.getLocFromIndex(finding.start), end: sourceCode.getLocFromIndex(finding.end) },
          messageId: messageIdOf(finding),
          data,
          suggest:
            edits.length === 0
              ? []
              : [{ messageId: "replaceWithEnv", data: { ...data, replacement: finding.suggestion.text }, fix: (fixer) => edits.map((edit) => applyEdit(fixer, edit)) }],
        });
      }
    };
    // The root node's type differs by language: `Program` (JavaScript), `Document` (ours), `root` (Markdown)…
    return { [root]: report };
  };

  const rule = createRule<Options, MessageIds>({
    name: credential.id,
    meta: {
      type: "problem",
      docs: {
        description: `Disallow hardcoded values of the credential "${credential.id}"; suggest reading ${defaults.envVar} from the environment`,
        recommended: enabled,
      },
      hasSuggestions: true,
      languages: RULE_LANGUAGES,
      messages: {
        hardcodedToken: `${credential.description} ({{redacted}}): read {{envVar}} from the environment.`,
        hardcodedFallback: `${credential.description} as a hardcoded fallback for {{envVar}} ({{redacted}}): drop the fallback so a missing variable fails instead of using a committed token.`,
        tokenInComment: `${credential.description} in a comment ({{redacted}}): commented-out code still leaks; delete it and read {{envVar}} from the environment.`,
        replaceWithEnv: "Replace with {{replacement}}",
      },
      schema: [
        {
          type: "object",
          description: `Settings for ${credential.id}, as under "rules" in token-guard.config.json.`,
          properties: {
            envVar: {
              type: "string",
              pattern: ENV_VAR_PATTERN,
              description: "The environment variable the suggestion reads instead of the hardcoded value.",
            },
            minLength: {
              type: "integer",
              minimum: 1,
              description: "The shortest value treated as a real credential; shorter values are taken for examples.",
            },
          },
          additionalProperties: false,
        },
      ],
      defaultOptions: [defaults],
    },
    create: createListeners,
  });
  // RuleCreator's create deep-copies the default options (structuredClone) on
  // every file before calling ours: that copy was 40% of the rule's time on a
  // TypeScript tree where almost no file can match. ESLint (>= 9.15, our peer
  // range) already merges meta.defaultOptions into context.options, and
  // detectionFor falls back to the defaults for any option left unset.
  return { ...rule, create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) => createListeners(context, context.options) };
}

/** What the rule needs from any text-based ESLint SourceCode. */
interface LintedSource {
  text: string;
  ast?: { type?: unknown };
  getLocFromIndex(index: number): { line: number; column: number };
}

function isJavaScript(sourceCode: LintedSource): boolean {
  return sourceCode.ast?.type === "Program" && typeof (sourceCode as { getScope?: unknown }).getScope === "function";
}

/** Findings of one scan per file and detection, shared by the token-guard rules that lint the file. */
const scans = new WeakMap<object, Map<Detection, Finding[]>>();

function findingsOf(sourceCode: LintedSource, sourcePath: string, language: LanguageId, detection: Detection): Finding[] {
  let byDetection = scans.get(sourceCode);
  if (!byDetection) {
    byDetection = new Map();
    scans.set(sourceCode, byDetection);
  }
  let findings = byDetection.get(detection);
  if (!findings) {
    findings = scanSource({ path: sourcePath, text: sourceCode.text, language }, detection);
    byDetection.set(detection, findings);
  }
  return findings;
}

/**
 * Whether the edits, merged into the one fix ESLint makes of them (it spans from
 * the first edit to the last, copying the text between), would carry another
 * finding's value: \`import os\` at the top of a file and the replacement of its
 * second token would print the first token in full in every formatter and
 * editor, and make the fixes of n findings O(n²) text. Such a finding gets no
 * suggestion until the one before it is fixed (the editor relints after each).
 * \`findings\` are sorted by start, as scanSource returns them.
 */
function spansAnotherValue(edits: readonly Edit[], own: Finding, findings: readonly Finding[]): boolean {
  if (edits.length < 2) return false;
  let start = Infinity;
  let end = -Infinity;
  for (const edit of edits) {
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
  }
  // From the last finding starting before `start` (its value may reach into the span) on.
  const first = firstNotBefore(findings.length, (index) => findings[index]!.start < start);
  for (let at = Math.max(0, first - 1); at < findings.length && findings[at]!.start < end; at++) {
    const other = findings[at]!;
    if (other !== own && other.end > start && (other.start !== own.start || other.end !== own.end)) return true;
  }
  return false;
}

/** The path the CLI would print: relative to the working directory, POSIX separators. */
export function relativePosixPath(filename: string, cwd: string): string {
  const relative = path.isAbsolute(filename) && cwd ? path.relative(cwd, filename) : filename;
  return toPosix(relative);
}

/** The core front end for the file: ours already chose; ESLint's JS language is always read as JavaScript. */
function frontEndOf(sourceCode: LintedSource, sourcePath: string): LanguageId {
  if (sourceCode instanceof TokenGuardTextSourceCode) return sourceCode.languageId;
  const detected = detectLanguage(sourcePath, sourceCode.text);
  if (!isJavaScript(sourceCode)) return detected;
  return detected === "javascript" || detected === "typescript" || detected === "html" ? detected : "javascript";
}

function messageIdOf(finding: Finding): Exclude<MessageIds, "replaceWithEnv"> {
  if (finding.inComment) return "tokenInComment";
  return finding.context === "env-fallback" ? "hardcodedFallback" : "hardcodedToken";
}

function applyEdit(fixer: TSESLint.RuleFixer, edit: Edit): TSESLint.RuleFix {
  return fixer.replaceTextRange([edit.start, edit.end], edit.text);
}
