import { describe, expect, it } from "vitest";
import { defaultDetection } from "../../../src/catalog.js";
import { scanSource } from "../../../src/detect/scan-source.js";
import { lexNotebook } from "../../../src/languages/notebook/lexer.js";
import { FENCE_LANGUAGES } from "../../../src/languages/registry.js";
import { fakeToken } from "../../support/tokens.js";
import { expectLinear, fuzz } from "../lex-helpers.js";

const TOKEN = fakeToken(1501, 40);

/** A notebook as Jupyter writes it: one JSON line per source line, indented by one space per level. */
function notebook(cells: object[], metadata: object = { kernelspec: { language: "python", name: "python3" } }): string {
  return `${JSON.stringify({ cells, metadata, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}

function codeCell(lines: string[], outputs: object[] = []): object {
  return { cell_type: "code", execution_count: 1, metadata: {}, outputs, source: lines };
}

/** Each finding as `line:column-endColumn language`, with the characters it covers in the file. */
function scan(text: string, path = "analysis/export.ipynb"): string[] {
  return scanSource({ path, text }, defaultDetection()).map((finding) => {
    expect(text.slice(finding.start, finding.end), "the finding covers the value in the file").toBe(TOKEN);
    return `${finding.line}:${finding.column}-${finding.endColumn} ${finding.language}`;
  });
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset).split("\n");
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe("lexNotebook", () => {
  it("finds a token in a code cell on the JSON line of its source line, escaped quotes and all", () => {
    const text = notebook([
      { cell_type: "markdown", metadata: {}, source: ["# Dialer export\n", "Pulls call logs from Convoso."] },
      codeCell(["import httpx\n", "\n", `dialer_auth_token = "${TOKEN}"  # "quoted" note\n`, "client = httpx.Client(params={'auth_token': dialer_auth_token})"]),
    ]);
    const [finding] = scan(text);
    expect(finding).toBe(`${positionOf(text, TOKEN)}-${Number(positionOf(text, TOKEN).split(":")[1]) + TOKEN.length} python`);
  });

  it("maps positions past \\u escapes and tabs written as escapes on the same line", () => {
    const text = notebook([codeCell([`label = "caf\u00e9\\t\u2603"; AUTH_TOKEN = '${TOKEN}'\n`])]).replace("é", "\\u00e9").replace("☃", "\\u2603");
    expect(text).toContain("\\u00e9");
    expect(scan(text)).toEqual([`${positionOf(text, TOKEN)}-${Number(positionOf(text, TOKEN).split(":")[1]) + TOKEN.length} python`]);
  });

  it("reads commented-out code in a cell as the cell shows it, not as JSON escapes it", () => {
    const text = notebook([codeCell(["# convoso export\n", `# AUTH_TOKEN = "${TOKEN}"\n`, `# requests.post(url, data={"auth_token": "${TOKEN}"})\n`, `# auth_token = "<paste here>"\n`])]);
    const lines = text.split("\n");
    const expected = lines.flatMap((line, index) => (line.includes(TOKEN) ? [`${index + 1}:${line.indexOf(TOKEN) + 1}-${line.indexOf(TOKEN) + 1 + TOKEN.length} python`] : []));
    expect(expected).toHaveLength(2);
    expect(scan(text)).toEqual(expected);
  });

  it("reads a source written as one string with \\n escapes", () => {
    const text = notebook([{ cell_type: "code", metadata: {}, outputs: [], source: `import os\nauth_token = "${TOKEN}"\nprint(1)\n` }]);
    expect(scan(text)).toHaveLength(1);
  });

  it("reads stream and text/plain outputs as text", () => {
    const text = notebook([
      codeCell(["resp = session.get(url)\n"], [
        { name: "stdout", output_type: "stream", text: [`GET https://api.convoso.com/v1/users/search?auth_token=${TOKEN}&offset=0\n`] },
      ]),
      codeCell(["resp.request.params\n"], [{ output_type: "execute_result", execution_count: 2, metadata: {}, data: { "text/plain": [`{'auth_token': '${TOKEN}'}`] } }]),
    ]);
    expect(scan(text).map((finding) => finding.split(" ")[1])).toEqual(["text", "text"]);
  });

  it("lexes cells in the kernel's language: JavaScript (Deno), and R as text", () => {
    const js = notebook([codeCell([`const convosoAuthToken = "${TOKEN}";\n`])], { kernelspec: { language: "typescript", name: "deno" } });
    expect(scan(js)).toEqual([expect.stringMatching(/ typescript$/)]);
    const r = lexNotebook(notebook([codeCell(["x <- 1\n"])], { language_info: { name: "R" } }), 0, undefined, FENCE_LANGUAGES);
    expect(r.embedded.map((region) => region.language)).toEqual(["text"]);
    const none = lexNotebook(notebook([codeCell(["x = 1\n"])], {}), 0, undefined, FENCE_LANGUAGES);
    expect(none.embedded.map((region) => region.language)).toEqual(["python"]);
  });

  it("stays quiet on env lookups, prompts, masked outputs and placeholders", () => {
    const text = notebook([
      codeCell([
        "import os, getpass\n",
        'AUTH_TOKEN = os.environ.get("CONVOSO_AUTH_TOKEN") or getpass.getpass("Convoso auth token: ")\n',
        'auth_token = "<your-convoso-token>"\n',
        'params = {"auth_token": AUTH_TOKEN}\n',
      ], [{ output_type: "execute_result", metadata: {}, data: { "text/plain": ["{'auth_token': '****************************************'}"] } }]),
    ]);
    expect(scanSource({ path: "n.ipynb", text }, defaultDetection())).toEqual([]);
  });

  it("advises instead of rewriting: a replacement would need JSON escaping", () => {
    const text = notebook([codeCell([`auth_token = "${TOKEN}"\n`])]);
    const [finding] = scanSource({ path: "n.ipynb", text }, defaultDetection());
    expect(finding?.suggestion.edits).toEqual([]);
    expect(finding?.suggestion.text).toMatch(/CONVOSO_AUTH_TOKEN/);
  });

  it("leaves a malformed or non-notebook JSON to the JSON tokens, never throwing", () => {
    fuzz(lexNotebook, '{}[]":,\\nu0 acells_typesource');
    expect(lexNotebook('{"cells": [{"cell_type": "code", "source": ["x = \\"1').embedded).toHaveLength(1);
    expect(lexNotebook("[1, 2]").embedded).toEqual([]);
  });

  it("reads in linear time", () => {
    expectLinear(lexNotebook, (size) => notebook(Array.from({ length: Math.ceil(size / 80) }, (_, index) => codeCell([`x${index} = "a\\"b"\n`]))).slice(0, size));
  });
});
