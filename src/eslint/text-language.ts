// `token-guard/text`: an ESLint language for files ESLint has no parser for
// (Python, PHP, shell, PowerShell, Markdown). The whole file is one node; the
// rules read the text and ask the detection core, and `eslint-disable…`
// directives are found in each language's comments by the core's own lexers.

import type { File, FileProblem, Language, OkParseResult, SourceLocation, SourceRange } from "@eslint/core";
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import { detectLanguage } from "../languages/detect-language.js";
import { lexSource, type LexedUnit } from "../languages/lex-source.js";
import type { LanguageId } from "../languages/shared/tokens.js";

/** Line breaks as the core counts them (src/detect/line-index.ts): `\r\n`, `\n` and a lone `\r`. */
const LINE_ENDING = /\r\n|[\r\n]/u;

/** The root node: the whole file. Lines and columns are 1-based (`lineStart: 1`, `columnStart: 1`). */
export interface TextDocument {
  type: "Document";
  range: SourceRange;
  loc: SourceLocation;
}

/** A comment holding an `eslint-disable…`/`eslint-enable` directive; not part of the tree. */
export interface DirectiveComment {
  type: "DirectiveComment";
  /** The comment's text without its markers (`#`, `//`, `/*`, `<!--`). */
  value: string;
  range: SourceRange;
  loc: SourceLocation;
}

/** The text language reads no options; options meant for JavaScript (`parser`, `globals`) are ignored. */
export type TextLanguageOptions = Record<string, unknown>;

interface TextSourceCodeOptions {
  LangOptions: TextLanguageOptions;
  RootNode: TextDocument;
  SyntaxElementWithLoc: TextDocument | DirectiveComment;
  ConfigNode: DirectiveComment;
}

const DIRECTIVE_LABELS = new Set(["eslint-disable", "eslint-enable", "eslint-disable-line", "eslint-disable-next-line"]);
const commentParser = new ConfigCommentParser();

export class TokenGuardTextSourceCode extends TextSourceCodeBase<TextSourceCodeOptions> {
  /** The core front end chosen for this file (from its name, then its shebang). */
  readonly languageId: LanguageId;
  #directiveComments: DirectiveComment[] | undefined;
  #units: LexedUnit[] | undefined;

  constructor({ text, ast, path }: { text: string; ast: TextDocument; path: string }) {
    super({ text, ast, lineEndingPattern: LINE_ENDING });
    this.languageId = detectLanguage(path.replaceAll("\\", "/"), text);
  }

  override getParent(): undefined {
    return undefined;
  }

  override traverse(): Iterable<VisitNodeStep> {
    return [
      new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast, undefined] }),
      new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast, undefined] }),
    ];
  }

  /** Comments that hold a disable/enable directive, in any comment syntax of the file's language. */
  getInlineConfigNodes(): DirectiveComment[] {
    this.#directiveComments ??= this.#findDirectiveComments();
    return this.#directiveComments;
  }

  getDisableDirectives(): { directives: Directive[]; problems: FileProblem[] } {
    const directives: Directive[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value)!;
      if (parsed.label === "eslint-disable-line" && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: `${parsed.label} comment should not span multiple lines.`, loc: comment.loc });
        continue;
      }
      const type = parsed.label.slice("eslint-".length) as Directive["type"];
      directives.push(new Directive({ type, node: comment, value: parsed.value, justification: parsed.justification }));
    }
    return { directives, problems };
  }

  /** The file lexed by the core's front ends: the host unit first, then embedded ones (Markdown fences). */
  lexedUnits(): LexedUnit[] {
    this.#units ??= lexSource(this.text, this.languageId);
    return this.#units;
  }

  #findDirectiveComments(): DirectiveComment[] {
    const { text } = this;
    if (!text.includes("eslint-")) return [];
    const ranges = this.lexedUnits().flatMap((unit) => unit.tokens.filter((token) => token.kind === "comment"));
    const comments: DirectiveComment[] = [];
    for (const range of ranges.sort((a, b) => a.start - b.start)) {
      const value = text.slice(range.contentStart, range.contentEnd).trim();
      const parsed = commentParser.parseDirective(value);
      if (!parsed || !DIRECTIVE_LABELS.has(parsed.label)) continue;
      comments.push({
        type: "DirectiveComment",
        value,
        range: [range.start, range.end],
        loc: { start: this.getLocFromIndex(range.start), end: this.getLocFromIndex(range.end) },
      });
    }
    return comments;
  }
}

/** Where the last line ends, 1-based, for the root node's `loc.end`. */
function endOf(text: string): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (const match of text.matchAll(/\r\n|[\r\n]/g)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  return { line, column: text.length - lineStart + 1 };
}

function textOf(file: File): string {
  return typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
}

export const textLanguage: Language<{
  LangOptions: TextLanguageOptions;
  Code: TokenGuardTextSourceCode;
  RootNode: TextDocument;
  Node: TextDocument;
}> = {
  fileType: "text",
  lineStart: 1,
  columnStart: 1,
  nodeTypeKey: "type",
  visitorKeys: { Document: [] },
  defaultLanguageOptions: {},

  validateLanguageOptions(languageOptions: TextLanguageOptions): void {
    if (typeof languageOptions !== "object" || languageOptions === null || Array.isArray(languageOptions)) {
      throw new TypeError("Expected an object.");
    }
  },

  parse(file: File): OkParseResult<TextDocument> {
    const text = textOf(file);
    return {
      ok: true,
      ast: { type: "Document", range: [0, text.length], loc: { start: { line: 1, column: 1 }, end: endOf(text) } },
    };
  },

  createSourceCode(file: File, input: OkParseResult<TextDocument>): TokenGuardTextSourceCode {
    return new TokenGuardTextSourceCode({ text: textOf(file), ast: input.ast, path: file.path });
  },
};
