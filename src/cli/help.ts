// The help texts, all made from the command specs: `token-guard --help` lists
// the commands, `token-guard <command> --help` shows one with its flags.

import type { CommandSpec, Usage } from "./command-spec.js";
import { DOCS_URL } from "./command-spec.js";
import type { FlagSpec, FlagTable } from "./flags.js";

const TAGLINE = "token-guard: find hardcoded API auth tokens and write env-var lookups instead";
const COLUMN = 42;
const FLAG_COLUMN = 30;

/** `token-guard --help` (and `token-guard help`): every command's forms. */
export function formatGlobalHelp(commands: readonly CommandSpec[]): string {
  return [
    TAGLINE,
    "",
    "Usage:",
    ...commands.flatMap((command) => command.usage.map(usageLine)),
    "",
    "Run `token-guard <command> --help` for a command's flags.",
    "",
    "Exit codes: 0 no findings, 1 findings (baselined ones do not count), 2 usage, config or I/O error.",
    `Docs: ${DOCS_URL}#command-line`,
    "",
  ].join("\n");
}

/** `token-guard <command> --help`: its forms, its flags one line each, its exit codes and docs. */
export function formatCommandHelp(command: CommandSpec, commands: readonly CommandSpec[]): string {
  if (command.name === "help") return formatGlobalHelp(commands);
  return [
    `token-guard ${command.name}: ${command.usage[0]?.what ?? ""}`,
    "",
    "Usage:",
    ...command.usage.map(usageLine),
    "",
    "Flags:",
    ...Object.entries(command.flags).map(([name, flag]) => flagLine(name, flag)),
    "",
    `Exit codes: ${command.exitCodes}`,
    `Docs: ${command.docs}`,
    "",
  ].join("\n");
}

/** The flags a command takes, for the one-line refusal of any other. */
export function flagList(flags: FlagTable): string {
  return Object.entries(flags)
    .map(([name, flag]) => (flag.short === undefined ? `--${name}` : `-${flag.short}/--${name}`))
    .join(", ");
}

function usageLine({ line, what }: Usage): string {
  const left = `  token-guard ${line}`;
  return left.length < COLUMN ? `${left.padEnd(COLUMN)}${what}` : `${left}\n${" ".repeat(COLUMN)}${what}`;
}

function flagLine(name: string, flag: FlagSpec): string {
  const left = `  ${flag.short === undefined ? "    " : `-${flag.short}, `}--${name}${flag.value === undefined ? "" : ` ${flag.value}`}`;
  return `${left.padEnd(FLAG_COLUMN + 1)} ${flag.help}`;
}
