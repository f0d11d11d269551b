// The brace languages with `//` comments that token-guard reads with the shared
// code lexer: each claims its files and says how it reads the environment. Where
// that lookup would change the value's type or needs setup outside the file (Rust's
// Result, Swift's optional, CUE's tags), `fix` advises instead of rewriting.

import { codeAdvice, codeReplacementWriter, fallbackRemoval, type FallbackRewrite } from "../shared/code-replacement.js";
import { defineLanguage, NO_ESLINT_PARSER, type LanguageSpec } from "../shared/language-definition.js";
import { lexCSharp, lexCue, lexDart, lexGo, lexGroovy, lexJava, lexJsonnet, lexKotlin, lexRust, lexScala, lexSwift } from "./lexer.js";


/** `String.format(…)` and `"…".formatted(…)` (Java, Kotlin, Scala, Groovy): calls, and methods on the format string. */
const FORMAT_METHODS = { formatStrings: { operators: new Set<string>(), methods: new Set(["format", "formatted"]) } };

const javaLookup = (envVar: string) => `System.getenv("${envVar}")`;

/** `Optional.ofNullable(…).orElse("v")` keeps its type as `.orElseThrow()`. */
const ORELSE_THROWS: FallbackRewrite = { startsWith: ".orElse(", text: () => ".orElseThrow()" };

