// The region check on suggestions outside JavaScript, with findings made by hand: edits for a
// value in a Markdown fence (an embedded unit) must stay inside that fence.
import { describe, expect, it } from "vitest";
import type { Edit, Finding } from "../../src/detect/types.js";
import { editsWithinRegion } from "../../src/eslint/region-suggestions.js";
import { lexSource } from "../../src/languages/lex-source.js";

const VALUE = "VALUE_UNDER_TEST";
const TEXT = `# Sync\n\nSome prose.\n\n\`\`\`python\ndata = {"auth_token": "${VALUE}"}\n\`\`\`\n`;
const units = () => lexSource(TEXT, "markdown");

function finding(language: string, edits: Edit[]): Finding {
  const start = TEXT.indexOf(VALUE);
  return {
    ruleId: "convoso-auth-token",
    path: "README.md",
    start,
    end: start + VALUE.length,
    line: 6,
    column: 24,
    endLine: 6,
    endColumn: 24 + VALUE.length,
    language,
    context: "assignment",
    envVar: "CONVOSO_AUTH_TOKEN",
    redacted: "****",
    fingerprint: "",
    inComment: false,
    message: "",
    suggestion: { text: "", edits },
  };
}

describe("editsWithinRegion", () => {
  const inside: Edit = { start: TEXT.indexOf(`"${VALUE}"`), end: TEXT.indexOf(`"${VALUE}"`) + VALUE.length + 2, text: `os.environ["CONVOSO_AUTH_TOKEN"]` };
  const fenceStart = TEXT.indexOf("data =");

  it("keeps edits inside the fence the value sits in", () => {
    const edits = [inside, { start: fenceStart, end: fenceStart, text: "import os\n" }];
    expect(editsWithinRegion(finding("python", edits), "markdown", units)).toEqual(edits);
  });

  it("withholds all edits when one lands outside the fence (in the prose above it)", () => {
    expect(editsWithinRegion(finding("python", [inside, { start: 7, end: 7, text: "import os\n" }]), "markdown", units)).toEqual([]);
  });

  it("does not lex at all for a finding in the file's own language", () => {
    const edits = [{ start: 0, end: 0, text: "x" }];
    expect(editsWithinRegion(finding("markdown", edits), "markdown", () => expect.fail("lexed"))).toEqual(edits);
  });
});
