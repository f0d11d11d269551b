import { describe, expect, it } from "vitest";
import { defaultDetection } from "../../../src/catalog.js";
import { scanSource } from "../../../src/detect/scan-source.js";
import { lexComponent } from "../../../src/languages/components/lexer.js";
import { fakeToken } from "../../support/tokens.js";
import { assertRangesInside, describeTokens, expectLinear, fuzz } from "../lex-helpers.js";

const TOKEN = fakeToken(1801, 40);

/** Findings as `line:column language`, each covering exactly the token. */
function scan(path: string, text: string): string[] {
  return scanSource({ path, text }, defaultDetection()).map((finding) => {
    expect(text.slice(finding.start, finding.end)).toBe(TOKEN);
    return `${finding.line}:${finding.column} ${finding.language}`;
  });
}

describe("lexComponent", () => {
  it("reads a Vue binding as its expression under the bare name", () => {
    const text = `<DialerPanel :dialer-auth-token="'${TOKEN}'" v-bind:auth-token="\`${TOKEN}\`" />`;
    const result = lexComponent(text);
    assertRangesInside(text, result);
    expect(describeTokens(text, result)).toEqual(["punct:<", "ident:DialerPanel", "ident:dialer-auth-token", "punct:=", `string[single]:${TOKEN}`, "ident:auth-token", "punct:=", `string[backtick]:${TOKEN}`, "punct:/>"]);
  });

  it("reads a Svelte or Astro braced value, spaces and `>` inside, as its expression", () => {
    const text = `<Monitor authToken={ flag > 1 ? "${TOKEN}" : "" } campaign="q3" />`;
    expect(describeTokens(text, lexComponent(text))).toEqual([
      "punct:<", "ident:Monitor", "ident:authToken", "punct:=", "ident:flag", "punct:>", "number:1", "punct:?", `string[double]:${TOKEN}`, "punct::", "string[double]:", "ident:campaign", "punct:=", "string[double]:q3", "punct:/>",
    ]);
  });

  it("lexes `<script lang=\"ts\">` as TypeScript and Astro's frontmatter as TypeScript", () => {
    const vue = `<script setup lang="ts">\nconst x: number = 1;\n</script>\n<template><p>hi</p></template>\n`;
    expect(lexComponent(vue).embedded.map((region) => region.language)).toEqual(["typescript"]);
    const astro = `---\nconst { title } = Astro.props;\n---\n<h1>{title}</h1>\n<script>console.log(1)</script>\n`;
    const regions = lexComponent(astro).embedded.map((region) => `${region.language}:${astro.slice(region.start, region.end).trim()}`);
    expect(regions).toEqual(["typescript:const { title } = Astro.props;", "javascript:console.log(1)"]);
  });

  it("finds tokens in script blocks, frontmatter, bound attributes, component props and form inputs", () => {
    const vue = [
      `<script setup lang="ts">`,
      `const dialer = { authToken: "${TOKEN}" };`,
      `</script>`,
      `<template>`,
      `  <AgentGrid :auth-token="'${TOKEN}'" />`,
      `  <AgentGrid authToken="${TOKEN}" />`,
      `  <input type="hidden" name="auth_token" value="${TOKEN}">`,
      `</template>`,
    ].join("\n");
    expect(scan("src/AgentGrid.vue", vue)).toEqual(["2:30 typescript", "5:28 vue", "6:25 vue", "7:49 vue"]);
    const astro = [`---`, `const convosoAuthToken = "${TOKEN}";`, `---`, `<Campaigns authToken={"${TOKEN}"} />`].join("\n");
    expect(scan("src/pages/campaigns.astro", astro)).toEqual(["2:27 typescript", "4:24 astro"]);
    const svelte = `<script>\n  export let api = "https://api.convoso.com/v1";\n</script>\n<Leads auth_token={'${TOKEN}'} />\n`;
    expect(scan("src/Leads.svelte", svelte)).toEqual(["4:21 svelte"]);
  });

  it("stays quiet on references, env reads, CSRF fields, placeholders and look-alike names", () => {
    const vue = [
      `<script setup>`,
      `const props = defineProps({ authToken: String });`,
      `</script>`,
      `<template>`,
      `  <AgentGrid :auth-token="props.authToken" v-bind:auth-token="import.meta.env.VITE_CONVOSO_AUTH_TOKEN" />`,
      `  <AgentGrid auth-token-url="https://api.convoso.com/v1/auth" :auth-token="'<your token>'" />`,
      `  <form action="https://api.convoso.com/v1/leads/insert"><input type="hidden" name="csrf_token" value="Zq8vB3nK0pL5xR2wT7yU4iO9aS6dF1gH"></form>`,
      `  <input type="hidden" name="_token" value="Kx2Lq9Vb7Nm4Zc1Wr8Ty5Ui3Op6As0Df">`,
      `  <p>{{ authToken }}</p>`,
      `</template>`,
    ].join("\n");
    expect(scan("src/AgentGrid.vue", vue)).toEqual([]);
    const svelte = `<script>\n  import { env } from "$env/dynamic/private";\n</script>\n<Leads authToken={env.CONVOSO_AUTH_TOKEN} {authToken} />\n`;
    expect(scan("src/Leads.svelte", svelte)).toEqual([]);
  });

  it("never throws and stays linear on stray braces and dashes", () => {
    fuzz(lexComponent, `<>{}"' =:-\n/abscript`);
    expectLinear(lexComponent, (size) => `---\n${"<a b={ c ".repeat(Math.ceil(size / 9))}`.slice(0, size));
  });
});
