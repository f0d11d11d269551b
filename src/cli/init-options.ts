// `token-guard init`: its option table, and its flags resolved into the
// InitOptions the init command reads.

import { DOCS_URL, type CommandSpec } from "./command-spec.js";
import { UsageError } from "./errors.js";
import { INFO_FLAGS, type FlagTable, type RawFlags } from "./flags.js";

const INIT_FLAGS = {
  "git-hook": { type: "boolean", help: "write a plain git pre-commit hook instead of a husky one (Python, PHP and other projects)" },
  force: { type: "boolean", help: "with --git-hook: replace a pre-commit hook token-guard did not write" },
  ...INFO_FLAGS,
} as const satisfies FlagTable;

export interface InitOptions {
  cwd: string;
  /** Write a plain git hook instead of a husky one. */
  gitHook: boolean;
  /** Replace a pre-commit hook that token-guard did not write. */
  force: boolean;
}

export const INIT_COMMAND: CommandSpec<typeof INIT_FLAGS> = {
  name: "init",
  usage: [{ line: "init [--git-hook [--force]]", what: "install the pre-commit hook (husky; --git-hook: plain git hook)" }],
  flags: INIT_FLAGS,
  exitCodes: "0 hook installed (or already there), 2 usage or I/O error.",
  docs: `${DOCS_URL}#pre-commit-hook`,
  async run(flags, { cwd, stdout }) {
    const options = resolveInitOptions(flags, cwd);
    const { runInit } = await import("./init-command.js");
    return runInit(options, stdout);
  },
};

export function resolveInitOptions({ values, positionals }: RawFlags<typeof INIT_FLAGS>, cwd: string): InitOptions {
  if (positionals.length > 0) throw new UsageError(`init takes no paths (got "${positionals[0]}"): run it inside the repository`);
  return { cwd, gitHook: values["git-hook"] === true, force: values.force === true };
}
