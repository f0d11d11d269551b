// Lua through the shared code lexer: `--` and `--[[ ]]` comments, long strings, `or`.
import { describe, expect, it } from "vitest";
import { lexLua } from "../../../src/languages/lua/lexer.js";
import { expectLinear, expectSurvivesRandomInput, lexChecked } from "../lex-helpers.js";

describe("lexLua", () => {
  it("reads table fields, comments and a fallback after `or`", () => {
    expect(lexChecked(lexLua, `local c = { auth_token = "v", -- note\n}\nlocal t = os.getenv("K") or 'w'`)).toEqual([
      "ident:local", "ident:c", "punct:=", "punct:{", "ident:auth_token", "punct:=", "string[double]:v", "punct:,", "comment:note", "punct:}",
      "ident:local", "ident:t", "punct:=", "ident:os", "punct:.", "ident:getenv", "punct:(", "string[double]:K", "punct:)", "punct:||", "string[single]:w",
    ]);
  });

  it("reads long strings and block comments across lines", () => {
    expect(lexChecked(lexLua, `--[[ auth_token = "x"\n]] local s = [[a\n"b"]]`)).toEqual(['comment:auth_token = "x"', "ident:local", "ident:s", "punct:=", 'string[nowdoc]:a\n"b"']);
  });

  it("survives random input and reads each character a bounded number of times", () => {
    expectSurvivesRandomInput((text, start, end) => lexChecked(lexLua, text, start, end), ['"', "'", "[[", "]]", "--", "--[[", "\\", "\n", "a", " or ", "="]);
    expectLinear(lexLua, (size) => '[[ --[[ " '.repeat(Math.ceil(size / 10)).slice(0, size));
  });
});
