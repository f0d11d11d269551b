// A finding names one occurrence of a value, but a string may hold the token
// twice (`?auth_token=T&cb=T`) or only its first piece (`"…=ABC" + "DEF"`, a
// line continuation). Replacing the one occurrence would leave a copy or a piece
// in the code while fix says the value moved. Pure: the file is lexed once, and
// findings and strings are walked together, so the work is linear in the file.

import type { Edit, Finding } from "../detect/types.js";
import { detectLanguage } from "../languages/detect-language.js";
import { lexSource } from "../languages/lex-source.js";
import { CharacterCodes } from "../languages/shared/character-codes.js";
import { isDigit, isLineBreak } from "../languages/shared/scanner.js";
import type { LanguageId, StringToken, Token } from "../languages/shared/tokens.js";

/** A finding whose value continues past its string: fix moves all of a token or none of it. */
export interface SplitToken {
  finding: Finding;
  /** Why, as advice a person follows. */
  advice: string;
}

export interface StringCopies {
  /** The findings, each with an edit added for every other copy of its value in the same string (a split one as it was). */
  findings: Finding[];
  split: SplitToken[];
}

const SPLIT_ADVICE = "the token continues in the next string or line (split across literals or a line continuation): join it into one string, then run token-guard fix again";

interface LexedString {
  token: StringToken;
  /** The two tokens after it in its unit (a `+` and the next piece). */
  after: (Token | undefined)[];
  /** Whether two string literals side by side are one string (Python, C) rather than two words (shell). */
  adjacentJoin: boolean;
}

/** Every string's copies of its findings' values get the same edit; a split token is reported instead. */
export function withStringCopies(path: string, text: string, findings: readonly Finding[]): StringCopies {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const containing = containingStrings(lexStrings(path, text), sorted);
  const split: SplitToken[] = [];
  const copied: Finding[] = [];
  /** Per string, its values by text and the edit that replaces exactly the value. */
  const copiesByString = new Map<StringToken, Map<string, Edit>>();
  for (const finding of sorted) {
    const string = containing.get(finding);
    if (continuesPast(text, finding, string)) {
      split.push({ finding, advice: SPLIT_ADVICE });
      continue;
    }
    const exact = finding.suggestion.edits.find((edit) => edit.start === finding.start && edit.end === finding.end);
    if (string === undefined || exact === undefined) continue;
    const values = copiesByString.get(string.token) ?? new Map<string, Edit>();
    const value = text.slice(finding.start, finding.end);
    // The first finding of a value carries its copies; the others' own edits are the same ones.
    if (!values.has(value)) values.set(value, exact);
    copiesByString.set(string.token, values);
  }
  // One pass over each string's text finds the copies of all its values.
  const extra = new Map<Edit, Edit[]>();
  for (const [token, values] of copiesByString) {
    for (const run of valueRuns(text, token)) {
      const exact = values.get(text.slice(run.start, run.end));
      if (exact === undefined || run.start === exact.start) continue;
      const copies = extra.get(exact);
      if (copies === undefined) extra.set(exact, [{ ...exact, start: run.start, end: run.end }]);
      else copies.push({ ...exact, start: run.start, end: run.end });
    }
  }
  for (const finding of findings) {
    const added = finding.suggestion.edits.flatMap((edit) => extra.get(edit) ?? []);
    copied.push(added.length === 0 ? finding : { ...finding, suggestion: { ...finding.suggestion, edits: [...finding.suggestion.edits, ...added] } });
  }
  return { findings: copied, split };
}

function lexStrings(path: string, text: string): LexedString[] {
  const strings: LexedString[] = [];
  for (const unit of lexSource(text, detectLanguage(path, text))) {
    unit.tokens.forEach((token, index) => {
      if (token.kind === "string") strings.push({ token, after: [unit.tokens[index + 1], unit.tokens[index + 2]], adjacentJoin: ADJACENT_JOIN.has(unit.language) });
    });
  }
  // Outer strings before the strings embedded in them.
  return strings.sort((a, b) => a.token.start - b.token.start || b.token.end - a.token.end);
}

/**
 * The innermost string whose content holds each finding's value. Strings nest
 * or are apart, so one sweep with a stack of the open ones answers every finding.
 */
function containingStrings(strings: readonly LexedString[], sortedFindings: readonly Finding[]): Map<Finding, LexedString> {
  const found = new Map<Finding, LexedString>();
  const open: LexedString[] = [];
  let next = 0;
  for (const finding of sortedFindings) {
    while (next < strings.length && strings[next]!.token.start <= finding.start) {
      while (open.length > 0 && open[open.length - 1]!.token.end <= strings[next]!.token.start) open.pop();
      open.push(strings[next++]!);
    }
    while (open.length > 0 && open[open.length - 1]!.token.end <= finding.start) open.pop();
    const innermost = open[open.length - 1];
    if (innermost !== undefined && innermost.token.contentStart <= finding.start && finding.end <= innermost.token.contentEnd) found.set(finding, innermost);
  }
  return found;
}

/** Whether the value goes on after its string closes (`"…ABC" + "DEF"`, `"…ABC" "DEF"`) or after a line continuation. */
function continuesPast(text: string, finding: Finding, string: LexedString | undefined): boolean {
  if (text.charCodeAt(finding.end) === CharacterCodes.backslash && isLineBreak(text.charCodeAt(finding.end + 1))) {
    const after = text.charCodeAt(finding.end + 1) === CharacterCodes.carriageReturn && text.charCodeAt(finding.end + 2) === CharacterCodes.lineFeed ? finding.end + 3 : finding.end + 2;
    return isValueChar(text.charCodeAt(after));
  }
  if (string === undefined || finding.end !== string.token.contentEnd || string.token.end === string.token.contentEnd) return false;
  const [first, second] = string.after;
  // Side by side, strings join where the language says so, or with nothing between them (shell `"ABC"DEF`).
  const piece = first?.kind === "punct" && CONCATENATION.has(first.text) ? second : first?.kind === "string" && (string.adjacentJoin || first.start === string.token.end) ? first : undefined;
  return piece?.kind === "string" && isValueChar(text.charCodeAt(piece.contentStart));
}

/** Languages where `"ABC" "DEF"` is one string. */
const ADJACENT_JOIN: ReadonlySet<LanguageId> = new Set(["python"]);

/** Operators that join two strings: JS/Python/Java `+`, PHP `.`, Lua `..`. */
const CONCATENATION = new Set(["+", ".", ".."]);

/** The runs of value characters in a string's literal parts (a copy of a token stands alone, as `cb=T&` does). */
function* valueRuns(text: string, token: StringToken): Generator<{ start: number; end: number }> {
  for (const part of token.parts) {
    if (part.kind !== "text") continue;
    let at = part.start;
    while (at < part.end) {
      while (at < part.end && !isValueChar(text.charCodeAt(at))) at++;
      const start = at;
      while (at < part.end && isValueChar(text.charCodeAt(at))) at++;
      if (at > start) yield { start, end: at };
    }
  }
}

/** Characters tokens are made of. */
function isValueChar(code: number): boolean {
  return (
    isDigit(code) ||
    (code >= CharacterCodes.a && code <= CharacterCodes.z) ||
    (code >= CharacterCodes.A && code <= CharacterCodes.Z) ||
    code === CharacterCodes.underscore ||
    code === CharacterCodes.minus
  );
}
