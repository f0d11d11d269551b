// Kubernetes manifests and Helm charts never expand `${NAME}`: a value in them
// is not rewritten, and the advice names a Secret and `secretKeyRef` instead of
// the `${NAME}` reference other configuration files are told to use.

import { advice, type Replacement, type ReplacementSite } from "../shared/replacement.js";

const YAML_FILE = /\.ya?ml$/;
/** Helm's values files: `values.yaml`, `values-prod.yaml`, `values.staging.yml`. */
const HELM_VALUES = /^values(?:[-.][\w.-]+)?\.ya?ml$/;
/** A manifest's top-level fields; both must start a line of the value's document. */
const API_VERSION = /^apiVersion:/m;
const KIND = /^kind:[ \t]*["']?(\w+)/m;
/** A line that separates YAML documents. */
const DOCUMENT_START = /^---.*$/gm;

/**
 * The advice for a value in a Kubernetes manifest (any YAML document with
 * `apiVersion:` and `kind:` at its top level, Helm templates included) or a Helm
 * values file; undefined for other files. No edits: the value has to become a
 * Secret in the cluster first.
 */
export function adviseKubernetes(site: ReplacementSite): Replacement | undefined {
  const name = site.path?.slice(site.path.lastIndexOf("/") + 1).toLowerCase();
  // Whatever unit the value stands in (a scalar, a script in `args:`): the file decides.
  if (name === undefined || !YAML_FILE.test(name)) return undefined;
  const secret = secretNameFor(site.envVar);
  const create = `kubectl create secret generic ${secret} --from-literal=${site.envVar}=<value>`;
  const reference = `env: [{name: ${site.envVar}, valueFrom: {secretKeyRef: {name: ${secret}, key: ${site.envVar}}}}]`;
  if (HELM_VALUES.test(name)) {
    return advice(`Helm does not expand environment variables in values files: take the value out, create a Secret (\`${create}\`) and have the chart's container read it with \`${reference}\``);
  }
  const kind = manifestKindAt(site.text, site.valueStart);
  if (kind === undefined) return undefined;
  if (kind === "Secret") {
    return advice(`a Secret manifest in the repository publishes its value: take it out of the repository and create the Secret in the cluster (\`${create}\`), or commit it encrypted (Sealed Secrets, SOPS)`);
  }
  return advice(
    `Kubernetes does not expand environment variables in manifests: create a Secret (\`${create}\`) and give the container the variable from it with \`${reference}\` (command and args read it as $(${site.envVar}))`,
  );
}

/** `convoso-auth-token`: a Secret's name is a DNS label (lower case, digits, `-`, none at either end). */
function secretNameFor(envVar: string): string {
  return envVar
    .toLowerCase()
    .split(/[^a-z0-9]/)
    .filter((part) => part !== "")
    .join("-");
}

/** One YAML document of a file: where it starts, and its `kind` when it is a manifest. */
interface YamlDocument {
  start: number;
  kind?: string;
}

/** The last file's text and its documents: n findings in a file (in any of its units) find them once. */
let documentsOfText: { text: string; documents: YamlDocument[] } | undefined;

/** The `kind` of the manifest holding `offset`, if its document is one. */
function manifestKindAt(text: string, offset: number): string | undefined {
  if (documentsOfText?.text !== text) documentsOfText = { text, documents: documentsOf(text) };
  const { documents } = documentsOfText;
  let low = 0;
  let high = documents.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (documents[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return documents[low]!.kind;
}

/** The documents between `---` lines, each with its `kind` when it has `apiVersion:` too. */
function documentsOf(text: string): YamlDocument[] {
  const starts = [0];
  for (const match of text.matchAll(DOCUMENT_START)) starts.push(match.index + match[0].length);
  return starts.map((start, index) => {
    const document = text.slice(start, starts[index + 1] ?? text.length);
    const kind = API_VERSION.test(document) ? KIND.exec(document)?.[1] : undefined;
    return kind === undefined ? { start } : { start, kind };
  });
}
