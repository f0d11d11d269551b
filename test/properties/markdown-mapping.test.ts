// Property-based tests of the Markdown fence mapper (issue 8): a fence that starts deep
// in a document, inside random nesting of lists and blockquotes, opened by ``` or ~~~,
// becomes a region whose offsets slice out exactly its body, and a token planted in
// the body is reported at its own line and column of the Markdown file.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lexSource } from "../../src/languages/lex-source.js";
import { lexMarkdown as lexMarkdownWithFences } from "../../src/languages/markdown/lexer.js";
import { FENCE_LANGUAGES as REGISTERED_FENCES } from "../../src/languages/registry.js";
import type { LanguageId, LexResult } from "../../src/languages/shared/tokens.js";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";
import { lineColumn, runs, show } from "./support.js";

/** lexMarkdown with the registry's fence names, as lexSource calls it. */
function lexMarkdown(text: string, start?: number, end?: number): LexResult {
  return lexMarkdownWithFences(text, start, end, REGISTERED_FENCES);
}

// ---------------------------------------------------------------------------
// Fence languages: info strings, harmless lines, and the planted line

interface FenceLanguage {
  language: LanguageId;
  /** Info-string words that select it. */
  infos: readonly string[];
  /** Lines that hold no secret. */
  fillers: readonly string[];
  /** Lines binding `token` to a key name; `token` appears once in each. */
  planted: readonly ((token: string) => string)[];
  /** Assembles the body from fillers and the planted line (JSON needs its braces and commas). */
  assemble?: (before: string[], planted: string, after: string[]) => string[];
}

const FENCE_LANGUAGES: readonly FenceLanguage[] = [
  {
    language: "shell",
    infos: ["bash", "sh", "shell", "console", "zsh", "BASH"],
    fillers: ["echo hello", "cd /srv/lead-sync", "ls -la", "# a comment", "LIST_ID=123"],
    planted: [(t) => `export CONVOSO_AUTH_TOKEN=${t}`, (t) => `curl -d "auth_token=${t}" https://api.convoso.com/v1/campaigns/search`, (t) => `AUTH_TOKEN='${t}'`],
  },
  {
    language: "powershell",
    infos: ["powershell", "ps1", "pwsh"],
    fillers: ["Write-Host 'hello'", "$listId = 123", "# a comment"],
    planted: [(t) => `$env:CONVOSO_AUTH_TOKEN = "${t}"`, (t) => `$authToken = '${t}'`],
  },
  {
    language: "python",
    infos: ["python", "py", "python3"],
    fillers: ["import os", "list_id = 123", "print('hello')", "# a comment"],
    planted: [(t) => `auth_token = "${t}"`, (t) => `data = {"auth_token": "${t}"}`],
  },
  {
    language: "javascript",
    infos: ["js", "javascript", "node", "jsx"],
    fillers: ["const listId = 123;", "console.log('hello');", "// a comment"],
    planted: [(t) => `const authToken = "${t}";`, (t) => `const body = { auth_token: '${t}' };`],
  },
  {
    language: "typescript",
    infos: ["ts", "typescript", "tsx"],
    fillers: ["const listId: number = 123;", "console.log('hello');", "// a comment"],
    planted: [(t) => `const authToken: string = "${t}";`],
  },
  {
    language: "php",
    infos: ["php"],
    fillers: ["$listId = 123;", "echo 'hello';", "// a comment"],
    planted: [(t) => `$auth_token = '${t}';`, (t) => `$params = ['auth_token' => "${t}"];`],
  },
  {
    language: "yaml",
    infos: ["yaml", "yml"],
    fillers: ["name: lead-sync", "list_id: 123", "# a comment"],
    planted: [(t) => `auth_token: "${t}"`, (t) => `CONVOSO_AUTH_TOKEN: ${t}`],
  },
  {
    language: "json",
    infos: ["json", "jsonc"],
    fillers: ['"name": "lead-sync"', '"list_id": 123'],
    planted: [(t) => `"auth_token": "${t}"`],
    assemble: (before, planted, after) => {
      const members = [...before, planted, ...after];
      return ["{", ...members.map((member, index) => `  ${member}${index < members.length - 1 ? "," : ""}`), "}"];
    },
  },
  {
    language: "dotenv",
    infos: ["dotenv", "env"],
    fillers: ["LOG_LEVEL=debug", "# a comment"],
    planted: [(t) => `CONVOSO_AUTH_TOKEN=${t}`],
  },
  {
    language: "toml",
    infos: ["toml"],
    fillers: ['name = "lead-sync"', "list_id = 123", "# a comment"],
    planted: [(t) => `auth_token = "${t}"`],
  },
  {
    language: "ini",
    infos: ["ini", "properties", "cfg"],
    fillers: ["name=lead-sync", "; a comment", "list_id=123"],
    planted: [(t) => `auth_token=${t}`],
  },
  {
    language: "dockerfile",
    infos: ["dockerfile", "docker"],
    fillers: ["FROM node:20", "WORKDIR /app", "RUN npm ci"],
    planted: [(t) => `ENV CONVOSO_AUTH_TOKEN=${t}`, (t) => `ARG AUTH_TOKEN=${t}`],
  },
  {
    language: "makefile",
    infos: ["makefile", "make"],
    fillers: ["LIST_ID = 123", "# a comment"],
    planted: [(t) => `AUTH_TOKEN = ${t}`, (t) => `export CONVOSO_AUTH_TOKEN := ${t}`],
  },
  {
    language: "html",
    infos: ["html"],
    fillers: ["<p>hello</p>", '<div class="sync"></div>'],
    planted: [(t) => `<input type="hidden" name="auth_token" value="${t}">`],
  },
];

