// Fallbacks and bindings in tools' own languages: template defaults (Go
// templates, Sprig, Jinja), justfiles (`env_var_or_default`), SQL scripts
// (`INSERT … VALUES` by column position, `UPDATE … SET`), and YAML documents
// held in a block scalar (a kustomize patch).
import { describe, expect, it } from "vitest";
import { templateDefaults } from "../../src/detect/template-defaults.js";
import { foundLines } from "../support/lines.js";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(15_501);
const U = fakeToken(15_502);
/** Random-looking, but under no key. */
const R = fakeToken(15_503);

describe("template defaults", () => {
  it("reads names and the default of piped, prefix and Jinja forms", () => {
    const text = `{{ .Values.dialer.authToken | default "${T}" }} {{ default "${U}" .AUTH_TOKEN }} {{ lookup('env', 'AUTH_TOKEN') | d('${R}') }} {{ .x }}`;
    const found = templateDefaults(text, 0, text.length).map(({ names, value }) => [names.map((name) => text.slice(name.start, name.end)), text.slice(value.start, value.end)]);
    expect(found).toEqual([
      [["authToken"], T],
      [["AUTH_TOKEN"], U],
      [["lookup", "env", "AUTH_TOKEN"], R],
    ]);
  });

  it("Helm values templated into a manifest and an Ansible var: key-named reads found, others not", () => {
    const helm = [`env:`, `  - name: API_KEY_HINT`, `    value: "{{ .Values.region | default \\"${R}\\" }}"`, `  - name: DIALER_TOKEN`, `    value: '{{ .Values.convosoToken | default "${T}" }}'`];
    expect(foundLines("templates/deploy.yaml", helm)).toEqual([5]);
    const ansible = [`dialer_auth: "{{ lookup('ansible.builtin.env', 'AUTH_TOKEN') | default('${U}', true) }}"`, `dialer_site: "{{ lookup('env', 'SITE') | default('${R}') }}"`];
    expect(foundLines("group_vars/all.yml", ansible)).toEqual([1]);
  });

  it("a template without a default, or with a default from another variable, is not", () => {
    const lines = [`CONVOSO_AUTH_TOKEN: '{{.CONVOSO_AUTH_TOKEN}}'`, `AUTH_TOKEN: '{{ .AUTH_TOKEN | default .FALLBACK_TOKEN }}'`];
    expect(foundLines("Taskfile.dist.yml", lines)).toEqual([]);
  });
});

describe("justfiles", () => {
  it("a fallback in env_var_or_default and an assigned literal; env_var alone and recipes reading it are not", () => {
    const lines = [
      `set positional-arguments`,
      `token := env_var_or_default('AUTH_TOKEN', '${T}')`,
      `export CONVOSO_AUTH_TOKEN := "${U}"`,
      `site := env_var_or_default('SITE', '${R}')`,
      `live := env_var('CONVOSO_AUTH_TOKEN')`,
      `# deploy with the live token`,
      `deploy:`,
      `    curl -d "auth_token=$CONVOSO_AUTH_TOKEN" https://api.convoso.com/v1/users/search`,
    ];
    expect(foundLines("justfile", lines)).toEqual([2, 3]);
  });

  it("fix writes env_var for the fallback call", () => {
    const text = `token := env_var_or_default("CONVOSO_AUTH_TOKEN", "${T}")\n`;
    const [finding] = scanText("deploy.just", text);
    expect(finding?.suggestion.edits.map((edit) => edit.text)).toEqual([`env_var('CONVOSO_AUTH_TOKEN')`]);
  });
});

describe("SQL scripts", () => {
  it("INSERT rows bind the value at the key column's position; other columns and NULLs not", () => {
    const lines = [
      `/* tenant seed */`,
      `INSERT INTO "tenants" ("name", "auth_token", "auth_token_hash")`,
      `VALUES ('north', '${T}', '${R}'),`,
      `       ('south', NULL, NULL),`,
      `       ('west', '${U}', '${R}');`,
      `insert into audit (actor, note) values ('${R}', 'auth_token rotated');`,
      `UPDATE tenants SET auth_token = '${T}' WHERE name = 'east'; -- auth_token = '${R}' was the old one`,
    ];
    expect(foundLines("seeds/tenants.sql", lines)).toEqual([3, 5, 7, 7]);
  });

  it("a string that holds `''` escapes stays one string", () => {
    const lines = [`INSERT INTO notes (body, auth_token) VALUES ('it''s live', '${T}');`];
    expect(foundLines("notes.sql", lines)).toEqual([1]);
  });
});

describe("YAML documents in block scalars", () => {
  it("a kustomize JSON6902 patch's env entry; a script block or prose is not read as YAML", () => {
    const lines = [
      `patches:`,
      `  - target: { kind: Deployment }`,
      `    patch: |-`,
      `      - op: add`,
      `        path: /spec/template/spec/containers/0/env/-`,
      `        value:`,
      `          name: DIALER_AUTH_TOKEN`,
      `          value: "${T}"`,
      `notes: |`,
      `  The dialer needs: a token`,
      `  name: AUTH_TOKEN value: ${R}`,
    ];
    expect(foundLines("kustomization.yaml", lines)).toEqual([8]);
  });
});
