// Jupyter notebooks through the built CLI: findings on the JSON line of the cell
// line or output that holds the token; `fix` advises and leaves the file as it is.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const TOKEN = fakeToken(1701, 40);

const NOTEBOOK = `${JSON.stringify(
  {
    cells: [
      { cell_type: "code", execution_count: 1, metadata: {}, outputs: [], source: ["import requests\n", `CONVOSO = {"auth_token": "${TOKEN}"}  # \\"temporary\\"\n`] },
      {
        cell_type: "code",
        execution_count: 2,
        metadata: {},
        outputs: [{ name: "stdout", output_type: "stream", text: [`https://api.convoso.com/v1/agent-monitor/search?auth_token=${TOKEN}\n`] }],
        source: ["print(requests.Request('GET', URL, params=CONVOSO).prepare().url)"],
      },
    ],
    metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" } },
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
)}\n`;

describe("notebooks", () => {
  it("reports the cell line and the output line where they stand in the .ipynb", () => {
    const dir = makeTree({ "notebooks/agents.ipynb": NOTEBOOK });
    const result = runCli(["scan", ".", "--format", "json"], dir);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { line: number; column: number; language: string }[] };
    const lines = NOTEBOOK.split("\n");
    const where = (needle: string): string => {
      const index = lines.findIndex((line) => line.includes(needle));
      return `${index + 1}:${lines[index]!.indexOf(TOKEN) + 1}`;
    };
    expect(report.findings.map((finding) => `${finding.line}:${finding.column} ${finding.language}`)).toEqual([`${where("CONVOSO = ")} python`, `${where("agent-monitor")} text`]);
  });

  it("fix leaves the notebook untouched and says what to do", () => {
    const dir = makeTree({ "agents.ipynb": NOTEBOOK });
    const result = runCli(["fix"], dir);
    expect(result.stdout).toContain("fix does not rewrite notebooks");
    expect(readFileSync(join(dir, "agents.ipynb"), "utf8")).toBe(NOTEBOOK);
  });
});
