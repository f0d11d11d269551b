// The syntax of each brace language with `//` comments, for the shared code lexer
// (shared/code-lexer.ts): what differs is how strings are quoted and interpolated.

import { codeLexer, type CodeSyntax, type StringForm, type StringPrefix } from "../shared/code-lexer.js";
import type { InterpolationStyle } from "../shared/code-lexer.js";

const C_COMMENTS = { lineComments: ["//"], blockComments: [{ open: "/*", close: "*/" }] } as const;

/** What most of them share: `"…"` with backslash escapes, `'x'` a character, no regex literal. */
const C_LIKE: Omit<CodeSyntax, "strings"> = { ...C_COMMENTS, prefixes: [], charLiterals: true, regexLiterals: false, rawHashStrings: false, sigils: false, aliases: {} };

function doubleQuoted(interpolation?: InterpolationStyle): StringForm {
  return { open: '"', close: '"', quote: "double", escapes: true, multiline: false, ...(interpolation && { interpolation }) };
}

function singleQuoted(interpolation?: InterpolationStyle): StringForm {
  return { open: "'", close: "'", quote: "single", escapes: true, multiline: false, ...(interpolation && { interpolation }) };
}

/** `"""…"""`: Java text blocks, Kotlin/Scala/Groovy/Dart/Swift multi-line strings (Kotlin's and Scala's without escapes). */
function tripleDouble(escapes: boolean, interpolation?: InterpolationStyle): StringForm {
  return { open: '"""', close: '"""', quote: "triple-double", escapes, multiline: true, ...(interpolation && { interpolation }) };
}

function tripleSingle(interpolation?: InterpolationStyle): StringForm {
  return { open: "'''", close: "'''", quote: "triple-single", escapes: true, multiline: true, ...(interpolation && { interpolation }) };
}

/** Raw: no escapes, no interpolation. */
const RAW: Omit<StringPrefix, "text"> = { interpolation: "none", escapes: false };

export const lexJava = codeLexer({ ...C_LIKE, strings: [tripleDouble(true), doubleQuoted()] });

/** Kotlin: `"…$x…${y}"`; raw `"""…"""` interpolates too; `"k" to v` makes a pair. */
export const lexKotlin = codeLexer({ ...C_LIKE, strings: [tripleDouble(false, "dollar"), doubleQuoted("dollar")], aliases: { to: "->" } });

/** Scala: only `s"…"`, `f"…"` and `raw"…"` interpolate. */
export const lexScala = codeLexer({
  ...C_LIKE,
  strings: [tripleDouble(false), doubleQuoted()],
  prefixes: [{ text: "s", interpolation: "dollar" }, { text: "f", interpolation: "dollar" }, { text: "raw", interpolation: "dollar", escapes: false }],
});

/** Groovy (Gradle, Jenkinsfile): `"…${x}"` and `"""…"""` interpolate, `'…'` and `'''…'''` do not; `/…/` slashy strings. */
export const lexGroovy = codeLexer({
  ...C_LIKE,
  strings: [tripleDouble(true, "dollar"), tripleSingle(), doubleQuoted("dollar"), singleQuoted()],
  charLiterals: false,
  regexLiterals: true,
});

/** Dart: both quotes interpolate `$x` and `${x}`; `r'…'` is raw. */
export const lexDart = codeLexer({
  ...C_LIKE,
  strings: [tripleDouble(true, "dollar"), tripleSingle("dollar"), doubleQuoted("dollar"), singleQuoted("dollar")],
  prefixes: [{ text: "r", ...RAW }],
  charLiterals: false,
});

/** C#: `$"…{x}…"` interpolates, `@"…"` is verbatim (may span lines), C# 11 `"""…"""` is raw. */
export const lexCSharp = codeLexer({
  ...C_LIKE,
  strings: [tripleDouble(false), doubleQuoted()],
  prefixes: [
    { text: "$@", interpolation: "brace", escapes: false, multiline: true },
    { text: "@$", interpolation: "brace", escapes: false, multiline: true },
    { text: "$", interpolation: "brace" },
    { text: "@", interpolation: "none", escapes: false, multiline: true },
  ],
});

/** Swift: `"…\(x)…"`, `"""…"""`. */
export const lexSwift = codeLexer({ ...C_LIKE, strings: [tripleDouble(true, "backslash-paren"), doubleQuoted("backslash-paren")] });

/** Go: `"…"`, raw `` `…` `` (may span lines), `'x'` a rune. */
export const lexGo = codeLexer({ ...C_LIKE, strings: [{ open: "`", close: "`", quote: "backtick", escapes: false, multiline: true }, doubleQuoted()] });

/** Rust: `"…"`, `b"…"`, raw `r"…"` and `r#"…"#`; `'a` is a lifetime unless it closes as a character. */
export const lexRust = codeLexer({ ...C_LIKE, strings: [doubleQuoted()], prefixes: [{ text: "b" }], rawHashStrings: true });

/** CUE: `"…\(x)…"`, `"""…"""`, byte strings `'…'`. */
export const lexCue = codeLexer({ ...C_LIKE, strings: [tripleDouble(true, "backslash-paren"), doubleQuoted("backslash-paren"), singleQuoted("backslash-paren")], charLiterals: false });

/** Jsonnet: `"…"` and `'…'` alike, `|||` text blocks, `@"…"` verbatim, `#` comments too. */
export const lexJsonnet = codeLexer({
  ...C_LIKE,
  lineComments: ["//", "#"],
  strings: [{ open: "|||", close: "|||", quote: "nowdoc", escapes: false, multiline: true }, doubleQuoted(), singleQuoted()],
  prefixes: [{ text: "@", ...RAW }],
  charLiterals: false,
});
