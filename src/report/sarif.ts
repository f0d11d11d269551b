// `--format sarif`: one SARIF 2.1.0 run for code scanning (GitHub, GitLab, Azure).
// Holds redacted values and fingerprints only, never a secret.

import { maskTokenShapedPath } from "../detect/redact.js";
import { LANGUAGES } from "../languages/registry.js";
import { historyNote, revokeWhere } from "./history-note.js";
import type { Formatter, ReportContext, ReportedFinding } from "./types.js";

/** The OASIS schema the output validates against (a copy is vendored for the tests). */
export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const INFORMATION_URI = "https://github.com/token-guard/token-guard";
/** Key of the finding's fingerprint in `partialFingerprints`; versioned so a change of hash can be told apart. */
export const FINGERPRINT_KEY = "tokenGuardFingerprint/v2";
/** Artifact URIs are relative to this base; an uploader (codeql-action) maps it to the checkout. */
const SRCROOT = "%SRCROOT%";

type Rule = ReportContext["rules"][number];

/** The languages the help lists, in the order it lists them (from the language registry). */
const HELP_LANGUAGES = LANGUAGES.flatMap((language) => (language.help ? [{ ...language.help, envLookup: language.envLookup }] : [])).sort((a, b) => a.rank - b.rank);

export const formatSarif: Formatter = (findings, context) => {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "token-guard",
            version: context.version,
            semanticVersion: context.version,
            informationUri: INFORMATION_URI,
            rules: context.rules.map(describeRule),
          },
        },
        // Our columns count UTF-16 code units, SARIF's default; said explicitly for readers that assume otherwise.
        columnKind: "utf16CodeUnits",
        results: findings.map((finding) => toResult(finding, ruleIndex.get(finding.ruleId), context)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function describeRule(rule: Rule): Record<string, unknown> {
  const where = rule.revoke ?? "the service that issued it";
  const text =
    `${rule.description}. Read the value from the environment variable ${rule.envVar} instead of writing it in the code ` +
    `(${inlineLookups(rule.envVar)}), ` +
    `and keep it in an ignored .env file or the CI secret store. \`npx token-guard fix\` rewrites the code. ` +
    `A value that was ever committed stays in git history: revoke it in ${where}.`;
  const markdown = [
    `**${rule.description}.** A credential in source code is readable by everyone with the repository, and stays in its history.`,
    "",
    `Read it from the environment variable \`${rule.envVar}\` instead:`,
    "",
    "| Language | Write |",
    "|---|---|",
    ...HELP_LANGUAGES.map((help) => `| ${help.label} | \`${help.envLookup(rule.envVar)}\` |`),
    "",
    `Keep the value in an ignored \`.env\` file locally and in the CI secret store. \`npx token-guard fix\` rewrites the code for you.`,
    "",
    `If the value was ever committed or pushed, deleting it is not enough: revoke it in ${where} and issue a new one.`,
    "",
    "A deliberate fake (a test fixture) can be marked with a `token-guard-ignore` comment on its line.",
  ].join("\n");
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}: a hardcoded credential that belongs in the environment variable ${rule.envVar}.` },
    help: { text, markdown },
    // Only an absolute URL is a valid helpUri; custom rules may leave docsUrl empty.
    ...(URL.canParse(rule.docsUrl) ? { helpUri: rule.docsUrl } : {}),
    defaultConfiguration: { level: "error" },
    properties: { tags: ["security", "secrets", "external/cwe/cwe-798"], precision: "high", "security-severity": "8.0" },
  };
}

/** `JS/TS: process.env.NAME; Python: …`: the lookups the one-line help text names. */
function inlineLookups(envVar: string): string {
  return HELP_LANGUAGES.flatMap((help) => (help.inlineLabel === undefined ? [] : [`${help.inlineLabel}: ${help.envLookup(envVar)}`])).join("; ");
}

function toResult(finding: ReportedFinding, ruleIndex: number | undefined, context: ReportContext): Record<string, unknown> {
  const artifactLocation = { uri: toUri(maskTokenShapedPath(finding.path)), uriBaseId: SRCROOT };
  const note = historyNote(finding, context.rules);
  const message = [finding.message, `suggestion: ${finding.suggestion.text}`, ...(note === undefined ? [] : [`revoke: ${note}`])].join("\n");
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: "error",
    message: { text: message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
  };
  // Fixes apply to the file as scanned; a history finding's blob is not the file in the checkout.
  if (finding.commit === undefined && finding.suggestion.edits.length > 0) {
    result.fixes = [
      {
        description: { text: `Read ${finding.envVar} from the environment: ${finding.suggestion.text}` },
        artifactChanges: [
          {
            artifactLocation,
            replacements: [...finding.suggestion.edits].sort((a, b) => a.start - b.start).map((edit) => ({
              deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start },
              insertedContent: { text: edit.text },
            })),
          },
        ],
      },
    ];
  }
  const properties: Record<string, unknown> = { envVar: finding.envVar, redacted: finding.redacted, language: finding.language };
  if (finding.commit !== undefined) {
    Object.assign(properties, { commit: finding.commit, date: finding.date, removed: finding.removed === true, revoke: revokeWhere(finding.ruleId, context.rules) });
  }
  result.properties = properties;
  return result;
}

/** A relative POSIX path as a URI reference: each segment percent-encoded, slashes kept. */
function toUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function pascalCase(id: string): string {
  return id
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}
