// Lua (Neovim and game configs, OpenResty, Redis scripts): `os.getenv("NAME")`.

import { codeReplacementWriter } from "../shared/code-replacement.js";
import { defineLanguage, NO_ESLINT_PARSER } from "../shared/language-definition.js";
import { lexLua } from "./lexer.js";

const luaLookup = (envVar: string) => `os.getenv("${envVar}")`;

export const lua = defineLanguage({
  id: "lua",
  extensions: ["lua"],
  shebangs: [/\blua\b/],
  fenceNames: ["lua"],
  lex: lexLua,
  envLookup: luaLookup,
  writeReplacement: codeReplacementWriter(luaLookup),
  eslint: NO_ESLINT_PARSER,
});
