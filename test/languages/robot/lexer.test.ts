// Robot Framework: cells split by two blanks, a tab or ` | `; variable rows and
// setter keywords read as `NAME = value`; `${x}` and `%{ENV=default}` as interpolations.
import { describe, expect, it } from "vitest";
import { lexRobot } from "../../../src/languages/robot/lexer.js";
import { describeParts, expectLinear, expectSurvivesRandomInput, lexChecked, stringTokens } from "../lex-helpers.js";

describe("lexRobot", () => {
  it("binds a variable table row's name to its value cell", () => {
    expect(lexChecked(lexRobot, `*** Variables ***\n\${AUTH_TOKEN}    v\n\${URL} =\thttps://x y`)).toEqual(["ident:AUTH_TOKEN", "punct:=", "string[bare]:v", "ident:URL", "punct:=", "string[bare]:https://x y"]);
  });

  it("binds an assignment through Set Variable and a Set Suite Variable call, not other keywords' arguments", () => {
    const text = `*** Test Cases ***\nT\n    \${t}=    Set Variable    v\n    Set Suite Variable    \${K}    w\n    Log    \${K}    x`;
    expect(lexChecked(lexRobot, text)).toEqual([
      "string[bare]:T", "ident:t", "punct:=", "string[bare]:v", "string[bare]:Set Suite Variable", "ident:K", "punct:=", "string[bare]:w", "string[bare]:Log", "string[bare]:${K}", "string[bare]:x",
    ]);
  });

  it("binds an assignment without its optional `=`", () => {
    expect(lexChecked(lexRobot, `*** Keywords ***\nK\n    \${t}    Set Variable    v`)).toEqual(["string[bare]:K", "ident:t", "punct:=", "string[bare]:v"]);
  });

  it("reads comments: a `#` cell to the line's end, and the Comments section", () => {
    expect(lexChecked(lexRobot, `Log    x    # auth_token = v\n*** Comments ***\nauth_token = w`)).toEqual(["string[bare]:Log", "string[bare]:x", "comment:auth_token = v", "comment:auth_token = w"]);
  });

  it("marks variables as interpolations and an environment default as a fallback", () => {
    const text = `Log    auth_token=\${T}&x=%{CONVOSO_AUTH_TOKEN=abc}`;
    expect(describeParts(text, stringTokens(lexRobot(text))[1]!)).toEqual(["auth_token=", "{T}", "&x=", "{CONVOSO_AUTH_TOKEN:-abc}"]);
  });

  it("splits the pipe format", () => {
    expect(lexChecked(lexRobot, `| \${AUTH_TOKEN} | v |`)).toEqual(["string[bare]:${AUTH_TOKEN}", "string[bare]:v"]);
  });

  it("survives random input and reads each character a bounded number of times", () => {
    expectSurvivesRandomInput((text, start, end) => lexChecked(lexRobot, text, start, end), ["${", "}", "%{", "=", "  ", "\t", " | ", "#", "***", "Variables", "\n", "a", "Set Variable"]);
    expectLinear(lexRobot, (size) => "${a  %{b=  # \n".repeat(Math.ceil(size / 15)).slice(0, size));
  });
});
