// What a person still has to do after `fix`, decided by who reads the rewritten
// files: GitHub Actions reads a repository secret, not `.env`; docker compose
// reads the `.env` of its own project directory, which may not be the env file.

import { dirname } from "node:path/posix";
import { missingVariableThrow } from "../languages/javascript/replacement.js";
import { isComposeFile, isGitHubWorkflow } from "../languages/yaml/substitution.js";
import type { FilePlan } from "./plan.js";

/**
 * One line per step, in a stable order. `envShown` is the env file as the summary
 * shows it: POSIX, relative to the working directory, like every `FilePlan.path`.
 */
export function followUps(files: readonly FilePlan[], envShown: string): string[] {
  const steps: string[] = [];
  const secrets = new Map<string, string[]>();
  for (const file of files) {
    if (!isGitHubWorkflow(file.path)) continue;
    for (const name of namesOf(file)) secrets.set(name, [...(secrets.get(name) ?? []), file.path]);
  }
  for (const [name, paths] of [...secrets].sort(([a], [b]) => (a < b ? -1 : 1))) {
    steps.push(`${paths.join(", ")} ${paths.length === 1 ? "reads" : "read"} secrets.${name}: create the repository secret with \`gh secret set ${name}\` (the value is in ${envShown})`);
  }
  for (const file of files) {
    if (!isComposeFile(file.path)) continue;
    const project = dirname(file.path);
    const projectEnv = project === "." ? ".env" : `${project}/.env`;
    if (projectEnv === envShown) continue;
    const variables = namesOf(file).map((name) => `\${${name}}`).join(", ");
    steps.push(`${file.path}: docker compose reads ${variables} from the shell or ${projectEnv}, not ${envShown}: run \`docker compose -f ${file.path} --env-file ${envShown} …\` or export the variables`);
  }
  // TypeScript reads the variable through a form that throws when it is missing (it stays `string` under `strict`).
  const throwing = files.map((file) => ({ file, names: file.fixed.flatMap((value) => (value.replacement.includes(missingVariableThrow(value.envVar)) ? [value.envVar] : [])) }));
  const strictReads = throwing.filter(({ names }) => names.length > 0).map(({ file }) => file);
  const strictNames = [...new Set(throwing.flatMap(({ names }) => names))];
  if (strictNames.length > 0) {
    steps.push(`${strictReads.map((file) => file.path).join(", ")} now ${strictReads.length === 1 ? "throws" : "throw"} at run time when ${strictNames.join(", ")} ${strictNames.length === 1 ? "is" : "are"} not set: set ${strictNames.length === 1 ? "it" : "them"} wherever the program runs (the value is in ${envShown})`);
  }
  return steps;
}

/** The variables the rewritten file reads, each once, in the order they were fixed. */
function namesOf(file: FilePlan): string[] {
  return [...new Set(file.fixed.map((value) => value.envVar))];
}
