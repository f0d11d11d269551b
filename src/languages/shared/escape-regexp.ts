// Literal text inside a generated regular expression (key spellings, file names, heredoc words).

/** `text` as a pattern matching exactly itself. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
