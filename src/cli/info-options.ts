// `token-guard help [command]` and `token-guard version`: the two commands that
// only print. Both take nothing but -h and -v.

import { commandNamed } from "./command-line.js";
import { DOCS_URL, type CommandSpec } from "./command-spec.js";
import { EXIT } from "./errors.js";
import { INFO_FLAGS } from "./flags.js";
import { UsageError } from "./errors.js";
import { formatCommandHelp, formatGlobalHelp } from "./help.js";

export const HELP_COMMAND: CommandSpec<typeof INFO_FLAGS> = {
  name: "help",
  usage: [{ line: "help [command] | --help", what: "list the commands, or one command's flags (as token-guard <command> --help)" }],
  flags: INFO_FLAGS,
  exitCodes: "0.",
  docs: `${DOCS_URL}#command-line`,
  async run({ positionals }, { stdout, commands }) {
    const [name, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`help takes one command name at most (see token-guard --help)`);
    const command = name === undefined ? undefined : commandNamed(name, commands);
    stdout.write(command === undefined ? formatGlobalHelp(commands) : formatCommandHelp(command, commands));
    return EXIT.clean;
  },
};

export const VERSION_COMMAND: CommandSpec<typeof INFO_FLAGS> = {
  name: "version",
  usage: [{ line: "version | --version", what: "print the version" }],
  flags: INFO_FLAGS,
  exitCodes: "0.",
  docs: `${DOCS_URL}#install`,
  async run(_flags, { stdout }) {
    const { VERSION } = await import("../report/tool-identity.js");
    stdout.write(`${VERSION}\n`);
    return EXIT.clean;
  },
};