// ---------------------------------------------------------------------------
// Documents

type Container = { kind: "quote"; marker: string } | { kind: "list"; marker: string };

const quoteArb: fc.Arbitrary<Container> = fc.constantFrom("> ", ">", " > ").map((marker) => ({ kind: "quote" as const, marker }));
const listArb: fc.Arbitrary<Container> = fc.constantFrom("-", "*", "+", "1.", "2)", "10.").map((marker) => ({ kind: "list" as const, marker }));

/** The prefix that opens every container on one line (`> - 1. `). */
function openPrefix(containers: readonly Container[]): string {
  return containers.map((container) => (container.kind === "quote" ? container.marker : `${container.marker} `)).join("");
}

/** The prefix that continues every container on a later line (`>   `). */
function continuePrefix(containers: readonly Container[]): string {
  return containers.map((container) => (container.kind === "quote" ? "> " : " ".repeat(container.marker.length + 1))).join("");
}

const WORDS = ["the", "Convoso", "campaign", "list", "lead", "sync", "request", "nightly", "job", "check", "dashboard", "region", "before", "moving", "on", "it", "runs"];
const wordsArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((words) => words.join(" "));

/** A block of prose: paragraphs, headings, lists, quotes, tables, inline code, comments, and complete other fences. */
const proseBlockArb: fc.Arbitrary<string[]> = fc.oneof(
  wordsArb.map((line) => [line]),
  fc.array(wordsArb, { minLength: 2, maxLength: 4 }),
  fc.tuple(fc.integer({ min: 1, max: 6 }), wordsArb).map(([level, line]) => [`${"#".repeat(level)} ${line}`]),
  fc.array(fc.tuple(fc.constantFrom("- ", "* ", "1. ", "  - ", "    1. "), wordsArb), { minLength: 1, maxLength: 4 }).map((items) => items.map(([marker, line]) => marker + line)),
  fc.array(wordsArb, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((line) => `> ${line}`)),
  fc.tuple(wordsArb, wordsArb).map(([a, b]) => ["| Step | Notes |", "|---|:-:|", `| ${a} | \`${b}\` |`]),
  fc.tuple(wordsArb, wordsArb).map(([a, b]) => [`${a} \`${b}\` and **${a}** <!-- ${b} -->`]),
  wordsArb.map((line) => ["```js", `// ${line}`, "const listId = 123;", "```"]),
  wordsArb.map((line) => ["~~~~", line, "```", "~~~~"]),
  wordsArb.map((line) => [`    ${line}`]),
  fc.constant<string[]>(["---"]),
);

/** How lines end: one style for the whole document, or a random style per line. */
const eolArb: fc.Arbitrary<string[]> = fc.oneof(fc.constantFrom<string[]>(["\n"], ["\r\n"]), fc.array(fc.constantFrom("\n", "\r\n"), { minLength: 1, maxLength: 16 }));

