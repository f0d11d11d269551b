// The `token-guard` command line, loaded by main.ts: parse, resolve, run, and
// turn every expected failure into one line on stderr with exit code 2.

import { ConfigError } from "../config/config-error.js";
import { escapeControlCharacters } from "../report/control-characters.js";
import { parseCommandLine } from "./command-line.js";
import { COMMANDS } from "./commands.js";
import { EXIT, UsageError } from "./errors.js";
import { formatCommandHelp } from "./help.js";
import { VERSION_COMMAND } from "./info-options.js";

async function main(argv: readonly string[]): Promise<number> {
  const { command, flags } = parseCommandLine(argv, COMMANDS);
  const context = { cwd: process.cwd(), stdout: process.stdout, commands: COMMANDS };
  if (flags.values.help === true) {
    process.stdout.write(formatCommandHelp(command, COMMANDS));
    return EXIT.clean;
  }
  return (flags.values.version === true ? VERSION_COMMAND : command).run(flags, context);
}

/** Errors the user can fix carry a message; anything else is a bug, reported without a stack unless asked. */
function explain(error: unknown): string {
  if (error instanceof UsageError || error instanceof ConfigError) return error.message;
  // Told by name: the doors' error classes are not loaded unless a command needs them.
  if (error instanceof Error && (error.name === "SourceError" || error.name === "WriteError")) return error.message;
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
    // One line, whatever a path or git's words in it hold.
    if (line) process.stderr.write(`token-guard: ${escapeControlCharacters(line.replace(/^token-guard: /, ""))}\n`);
    if (process.env.TOKEN_GUARD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.error;
  },
);
