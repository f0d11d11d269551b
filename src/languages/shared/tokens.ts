// The token stream every language front end produces and every matcher reads.
// Offsets are UTF-16 indices into the scanned text (the whole file, even for a
// Markdown fence), so a finding's range never needs mapping after the fact.

/** Which language family a front end handles; also the finding's `language`. */
export type LanguageId =
  | "javascript"
  | "typescript"
  | "python"
  | "php"
  | "shell"
  | "powershell"
  | "markdown"
  | "json"
  | "yaml"
  | "toml"
  | "hcl"
  | "ini"
  | "dotenv"
  | "dockerfile"
  | "makefile"
  | "html"
  | "notebook"
  | "sql"
  | "csv"
  | "xml"
  | "just"
  | "http"
  | "vue"
  | "svelte"
  | "astro"
  | "crontab"
  | "appsscript"
  | "java"
  | "kotlin"
  | "scala"
  | "groovy"
  | "dart"
  | "csharp"
  | "swift"
  | "go"
  | "rust"
  | "cue"
  | "jsonnet"
  | "ruby"
  | "perl"
  | "elixir"
  | "lua"
  | "robot"
  | "text"; // any other text file: only `key=value` forms inside the raw text are matched

/** How a string was quoted; decides how a replacement must be written inside it. */
export type QuoteStyle =
  | "single" // '…'
  | "double" // "…"
  | "backtick" // JS template literal
  | "triple-single" // Python '''…'''
  | "triple-double" // Python """…"""
  | "heredoc" // PHP <<<EOT, shell <<EOF, PowerShell @"…"@: interpolating
  | "nowdoc" // PHP <<<'EOT', shell <<'EOF', PowerShell @'…'@: literal
  | "bare"; // unquoted: shell word, YAML plain scalar, INI/dotenv value, Markdown prose

/** A run of literal characters inside a string. */
export interface TextPart {
  kind: "text";
  start: number;
  end: number;
}

/** An interpolation inside a string: `${x}`, `$x`, `{x}` in an f-string, `{$x}` in PHP. */
export interface InterpolationPart {
  kind: "interpolation";
  start: number;
  end: number;
  /** The variable it reads when that is a plain name (`t`, `$t`, `self.token`), else undefined. */
  name?: string;
  /** Shell `${NAME:-default}` / `${NAME:=default}`: the default's range (a hardcoded fallback). */
  fallback?: { start: number; end: number };
}

export type StringPart = TextPart | InterpolationPart;

export interface IdentifierToken {
  kind: "identifier";
  start: number;
  end: number;
  /**
   * The name as written, sigils included: `authToken`, `$auth_token`,
   * `$env:CONVOSO_AUTH_TOKEN`. Keywords (`const`, `def`, `export`) are identifiers
   * too; the Python keyword `or` is emitted as the operator `||`.
   */
  text: string;
}

export interface StringToken {
  kind: "string";
  /** From the first character of any prefix (`f`, `rb`, `<<<`) to after the closing quote. */
  start: number;
  end: number;
  /** The characters between the quotes (for heredocs: the body lines). */
  contentStart: number;
  contentEnd: number;
  quote: QuoteStyle;
  /** Python string prefix in lower case (`f`, `rb`, `u`), or "" elsewhere. */
  prefix: string;
  /** Literal text and interpolations in source order; covers contentStart..contentEnd. */
  parts: StringPart[];
}

export interface PunctuatorToken {
  kind: "punct";
  start: number;
  end: number;
  /**
   * The operator or bracket as written (`=`, `:`, `=>`, `??`, `||`, `?:`, `,`, `(`, `.`,
   * `+`). Lexers emit multi-character operators as one token. A shell or
   * PowerShell line break that ends a command is emitted as `;`.
   */
  text: string;
}

export interface CommentToken {
  kind: "comment";
  start: number;
  end: number;
  /** The comment's text without its markers (`//`, `#`, `/*`, `<!--`). */
  contentStart: number;
  contentEnd: number;
}

export interface NumberToken {
  kind: "number";
  start: number;
  end: number;
}

export type Token = IdentifierToken | StringToken | PunctuatorToken | CommentToken | NumberToken;

/**
 * A region of a file lexed by another front end: a Markdown fence, an HTML
 * `<script>` body, a YAML `run:` block, a shell `$(…)`. Offsets stay those of the
 * host file.
 */
export interface EmbeddedRegion {
  language: LanguageId;
  start: number;
  end: number;
  /**
   * Markdown blockquote levels (`> `) that open every line of the region. The
   * dispatcher blanks those markers (keeping offsets) before lexing, so
   * line-based front ends (YAML, dotenv, Makefile) see the code as written.
   */
  quoteDepth?: number;
  /**
   * The region's code as its own front end must read it, when the host writes it
   * escaped (a notebook cell: JSON strings). The dispatcher lexes this text and
   * maps every offset back to the host's, so findings still point into the file.
   */
  decoded?: DecodedText;
  /**
   * The region is a whole file of this name (a Kubernetes ConfigMap's `app.properties: |`
   * block): the dispatcher lexes it as the language the name says; when the name says
   * none, as `language`, unless that is "text" (the host's string token holds it already).
   */
  fileName?: string;
}

/** Text decoded out of a host region, with where each of its characters came from. */
export interface DecodedText {
  text: string;
  /** Host offset of each decoded character's first source character. */
  starts: Int32Array;
  /** Host offset just after each decoded character's source characters (`\"` is two). */
  ends: Int32Array;
}

/**
 * A grid of cells a front end read: a CSV file, a Markdown pipe table. The
 * first row is the header; a cell is the string token holding its text (one of
 * the result's tokens), or undefined when it is empty or missing from a short row.
 */
export interface TableGrid {
  header: (StringToken | undefined)[];
  rows: (StringToken | undefined)[][];
}

/** What a front end returns for one text. */
export interface LexResult {
  tokens: Token[];
  /** Tables the front end read, whose cells the matcher binds by column (src/detect/table-cells.ts). */
  tables?: TableGrid[];
  /**
   * Regions the dispatcher also lexes, each with its own front end. A region may
   * overlap a host token: YAML emits a `run:` block as a string token and the same
   * range as a shell region, and a shell `$(…)` is an interpolation part of its string
   * and a shell region. The dispatcher lexes every region (nested ones up to a few
   * levels deep), whatever the host's tokens cover.
   */
  embedded: EmbeddedRegion[];
}

/**
 * Markdown fence info words (lower case) and the language of their code. The
 * registry builds it from every language's fence names and hands it to the
 * front ends, so no front end needs to know the other languages.
 */
export type FenceLanguages = ReadonlyMap<string, LanguageId>;

/**
 * A front end: lexes `text` between `start` and `end` (default: the whole text).
 * Must never throw, must run in time linear in `end - start`, and every token
 * range must lie inside `start..end`. `fences` names the language of a fenced
 * code block (only Markdown reads it; without it, every fence is sniffed).
 */
export type Lexer = (text: string, start?: number, end?: number, fences?: FenceLanguages) => LexResult;
