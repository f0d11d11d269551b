// A PATH with nothing on it but the commands a test names, and npm told to stay
// offline: a hook or script that tries to download token-guard (npx, npm) finds
// no way to, so the test sees what it does without the network.
import { spawnSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { makeTree } from "./cli.js";

/** The commands git hooks and husky's runner need: no npx, no npm. */
export const HOOK_COMMANDS = ["git", "node", "env", "sh", "dirname", "basename"];

/** An env whose PATH holds only `commands` (linked to where they are now), with `npm_config_offline`. */
export function offlineEnv(commands: string[] = HOOK_COMMANDS): NodeJS.ProcessEnv {
  const bin = makeTree({});
  for (const command of commands) {
    const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).stdout.trim();
    if (found === "") throw new Error(`${command} is not installed`);
    symlinkSync(found, join(bin, command));
  }
  return { ...process.env, PATH: bin, npm_config_offline: "true", NO_COLOR: "1" };
}