/** `System.getenv().getOrDefault("K", "v")` needs both arguments: it becomes `System.getenv("K")`. */
const GET_OR_DEFAULT = { pattern: /System\.getenv\(\)\s*\.getOrDefault\(\s*"[^"\n]*"$/, lookup: javaLookup };

function javaStyle(spec: Pick<LanguageSpec, "id" | "lex"> & Partial<LanguageSpec>, constKeywords: readonly string[] = [], rewrites: readonly FallbackRewrite[] = []): LanguageSpec {
  return {
    envLookup: javaLookup,
    writeReplacement: codeReplacementWriter(javaLookup, { constKeywords }),
    writeFallbackRemoval: fallbackRemoval([...rewrites, ORELSE_THROWS], GET_OR_DEFAULT),
    matcherHints: FORMAT_METHODS,
    eslint: NO_ESLINT_PARSER,
    ...spec,
  };
}

export const java = defineLanguage(javaStyle({ id: "java", extensions: ["java"], fenceNames: ["java"], lex: lexJava }));

/** `System.getenv("K") ?: "v"` without its fallback would be a `String?`: fail loudly instead. */
const REQUIRED_IN_KOTLIN: FallbackRewrite = { startsWith: "?:", text: (envVar) => ` ?: error("set ${envVar} in the environment")` };

export const kotlin = defineLanguage(javaStyle({ id: "kotlin", extensions: ["kt", "kts"], fenceNames: ["kotlin", "kt", "kts"], lex: lexKotlin }, ["const"], [REQUIRED_IN_KOTLIN]));

/** Groovy: Gradle build scripts and Jenkins pipelines too, whose DSLs call without parentheses (`environment "K", "v"`). */
export const groovy = defineLanguage(
  javaStyle({ id: "groovy", extensions: ["groovy", "gvy", "gradle", "jenkinsfile"], fileNames: ["jenkinsfile"], fileNamePrefixes: ["jenkinsfile."], shebangs: [/\bgroovy\b/], fenceNames: ["groovy", "gradle", "jenkinsfile"], lex: lexGroovy, matcherHints: { ...FORMAT_METHODS, parenlessCalls: true } }),
);

const scalaLookup = (envVar: string) => `sys.env("${envVar}")`;
export const scala = defineLanguage({
  id: "scala",
  extensions: ["scala", "sc", "sbt"],
  fenceNames: ["scala", "sbt"],
  lex: lexScala,
  envLookup: scalaLookup,
  writeReplacement: codeReplacementWriter(scalaLookup),
  // `sys.env.getOrElse("K", "v")` becomes `sys.env("K")`; an Option's `.getOrElse("v")` becomes `.get`.
  writeFallbackRemoval: fallbackRemoval([{ startsWith: ".getOrElse(", text: () => ".get" }], { pattern: /sys\.env\.getOrElse\(\s*"[^"\n]*"$/, lookup: scalaLookup }),
  matcherHints: FORMAT_METHODS,
  eslint: NO_ESLINT_PARSER,
});

const dartLookup = (envVar: string) => `Platform.environment['${envVar}']!`;
export const dart = defineLanguage({
  id: "dart",
  extensions: ["dart"],
  fenceNames: ["dart", "flutter"],
  lex: lexDart,
  envLookup: dartLookup,
  writeReplacement: codeReplacementWriter(dartLookup, { constKeywords: ["const"] }),
  // `Platform.environment['K'] ?? 'v'` without its fallback would be a `String?`.
  writeFallbackRemoval: fallbackRemoval([{ startsWith: "??", text: () => "!" }]),
  eslint: NO_ESLINT_PARSER,
});

const csharpLookup = (envVar: string) => `Environment.GetEnvironmentVariable("${envVar}")`;
export const csharp = defineLanguage({
  id: "csharp",
  extensions: ["cs", "csx"],
  fenceNames: ["csharp", "cs", "c#"],
  lex: lexCSharp,
  envLookup: csharpLookup,
  writeReplacement: codeReplacementWriter(csharpLookup, { constKeywords: ["const"] }),
  matcherHints: { propertyAccessors: true },
  eslint: NO_ESLINT_PARSER,
});

const goLookup = (envVar: string) => `os.Getenv("${envVar}")`;
export const go = defineLanguage({
  id: "go",
  extensions: ["go"],
  fenceNames: ["go", "golang"],
  lex: lexGo,
  envLookup: goLookup,
  writeReplacement: codeReplacementWriter(goLookup, { constKeywords: ["const"] }),
  eslint: NO_ESLINT_PARSER,
});

/** A `&str` literal and a `Result<String, VarError>` are not interchangeable, nor is dropping an `unwrap_or`: say what to write. */
const rustAdvice = codeAdvice((envVar) => `read std::env::var("${envVar}") at run time (it returns a Result: handle a missing variable) instead of the literal`);

export const rust = defineLanguage({
  id: "rust",
  extensions: ["rs"],
  fenceNames: ["rust", "rs"],
  lex: lexRust,
  envLookup: (envVar) => `std::env::var("${envVar}")`,
  writeReplacement: rustAdvice,
  writeFallbackRemoval: rustAdvice,
  matcherHints: { closureFallbacks: true },
  eslint: NO_ESLINT_PARSER,
});

/** The lookup is an optional: say what to write rather than change the value's type. */
const swiftAdvice = codeAdvice((envVar) => `read ProcessInfo.processInfo.environment["${envVar}"] (an optional: handle a missing variable) instead of the literal`);

export const swift = defineLanguage({
  id: "swift",
  extensions: ["swift"],
  fenceNames: ["swift"],
  lex: lexSwift,
  envLookup: (envVar) => `ProcessInfo.processInfo.environment["${envVar}"]`,
  writeReplacement: swiftAdvice,
  writeFallbackRemoval: swiftAdvice,
  eslint: NO_ESLINT_PARSER,
});

export const cue = defineLanguage({
  id: "cue",
  extensions: ["cue"],
  fenceNames: ["cue"],
  lex: lexCue,
  envLookup: (envVar) => `string @tag(${envVar})`,
  writeReplacement: codeAdvice((envVar) => `keep the value out of this file: declare the field as \`string @tag(${envVar})\` and run \`cue export -t ${envVar}="$${envVar}"\``),
  eslint: NO_ESLINT_PARSER,
});

const jsonnetLookup = (envVar: string) => `std.extVar('${envVar}')`;
export const jsonnet = defineLanguage({
  id: "jsonnet",
  extensions: ["jsonnet", "libsonnet"],
  fenceNames: ["jsonnet"],
  lex: lexJsonnet,
  envLookup: jsonnetLookup,
  // Rewritten to an external variable; the command then passes it: `jsonnet --ext-str NAME`.
  writeReplacement: codeReplacementWriter(jsonnetLookup),
  eslint: NO_ESLINT_PARSER,
});
