// Property-based test of detection (issue 8): a token planted on a line of its own at a
// random statement boundary of a clean fixture is reported on exactly that line, at
// exactly its characters, and no output of the finding holds it in full.
//
// Boundaries are computed from the front end's own tokens, so a planted line never
// lands inside a multi-line string, comment, heredoc, embedded region or open bracket.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lexSource, type LexedUnit } from "../../src/languages/lex-source.js";
import type { LanguageId, Token } from "../../src/languages/shared/tokens.js";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";
import { cleanFixtures, expectedClean, lineColumn, runs, show, type Fixture } from "./support.js";

/** What is known at a line start: the code tokens around it, for the family's boundary rule. */
interface Boundary {
  text: string;
  /** Offset of the line start. */
  at: number;
  /** The lines before and after the line start (with their line ends), undefined at the file's ends. */
  previousLine: string | undefined;
  nextLine: string | undefined;
  /** The host unit's significant tokens (no comments) before and after `at`. */
  before: Token | undefined;
  after: Token | undefined;
  /** Bracket nesting at `at`: the open brackets, innermost last. */
  open: string[];
}

interface Family {
  family: string;
  /** Fixture directory and file names. */
  dir: string;
  files: RegExp;
  language: LanguageId;
  /** Lines binding the token to a key name; the token appears once in each. */
  planted: readonly ((token: string, boundary: Boundary) => string)[];
  /** Whether a line may be inserted at this line start. */
  accepts: (boundary: Boundary) => boolean;
  /** Whether a blank line follows the planted line (a Markdown paragraph of its own). */
  blankAfter?: boolean;
}

const isPunct = (token: Token | undefined, ...texts: string[]) => token?.kind === "punct" && texts.includes(token.text);
const isBlank = (line: string | undefined) => line === undefined || line.trim() === "";

/** JS/TS: outside brackets, after a finished statement, before the start of another. */
function acceptsStatement(boundary: Boundary): boolean {
  const { before, after, open } = boundary;
  if (open.length > 0) return false;
  if (before !== undefined && !isPunct(before, ";", "}")) return false;
  if (after?.kind === "punct") return false;
  return !(after?.kind === "identifier" && ["else", "catch", "finally", "as", "satisfies", "from", "in", "of", "instanceof", "while"].includes(after.text));
}

/** Shell and PowerShell: outside brackets, after a line break that ended a command (lexed as `;`). */
function acceptsCommand(boundary: Boundary): boolean {
  return boundary.open.length === 0 && (boundary.before === undefined || isPunct(boundary.before, ";"));
}

