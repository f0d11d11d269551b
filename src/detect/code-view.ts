// Reading one unit's code tokens (comments left out) by index: the punctuator,
// identifier or plain string at a position, dotted chains, line breaks. Shared
// by the matchers and the value flow, which walk the same token array.

import { CharacterCodes } from "../languages/shared/character-codes.js";
import type { StringToken, Token } from "../languages/shared/tokens.js";

const UNKNOWN_LINE_START = -1;

/** Punctuators that join the parts of a member chain (`a.b`, `$a->b`, `A::b`, `a?.b`). */
export const CHAIN_PUNCT = new Set([".", "->", "::", "?."]);

export class CodeView {
  constructor(
    readonly text: string,
    /** The unit's tokens without comments. */
    readonly code: readonly Token[],
  ) {}

  punctAt(index: number): string | undefined {
    const token = this.code[index];
    return token?.kind === "punct" ? token.text : undefined;
  }

  identAt(index: number): string | undefined {
    const token = this.code[index];
    return token?.kind === "identifier" ? token.text : undefined;
  }

  /** The content of a string with no interpolation, else undefined. */
  literalContent(token: StringToken): string | undefined {
    if (token.parts.some((part) => part.kind === "interpolation")) return undefined;
    return this.text.slice(token.contentStart, token.contentEnd);
  }

  /** The string at `index` when it is a plain, non-empty literal (no interpolation). */
  literalAt(index: number): StringToken | undefined {
    const token = this.code[index];
    if (token?.kind !== "string" || token.contentEnd <= token.contentStart) return undefined;
    if (token.parts.some((part) => part.kind === "interpolation")) return undefined;
    return token;
  }

  /** Reads `a.b->c::d` starting at `index`; returns the joined name and the index after it. */
  readChain(index: number): { name: string; next: number } | undefined {
    const first = this.identAt(index);
    if (first === undefined) return undefined;
    let name = first;
    let next = index + 1;
    while (CHAIN_PUNCT.has(this.punctAt(next) ?? "") && this.identAt(next + 1) !== undefined) {
      name += this.punctAt(next)! + this.identAt(next + 1)!;
      next += 2;
    }
    return { name, next };
  }

  /** The index after the chain starting at `index` (itself when no identifier stands there), without building its name. */
  chainEnd(index: number): number {
    if (this.identAt(index) === undefined) return index;
    let next = index + 1;
    while (CHAIN_PUNCT.has(this.punctAt(next) ?? "") && this.identAt(next + 1) !== undefined) next += 2;
    return next;
  }

  /** Start index of the dotted chain that ends at `index` (walks back over `a.b.`). */
  chainStart(index: number): number {
    let start = index;
    while (CHAIN_PUNCT.has(this.punctAt(start - 1) ?? "") && this.identAt(start - 2) !== undefined) start -= 2;
    return start;
  }

  /** Where the line holding the token at `index` starts, when a line break separates it from the token before; else -1. */
  lineStartBefore(index: number): number {
    const token = this.code[index];
    if (!token) return -1;
    const from = index === 0 ? 0 : this.code[index - 1]!.end;
    for (let at = token.start - 1; at >= from; at--) {
      const code = this.text.charCodeAt(at);
      if (code === CharacterCodes.lineFeed || code === CharacterCodes.carriageReturn) return at + 1;
    }
    return index === 0 && from === 0 ? 0 : -1;
  }

  /** The column of the token at `index` in its line: its indentation when it starts the line. */
  indentOf(index: number): number {
    const token = this.code[index];
    return token === undefined ? 0 : token.start - this.lineStartOf(index);
  }

  /** Line starts of tokens already asked about (UNKNOWN_LINE_START for the rest): a minified line holds thousands of tokens. */
  private lineStarts: Int32Array | undefined;

  /**
   * Where the line holding the token at `index` starts. Walks back token by
   * token (through each token's own text, which may hold a line break) to the
   * first break or the first token whose answer is known, and remembers the
   * answer for every token it passed: each character is read once per unit,
   * not once per question.
   */
  private lineStartOf(index: number): number {
    const known = (this.lineStarts ??= new Int32Array(this.code.length).fill(UNKNOWN_LINE_START));
    let start = 0;
    // The tokens above `stop` are the ones passed, whose answer is `start`.
    let stop = -1;
    for (let at = index; at >= 0; at--) {
      if (known[at] !== UNKNOWN_LINE_START) {
        start = known[at]!;
        stop = at;
        break;
      }
      const from = at === 0 ? 0 : this.code[at - 1]!.start;
      const lineBreak = this.lastLineBreakBefore(this.code[at]!.start, from);
      if (lineBreak >= 0) {
        start = lineBreak + 1;
        stop = at - 1;
        break;
      }
    }
    for (let at = index; at > stop; at--) known[at] = start;
    return start;
  }

  /** The offset of the last line break in `from..end`, or -1. */
  private lastLineBreakBefore(end: number, from: number): number {
    for (let at = end - 1; at >= from; at--) {
      const code = this.text.charCodeAt(at);
      if (code === CharacterCodes.lineFeed || code === CharacterCodes.carriageReturn) return at;
    }
    return -1;
  }

  /** Whether a line break separates the code token at `index` from the one before it. */
  lineBreakBefore(index: number): boolean {
    return index > 0 && this.lineStartBefore(index) >= 0;
  }

  /** The index of the bracket closing the one at `open`, looking at most `limit` tokens on. */
  closingBracket(open: number, limit = 400): number | undefined {
    let depth = 0;
    for (let probe = open; probe < this.code.length && probe <= open + limit; probe++) {
      const text = this.punctAt(probe);
      if (text === "(" || text === "[" || text === "{") depth++;
      else if ((text === ")" || text === "]" || text === "}") && --depth === 0) return probe;
    }
    return undefined;
  }
}
