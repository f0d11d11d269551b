// The Node versions the bench runs token-guard (and each Node-run floor) on, side by
// side: `--node 20,26`. A version that is the Node running the bench is that binary;
// any other comes from the registry package that ships the official binary
// (node-<platform>-<arch>@<version>, bin/node), installed with npm into the user's
// cache once and reused. CI runs the unit tests on Node 26 with the same package:
// `node bench/lib/node-versions.mjs 26` installs it and prints its bin directory.

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BenchError } from "../generate-tree.mjs";
import { benchCacheDir, npmInstall } from "./competitors.mjs";

/** The exact release installed for a bare major: the Active LTS, the Maintenance LTS, and the Node 20 the bench was written on. */
export const PINNED = { 20: "20.20.2", 24: "24.22.3", 26: "26.12.1" };
/** The versions `--node` defaults to: the oldest one package.json supports, and the current LTS on which the targets are judged. */
export const DEFAULT_NODES = "20,26";

/** `--node LIST`: majors (26) or exact versions (26.12.1), comma-separated, in order, no repeats. */
export function parseNodeList(raw) {
  const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = items.find((s) => !/^\d+(?:\.\d+\.\d+)?$/.test(s));
  if (!items.length || bad !== undefined) throw new BenchError(`--node takes a comma-separated list of Node majors (20, 26) or versions (26.12.1); got "${raw}"`);
  return [...new Set(items)];
}

const majorOf = (version) => Number(version.split(".")[0]);

/** The npm package that ships this platform's Node binary. */
const nodePackage = () => `node-${process.platform}-${process.arch}`;

/**
 * One Node to run: { label, version, major, path, install? }. The running Node serves
 * a list item it matches; any other is installed into <cache>/node/<version>.
 */
export function resolveNode(item) {
  const running = process.versions.node;
  if (item === running || (!item.includes(".") && Number(item) === majorOf(running))) {
    return { label: `Node ${running}`, version: running, major: majorOf(running), path: process.execPath };
  }
  const version = item.includes(".") ? item : PINNED[item];
  if (!version) throw new BenchError(`--node ${item}: no pinned release of Node ${item} (pinned: ${Object.keys(PINNED).join(", ")}); give an exact version such as ${item}.0.0`);
  const prefix = path.join(benchCacheDir(), "node", version);
  const pkg = { name: nodePackage(), version };
  const install = npmInstall(prefix, [pkg], "token-guard-bench-node");
  if (install.failure) throw new BenchError(`could not install Node ${version} (${install.command}): ${install.failure}`);
  const bin = path.join(prefix, "node_modules", pkg.name, "bin", process.platform === "win32" ? "node.exe" : "node");
  if (!fs.existsSync(bin)) throw new BenchError(`${pkg.name}@${version} has no bin/node in ${prefix}`);
  return { label: `Node ${version}`, version, major: majorOf(version), path: bin, install };
}

/**
 * The Node on which the targets are judged: the newest of the list (Node 26, the
 * current LTS, with the default list).
 */
export function targetNode(nodes) {
  return nodes.reduce((best, n) => (n.major > best.major ? n : best), nodes[0]);
}

// CI: `node bench/lib/node-versions.mjs 26` prints the directory holding that node.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const [item] = parseNodeList(process.argv[2] ?? "");
    console.log(path.dirname(resolveNode(item).path));
  } catch (error) {
    console.error(`node-versions: ${error.message}`);
    process.exitCode = 2;
  }
}
