// Supply chain: what `npm pack` ships, and that installing runs no scripts of ours.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { REPO_ROOT } from "./support/cli.js";

interface PackResult {
  files: { path: string }[];
}

it("ships only the build, the rule docs, README, LICENSE and package.json", () => {
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO_ROOT, encoding: "utf8" });
  const [pack] = JSON.parse(output) as PackResult[];
  const paths = pack!.files.map((file) => file.path);
  const outside = paths.filter((path) => !/^(?:dist\/(?:src|rules)\/.+\.(?:js|d\.ts)|rules\/[a-z0-9-]+\.md|README\.md|LICENSE|SECURITY\.md|package\.json)$/.test(path));
  expect(outside).toEqual([]);
  expect(paths).toContain("dist/src/cli/main.js");
  expect(paths).toContain("dist/src/index.js");
  expect(paths).toContain("rules/convoso-auth-token.md");
});

it("declares no install-time scripts and a small, pinned runtime dependency set", () => {
  const pkg = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, "utf8")) as { scripts: Record<string, string>; dependencies: Record<string, string> };
  for (const hook of ["preinstall", "install", "postinstall"]) expect(pkg.scripts[hook]).toBeUndefined();
  expect(Object.keys(pkg.dependencies).sort()).toEqual(["@eslint/plugin-kit", "@typescript-eslint/parser", "@typescript-eslint/utils", "fast-glob"]);
  const lock = JSON.parse(readFileSync(`${REPO_ROOT}/package-lock.json`, "utf8")) as { packages: Record<string, { version?: string; integrity?: string; dev?: boolean }> };
  for (const name of Object.keys(pkg.dependencies)) {
    const entry = lock.packages[`node_modules/${name}`];
    expect(entry?.version, name).toMatch(/^\d+\.\d+\.\d+$/);
    expect(entry?.integrity, name).toMatch(/^sha512-/);
  }
});
