// Where a text stops being JSON. V8's JSON.parse gives a position for some
// mistakes only ("Unexpected token 'A', …" has none), so the config and baseline
// errors find it themselves: one pass, no recursion, so any nesting depth is safe.

const WHITESPACE = " \t\n\r";
const ESCAPES = '"\\/bfnrt';
const HEX_DIGITS = "0123456789abcdefABCDEF";
const DIGITS = "0123456789";
const LITERALS = ["true", "false", "null"];

/**
 * The UTF-16 offset of the first syntax error in `text`, the character V8 names
 * when it gives a position; undefined when it is JSON.
 */
export function jsonErrorOffset(text: string): number | undefined {
  // The open containers' closing characters, innermost last.
  const closers: string[] = [];
  let at = 0;
  let expect: "value" | "key" | "next" = "value";
  // Just after `{` or `[`: the container may close at once.
  let opened = false;
  const skipWhitespace = (): void => {
    while (at < text.length && WHITESPACE.includes(text[at]!)) at++;
  };
  const readString = (): boolean => {
    for (at++; at < text.length; at++) {
      const char = text[at]!;
      if (char === '"') {
        at++;
        return true;
      }
      if (char < " ") return false;
      if (char !== "\\") continue;
      at++;
      if (text[at] === "u") {
        for (let digit = 1; digit <= 4; digit++) if (!isOneOf(text[++at], HEX_DIGITS)) return false;
      } else if (at >= text.length || !ESCAPES.includes(text[at]!)) return false;
    }
    return false;
  };
  const readDigits = (): boolean => {
    if (!isOneOf(text[at], DIGITS)) return false;
    while (isOneOf(text[at], DIGITS)) at++;
    return true;
  };
  // Each part checked where it starts, so the offset is the first wrong character.
  const readNumber = (): boolean => {
    if (text[at] === "-") at++;
    if (text[at] === "0") at++;
    else if (!readDigits()) return false;
    if (text[at] === ".") {
      at++;
      if (!readDigits()) return false;
    }
    if (text[at] === "e" || text[at] === "E") {
      at++;
      if (text[at] === "+" || text[at] === "-") at++;
      if (!readDigits()) return false;
    }
    return true;
  };
  const readScalar = (): boolean => {
    const literal = LITERALS.find((word) => word[0] === text[at]);
    if (literal === undefined) return readNumber();
    for (const char of literal) {
      if (text[at] !== char) return false;
      at++;
    }
    return true;
  };
  for (;;) {
    skipWhitespace();
    if (at >= text.length) return expect === "next" && closers.length === 0 ? undefined : at;
    const char = text[at]!;
    if (opened && char === closers[closers.length - 1]) {
      closers.pop();
      at++;
      opened = false;
      expect = "next";
      continue;
    }
    opened = false;
    if (expect === "next") {
      if (closers.length === 0) return at;
      const closer = closers[closers.length - 1]!;
      if (char === closer) closers.pop();
      else if (char === ",") expect = closer === "}" ? "key" : "value";
      else return at;
      at++;
    } else if (expect === "key") {
      if (char !== '"' || !readString()) return at;
      skipWhitespace();
      if (text[at] !== ":") return at;
      at++;
      expect = "value";
    } else if (char === "{" || char === "[") {
      closers.push(char === "{" ? "}" : "]");
      at++;
      opened = true;
      expect = char === "{" ? "key" : "value";
    } else {
      if (char === '"' ? !readString() : !readScalar()) return at;
      expect = "next";
    }
  }
}

/** 1-based line and column (in UTF-16 units, as editors count) of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at >= 0 && at < offset; at = text.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function isOneOf(char: string | undefined, chars: string): boolean {
  return char !== undefined && chars.includes(char);
}