interface FenceCase {
  info: string;
  fenceChar: "`" | "~";
  openLength: number;
  closeExtra: number;
  closed: boolean;
  containers: Container[];
  /** Whether every container opens on the fence line (`> - ```js`) rather than on lines of its own before it. */
  openOnFenceLine: boolean;
  /** Paragraphs of filler repeated before everything else: fences deep in a large file. */
  padding: number;
  proseBefore: string[][];
  proseAfter: string[][];
  bodyBefore: string[];
  bodyAfter: string[];
  blankInBody: boolean;
  planted: number;
  seed: number;
  eols: string[];
}

function fenceCaseArb(fence: FenceLanguage, containersArb: fc.Arbitrary<Container[]>): fc.Arbitrary<FenceCase> {
  return fc.record({
    info: fc.tuple(fc.constantFrom(...fence.infos), fc.constantFrom("", " ", " title=\"x\"", " {linenos}")).map(([word, tail]) => word + tail),
    fenceChar: fc.constantFrom("`" as const, "~" as const),
    openLength: fc.integer({ min: 3, max: 6 }),
    closeExtra: fc.integer({ min: 0, max: 2 }),
    closed: fc.boolean(),
    containers: containersArb,
    openOnFenceLine: fc.boolean(),
    padding: fc.integer({ min: 0, max: 300 }),
    proseBefore: fc.array(proseBlockArb, { maxLength: 12 }),
    proseAfter: fc.array(proseBlockArb, { maxLength: 4 }),
    bodyBefore: fc.array(fc.constantFrom(...fence.fillers), { maxLength: 4 }),
    bodyAfter: fc.array(fc.constantFrom(...fence.fillers), { maxLength: 4 }),
    blankInBody: fc.boolean(),
    planted: fc.nat(),
    seed: fc.integer({ min: 1, max: 0x7fffffff }),
    eols: eolArb,
  });
}

interface Built {
  text: string;
  token: string;
  tokenStart: number;
  bodyStart: number;
  bodyEnd: number;
}

/** Writes the document, recording where the fence body and the planted token land. */
function build(fence: FenceLanguage, c: FenceCase): Built {
  const token = fakeToken(c.seed);
  const plantedLine = fence.planted[c.planted % fence.planted.length]!(token);
  const before = c.blankInBody ? [...c.bodyBefore, ""] : c.bodyBefore;
  const bodyLines = fence.assemble ? fence.assemble(c.bodyBefore, plantedLine, c.bodyAfter) : [...before, plantedLine, ...c.bodyAfter];
  let eolIndex = 0;
  let text = "";
  const push = (line: string) => {
    text += line + c.eols[eolIndex++ % c.eols.length]!;
  };
  push("# Convoso lead sync");
  push("");
  for (let index = 0; index < c.padding; index++) {
    push("Check the dashboard, then confirm the campaign list is in sync before moving on.");
    push("");
  }
  for (const block of c.proseBefore) {
    for (const line of block) push(line);
    push("");
  }
  // The nesting: containers opened on lines of their own, or all on the fence line.
  const cont = continuePrefix(c.containers);
  let openerPrefix: string;
  if (c.openOnFenceLine) {
    openerPrefix = openPrefix(c.containers);
  } else {
    c.containers.forEach((container, index) => {
      if (container.kind === "list") push(`${continuePrefix(c.containers.slice(0, index))}${container.marker} step ${index + 1} of the sync`);
    });
    openerPrefix = cont;
  }
  const run = c.fenceChar.repeat(c.openLength);
  push(`${openerPrefix}${run}${c.info}`);
  const bodyStart = text.length;
  let bodyEnd = bodyStart;
  let tokenStart = -1;
  bodyLines.forEach((line, index) => {
    const full = line === "" ? cont.trimEnd() : cont + line;
    if (line.includes(token)) tokenStart = text.length + cont.length + line.indexOf(token);
    bodyEnd = text.length + full.length;
    if (c.closed || index < bodyLines.length - 1) push(full);
    else text += full; // an unclosed fence runs to the end of the file
  });
  if (c.closed) {
    push(`${cont}${c.fenceChar.repeat(c.openLength + c.closeExtra)}`);
    push("");
    for (const block of c.proseAfter) {
      for (const line of block) push(line);
      push("");
    }
  }
  return { text, token, tokenStart, bodyStart, bodyEnd };
}

