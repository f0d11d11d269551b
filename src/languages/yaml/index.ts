// YAML: block and flow scalars, anchors, and `run:` blocks as shell. Compose
// files and GitHub workflows substitute variables themselves (substitution.ts).

import { CONFIG_FORMAT, CONFIG_FORMAT_CLI_ONLY, defineLanguage } from "../shared/language-definition.js";
import { lexYaml } from "./lexer.js";
import { writeFileSubstitution } from "./substitution.js";

export const yaml = defineLanguage({
  ...CONFIG_FORMAT,
  id: "yaml",
  extensions: ["yaml", "yml"],
  fenceNames: ["yaml", "yml"],
  lex: lexYaml,
  writeFileSubstitution,
  matcherHints: { anchors: true, records: { indented: true, blockLabels: false, tables: false } },
  eslint: { via: "none", reason: CONFIG_FORMAT_CLI_ONLY },
});
