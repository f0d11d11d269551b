// justfiles (the `just` command runner): expressions read the environment with
// `env_var("K")`; recipe bodies are shell.

import { defineLanguage } from "../shared/language-definition.js";
import { fillsString, firstTokenFrom, type Replacement, type ReplacementSite } from "../shared/replacement.js";
import { lexJust } from "./lexer.js";

/** `env_var('K')`: fails when K is unset, as a token lookup should. */
function justEnvLookup(envVar: string): string {
  return `env_var('${envVar}')`;
}

/** A whole string becomes the lookup; a value inside a longer string gets the advice. */
function writeJustReplacement(site: ReplacementSite): Replacement {
  const lookup = justEnvLookup(site.envVar);
  if (site.token && fillsString(site, site.token)) return { text: lookup, edits: [{ start: site.token.start, end: site.token.end, text: lookup }] };
  return { text: `read ${site.envVar} with ${lookup} instead of the value`, edits: [] };
}

/**
 * `env_var_or_default("K", "v")` becomes `env_var('K')` (the call takes two
 * arguments: deleting the default alone would not parse); other fallbacks get the advice.
 */
function writeJustFallbackRemoval(site: ReplacementSite): Replacement {
  const lookup = justEnvLookup(site.envVar);
  const removal = site.removal!;
  const name = firstTokenFrom(site.tokens, removal.start) - 1;
  const callee = site.tokens[name - 2];
  const close = site.tokens[firstTokenFrom(site.tokens, removal.end)];
  if (callee?.kind !== "identifier" || callee.text !== "env_var_or_default" || close?.kind !== "punct" || close.text !== ")") {
    return { text: `read ${site.envVar} with ${lookup}, without a default`, edits: [] };
  }
  return { text: lookup, edits: [{ start: callee.start, end: close.end, text: lookup }] };
}

export const just = defineLanguage({
  id: "just",
  fileNames: ["justfile", ".justfile"],
  extensions: ["just"],
  fenceNames: ["just", "justfile"],
  lex: lexJust,
  envLookup: justEnvLookup,
  writeReplacement: writeJustReplacement,
  writeFallbackRemoval: writeJustFallbackRemoval,
  eslint: { via: "none", reason: "a task runner's file, not code ESLint users lint: `token-guard scan` covers it" },
});
