import { describe, expect, it } from "vitest";
import type { LexResult } from "../../../src/languages/shared/tokens.js";
import { lexYaml } from "../../../src/languages/yaml/lexer.js";
import { assertRangesInside, describeTokens, expectLinear, fuzz } from "../lex-helpers.js";

function lex(text: string): string[] {
  const result = lexYaml(text);
  assertRangesInside(text, result);
  return describeTokens(text, result);
}

/** Embedded regions as `language:text`. */
function regions(text: string, result: LexResult = lexYaml(text)): string[] {
  return result.embedded.map((region) => `${region.language}:${text.slice(region.start, region.end)}`);
}

describe("lexYaml", () => {
  it("reads a Kubernetes env list as name/value pairs", () => {
    const text = ["env:", "  - name: CONVOSO_AUTH_TOKEN", '    value: "abc123def456"', "  - name: LOG_LEVEL", "    value: debug"].join("\n");
    expect(lex(text)).toEqual([
      "ident:env",
      "punct::",
      "punct:-",
      "ident:name",
      "punct::",
      "string[bare]:CONVOSO_AUTH_TOKEN",
      "ident:value",
      "punct::",
      "string[double]:abc123def456",
      "punct:-",
      "ident:name",
      "punct::",
      "string[bare]:LOG_LEVEL",
      "ident:value",
      "punct::",
      "string[bare]:debug",
    ]);
  });

  it("reads docker-compose environment as a map and as a KEY=value list", () => {
    const map = ["services:", "  api:", "    environment:", "      CONVOSO_AUTH_TOKEN: abc123def456", "      PORT: 8080"].join("\n");
    expect(lex(map)).toEqual([
      "ident:services",
      "punct::",
      "ident:api",
      "punct::",
      "ident:environment",
      "punct::",
      "ident:CONVOSO_AUTH_TOKEN",
      "punct::",
      "string[bare]:abc123def456",
      "ident:PORT",
      "punct::",
      "string[bare]:8080",
    ]);
    const list = ["services:", "  api:", "    environment:", "      - CONVOSO_AUTH_TOKEN=abc123def456", '      - "QUOTED=x y"'].join("\n");
    expect(lex(list).slice(-4)).toEqual(["punct:-", "string[bare]:CONVOSO_AUTH_TOKEN=abc123def456", "punct:-", "string[double]:QUOTED=x y"]);
    expect(regions(list)).toEqual([]);
  });

  it("reports a GitHub Actions `run: |` block as one string and an embedded shell region", () => {
    const text = [
      "name: ci",
      "on: [push]",
      "jobs:",
      "  call:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - uses: actions/checkout@v4",
      "      - name: Call Convoso",
      "        run: |",
      '          curl -X POST "https://api.convoso.com/v1/campaigns/search" \\',
      '            -d "auth_token=abc123def456"',
      "",
      "          echo done",
      "",
      "      - run: npm test",
      "",
    ].join("\n");
    const result = lexYaml(text);
    assertRangesInside(text, result);
    const blockStart = text.indexOf("curl -X");
    const blockEnd = text.indexOf("echo done") + "echo done".length;
    expect(result.embedded).toEqual([
      { language: "shell", start: blockStart, end: blockEnd },
      { language: "shell", start: text.indexOf("npm test"), end: text.indexOf("npm test") + "npm test".length },
    ]);
    const block = result.tokens.find((token) => token.kind === "string" && token.start === blockStart);
    expect(block).toMatchObject({ kind: "string", quote: "bare", contentStart: blockStart, contentEnd: blockEnd, end: blockEnd });
    expect(describeTokens(text, result)).toContain("ident:run");
    expect(describeTokens(text, result).slice(0, 6)).toEqual(["ident:name", "punct::", "string[bare]:ci", "ident:on", "punct::", "punct:["]);
  });

  it("reports `run:` plain and quoted scalars as shell, but not other keys", () => {
    const text = ['- run: echo "$TOKEN"', "  name: curl -d auth_token=x", "- run: 'curl -d auth_token=x'"].join("\n");
    expect(regions(text)).toEqual(['shell:echo "$TOKEN"', "shell:curl -d auth_token=x"]);
  });

  it("reports GitLab CI script entries, block and plain, as shell", () => {
    const text = [
      "deploy:",
      "  tags:",
      "    - docker",
      "  before_script:",
      "    - export A=1",
      "  script:",
      "  - curl -d auth_token=abc https://x",
      "  - |",
      "    echo one",
      "    echo two",
      "  - name: not-a-script",
      "  after_script: echo bye",
      "  variables:",
      "    - not_shell",
    ].join("\n");
    expect(regions(text)).toEqual([
      "shell:export A=1",
      "shell:curl -d auth_token=abc https://x",
      "shell:echo one\n    echo two",
      "shell:echo bye",
    ]);
  });

  it("reports compose command and entrypoint strings as shell, but not exec-form lists", () => {
    const text = ["services:", "  app:", '    command: sh -c "curl -d auth_token=$T x"', '    entrypoint: ["/bin/sh", "-c"]', "    healthcheck:", "      test: curl x"].join("\n");
    expect(regions(text)).toEqual(['shell:sh -c "curl -d auth_token=$T x"']);
    expect(lex(text)).toContain("string[double]:/bin/sh");
  });

  it("reads an Ansible `!vault |` value as the block (a tag types the value, it is no token)", () => {
    const text = ["convoso_auth_token: !vault |", "  $ANSIBLE_VAULT;1.1;AES256", "  62313365396662343061393464336163", "other: x"].join("\n");
    expect(lex(text)).toEqual([
      "ident:convoso_auth_token",
      "punct::",
      "string[bare]:$ANSIBLE_VAULT;1.1;AES256\n  62313365396662343061393464336163",
      "ident:other",
      "punct::",
      "string[bare]:x",
    ]);
  });

  it("reads every block scalar header, keeps a header comment, and ends the block at the dedent", () => {
    const text = ["a: |- # strip", "  one", "b: >", "  folded", "  text", "", "", "c: >+2", "    kept", "d: |", "e: x"].join("\n");
    expect(lex(text)).toEqual([
      "ident:a",
      "punct::",
      "comment:strip",
      "string[bare]:one",
      "ident:b",
      "punct::",
      "string[bare]:folded\n  text",
      "ident:c",
      "punct::",
      "string[bare]:kept",
      "ident:d",
      "punct::",
      "string[bare]:",
      "ident:e",
      "punct::",
      "string[bare]:x",
    ]);
  });

  it("keeps a block scalar's comment-like and less-indented-but-nested lines", () => {
    const text = ["- key: |", "    # not a comment", "    x: y", "  other: z"].join("\n");
    expect(lex(text)).toEqual(["punct:-", "ident:key", "punct::", "string[bare]:# not a comment\n    x: y", "ident:other", "punct::", "string[bare]:z"]);
  });

  it("reads quoted scalars with their escapes, across lines when indented", () => {
    expect(lex(`a: 'it''s'\nb: "say \\"hi\\""`)).toEqual(["ident:a", "punct::", "string[single]:it''s", "ident:b", "punct::", 'string[double]:say \\"hi\\"']);
    expect(lex(`a: "one\n  two"\nb: c`)).toEqual(["ident:a", "punct::", "string[double]:one\n  two", "ident:b", "punct::", "string[bare]:c"]);
  });

  it("ends an unterminated quote at its line so the next key is still read", () => {
    expect(lex(`a: "open\nauth_token: "x"\nc: 'open\nd: e`)).toEqual([
      "ident:a",
      "punct::",
      "string[double]:open",
      "ident:auth_token",
      "punct::",
      "string[double]:x",
      "ident:c",
      "punct::",
      "string[single]:open",
      "ident:d",
      "punct::",
      "string[bare]:e",
    ]);
  });

  it("reads quoted keys as strings before `:`", () => {
    expect(lex(`"auth_token": abc\n'x y': "z"`)).toEqual(["string[double]:auth_token", "punct::", "string[bare]:abc", "string[single]:x y", "punct::", "string[double]:z"]);
  });

  it("reads flow mappings and sequences, keys as identifiers", () => {
    expect(lex(`creds: { auth_token: abc, "user": 'me', url: http://x:1/y }\nlist: [a, "b", [c]]`)).toEqual([
      "ident:creds",
      "punct::",
      "punct:{",
      "ident:auth_token",
      "punct::",
      "string[bare]:abc",
      "punct:,",
      "string[double]:user",
      "punct::",
      "string[single]:me",
      "punct:,",
      "ident:url",
      "punct::",
      "string[bare]:http://x:1/y",
      "punct:}",
      "ident:list",
      "punct::",
      "punct:[",
      "string[bare]:a",
      "punct:,",
      "string[double]:b",
      "punct:,",
      "punct:[",
      "string[bare]:c",
      "punct:]",
      "punct:]",
    ]);
  });

  it("reads a flow collection over several lines and recovers from an unclosed one at the dedent", () => {
    expect(lex(`a: {\n  b: c, # note\n  d: e\n}\nf: g`)).toEqual([
      "ident:a",
      "punct::",
      "punct:{",
      "ident:b",
      "punct::",
      "string[bare]:c",
      "punct:,",
      "comment:note",
      "ident:d",
      "punct::",
      "string[bare]:e",
      "punct:}",
      "ident:f",
      "punct::",
      "string[bare]:g",
    ]);
    expect(lex(`a: [x, y\nauth_token: abc`)).toEqual(["ident:a", "punct::", "punct:[", "string[bare]:x", "punct:,", "string[bare]:y", "ident:auth_token", "punct::", "string[bare]:abc"]);
  });

  it("reads anchors, aliases and the merge key as identifiers", () => {
    expect(lex(`base: &defaults\n  token: abc\nprod:\n  <<: *defaults\n  other: *x`)).toEqual([
      "ident:base",
      "punct::",
      "ident:&defaults",
      "ident:token",
      "punct::",
      "string[bare]:abc",
      "ident:prod",
      "punct::",
      "ident:<<",
      "punct::",
      "ident:*defaults",
      "ident:other",
      "punct::",
      "ident:*x",
    ]);
  });

  it("starts comments only at a line's start or after whitespace", () => {
    expect(lex(`# top\na: b#c # real\nurl: http://x/#frag`)).toEqual([
      "comment:top",
      "ident:a",
      "punct::",
      "string[bare]:b#c",
      "comment:real",
      "ident:url",
      "punct::",
      "string[bare]:http://x/#frag",
    ]);
  });

  it("reads document markers and trims plain scalars", () => {
    expect(lex(`---\na: b   \n...\n--- # second\nc: d:e`)).toEqual([
      "punct:---",
      "ident:a",
      "punct::",
      "string[bare]:b",
      "punct:...",
      "punct:---",
      "comment:second",
      "ident:c",
      "punct::",
      "string[bare]:d:e",
    ]);
  });

  it("handles CRLF line ends", () => {
    const text = "run: |\r\n  echo a\r\n  echo b\r\nx: y\r\n";
    expect(lex(text)).toEqual(["ident:run", "punct::", "string[bare]:echo a\r\n  echo b", "ident:x", "punct::", "string[bare]:y"]);
    expect(regions(text)).toEqual(["shell:echo a\r\n  echo b"]);
  });

  it("lexes only the requested range, keeping file offsets", () => {
    const text = `ignored: "x"\nrun: |\n  curl x\nafter: y`;
    const start = text.indexOf("run");
    const end = text.indexOf("\nafter");
    const result = lexYaml(text, start, end);
    assertRangesInside(text, result, start, end);
    expect(result.tokens[0]).toMatchObject({ kind: "identifier", start, text: "run" });
    expect(result.embedded).toEqual([{ language: "shell", start: text.indexOf("curl x"), end }]);
  });

  it("never throws on unterminated or malformed input", () => {
    for (const text of ['a: "', "a: '", "a: [", "a: {b: [", "- - -", "a: |", "? ", "!", "&", "*", "---", "a: >-\n", ': "x\n  y', "\r", "'''", "\u2028a: b"]) {
      const result = lexYaml(text);
      assertRangesInside(text, result);
      for (let cut = 0; cut <= text.length; cut++) assertRangesInside(text, lexYaml(text, 0, cut), 0, cut);
    }
    fuzz(lexYaml, "- :#'\"|>!&*[]{},\n  abx\\");
  });

  it("stays linear on adversarial input", () => {
    expectLinear(lexYaml, (n) => "- ".repeat(n / 2) + "x");
    expectLinear(lexYaml, (n) => "- - - a: b\n".repeat(n / 11));
    expectLinear(lexYaml, (n) => "a: [{".repeat(n / 5));
    expectLinear(lexYaml, (n) => "a: 'x\n" + "  - ''x \"\n".repeat(n / 10));
    expectLinear(lexYaml, (n) => "a: |\n" + "  x: 'y\n".repeat(n / 8));
    expectLinear(lexYaml, (n) => "x".repeat(n));
  });
});
