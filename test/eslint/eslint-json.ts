// Reading the `eslint --format json` output of the end-to-end tests: token-guard's
// reports, and the messages that mean something broke.
import { relative } from "node:path";

export interface EslintMessages {
  /** `file:line rule` of token-guard's messages, with the rule id as the CLI prints it, sorted. */
  reports: string[];
  /** Messages of other origins that mean something broke: parse errors, crashes, config errors. */
  fatal: string[];
}

/** The messages of `stdout`, with file paths relative to `dir` in POSIX form. */
export function readEslintJson(stdout: string, dir: string): EslintMessages {
  const files = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; line: number; fatal?: boolean; message: string }[] }[];
  const reports: string[] = [];
  const fatal: string[] = [];
  for (const file of files) {
    const path = relative(dir, file.filePath).split("\\").join("/");
    for (const message of file.messages) {
      if (message.ruleId?.startsWith("token-guard/")) reports.push(`${path}:${message.line} ${message.ruleId.slice("token-guard/".length)}`);
      else if (message.fatal || message.ruleId === null) fatal.push(`${path}:${message.line} ${message.message}`);
    }
  }
  return { reports: reports.sort(), fatal };
}
