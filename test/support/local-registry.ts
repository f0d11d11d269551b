// A package registry on loopback that serves exactly the packages of our
// package-lock.json, from npm's own cache (where `npm ci` left them): tests
// install the packed tarball with npm, pnpm or yarn as a user would, and
// nothing is fetched from the network.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

/** One package-lock.json `packages` entry, the fields the tests read. */
export interface LockEntry {
  version?: string;
  integrity?: string;
  hasInstallScript?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, unknown>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  os?: string[];
  cpu?: string[];
}

export interface LocalRegistry {
  url: string;
  /** Every path asked for, in order (a test can tell what was installed). */
  requests: string[];
  close(): Promise<void>;
}

const NAME_IN_KEY = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)$/;

/** Where `npm ci` keeps the tarball with this integrity (cacache's content-addressed layout). */
function cachedTarball(cacheDir: string, integrity: string): string {
  const hex = Buffer.from(integrity.slice("sha512-".length), "base64").toString("hex");
  return join(cacheDir, "_cacache", "content-v2", "sha512", hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

const byVersion = (a: string, b: string): number => {
  const parts = (version: string) => version.split(/[.+-]/).map((part) => Number.parseInt(part, 10) || 0);
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
};

export async function startLocalRegistry(lockfile: string): Promise<LocalRegistry> {
  const cacheDir = execFileSync("npm", ["config", "get", "cache"], { encoding: "utf8" }).trim();
  const lock = JSON.parse(readFileSync(lockfile, "utf8")) as { packages: Record<string, LockEntry> };
  const packuments = new Map<string, Map<string, LockEntry>>();
  const tarballs = new Map<string, string>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = NAME_IN_KEY.exec(key)?.[1];
    if (name === undefined || entry.link === true || entry.version === undefined || entry.integrity === undefined) continue;
    const file = cachedTarball(cacheDir, entry.integrity);
    if (!existsSync(file)) continue; // another platform's optional binary: never installed here
    if (!packuments.has(name)) packuments.set(name, new Map());
    packuments.get(name)!.set(entry.version, entry);
    tarballs.set(Buffer.from(entry.integrity).toString("hex"), file);
  }
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? "/").split("?")[0]!);
    requests.push(path);
    const tarball = /^\/-\/([0-9a-f]+)\.tgz$/.exec(path);
    if (tarball) {
      const file = tarballs.get(tarball[1]!);
      if (file === undefined) return void response.writeHead(404).end();
      return void response.writeHead(200, { "content-type": "application/octet-stream" }).end(readFileSync(file));
    }
    const name = path.slice(1);
    const versions = packuments.get(name);
    if (versions === undefined) return void response.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const manifest = Object.fromEntries(
      [...versions].map(([version, entry]) => {
        const { dependencies, optionalDependencies, peerDependencies, peerDependenciesMeta, bin, engines, os, cpu } = entry;
        const dist = { integrity: entry.integrity, tarball: `${base}/-/${Buffer.from(entry.integrity!).toString("hex")}.tgz` };
        return [version, { name, version, dependencies, optionalDependencies, peerDependencies, peerDependenciesMeta, bin, engines, os, cpu, dist }];
      }),
    );
    const latest = [...versions.keys()].sort(byVersion).at(-1)!;
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ name, "dist-tags": { latest }, versions: manifest }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
