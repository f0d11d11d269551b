// Step one of the command line: which command argv names, and that command's
// raw flags, parsed with its own option table (node:util parseArgs). A flag
// the command does not take is refused in one line that lists the ones it does.

import { parseArgs } from "node:util";
import { closestName } from "../config/did-you-mean.js";
import type { CommandSpec } from "./command-spec.js";
import { UsageError } from "./errors.js";
import type { FlagTable, FlagValues, RawFlags } from "./flags.js";
import { flagList } from "./help.js";

/** A command with the flags and arguments meant for it. */
export interface Invocation {
  command: CommandSpec;
  flags: RawFlags<FlagTable>;
}

/**
 * The command is the first argument that is not a flag or a flag's value
 * (`token-guard -f json scan` names scan). With none, `-v` alone means
 * `version`, anything else `help`.
 */
export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[]): Invocation {
  // Every command's flags at once, leniently: only to tell flag values from the command word.
  const everyFlag: FlagTable = Object.assign({}, ...commands.map((command) => command.flags));
  const { values, tokens } = parseArgs({ args: [...argv], options: everyFlag, allowPositionals: true, strict: false, tokens: true });
  const word = tokens.find((token) => token.kind === "positional");
  const command = word === undefined ? commandNamed(values.help !== true && values.version === true ? "version" : "help", commands) : commandNamed(word.value, commands);
  for (const token of tokens) {
    if (token.kind === "option" && !Object.hasOwn(command.flags, token.name)) {
      const closest = token.rawName.startsWith("--") ? closestName(token.name, Object.keys(command.flags)) : undefined;
      const hint = closest === undefined ? "" : ` (did you mean \`--${closest}\`?)`;
      throw new UsageError(`${command.name} does not take ${token.rawName}${hint}; it takes ${flagList(command.flags)} (see token-guard ${command.name} --help)`);
    }
  }
  const rest = word === undefined ? [...argv] : argv.filter((_, index) => index !== word.index);
  return { command, flags: parseFlags(command.flags, rest) };
}

/** The command called `name`; a UsageError listing the commands when there is none. */
export function commandNamed(name: string, commands: readonly CommandSpec[]): CommandSpec {
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    const closest = closestName(name, commands.map((candidate) => candidate.name));
    const hint = closest === undefined ? "" : `: did you mean \`${closest}\`?`;
    throw new UsageError(`unknown command "${name}"${hint} (commands: ${commands.map(({ name }) => name).join(", ")}; see token-guard --help)`);
  }
  return command;
}

/** Strict parsing with the command's own table: a missing or misplaced value is one line. */
function parseFlags<T extends FlagTable>(flags: T, args: string[]): RawFlags<T> {
  try {
    const { values, positionals } = parseArgs({ args, options: flags, allowPositionals: true, strict: true });
    // parseArgs types values by the table's literal; ours is generic, and FlagValues says the same per flag.
    return { values: values as FlagValues<T>, positionals };
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (see token-guard --help)`);
  }
}
