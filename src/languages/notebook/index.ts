// Jupyter notebooks: code cells in the notebook's language, Markdown cells as
// Markdown, outputs as text, each decoded out of its JSON strings and mapped back.

import { CONFIG_FORMAT, defineLanguage } from "../shared/language-definition.js";
import type { Replacement, ReplacementSite } from "../shared/replacement.js";
import { lexNotebook } from "./lexer.js";

/**
 * Code in a notebook sits inside JSON strings: a replacement written in the
 * cell's language would need JSON escaping and an import in another cell, so
 * `fix` leaves it to the user with the lookup to write.
 */
function adviseInNotebook(site: ReplacementSite): Replacement | undefined {
  if (!site.path?.toLowerCase().endsWith(".ipynb")) return undefined;
  return { text: `set ${site.envVar} in the environment and read it in the cell (edit the notebook in Jupyter; fix does not rewrite notebooks)`, edits: [] };
}

export const notebook = defineLanguage({
  ...CONFIG_FORMAT,
  id: "notebook",
  extensions: ["ipynb"],
  lex: lexNotebook,
  writeFileSubstitution: adviseInNotebook,
  eslint: { via: "none", reason: "code lives in JSON strings: ESLint would need a notebook processor, which the ESLint configs' redesign may add; `token-guard scan` reads notebooks" },
});
