// The fixture contract: every file under test/fixtures/<family>/ and examples/ is scanned,
// and the set of reported lines must equal the list in the expected.json beside it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scanText } from "./support/scan.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RULE_ID = "convoso-auth-token";

/** The language families the spec asks a clean/leaky pair for; each must have its directory. */
const FAMILIES = ["javascript", "typescript", "python", "php", "shell", "powershell", "markdown", "config", "code"] as const;

/** A directory of files with an expected.json mapping each file (relative POSIX path) to its reported lines. */
interface Corpus {
  /** Test-suite name. */
  name: string;
  /** POSIX path of the directory from the repository root; also the prefix of the path handed to the scanner. */
  dir: string;
}

const CORPORA: Corpus[] = [
  ...FAMILIES.map((family) => ({ name: `fixtures/${family}`, dir: `test/fixtures/${family}` })),
  { name: "examples", dir: "examples" },
];

/** Every file below `dir` (dot files and nested directories included), as sorted relative POSIX paths. */
function listFiles(dir: string, prefix = ""): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir, prefix), { withFileTypes: true })) {
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...listFiles(dir, relative));
    else if (relative !== "expected.json") files.push(relative);
  }
  return files.sort();
}

function readExpected(dir: string): Record<string, number[]> {
  const parsed: unknown = JSON.parse(readFileSync(join(ROOT, dir, "expected.json"), "utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${dir}/expected.json must be an object mapping file names to line arrays`);
  }
  const expected: Record<string, number[]> = {};
  for (const [file, lines] of Object.entries(parsed)) {
    if (!Array.isArray(lines) || !lines.every((line): line is number => Number.isInteger(line))) {
      throw new Error(`${dir}/expected.json: "${file}" must map to an array of line numbers`);
    }
    expected[file] = lines;
  }
  return expected;
}

/**
 * The token-shaped values in a text: runs of 12+ letters and digits mixing upper case,
 * lower case and digits. Every planted token has this shape; prose, hex hashes and
 * placeholders do not, so none of these may ever appear in a finding's output.
 */
function plantedValues(text: string): string[] {
  const runs = text.match(/(?<![A-Za-z0-9])[A-Za-z0-9]{12,64}(?![A-Za-z0-9])/g) ?? [];
  return [...new Set(runs.filter((run) => /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run)))];
}

describe.each(CORPORA)("$name", ({ dir }) => {
  const files = listFiles(dir);
  const expected = readExpected(dir);
  const listed = Object.keys(expected).sort();

  it("lists every file of the directory in expected.json, and nothing else", () => {
    expect(listed).toEqual(files);
  });

  it("records sorted, distinct line numbers that exist in each file", () => {
    for (const file of listed) {
      const lines = expected[file] ?? [];
      const lineCount = readFileSync(join(ROOT, dir, file), "utf8").split("\n").length;
      expect([...new Set(lines)].sort((a, b) => a - b), `${file}: sorted and distinct`).toEqual(lines);
      for (const line of lines) expect(line >= 1 && line <= lineCount, `${file}: line ${line} exists`).toBe(true);
      const parts = file.split("/");
      if (parts.some((part) => part.startsWith("clean-"))) expect(lines, `${file} is clean`).toEqual([]);
      if (parts.some((part) => part.startsWith("leaky-"))) expect(lines.length, `${file} is leaky`).toBeGreaterThan(0);
    }
  });

  it.each(listed)("%s", (file) => {
    const path = `${dir}/${file}`;
    const text = readFileSync(join(ROOT, dir, file), "utf8");
    const findings = scanText(path, text);

    const reported = [...new Set(findings.map((finding) => finding.line))].sort((a, b) => a - b);
    const described = findings.map((finding) => `${finding.line}:${finding.column} ${finding.context} ${finding.redacted}`).join("\n");
    expect(reported, `findings in ${path}:\n${described}`).toEqual(expected[file] ?? []);

    const planted = plantedValues(text);
    for (const finding of findings) {
      expect(finding.ruleId).toBe(RULE_ID);
      expect(finding.path).toBe(path);
      const value = text.slice(finding.start, finding.end);
      for (const secret of new Set([value, ...planted])) {
        if (secret.length < 8) continue;
        expect(finding.redacted, `${path}:${finding.line} redacted form`).not.toContain(secret);
        expect(finding.message, `${path}:${finding.line} message`).not.toContain(secret);
      }
    }
  });
});

describe("fixture families", () => {
  it("has a clean and a leaky file in every family", () => {
    for (const family of FAMILIES) {
      const files = listFiles(`test/fixtures/${family}`);
      const isPair = (kind: string) => files.some((file) => file.split("/").some((part) => part.startsWith(`${kind}-`)));
      expect(isPair("clean"), `${family} has a clean-* file`).toBe(true);
      expect(isPair("leaky"), `${family} has a leaky-* file`).toBe(true);
    }
  });
});
