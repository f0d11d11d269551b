// A `git` first on PATH that records how token-guard calls git, then runs the real one.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";

export interface LoggingGit {
  /** The environment to run the CLI with (PATH starts with the logging git). */
  env: NodeJS.ProcessEnv;
  /** Each call's arguments, one line per call, in order. */
  calls: () => string[];
  /** What `git cat-file` was asked for on its stdin, one line each. */
  catFileRequests: () => string[];
  /** Forgets the calls so far. */
  clear: () => void;
}

/** Installs the logging git under `<repo>/.git/logging-bin` (inside .git: never listed, never scanned). */
export function loggingGit(repo: string): LoggingGit {
  const bin = join(repo, ".git", "logging-bin");
  const log = join(repo, ".git", "calls.log");
  const requests = join(repo, ".git", "cat-file.log");
  const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, "git"),
    `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\ncase " $* " in *" cat-file "*) exec tee -a '${requests}' | '${real}' "$@" ;; esac\nexec '${real}' "$@"\n`,
    { mode: 0o755 },
  );
  const lines = (file: string): string[] => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);
  return {
    env: { PATH: `${bin}${delimiter}${process.env.PATH}` },
    calls: () => lines(log),
    catFileRequests: () => lines(requests),
    clear: () => {
      writeFileSync(log, "");
      writeFileSync(requests, "");
    },
  };
}
