// docker compose files and GitHub Actions workflows substitute variables and
// secrets themselves, before anything parses a value: a value anywhere in them
// (a YAML scalar or a `run:` script) is replaced by the substitution. Kubernetes
// manifests and Helm charts never do: they get advice naming a Secret (kubernetes.ts).

import { escapeOutside, sortEdits, substitutionLookup, valueOnly, type Replacement, type ReplacementEdit, type ReplacementSite } from "../shared/replacement.js";
import { enclosingOpener } from "../shared/token-facts.js";
import { adviseKubernetes } from "./kubernetes.js";

/**
 * `docker-compose.yml`, `compose.yaml`, `docker-compose.prod.yml`, `app-docker-compose.yml`, …:
 * compose substitutes `${NAME}` in every value from the shell and the project's `.env`.
 */
export function isComposeFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return /(?:^|[-_.])(?:docker-)?compose(?:[-_.][\w.-]*)?\.ya?ml$/.test(name);
}

/** A GitHub Actions workflow (`.github/workflows/*.yml`), where `${{ secrets.NAME }}` reads a repository secret. */
export function isGitHubWorkflow(path: string): boolean {
  return /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
}

/**
 * The replacement for a value anywhere in a compose file or a workflow, whatever
 * unit it stands in, and the advice for one in a Kubernetes manifest or Helm chart;
 * undefined elsewhere. There is no quoting to change: the tool
 * substitutes before anything parses the value.
 */
export function writeFileSubstitution(site: ReplacementSite): Replacement | undefined {
  if (site.path === undefined) return undefined;
  if (isComposeFile(site.path)) return substitutedValue(site, substitutionLookup(site.envVar));
  if (isGitHubWorkflow(site.path)) return substitutedValue(site, `\${{ secrets.${site.envVar} }}`);
  return adviseKubernetes(site);
}

/**
 * `${NAME}` (compose) or `${{ secrets.NAME }}` (Actions) in place of the value. A
 * plain scalar inside `{…}` or `[…]` may not hold braces: it becomes a double-quoted one.
 */
function substitutedValue(site: ReplacementSite, text: string): Replacement {
  const token = site.token;
  const index = token === undefined ? -1 : site.tokens.indexOf(token);
  if (site.language !== "yaml" || token?.quote !== "bare" || index < 0 || enclosingOpener(site.tokens, index) === undefined) return valueOnly(site, text);
  const edits: ReplacementEdit[] = [
    { start: token.start, end: token.start, text: '"' },
    ...escapeOutside(site, token, /[\\"]/g, (char) => `\\${char}`),
    { start: site.valueStart, end: site.valueEnd, text },
    { start: token.end, end: token.end, text: '"' },
  ];
  return { text, edits: sortEdits(edits) };
}
