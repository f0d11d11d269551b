// Builds dist/ once before the end-to-end project, exactly as `npm run build` does
// (compile, then bundle the CLI), so the tests run the CLI users get, never a stale build.
import { execFileSync } from "node:child_process";
import { chmodSync } from "node:fs";
import { fileURLToPath } from "node:url";

export default function buildOnce(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  // npm marks a package's bin executable on install; tests that put the CLI on PATH need the same.
  chmodSync(fileURLToPath(new URL("../dist/cli/main.js", import.meta.url)), 0o755);
}
