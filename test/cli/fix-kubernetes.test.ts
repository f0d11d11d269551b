// Issue 17: Kubernetes and Helm never expand `${NAME}`. A token in a manifest (a YAML
// document with `apiVersion:` and `kind:`), a Helm template or a Helm values file is
// advised as a Secret read through `valueFrom.secretKeyRef`, never as `${NAME}`, and
// fix leaves the file as it is. Through the built CLI: scan's text and JSON, fix.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, runCli, snapshot } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(1801);
const ENV = "CONVOSO_AUTH_TOKEN";
const CREATE = `kubectl create secret generic convoso-auth-token --from-literal=${ENV}=<value>`;
const REFERENCE = `env: [{name: ${ENV}, valueFrom: {secretKeyRef: {name: convoso-auth-token, key: ${ENV}}}}]`;

const deployment = (name: string): string =>
  [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    `  name: ${name}`,
    "spec:",
    "  template:",
    "    spec:",
    "      containers:",
    "        - name: dialer",
    "          image: acme/dialer:1.0",
    "          env:",
    `            - name: ${ENV}`,
    `              value: "${T}"`,
    "",
  ].join("\n");

const PROJECT = {
  "k8s/deployment.yaml": deployment("dialer"),
  // Two documents: a ConfigMap and a committed Secret get their own advice.
  "k8s/config.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dialer\ndata:\n  auth_token: "${T}"\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: dialer\nstringData:\n  ${ENV}: ${T}\n`,
  "chart/Chart.yaml": "apiVersion: v2\nname: dialer\nversion: 0.1.0\n",
  "chart/values.yaml": `convoso:\n  authToken: ${T}\n`,
  "chart/templates/deployment.yaml": deployment("{{ .Release.Name }}"),
  // Not a manifest: other YAML keeps the `${NAME}` advice.
  "config/app.yaml": `convoso:\n  auth_token: ${T}\n`,
};

interface JsonFinding {
  file: string;
  line: number;
  suggestion: { text: string; edits: unknown[] };
}

describe("Kubernetes manifests and Helm charts", () => {
  it("scan advises a Secret and secretKeyRef, never ${NAME}, in text and JSON", () => {
    const dir = makeRepo(PROJECT);
    const json = runCli(["scan", "--format", "json"], dir);
    expect(json.status).toBe(1);
    const findings = (JSON.parse(json.stdout) as { findings: JsonFinding[] }).findings;
    const advice = new Map(findings.map((finding) => [`${finding.file}:${finding.line}`, finding.suggestion]));
    const manifest = `Kubernetes does not expand environment variables in manifests: create a Secret (\`${CREATE}\`) and give the container the variable from it with \`${REFERENCE}\` (command and args read it as $(${ENV}))`;
    expect(Object.fromEntries(advice)).toEqual({
      "chart/templates/deployment.yaml:13": { text: manifest, edits: [] },
      "chart/values.yaml:2": {
        text: `Helm does not expand environment variables in values files: take the value out, create a Secret (\`${CREATE}\`) and have the chart's container read it with \`${REFERENCE}\``,
        edits: [],
      },
      "config/app.yaml:2": { text: expect.stringContaining(`\${${ENV}}`), edits: [] },
      "k8s/config.yaml:6": { text: manifest, edits: [] },
      "k8s/config.yaml:13": {
        text: `a Secret manifest in the repository publishes its value: take it out of the repository and create the Secret in the cluster (\`${CREATE}\`), or commit it encrypted (Sealed Secrets, SOPS)`,
        edits: [],
      },
      "k8s/deployment.yaml:13": { text: manifest, edits: [] },
    });

    const text = runCli(["scan"], dir);
    expect(text.status).toBe(1);
    const kubernetesLines = text.stdout.split("\n").filter((line) => line.includes("suggestion:") && !line.includes("keep the value out of this file"));
    expect(kubernetesLines).toHaveLength(5);
    for (const line of kubernetesLines) {
      expect(line).toContain(line.includes("a Secret manifest") ? CREATE : REFERENCE);
      expect(line).not.toContain(`\${${ENV}}`);
    }
    expect(text.stdout).not.toContain(T);
  });

  it("fix leaves every manifest and chart file as it is and lists them with the advice", () => {
    const dir = makeRepo(PROJECT);
    const before = snapshot(dir);
    const fixed = runCli(["fix"], dir);
    expect(fixed.status).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, ".env"))).toBe(false);
    const listed = fixed.stdout.split("\n").filter((line) => /^ {2}(k8s|chart)\//.test(line));
    expect(listed.map((line) => line.slice(2, line.indexOf(" ", 2)))).toEqual([
      "chart/templates/deployment.yaml:13:23",
      "chart/values.yaml:2:14",
      "k8s/config.yaml:6:16",
      "k8s/config.yaml:13:23",
      "k8s/deployment.yaml:13:23",
    ]);
    for (const line of listed) {
      expect(line).toContain(line.includes("a Secret manifest") ? CREATE : REFERENCE);
      expect(line).not.toContain(`\${${ENV}}`);
    }
    expect(readFileSync(join(dir, "chart/values.yaml"), "utf8")).toBe(PROJECT["chart/values.yaml"]);
    expect(fixed.stdout).not.toContain(T);
  });
});