// ---------------------------------------------------------------------------
// The properties

function checkRegion(fence: FenceLanguage, c: FenceCase): void {
  const { text, bodyStart, bodyEnd } = build(fence, c);
  const regions = lexMarkdown(text).embedded;
  const region = regions.find((candidate) => candidate.start === bodyStart);
  const context = `fence at ${bodyStart} in ${show(text.slice(Math.max(0, bodyStart - 120), bodyEnd + 40))}`;
  expect(region, `no region starts at the body (${context}); regions: ${JSON.stringify(regions.slice(-3))}`).toBeDefined();
  expect(region!.end, context).toBe(bodyEnd);
  expect(text.slice(region!.start, region!.end), context).toBe(text.slice(bodyStart, bodyEnd));
  expect(region!.language, context).toBe(fence.language);
  // lexSource lexes that region as its own unit, with file offsets.
  const unit = lexSource(text, "markdown").find((candidate) => candidate.start === bodyStart);
  expect(unit?.end, context).toBe(bodyEnd);
  expect(unit?.language, context).toBe(fence.language);
}

function checkFinding(fence: FenceLanguage, c: FenceCase): void {
  const { text, token, tokenStart } = build(fence, c);
  const findings = scanText("docs/lead-sync.md", text);
  const at = lineColumn(text, tokenStart);
  const to = lineColumn(text, tokenStart + token.length);
  const context = `token at ${at.line}:${at.column} in ${show(text.slice(Math.max(0, tokenStart - 160), tokenStart + token.length + 60))}`;
  const described = findings.map((finding) => `${finding.line}:${finding.column} ${finding.language} ${finding.context}`);
  expect(described, context).toHaveLength(1);
  const [finding] = findings;
  expect({ start: finding!.start, end: finding!.end }, context).toEqual({ start: tokenStart, end: tokenStart + token.length });
  expect({ line: finding!.line, column: finding!.column, endLine: finding!.endLine, endColumn: finding!.endColumn }, context).toEqual({
    line: at.line,
    column: at.column,
    endLine: to.line,
    endColumn: to.column,
  });
  expect(finding!.language, context).toBe(fence.language);
  expect(finding!.redacted).not.toContain(token);
  expect(JSON.stringify(finding), "no field of the finding holds the token in full").not.toContain(token);
}

/** The nestings under test; each is its own property so one broken shape does not hide the others. */
const NESTINGS: { name: string; containers: fc.Arbitrary<Container[]> }[] = [
  { name: "at top level", containers: fc.constant([]) },
  { name: "in nested list items", containers: fc.array(listArb, { minLength: 1, maxLength: 3 }) },
  { name: "in nested blockquotes", containers: fc.array(quoteArb, { minLength: 1, maxLength: 3 }) },
  {
    name: "in list items inside blockquotes",
    containers: fc.tuple(fc.array(quoteArb, { minLength: 1, maxLength: 2 }), fc.array(listArb, { minLength: 1, maxLength: 2 })).map(([quotes, lists]) => [...quotes, ...lists]),
  },
  {
    name: "in blockquotes inside list items",
    containers: fc.tuple(fc.array(listArb, { minLength: 1, maxLength: 2 }), fc.array(quoteArb, { minLength: 1, maxLength: 2 })).map(([lists, quotes]) => [...lists, ...quotes]),
  },
];

function seedOf(text: string): number {
  let hash = 17;
  for (let index = 0; index < text.length; index++) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  return hash;
}

describe.each(FENCE_LANGUAGES.map((fence) => ({ name: fence.language, fence })))("a $name fence", ({ fence }) => {
  describe.each(NESTINGS)("$name", ({ name, containers }) => {
    it("is one region whose offsets slice out exactly the fence body", () => {
      fc.assert(
        fc.property(fenceCaseArb(fence, containers), (c) => checkRegion(fence, c)),
        { seed: seedOf(`${fence.language} ${name} region`), numRuns: runs(25) },
      );
    });

    it("reports a planted token at its own line and column of the Markdown file", () => {
      fc.assert(
        fc.property(fenceCaseArb(fence, containers), (c) => checkFinding(fence, c)),
        { seed: seedOf(`${fence.language} ${name} finding`), numRuns: runs(25) },
      );
    });
  });
});
