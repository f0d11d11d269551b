// Text a repository chose — file names, names and values read from its code,
// paths in messages — ends up on terminals and in CI logs. A control character
// in it could hide what follows (ESC[8m), move the cursor over earlier lines,
// or start a fake line. Every human-readable output shows them as visible
// escapes instead; JSON and SARIF escape them already as JSON strings.

/** The C0 controls end below space; tab stays (it moves nothing but the column). */
const SPACE = 0x20;
const TAB = 0x09;
/** DEL, then the C1 controls (U+0080–U+009F; U+009B is a one-character CSI). */
const DELETE = 0x7f;
const LAST_C1 = 0x9f;

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

function isControl(code: number, keepLineBreaks: boolean): boolean {
  if (keepLineBreaks && (code === LINE_FEED || code === CARRIAGE_RETURN)) return false;
  return (code < SPACE && code !== TAB) || (code >= DELETE && code <= LAST_C1);
}

/**
 * `text` with each control character written as `\xHH` (C0, DEL) or `\uHHHH`
 * (C1). `keepLineBreaks`: for a format that encodes CR and LF itself (GitHub's
 * workflow commands write them as %0D and %0A).
 */
export function escapeControlCharacters(text: string, keepLineBreaks = false): string {
  let out = "";
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (!isControl(code, keepLineBreaks)) continue;
    const hex = code.toString(16).toUpperCase();
    out += text.slice(from, at) + (code <= DELETE ? `\\x${hex.padStart(2, "0")}` : `\\u${hex.padStart(4, "0")}`);
    from = at + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * A template tag for output lines: every interpolated value is escaped, the
 * template's own text (its line breaks, our colour codes) is kept.
 */
export function shown(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  let out = strings[0] ?? "";
  for (let index = 0; index < values.length; index++) out += escapeControlCharacters(String(values[index])) + (strings[index + 1] ?? "");
  return out;
}
