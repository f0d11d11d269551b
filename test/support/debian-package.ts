// A command some end-to-end tests need from Debian's packages: installed with
// apt-get once when missing (anything a test needs, the project installs), and
// a clear reason to skip when it cannot be.
import { spawnSync } from "node:child_process";

export type Availability = { available: true } | { available: false; reason: string };

const known = new Map<string, Availability>();

/** Whether `command --version` runs; tries `apt-get install <debianPackage>` once when it does not. */
export function ensureDebianCommand(command: string, debianPackage: string): Availability {
  const cached = known.get(command);
  if (cached) return cached;
  const works = (): boolean => spawnSync(command, ["--version"], { encoding: "utf8" }).status === 0;
  let result: Availability = { available: true };
  if (!works()) {
    const apt = spawnSync("sh", ["-c", `command -v apt-get >/dev/null && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${debianPackage}) >/dev/null 2>&1`], {
      encoding: "utf8",
      timeout: 300_000,
    });
    if (!works()) result = { available: false, reason: `${command} is not installed and apt-get could not install ${debianPackage} (exit ${String(apt.status)})` };
  }
  known.set(command, result);
  return result;
}
