// Builds dist/ once before the suite, so end-to-end tests run the CLI users get, never a stale build.
import { execFileSync } from "node:child_process";
import { chmodSync } from "node:fs";
import { fileURLToPath } from "node:url";

export default function buildOnce(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url)), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  // npm marks a package's bin executable on install; tests that put the CLI on PATH need the same.
  chmodSync(fileURLToPath(new URL("../dist/src/cli/main.js", import.meta.url)), 0o755);
}
