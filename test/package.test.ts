// Supply chain: what `npm pack` ships, that installing runs no install script,
// ours or a dependency's, and that the packed tarball installs and works in an
// empty project with npm (offline: a loopback registry serves our lockfile's packages).
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { git, makeRepo, makeTree, REPO_ROOT } from "./support/cli.js";
import { startLocalRegistry, type LocalRegistry, type LockEntry } from "./support/local-registry.js";
import { fakeToken } from "./support/tokens.js";

interface PackResult {
  files: { path: string }[];
}

/**
 * `npm pack` as publishing runs it, minus prepack's build (the e2e set-up built
 * dist/): the manifest step of prepack and postpack around it. The repository's
 * package.json comes back byte for byte.
 */
function pack(args: readonly string[]): string {
  const manifest = readFileSync(join(REPO_ROOT, "package.json"), "utf8");
  execFileSync("node", [".husky/pack-manifest.mjs", "strip"], { cwd: REPO_ROOT });
  try {
    return execFileSync("npm", ["pack", "--ignore-scripts", "--json", ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  } finally {
    execFileSync("node", [".husky/pack-manifest.mjs", "restore"], { cwd: REPO_ROOT });
    expect(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).toBe(manifest);
  }
}

it("the repository keeps prepare (a clone's npm install builds it) and strips it only while packing", () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  expect(manifest.scripts.prepare).toBeDefined();
  expect(manifest.scripts.prepack).toContain(".husky/pack-manifest.mjs strip");
  expect(manifest.scripts.postpack).toContain(".husky/pack-manifest.mjs restore");
});

it("ships only the build, the rule docs, the config schema, README, LICENSE and package.json", () => {
  const output = pack(["--dry-run"]);
  const [packed] = JSON.parse(output) as PackResult[];
  const paths = packed!.files.map((file) => file.path);
  const outside = paths.filter((path) => !/^(?:dist\/(?:src|rules)\/.+\.(?:js|d\.ts)|dist\/cli\/[\w-]+\.js|rules\/[a-z0-9-]+\.md|schema\/[a-z.-]+\.schema\.json|README\.md|LICENSE|SECURITY\.md|package\.json)$/.test(path));
  expect(outside).toEqual([]);
  expect(paths).toContain("dist/cli/main.js");
  expect(paths).toContain("dist/cli/scan-worker.js");
  expect(paths).toContain("dist/src/index.js");
  expect(paths).toContain("rules/convoso-auth-token.md");
  expect(paths).toContain("schema/token-guard.config.schema.json");
});

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

const run = promisify(execFile);

interface Run {
  status: number;
  output: string;
}

/** Runs a command to its end without blocking the loopback registry served from this process. */
async function runAsync(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: typeof failed.code === "number" ? failed.code : -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

let registry: LocalRegistry;
let tarball: string;
let packDir: string;
beforeAll(async () => {
  registry = await startLocalRegistry(join(REPO_ROOT, "package-lock.json"));
  packDir = mkdtempSync(join(tmpdir(), "token-guard-pack-"));
  const [packed] = JSON.parse(pack(["--pack-destination", packDir])) as { filename: string }[];
  tarball = join(packDir, packed!.filename);
});
afterAll(async () => {
  rmSync(packDir, { recursive: true, force: true });
  await registry.close();
});

const lockedVersion = (name: string): string => (JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version: string }> }).packages[`node_modules/${name}`]!.version;

it("the packed package.json carries no install-time or prepare script", () => {
  const manifest = JSON.parse(execFileSync("tar", ["-xOzf", tarball, "package/package.json"], { encoding: "utf8" })) as { scripts?: Record<string, string> };
  for (const script of ["preinstall", "install", "postinstall", "prepare"]) expect(manifest.scripts?.[script], script).toBeUndefined();
});

/** How a package manager installs a project and runs one of its binaries, set to use the loopback registry. */
interface PackageManager {
  name: string;
  install: () => [string, string[]];
  exec: (bin: string, args: string[]) => [string, string[]];
  env: (registryUrl: string) => NodeJS.ProcessEnv;
}

