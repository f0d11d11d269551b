#!/usr/bin/env node
// The `token-guard` executable: parse, resolve, run, and turn every expected
// failure into one line on stderr with exit code 2.

import { HELP, parseCommandLine } from "./args.js";
import { builtinRuleIds } from "../catalog.js";
import { ConfigError } from "../config/config-error.js";
import { loadConfig } from "../config/load-config.js";
import { EXIT, UsageError } from "./errors.js";
import { resolveScanOptions } from "./options.js";

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCommandLine(argv);
  switch (args.command) {
    case "help":
      process.stdout.write(HELP);
      return EXIT.clean;
    case "version": {
      const { VERSION } = await import("../version.js");
      process.stdout.write(`${VERSION}\n`);
      return EXIT.clean;
    }
    case "init": {
      const { runInit } = await import("./init-command.js");
      return runInit({ cwd: process.cwd(), gitHook: args.gitHook, force: args.force }, process.stdout);
    }
    case "scan": {
      const cwd = process.cwd();
      const config = args.noConfig ? { config: {} } : loadConfig(cwd, builtinRuleIds, args.config);
      const options = resolveScanOptions(args, config, cwd, process.stdout.isTTY === true);
      const { runScan } = await import("./scan-command.js");
      return runScan(options, process.stdout);
    }
    case "fix": {
      const cwd = process.cwd();
      const config = args.noConfig ? { config: {} } : loadConfig(cwd, builtinRuleIds, args.config);
      const { resolveFixOptions, runFix } = await import("./fix-command.js");
      return runFix(resolveFixOptions(args, config, cwd), process.stdout);
    }
    case "baseline": {
      const cwd = process.cwd();
      const config = args.noConfig ? { config: {} } : loadConfig(cwd, builtinRuleIds, args.config);
      const options = resolveScanOptions(args, config, cwd, false);
      const { runBaseline } = await import("./baseline-command.js");
      return runBaseline(options, process.stdout);
    }
  }
}

/** Errors the user can fix carry a message; anything else is a bug, reported without a stack unless asked. */
function explain(error: unknown): string {
  if (error instanceof UsageError || error instanceof ConfigError) return error.message;
  if (error instanceof Error && error.name === "SourceError") return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EPIPE") return "";
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message} (please report it; rerun with TOKEN_GUARD_DEBUG=1 for details)`;
}

// A reader that went away (`token-guard scan | head -1`) is not an error of ours:
// the rest of the report has nowhere to go, and no stack trace is owed for it.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") return;
  process.stderr.write(`token-guard: cannot write the report: ${error.message}\n`);
  process.exitCode = EXIT.error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const line = explain(error);
    if (line) process.stderr.write(`token-guard: ${line.replace(/^token-guard: /, "")}\n`);
    if (process.env.TOKEN_GUARD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.error;
  },
);
