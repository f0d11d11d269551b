// Everything the rest of token-guard knows about one language, in one object.
// Each folder under src/languages exports its definition; src/languages/registry.ts
// lists them, and every per-language table (file names, shebangs, Markdown fences,
// lexers, ESLint globs, SARIF help) is derived from that list.

import { substitutionLookup, writeConfigReplacement, type Replacement, type ReplacementSite } from "./replacement.js";
import type { LanguageId, Lexer } from "./tokens.js";

/** What the shared matcher (src/detect/match.ts) must know of a language; read once per unit. */
export interface MatcherHints {
  /** Adjacent quoted pieces form one word (`'auth_token='"$T"`), as in shell. */
  adjacentStringsConcatenate: boolean;
  /** Strings may hold markup worth lexing as HTML (`'<input name="auth_token" value="…">'`); false where markup is lexed as such already. */
  stringsMayHoldMarkup: boolean;
  /** Names whose subscript reads an environment variable (`os.environ["K"]`, `$_ENV['K']`). */
  envObjects: ReadonlySet<string>;
  /** A variable name that reads the environment by itself (PowerShell `$env:K`); group 1 is the variable. */
  envVariable?: RegExp;
  /**
   * Commands that set an environment variable as an item of a drive (PowerShell's
   * `Set-Item Env:K "v"`): the drive's name, the commands (lower case, aliases too)
   * and the flags that name the item (src/detect/key-named-code.ts).
   */
  envDrive?: { drive: string; writers: ReadonlySet<string>; pathFlags: ReadonlySet<string> };
  /** `&name value` defines what `*name` later reads (YAML anchors and aliases). */
  anchors: boolean;
  /**
   * A decorated class's annotated fields are its constructor's parameters, in
   * order (Python's `@dataclass`, attrs' `@define`, `NamedTuple`). Read for
   * these languages only: the pass looks at every line start.
   */
  fieldClasses: boolean;
  /** How a format string is applied to its arguments, beyond a call's further arguments (src/detect/format-strings.ts). */
  formatStrings: FormatSyntax;
  /**
   * Code is command lines whose words are arguments, as in shell: a flag's value is the
   * word after it (src/detect/command-flags.ts), `printf`'s arguments are the words after
   * its format. Commented-out commands are read so in every language.
   */
  commandLines: boolean;
  /**
   * Calls may leave out their parentheses (Groovy's `authToken 'v'` and `environment "K", "v"`,
   * Ruby DSLs, Elixir's module attribute `@auth_token "v"`): a key-named word followed by a
   * literal on its line is called with it, and `name "K", v` passes K's value.
   */
  parenlessCalls: boolean;
  /** A property's accessor list stands between its name and its initializer (C#'s `AuthToken { get; set; } = "v"`). */
  propertyAccessors: boolean;
  /** `:name` names a key as a string does, in any argument position (Ruby symbols, Elixir atoms: `fetch(:auth_token, "v")`). */
  symbolNames: boolean;
  /** A fallback method's argument may be a closure returning the literal (Rust's `.unwrap_or_else(|_| "v".into())`). */
  closureFallbacks: boolean;
  /** How name/value records are laid out: closed by indentation (YAML), labelled by the names before a block's `{` (HCL), opened by table headers (TOML). */
  records: { indented: boolean; blockLabels: boolean; tables: boolean };
}

/**
 * How format calls look in a language. `f("…auth_token=%s", a, b)` (printf, sprintf,
 * String.format, fmt.Sprintf, format!, console.log) reads alike everywhere; the rest differs.
 */
export interface FormatSyntax {
  /** Binary operators that apply a format string to its operand: Python's `%`, PowerShell's `-f`. */
  operators: ReadonlySet<string>;
  /** Methods called on the format string itself: Python's `"…".format(…)`, Java's `"…".formatted(…)`. */
  methods: ReadonlySet<string>;
  /** The front end sees no strings (the text fallback): the lines around a format string are read with this lexer. */
  relex?: Lexer;
}

/** A language whose format calls are only calls: `sprintf("…%s", a)`. */
const CALLS_ONLY: FormatSyntax = { operators: new Set(), methods: new Set() };

/**
 * How ESLint lints the language's files: through a JavaScript parser (ESLint's
 * own, or typescript-eslint's for TypeScript), through the `token-guard/text`
 * language, or not at all, with the reason.
 */
export type EslintSupport = { via: "javascript" } | { via: "typescript" } | { via: "text" } | { via: "none"; reason: string };

/** How the SARIF help text names the language, when it lists it. */
export interface HelpEntry {
  /** Where the language stands among the listed ones (ascending). */
  rank: number;
  /** Its row in the help table (`Shell`). */
  label: string;
  /** Its name in the one-line help text (`shell`), when it appears there. */
  inlineLabel?: string;
}

