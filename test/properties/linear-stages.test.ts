// Linear work in every stage that runs per finding or per marker (issue 16):
// the matcher, the filter's ignore markers, the replacement writers and the fix
// plan. Inputs repeat a language's special sequences (keys, `=`, quotes,
// markers, continuations) chosen by fast-check; the work is counted as the
// characters read through a counting text (lex-helpers.ts), never timed. Eight
// times the input must cost about eight times the reads: work per finding that
// walks the file, the string or the recipe again costs eight times more per character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultDetection } from "../../src/catalog.js";
import { scanSource } from "../../src/detect/scan-source.js";
import { planFixes } from "../../src/fix/plan.js";
import { countingText } from "../languages/lex-helpers.js";
import { fakeToken } from "../support/tokens.js";
import { runs } from "./support.js";

/** Stands for a fresh token in a piece. */
const TOKEN = "{T}";

interface Shape {
  /** What the issue measured, for the test's name. */
  name: string;
  path: string;
  /** Text before and after the repeated part (a string's quotes, a heredoc's lines). */
  open: string;
  close: string;
  /** The sequences a repeated unit is made of. */
  pieces: string[];
}

const KEY = ["auth_token=", "AUTH_TOKEN=", "authToken: ", "=", TOKEN, "&", " "];

const SHAPES: Shape[] = [
  { name: "shell: auth_token= repeated, backquotes and double quotes", path: "a.sh", open: "", close: "\n", pieces: [...KEY, "auth_token=", "`\"", "\"", "'", "`", "$(", "\\\n", "\n", "?"] },
  {
    name: "Markdown: ignore-next-block markers and fences holding tokens",
    path: "README.md",
    open: "",
    close: "\n",
    pieces: ["<!-- token-guard-ignore-next-block -->\n", "<!-- token-guard-ignore-next-block convoso-auth-token -->", "```sh\n", "```\n", "~~~\n", "\n", `auth_token=${TOKEN}\n`, "text\n", "> ", "- "],
  },
  { name: "JavaScript: many findings in one single-quoted string", path: "a.js", open: "const u = '", close: "';\n", pieces: [...KEY, "`", "${", "?", "{{", "}}"] },
  { name: "Python: many findings in one triple-quoted string", path: "a.py", open: 'u = """', close: '"""\n', pieces: [...KEY, "\n", "{", "}", "'", '"'] },
  { name: "shell: many findings in one quoted heredoc", path: "a.sh", open: "cat <<'EOF'\n", close: "\nEOF\n", pieces: [...KEY, "\n", "$", "`", "\\"] },
  { name: "PHP: many findings in one nowdoc", path: "a.php", open: "<?php\n$u = <<<'EOT'\n", close: "\nEOT;\n", pieces: [...KEY, "\n", "$", "\\"] },
  { name: "PHP: many findings in one heredoc", path: "a.php", open: "<?php\n$u = <<<EOT\n", close: "\nEOT;\n", pieces: [...KEY, "\n", "\\"] },
  { name: "PowerShell: many findings in one here-string", path: "a.ps1", open: "$u = @'\n", close: "\n'@\n", pieces: [...KEY, "\n", "$", "`"] },
  // A minified bundle is one line: nothing may walk back to the line's start per token (indentation of function headers).
  { name: "JavaScript: one minified line of functions and classes", path: "app.min.js", open: "", close: "\n", pieces: ["function f(a){", "return a}", "(b)=>{", "}", ";", "class K{", "m(){", "@d ", ...KEY] },
  { name: "Python: one line of classes and defs", path: "a.py", open: "", close: "\n", pieces: ["class K(BaseModel): ", "def f(a): ", "return a; ", "@dataclass ", "x: str = ", ...KEY] },
  // Nested objects record their entries a bounded number of levels deep; JSON strings holding JSON are decoded once.
  { name: "JavaScript: deeply nested objects read by member paths", path: "a.js", open: "const c = ", close: "\n", pieces: ["{ a: ", "{ b: ", `"${TOKEN}"`, " }", ", ", "send({ auth_token: c.a.b.c });\n", "[", "]", "c.a[\"b\"].c"] },
  { name: "JSON: strings holding escaped JSON", path: "a.json", open: "[", close: "]\n", pieces: ['"{\\"auth_token\\": \\"', `${TOKEN}\\"}"`, ", ", '"{\\"', '\\"', "{", "}", '"'] },
  // A quoted argument that is a command is lexed once more, one level deep only.
  { name: "shell: quoted commands inside commands", path: "a.sh", open: "", close: "\n", pieces: ['ssh h "', "bash -c '", "--auth-token ", TOKEN, '"', "'", " ", "\n", "\\"] },
  // Every comment defines a name the file sends: each comment is lexed once, each name looked up once.
  { name: "PHP: commented-out definitions of names the file sends", path: "a.php", open: "<?php\n$t = 'x';\n", close: "\n", pieces: ["$k = '", `${TOKEN}';\n`, "// $k = '", "// $t = '", "['auth_token' => $k];\n", "['auth_token' => $t];\n", "\n", "# "] },
  // Every row binds a cell: the bindings must read each row once, not walk the table per finding.
  { name: "CSV: a key-named column, quoted fields spanning lines", path: "a.csv", open: "env,auth_token,note\n", close: "\n", pieces: [`prod,${TOKEN},x\n`, `"a\n""b",${TOKEN}\n`, ",", "\n", '"', "auth_token,", ...KEY] },
  { name: "CSV: name/value rows", path: "kv.csv", open: "name,value\n", close: "\n", pieces: [`auth_token,${TOKEN}\n`, `"CONVOSO_AUTH_TOKEN","${TOKEN}"\n`, "region,us\n", ",", "\n", '"'] },
  {
    name: "Markdown: pipe tables of name/value rows and key-named columns",
    path: "README.md",
    open: "| Setting | Value |\n|---|---|\n",
    close: "\n",
    pieces: [`| auth_token | \`${TOKEN}\` |\n`, "| region | us |\n", "| env | auth_token |\n|---|---|\n", `| prod | ${TOKEN} |\n`, "|", "\\|", "`", "\n", ...KEY],
  },
  {
    name: "XML: element text named by its tag, a name element or a name attribute",
    path: "app.config",
    open: "<configuration>\n",
    close: "</configuration>\n",
    pieces: [`<authToken>${TOKEN}</authToken>\n`, `<key>auth_token</key><string>${TOKEN}</string>\n`, `<setting name="AuthToken"><value>${TOKEN}</value></setting>\n`, `<add key="auth_token" value="${TOKEN}"/>`, "<", ">", "</", '="', "<![CDATA[", "]]>", "\n"],
  },
  // Code languages read by the shared code lexer (src/languages/shared/code-lexer.ts).
  { name: "Kotlin: many findings in one raw string with `$` interpolations", path: "a.kt", open: 'val u = """', close: '"""\n', pieces: [...KEY, "\n", "$", "${", "}", '"', "'"] },
  { name: "Go: one line of := assignments, raw strings and runes", path: "a.go", open: "", close: "\n", pieces: ["authToken := ", `"${TOKEN}"`, "`", "'", "'a'", "// ", "/*", ...KEY] },
  { name: "Ruby: hash pairs, `#{` and regexes on one line", path: "a.rb", open: "", close: "\n", pieces: ['"auth_token" => ', `"${TOKEN}", `, '"#{', "}", "/", " or ", "# ", ...KEY] },
  { name: "Robot Framework: variable rows and environment defaults", path: "a.robot", open: "*** Variables ***\n", close: "\n", pieces: ["${AUTH_TOKEN}    ", TOKEN, "\n", "    ", "%{", "=", "}", "Set Suite Variable    ", ...KEY] },
  { name: "Makefile: recipe lines with continuations", path: "Makefile", open: "all:\n", close: "\n", pieces: [`\tcurl -d auth_token=${TOKEN} \\\n`, "\\\n", "\t", ...KEY, "\n", "$$"] },
];

