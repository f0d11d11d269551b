// scanSource's cost per finding must not depend on the file's size: a file with
// thousands of tokens (a dump, a generated fixture, a hostile commit) reaches the
// pre-commit hook like any other. Measured as the ratio of CPU time between 500
// and 8,000 findings (the best of a few runs each), never against a clock: 16×
// the findings may cost up to 64× (linear work measures 11–24× here: the JIT
// blurs small runs), while work per finding that scans the whole unit costs 256×.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { defaultDetection } from "../../src/catalog.js";
import { scanSource } from "../../src/detect/scan-source.js";
import { fakeToken } from "../support/tokens.js";

const SMALL = 500;
const LARGE = 8_000;

const FILES: [path: string, line: (token: string, index: number) => string][] = [
  ["client.js", (token) => `f({ authToken: "${token}" }); g("plain string without markup");`],
  ["client.ts", (token) => `export const authToken: string = "${token}";`],
  ["widget.tsx", (token) => `export const W = () => <Client authToken="${token}" />;`],
  ["sync.py", (token) => `auth_token = "${token}"`],
  ["search.php", (token, index) => `${index === 0 ? "<?php\n" : ""}$auth_token = '${token}';`],
  ["search.sh", (token) => `curl -d "auth_token=${token}" https://api.convoso.com/v1/campaigns/search`],
  ["README.md", (token) => `Send auth_token=${token} with each request.`],
  // Format strings read the arguments after each one; a text file relexes the lines around each.
  ["format.py", (token) => `u = "list_id=%s&auth_token=%s" % (1, "${token}")`],
  ["format.go", (token) => `u := fmt.Sprintf("%s?auth_token=%s", base, "${token}")`],
  // Command lines look a few words past each key.
  ["rotate.sh", (token) => `gh secret set CONVOSO_AUTH_TOKEN --repo acme/dialer --body "${token}"`],
];

function fileOf(path: string, line: (token: string, index: number) => string, count: number): string {
  return Array.from({ length: count }, (_, index) => line(fakeToken(10_000 + index), index)).join("\n") + "\n";
}

// A collection before each run, so no run pays for the garbage of the one before.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** CPU time (user + system, microseconds) of scanning `text`, after checking every line was found. */
function cpuOf(path: string, text: string, expected: number): number {
  const detection = defaultDetection();
  collectGarbage();
  const before = process.cpuUsage();
  const findings = scanSource({ path, text }, detection);
  const used = process.cpuUsage(before);
  expect(findings, path).toHaveLength(expected);
  return used.user + used.system;
}

describe("many findings in one file", () => {
  it.each(FILES)("%s: 16× the findings cost less than 64× the CPU time", (path, line) => {
    const small = fileOf(path, line, SMALL);
    const large = fileOf(path, line, LARGE);
    // The best of several runs: the first ones pay for the JIT, any run may pay for a GC.
    const best = (text: string, expected: number, runs: number): number => Math.min(...Array.from({ length: runs }, () => cpuOf(path, text, expected)));
    const ratio = best(large, LARGE, 2) / best(small, SMALL, 5);
    expect(ratio, `${path}: ${ratio.toFixed(1)}×`).toBeLessThan(64);
  });
});