export interface LanguageDefinition {
  /** The id findings carry as `language`. */
  id: LanguageId;
  /** File extensions, lower case, without the dot (`py`). */
  extensions: readonly string[];
  /** Whole file names, lower case (`dockerfile`, `.bashrc`). */
  fileNames: readonly string[];
  /** Starts of file names, lower case (`.env.` for `.env.local`); tried after the name suffixes. */
  fileNamePrefixes: readonly string[];
  /** Ends of file names, lower case (`.dockerfile`); tried before the name prefixes. */
  fileNameSuffixes: readonly string[];
  /** Patterns tested on the `#!` line of a file whose name says nothing; languages are tried in registry order. */
  shebangs: readonly RegExp[];
  /** Markdown fence info words (lower case) whose code is this language. */
  fenceNames: readonly string[];
  /** The front end for a whole file or an embedded region. */
  lex: Lexer;
  /**
   * The front end for code with no file around it: commented-out code always, and
   * an embedded region (a Markdown fence) when `isSnippet` says so. PHP code
   * without `<?php` is a snippet; the file lexer would read it as HTML.
   */
  snippet?: { lex: Lexer; isSnippet(text: string, start: number, end: number): boolean };
  /** The expression that reads `envVar`, as a standalone value (`process.env.NAME`). */
  envLookup(envVar: string): string;
  /** The replacement for a value in code (not in a comment, not a fallback to drop). */
  writeReplacement(site: ReplacementSite): Replacement;
  /** Dropping a hardcoded fallback, where the language needs more than deleting it. */
  writeFallbackRemoval?(site: ReplacementSite): Replacement;
  /**
   * Files of this language whose kind decides the replacement for a value anywhere
   * in them, whatever unit it stands in: those that substitute variables themselves
   * (docker compose, GitHub workflows), and those whose advice differs from the
   * language's (Kubernetes manifests, notebooks); undefined for other files.
   */
  writeFileSubstitution?(site: ReplacementSite): Replacement | undefined;
  /**
   * Documents of this language, read rather than run, whatever unit a value
   * stands in (looked up by the file's path, before a comment's replacement):
   * the replacement a reader copies, or undefined to write it as code.
   */
  writeDocumentation?(site: ReplacementSite): Replacement | undefined;
  matcherHints: MatcherHints;
  eslint: EslintSupport;
  help?: HelpEntry;
}

/** Names whose subscript reads the environment in most languages: `process.env["K"]`, `os.environ["K"]`, `ENV["K"]`. */
export const COMMON_ENV_OBJECTS: readonly string[] = ["env", "environ", "ENV", "$ENV"];

/** The hints of a language that needs none of the matcher's special cases. */
const PLAIN_HINTS: MatcherHints = {
  adjacentStringsConcatenate: false,
  stringsMayHoldMarkup: true,
  envObjects: new Set(COMMON_ENV_OBJECTS),
  anchors: false,
  fieldClasses: false,
  formatStrings: CALLS_ONLY,
  commandLines: false,
  parenlessCalls: false,
  propertyAccessors: false,
  symbolNames: false,
  closureFallbacks: false,
  records: { indented: false, blockLabels: false, tables: false },
};

type ClaimLists = "extensions" | "fileNames" | "fileNamePrefixes" | "fileNameSuffixes" | "shebangs" | "fenceNames";

/** A definition as a language folder writes it: the names it claims none of, and the hints it does not change, left out. */
export type LanguageSpec = Omit<LanguageDefinition, ClaimLists | "matcherHints"> &
  Partial<Pick<LanguageDefinition, ClaimLists>> & { matcherHints?: Partial<MatcherHints> };

export function defineLanguage(spec: LanguageSpec): LanguageDefinition {
  return {
    extensions: [],
    fileNames: [],
    fileNamePrefixes: [],
    fileNameSuffixes: [],
    shebangs: [],
    fenceNames: [],
    ...spec,
    matcherHints: { ...PLAIN_HINTS, ...spec.matcherHints },
  };
}

/** What configuration formats share: no code in them reads the environment, so the value belongs outside the file, referenced as `${NAME}`. */
export const CONFIG_FORMAT = { envLookup: substitutionLookup, writeReplacement: writeConfigReplacement } satisfies Partial<LanguageSpec>;

/** Why ESLint leaves the configuration formats to the CLI, for their definitions' `eslint.reason`. */
export const CONFIG_FORMAT_CLI_ONLY =
  "a configuration format: `token-guard scan` covers it; ESLint does not lint it until the ESLint configs are redesigned so that a text language cannot collide with users' own configs for these files";

/** Why ESLint leaves a language of neither JavaScript nor a text format to the CLI, for its definition's `eslint`. */
export const NO_ESLINT_PARSER = {
  via: "none",
  reason: "not JavaScript: ESLint has no parser for it in the recommended configs; `token-guard scan` covers it",
} as const satisfies EslintSupport;
