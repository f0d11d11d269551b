// Robot Framework test data: `%{NAME}` reads an environment variable anywhere in a cell.

import { defineLanguage } from "../shared/language-definition.js";
import { valueOnly } from "../shared/replacement.js";
import { lexRobot } from "./lexer.js";

const robotLookup = (envVar: string) => `%{${envVar}}`;

export const robot = defineLanguage({
  id: "robot",
  extensions: ["robot", "resource"],
  fenceNames: ["robot", "robotframework"],
  lex: lexRobot,
  envLookup: robotLookup,
  writeReplacement: (site) => valueOnly(site, robotLookup(site.envVar)),
  eslint: { via: "none", reason: "Robot Framework test data, not JavaScript: `token-guard scan` covers it" },
});
