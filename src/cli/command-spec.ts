// What every command declares: its option table, its help, and how it turns
// raw flags into its own validated options and runs.

import type { FlagTable, RawFlags } from "./flags.js";

/** What a command may use besides its flags. */
export interface CommandContext {
  cwd: string;
  stdout: NodeJS.WriteStream;
  /** Every command, for the help that lists them. */
  commands: readonly CommandSpec[];
}

/** One way to call a command, as the help lists it. */
export interface Usage {
  /** After `token-guard `: `scan [paths...] [options]`. */
  line: string;
  /** What it does, one line. */
  what: string;
}

export interface CommandSpec<T extends FlagTable = FlagTable> {
  name: string;
  /** The command's forms, in `token-guard --help` and its own help. */
  usage: readonly Usage[];
  /** Its flags: any other flag is refused (see command-line.ts). */
  flags: T;
  /** Its exit codes, one line. */
  exitCodes: string;
  /** The README section that explains it. */
  docs: string;
  /**
   * Step two: resolves the raw flags into the command's validated options
   * (a UsageError for a bad value), loads the command and runs it; the exit code.
   */
  run(flags: RawFlags<T>, context: CommandContext): Promise<number>;
}

export const DOCS_URL = "https://github.com/token-guard/token-guard";
