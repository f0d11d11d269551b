// `token-guard help` and `token-guard version`: the two commands that only
// print. Both take nothing but -h and -v; any arguments after them are ignored.

import { DOCS_URL, type CommandSpec } from "./command-spec.js";
import { EXIT } from "./errors.js";
import { INFO_FLAGS } from "./flags.js";
import { formatGlobalHelp } from "./help.js";

export const HELP_COMMAND: CommandSpec<typeof INFO_FLAGS> = {
  name: "help",
  usage: [{ line: "help | --help", what: "list the commands (token-guard <command> --help: its flags)" }],
  flags: INFO_FLAGS,
  exitCodes: "0.",
  docs: `${DOCS_URL}#command-line`,
  async run(_flags, { stdout, commands }) {
    stdout.write(formatGlobalHelp(commands));
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
    const { VERSION } = await import("../version.js");
    stdout.write(`${VERSION}\n`);
    return EXIT.clean;
  },
};
