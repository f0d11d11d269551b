// Single-file components: Vue (`.vue`), Svelte (`.svelte`) and Astro (`.astro`),
// read by one front end; their template values are advised like markup's.

import { CONFIG_FORMAT, defineLanguage, type LanguageSpec } from "../shared/language-definition.js";
import { lexComponent } from "./lexer.js";

/** What the three share: the front end, markup's replacement advice, and ESLint's answer. */
const COMPONENT = {
  ...CONFIG_FORMAT,
  lex: lexComponent,
  // Markup is lexed as such already.
  matcherHints: { stringsMayHoldMarkup: false },
  eslint: {
    via: "none",
    reason:
      "projects lint components with their own parsers (eslint-plugin-vue, eslint-plugin-svelte, eslint-plugin-astro); a second language on those files would clash until the ESLint configs are redesigned, so `token-guard scan` covers them",
  },
} satisfies Partial<LanguageSpec>;

export const vue = defineLanguage({ ...COMPONENT, id: "vue", extensions: ["vue"], fenceNames: ["vue"] });
export const svelte = defineLanguage({ ...COMPONENT, id: "svelte", extensions: ["svelte"], fenceNames: ["svelte"] });
export const astro = defineLanguage({ ...COMPONENT, id: "astro", extensions: ["astro"], fenceNames: ["astro"] });
