// Supply chain: what `npm pack` ships, and that installing runs no install script, ours or a dependency's.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { REPO_ROOT } from "./support/cli.js";

interface PackResult {
  files: { path: string }[];
}

it("ships only the build, the rule docs, the config schema, README, LICENSE and package.json", () => {
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO_ROOT, encoding: "utf8" });
  const [pack] = JSON.parse(output) as PackResult[];
  const paths = pack!.files.map((file) => file.path);
  const outside = paths.filter((path) => !/^(?:dist\/(?:src|rules)\/.+\.(?:js|d\.ts)|dist\/cli\/[\w-]+\.js|rules\/[a-z0-9-]+\.md|schema\/[a-z.-]+\.schema\.json|README\.md|LICENSE|SECURITY\.md|package\.json)$/.test(path));
  expect(outside).toEqual([]);
  expect(paths).toContain("dist/cli/main.js");
  expect(paths).toContain("dist/cli/scan-worker.js");
  expect(paths).toContain("dist/src/index.js");
  expect(paths).toContain("rules/convoso-auth-token.md");
  expect(paths).toContain("schema/token-guard.config.schema.json");
});

interface LockEntry {
  version?: string;
  integrity?: string;
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * The lockfile entries a user's `npm install token-guard` brings in: our
 * dependencies and theirs, found as Node finds them (the nearest node_modules
 * up the tree). Peers (eslint, typescript) are the user's own install.
 */
function runtimeClosure(packages: Record<string, LockEntry>, roots: string[]): Map<string, LockEntry> {
  const found = new Map<string, LockEntry>();
  const visit = (from: string, name: string): void => {
    for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf("/node_modules/")))) {
      const key = `${dir === "" ? "" : `${dir}/`}node_modules/${name}`;
      const entry = packages[key];
      if (entry !== undefined) {
        if (found.has(key)) return;
        found.set(key, entry);
        for (const next of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(key, next);
        return;
      }
      if (dir === "") throw new Error(`${name} (needed by ${from || "token-guard"}) is not in package-lock.json`);
    }
  };
  for (const name of roots) visit("", name);
  return found;
}

it("declares no install-time scripts, and pins a small runtime dependency tree, none of which runs an install script", () => {
  const pkg = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, "utf8")) as { scripts: Record<string, string>; dependencies: Record<string, string> };
  for (const hook of ["preinstall", "install", "postinstall"]) expect(pkg.scripts[hook]).toBeUndefined();
  expect(Object.keys(pkg.dependencies).sort()).toEqual(["@eslint/plugin-kit", "@typescript-eslint/parser", "@typescript-eslint/utils", "fast-glob"]);
  const lock = JSON.parse(readFileSync(`${REPO_ROOT}/package-lock.json`, "utf8")) as { lockfileVersion: number; packages: Record<string, LockEntry> };
  expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
  expect(lock.packages[""]?.dependencies).toEqual(pkg.dependencies);
  const closure = runtimeClosure(lock.packages, Object.keys(pkg.dependencies));
  // Small: 46 packages today; a jump means a new dependency brought a tree with it.
  expect(closure.size).toBeGreaterThan(4);
  expect(closure.size).toBeLessThan(60);
  for (const [key, entry] of closure) {
    expect(entry.version, key).toMatch(/^\d+\.\d+\.\d+$/);
    expect(entry.integrity, key).toMatch(/^sha512-/);
    expect(entry.hasInstallScript ?? false, `${key} runs an install script`).toBe(false);
  }
});
