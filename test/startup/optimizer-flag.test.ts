// The CLI's V8 tuning flag must be one the running Node's V8 knows: an unknown
// flag makes V8 print "Error: unrecognized flag" on stderr on every run (Node 22,
// 24 and 26 dropped --interrupt-budget). CI runs this file on Node 26 as well.

import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { optimizerBudgetFlag } from "../../src/cli/optimizer-flag.js";

it("setting the optimizer flag chosen for this Node prints nothing", () => {
  const flag = optimizerBudgetFlag(process.versions.v8);
  const script = flag === undefined ? "" : `require("node:v8").setFlagsFromString(${JSON.stringify(flag)})`;
  const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  expect(run.status).toBe(0);
  expect(run.stderr).toBe("");
});

it("keeps the budget on V8 11 (Node 20) and sets nothing on V8 12.4, 13.6 and 14.6 (Node 22, 24, 26)", () => {
  expect(optimizerBudgetFlag("11.3.244.8-node.38")).toBe("--interrupt-budget=1081344");
  for (const v8 of ["12.4.254.21-node.57", "13.6.233.17-node.63", "14.6.202.34-node.40"]) expect(optimizerBudgetFlag(v8)).toBeUndefined();
});