const detection = defaultDetection();

/** The shape's text with its unit repeated until it is about `size` characters long, each TOKEN a new token. */
function textOf(shape: Shape, unit: string, size: number): string {
  const parts: string[] = [shape.open];
  let length = shape.open.length;
  for (let index = 0; length < size; index++) {
    const part = unit.replaceAll(TOKEN, () => fakeToken(index * 8 + parts.length));
    parts.push(part);
    length += part.length;
  }
  parts.push(shape.close);
  return parts.join("");
}

/** Characters read per character of `text` to scan it (lexing, matching, judging, replacements, filter) and plan its fix. */
function readsPerChar(path: string, text: string): number {
  const counted = countingText(text);
  const findings = scanSource({ path, text: counted.text }, detection);
  planFixes([{ path, text: counted.text, findings }], { scan: () => [] });
  return counted.reads() / text.length;
}

const unitArb = (shape: Shape) => fc.array(fc.constantFrom(...shape.pieces), { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(""));

describe("every stage reads each character a bounded number of times", () => {
  it.each(SHAPES)("$name", (shape) => {
    fc.assert(
      fc.property(unitArb(shape), (unit) => {
        const small = readsPerChar(shape.path, textOf(shape, unit, 2_000));
        const large = readsPerChar(shape.path, textOf(shape, unit, 16_000));
        expect(large, `unit ${JSON.stringify(unit)}: ${small.toFixed(1)} → ${large.toFixed(1)} reads per character`).toBeLessThan(small * 1.5 + 4);
      }),
      { seed: 16, numRuns: runs(8), examples: [[shape.pieces.filter((piece) => piece !== "\n").join("")]] },
    );
  });
});
