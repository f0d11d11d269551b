// Vue, Svelte and Astro components through the built CLI: script blocks are
// rewritten as JavaScript/TypeScript, template values are advised, and a CSRF
// hidden input stays quiet.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";
import { typeScriptEnvLookup } from "../../src/languages/javascript/replacement.js";

const TOKEN = fakeToken(1901, 40);

const FILES = {
  "src/QueueBoard.vue": `<script setup lang="ts">\nconst convosoAuthToken = "${TOKEN}";\n</script>\n<template>\n  <QueueTable :auth-token="'${TOKEN}'" />\n  <input type="hidden" name="csrf_token" value="Zq8vB3nK0pL5xR2wT7yU4iO9aS6dF1gH" />\n</template>\n`,
  "src/Queue.svelte": `<script>\n  export let base = "https://api.convoso.com/v1";\n</script>\n<QueueTable authToken={"${TOKEN}"} />\n`,
  "src/pages/queue.astro": `---\nconst CONVOSO_AUTH_TOKEN = "${TOKEN}";\n---\n<QueueTable client:load />\n`,
};

describe("single-file components", () => {
  it("reports script, frontmatter and template values, each in its own language", () => {
    const result = runCli(["scan", ".", "--format", "json"], makeTree(FILES));
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { file: string; line: number; language: string }[] };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.language}`).sort()).toEqual([
      "src/Queue.svelte:4 svelte",
      "src/QueueBoard.vue:2 typescript",
      "src/QueueBoard.vue:5 vue",
      "src/pages/queue.astro:2 typescript",
    ]);
  });

  it("fix rewrites script code and leaves template values to the user", () => {
    const dir = makeTree(FILES);
    const result = runCli(["fix"], dir);
    expect(result.status).toBe(1);
    // TypeScript script blocks and frontmatter get TypeScript's read, which stays `string` under strict.
    expect(readFileSync(join(dir, "src/QueueBoard.vue"), "utf8")).toContain(`const convosoAuthToken = ${typeScriptEnvLookup("CONVOSO_AUTH_TOKEN")};`);
    expect(readFileSync(join(dir, "src/pages/queue.astro"), "utf8")).toContain(`const CONVOSO_AUTH_TOKEN = ${typeScriptEnvLookup("CONVOSO_AUTH_TOKEN")};`);
    expect(result.stdout).toMatch(/src\/QueueBoard\.vue:5:\d+ .*keep the value out of this file/);
  });
});