// pnpm and yarn are exact devDependencies (corepack cannot fetch them here, and nothing is fetched at test time).
const LOCAL_BIN = join(REPO_ROOT, "node_modules", ".bin");
const MANAGERS: PackageManager[] = [
  {
    name: "npm",
    install: () => ["npm", ["install"]],
    exec: (bin, args) => ["npx", [bin, ...args]],
    env: (url) => ({ npm_config_registry: url, npm_config_cache: makeTree({}), npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" }),
  },
  {
    name: "pnpm",
    install: () => [join(LOCAL_BIN, "pnpm"), ["install", "--store-dir", makeTree({})]],
    exec: (bin, args) => [join(LOCAL_BIN, "pnpm"), ["exec", bin, ...args]],
    env: (url) => ({ npm_config_registry: url, CI: "true" }),
  },
  {
    name: "yarn",
    install: () => [join(LOCAL_BIN, "yarn"), ["install"]],
    exec: (bin, args) => [join(LOCAL_BIN, "yarn"), [bin, ...args]],
    // Yarn 4: plain http only for loopback, no quarantine of fresh versions (the loopback registry has no publish dates), node_modules linker.
    env: (url) => ({
      YARN_NPM_REGISTRY_SERVER: url.replace(/\/$/, ""),
      YARN_UNSAFE_HTTP_WHITELIST: "127.0.0.1",
      YARN_NPM_MINIMAL_AGE_GATE: "0",
      YARN_ENABLE_GLOBAL_CACHE: "false",
      YARN_CACHE_FOLDER: makeTree({}),
      YARN_NODE_LINKER: "node-modules",
      YARN_ENABLE_IMMUTABLE_INSTALLS: "false",
      YARN_ENABLE_TELEMETRY: "0",
    }),
  },
];

/** An empty project that wants token-guard (the packed tarball), eslint and husky, with a leak in it; installed. */
async function installedProject(manager: PackageManager, token: string): Promise<{ project: string; env: NodeJS.ProcessEnv }> {
  const project = makeRepo({
    "package.json": `${JSON.stringify({ name: "app", private: true, devDependencies: { eslint: lockedVersion("eslint"), husky: lockedVersion("husky"), "token-guard": `file:${tarball}` } }, null, 2)}\n`,
    "eslint.config.mjs": 'import tokenGuard from "token-guard";\n\nexport default [...tokenGuard.configs.recommended];\n',
    "src/client.js": `export const authToken = "${token}";\n`,
    ".gitignore": "node_modules/\n.yarn/\n",
  });
  const env = { ...process.env, NO_COLOR: "1", ...manager.env(registry.url) };
  const [command, args] = manager.install();
  const install = await runAsync(command, args, project, env);
  expect(install.status, install.output).toBe(0);
  expect(install.output).not.toMatch(/install-scripts|prepare/);
  return { project, env: { ...env, npm_config_offline: "true" } };
}

// npm about 30 s on 2 quiet cores, pnpm and yarn about 15 s each; the timeouts leave room for a loaded machine.
for (const manager of MANAGERS) {
  it(`${manager.name}: the tarball installs in an empty project without a word about scripts; token-guard scan and eslint with our config report the token`, { timeout: 180_000 }, async () => {
    const TOKEN = fakeToken(900);
    const { project, env } = await installedProject(manager, TOKEN);
    const scan = await runAsync(...manager.exec("token-guard", ["scan"]), project, env);
    expect(scan.status, scan.output).toBe(1);
    expect(scan.output).toContain("src/client.js");
    expect(scan.output).not.toContain(TOKEN);
    const eslint = await runAsync(...manager.exec("eslint", ["."]), project, env);
    expect(eslint.status, eslint.output).toBe(1);
    expect(eslint.output).toContain("token-guard/convoso-auth-token");
    expect(eslint.output).not.toContain(TOKEN);
    if (manager.name !== "npm") return;

    // As the README says: @typescript-eslint's required peers bring typescript in, though the project never asked for it.
    expect(existsSync(join(project, "node_modules", "typescript", "package.json"))).toBe(true);
    expect((await runAsync("npx", ["token-guard", "init"], project, env)).status).toBe(0);
    expect((await runAsync("npx", ["husky"], project, env)).status).toBe(0);
    git(project, "add", ".");
    const blocked = await runAsync("git", ["commit", "-q", "-m", "leak"], project, env);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain("src/client.js");
    git(project, "rm", "-q", "--cached", "src/client.js");
    const clean = await runAsync("git", ["commit", "-q", "-m", "clean"], project, env);
    expect(clean.status, clean.output).toBe(0);
  });
}