/** Python and YAML: a top-level line, before a top-level line (or the end). */
function acceptsTopLevel(boundary: Boundary): boolean {
  const next = boundary.text.slice(boundary.at).split(/\r?\n/).find((line) => line.trim() !== "" && !/^\s*#/.test(line));
  return boundary.open.length === 0 && (next === undefined || !/^[\s-]/.test(next));
}

const FAMILIES: readonly Family[] = [
  {
    family: "ts",
    dir: "typescript",
    files: /\.ts$/,
    language: "typescript",
    planted: [
      (t) => `const authToken = "${t}";`,
      (t) => `export const AUTH_TOKEN: string = '${t}';`,
      (t) => `let convosoAuthToken = \`${t}\`;`,
      (t) => `export const client = { auth_token: "${t}", listId: 1 } as const;`,
      (t) => `const authToken: string | undefined = process.env.CONVOSO_AUTH_TOKEN ?? "${t}";`,
    ],
    accepts: acceptsStatement,
  },
  {
    family: "js",
    dir: "javascript",
    files: /\.js$/,
    language: "javascript",
    planted: [
      (t) => `const authToken = "${t}";`,
      (t) => `export const AUTH_TOKEN = '${t}';`,
      (t) => `var convoso_auth_token = \`${t}\`;`,
      (t) => `fetch(url, { method: "POST", body: new URLSearchParams({ auth_token: "${t}" }) });`,
      (t) => `const authToken = process.env.CONVOSO_AUTH_TOKEN || '${t}';`,
    ],
    accepts: acceptsStatement,
  },
  {
    family: "py",
    dir: "python",
    files: /\.py$/,
    language: "python",
    planted: [
      (t) => `auth_token = "${t}"`,
      (t) => `AUTH_TOKEN: str = '${t}'`,
      (t) => `CONVOSO_AUTH_TOKEN = "${t}"  # rotate me`,
      (t) => `data = {"auth_token": "${t}", "list_id": 1}`,
      (t) => `auth_token = os.environ.get("CONVOSO_AUTH_TOKEN", "${t}")`,
    ],
    accepts: (boundary) => acceptsTopLevel(boundary) && !isPunct(boundary.before, ":") && !/\\\s*$/.test(boundary.previousLine ?? ""),
  },
  {
    family: "php",
    dir: "php",
    files: /\.(?:php|phtml)$/,
    language: "php",
    planted: [
      (t) => `$auth_token = '${t}';`,
      (t) => `$authToken = "${t}";`,
      (t) => `$params = ['auth_token' => '${t}', 'list_id' => 1];`,
      (t) => `$auth_token = getenv('CONVOSO_AUTH_TOKEN') ?: '${t}';`,
    ],
    accepts: (boundary) => {
      // Inside the first `<?php … ?>` block, after its opening line.
      const open = boundary.text.indexOf("<?php");
      const close = boundary.text.indexOf("?>");
      if (open < 0 || boundary.at <= open || (close >= 0 && boundary.at > close)) return false;
      return acceptsStatement(boundary);
    },
  },
  {
    family: "sh",
    dir: "shell",
    files: /\.sh$/,
    language: "shell",
    planted: [
      (t) => `export CONVOSO_AUTH_TOKEN="${t}"`,
      (t) => `AUTH_TOKEN=${t}`,
      (t) => `auth_token='${t}'`,
      (t) => `curl -X POST "https://api.convoso.com/v1/campaigns/search" -d "auth_token=${t}"`,
      (t) => `: "\${CONVOSO_AUTH_TOKEN:=${t}}"`,
    ],
    accepts: acceptsCommand,
  },
  {
    family: "ps1",
    dir: "powershell",
    files: /\.ps1$/,
    language: "powershell",
    planted: [
      (t) => `$authToken = "${t}"`,
      (t) => `$env:CONVOSO_AUTH_TOKEN = '${t}'`,
      (t) => `Invoke-RestMethod -Method Post -Uri "https://api.convoso.com/v1/campaigns/search" -Body @{ auth_token = "${t}" }`,
    ],
    accepts: acceptsCommand,
  },
  {
    family: "md",
    dir: "markdown",
    files: /\.md$/,
    language: "markdown",
    planted: [
      (t) => `We tested with auth_token=${t} and it worked.`,
      (t) => `The request body was \`auth_token=${t}&list_id=123\`.`,
      (t) => `Open [the search](https://api.convoso.com/v1/campaigns/search?auth_token=${t}) to check it.`,
      (t) => `| staging | \`auth_token=${t}\` |`,
    ],
    // A paragraph of its own: after a blank line, before an unindented line, and followed by a blank line of its own.
    accepts: (boundary) => boundary.at > 0 && isBlank(boundary.previousLine) && !/^[ \t]/.test(boundary.nextLine ?? ""),
    blankAfter: true,
  },
  {
    family: "yaml",
    dir: "config",
    files: /\.ya?ml$/,
    language: "yaml",
    planted: [
      (t) => `auth_token: "${t}"`,
      (t) => `CONVOSO_AUTH_TOKEN: ${t}`,
      (t) => `authToken: '${t}'`,
      (t) => `search_url: "https://api.convoso.com/v1/campaigns/search?auth_token=${t}&list_id=1"`,
    ],
    accepts: acceptsTopLevel,
  },
  {
    family: "json",
    dir: "config",
    files: /\.json$/,
    language: "json",
    planted: [
      (t, boundary) => `${indentOf(boundary)}"auth_token": "${t}"${isPunct(boundary.after, "}") ? "" : ","}`,
      (t, boundary) => `${indentOf(boundary)}"convosoAuthToken": "${t}"${isPunct(boundary.after, "}") ? "" : ","}`,
    ],
    // Between members of an object: after `{` or `,`, before a key or the closing `}` of an empty object.
    accepts: ({ before, after, open }) =>
      open.at(-1) === "{" && (isPunct(before, "{") || isPunct(before, ",")) && (after?.kind === "string" || (isPunct(after, "}") && isPunct(before, "{"))),
  },
];

/** The indentation of the next line (or the previous one): JSON members line up. */
function indentOf(boundary: Boundary): string {
  const line = isBlank(boundary.nextLine) ? boundary.previousLine : boundary.nextLine;
  return /^[ \t]*/.exec(line ?? "")![0];
}

/** An ignore marker for the next line or block sits just before `at`: a planted line there is silenced on purpose. */
function ignoredAt(text: string, at: number): boolean {
  return /token-guard-ignore-next-(?:line|block)/.test(text.slice(Math.max(0, at - 300), at).split(/\r?\n/).slice(-5).join("\n"));
}

/** Every line start of `text` where `family` may insert a line. */
function boundaries(family: Family, text: string): Boundary[] {
  const units = lexSource(text, family.language);
  const host = units[0]!;
  const code = host.tokens.filter((token) => token.kind !== "comment");
  const spans = units.flatMap((unit: LexedUnit) => unit.tokens.map((token) => [token.start, token.end] as const));
  const regions = units.slice(1).map((unit) => [unit.start, unit.end] as const);
  const lines = text.split(/(?<=\n)/);
  const accepted: Boundary[] = [];
  let at = 0;
  let index = 0;
  const open: string[] = [];
  for (let lineIndex = 0; lineIndex <= lines.length; lineIndex++) {
    if (lineIndex === lines.length && !text.endsWith("\n")) break;
    while (index < code.length && code[index]!.start < at) {
      const token = code[index]!;
      if (token.kind === "punct" && ["(", "[", "{", "${", "@{", "@(", "$("].includes(token.text)) open.push(token.text.slice(-1));
      else if (token.kind === "punct" && [")", "]", "}"].includes(token.text)) open.pop();
      index++;
    }
    const boundary: Boundary = {
      text,
      at,
      previousLine: lines[lineIndex - 1],
      nextLine: lines[lineIndex],
      before: code[index - 1],
      after: code[index],
      open: [...open],
    };
    const insideToken = spans.some(([start, end]) => start < at && at < end);
    // Around a region: its first line, anywhere in it, and the line after its end (a fence's closing line).
    const nearRegion = regions.some(([start, end]) => {
      const lineAfterEnd = text.indexOf("\n", end);
      return start - 1 <= at && at <= (lineAfterEnd < 0 ? text.length : lineAfterEnd + 1);
    });
    if (!insideToken && !nearRegion && !ignoredAt(text, at) && family.accepts(boundary)) accepted.push(boundary);
    at += lines[lineIndex]?.length ?? 0;
  }
  return accepted;
}

/** The family's clean fixtures, each with its boundaries computed once for LF and once for CRLF line ends. */
function cases(family: Family): { fixture: Fixture; crlf: boolean; text: string; boundaries: Boundary[] }[] {
  return cleanFixtures()
    .filter((fixture) => fixture.path.startsWith(`test/fixtures/${family.dir}/`) && family.files.test(fixture.path))
    .flatMap((fixture) =>
      [false, true].map((crlf) => {
        const text = crlf ? fixture.text.replace(/\r?\n/g, "\r\n") : fixture.text;
        return { fixture, crlf, text, boundaries: boundaries(family, text) };
      }),
    );
}

function seedOf(text: string): number {
  let hash = 29;
  for (let index = 0; index < text.length; index++) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  return hash;
}

type Case = ReturnType<typeof cases>[number];

/** The family's planting forms usable in `text`. */
function formsFor(family: Family, text: string, boundary: Boundary): Family["planted"] {
  // A key name holding a context word (`CONVOSO_AUTH_TOKEN`) rightly makes a file's generic `*_token`
  // names count (the clean-no-context files): plant such names only where the word already is.
  return /convoso/i.test(text) ? family.planted : family.planted.filter((plant) => !/convoso/i.test(plant("x", boundary)));
}

/**
 * Plants `token` with the family's form number `form` at `boundary` of `entry` and scans the
 * result; returns what is wrong (undefined when the token is reported exactly and only there).
 */
function plantAndScan(family: Family, entry: Case, boundary: Boundary, form: number, token: string): string | undefined {
  const { text, at } = boundary;
  const forms = formsFor(family, text, boundary);
  const line = forms[form % forms.length]!(token, boundary);
  const eol = entry.crlf ? "\r\n" : "\n";
  const planted = text.slice(0, at) + line + eol + (family.blankAfter ? eol : "") + text.slice(at);
  const tokenStart = at + line.indexOf(token);
  const expected = lineColumn(planted, tokenStart);

  const findings = scanText(entry.fixture.path, planted);
  const where = `${entry.fixture.path}${entry.crlf ? " (CRLF)" : ""}, planted line ${expected.line}: ${show(line)}`;
  const described = findings.map((finding) => `${finding.line}:${finding.column} ${finding.context} ${finding.redacted}`).join("; ");
  const lines = [...new Set(findings.map((finding) => finding.line))];
  if (lines.length !== 1 || lines[0] !== expected.line) return `${where}: reported lines [${lines.join(", ")}] (${described})`;
  const exact = findings.find((finding) => finding.start === tokenStart && finding.end === tokenStart + token.length);
  if (!exact) return `${where}: no finding covers exactly the token (${described})`;
  if (exact.line !== expected.line || exact.column !== expected.column) return `${where}: reported at ${exact.line}:${exact.column}, not ${expected.line}:${expected.column}`;
  if (exact.language !== family.language) return `${where}: reported as ${exact.language}, not ${family.language}`;
  for (const finding of findings) {
    if (finding.redacted.includes(token) || !finding.redacted.includes("****")) return `${where}: redacted form ${show(finding.redacted)}`;
    // No field of any finding (message, suggestion, edits, fingerprint…) holds the token in full.
    if (JSON.stringify(finding).includes(token)) return `${where}: the token appears in full in the finding ${show(JSON.stringify(finding))}`;
  }
  return undefined;
}

describe.each(FAMILIES)("$family: a planted token in a clean file", (family) => {
  const all = cases(family);
  const usable = all.filter((entry) => entry.boundaries.length > 0);

  it("starts from clean fixtures: expected.json says [] and nothing is reported", () => {
    expect(all.length).toBeGreaterThan(0);
    for (const { fixture, text } of all) {
      expect(expectedClean(fixture.path), `${fixture.path} is listed as clean`).toBe(true);
      expect(scanText(fixture.path, text), fixture.path).toEqual([]);
    }
    // Every family has somewhere to plant, in LF and in CRLF files.
    expect(usable.some((entry) => !entry.crlf)).toBe(true);
    expect(usable.some((entry) => entry.crlf)).toBe(true);
  });

  it("is found at every boundary of every clean file, in every form (exhaustive, one token each)", () => {
    const problems: string[] = [];
    let planted = 0;
    for (const entry of usable) {
      for (const boundary of entry.boundaries) {
        const forms = formsFor(family, entry.text, boundary);
        for (let form = 0; form < forms.length; form++) {
          const problem = plantAndScan(family, entry, boundary, form, fakeToken(++planted));
          if (problem !== undefined && problems.length < 8) problems.push(problem);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("is reported on exactly the planted line, at the token's characters, redacted (random tokens and places)", () => {
    fc.assert(
      fc.property(
        fc.record({
          file: fc.nat(),
          boundary: fc.nat(),
          form: fc.nat(),
          seed: fc.integer({ min: 1, max: 0x7fffffff }),
          length: fc.integer({ min: 20, max: 48 }),
        }),
        ({ file, boundary, form, seed, length }) => {
          const entry = usable[file % usable.length]!;
          const problem = plantAndScan(family, entry, entry.boundaries[boundary % entry.boundaries.length]!, form, fakeToken(seed, length));
          if (problem !== undefined) throw new Error(problem);
        },
      ),
      { seed: seedOf(family.family), numRuns: runs(300) },
    );
  });
});
