import { describe, expect, it } from "vitest";
import { escapeControlCharacters, shown } from "../../src/report/control-characters.js";

describe("escapeControlCharacters", () => {
  it("writes C0 (but tab), DEL and C1 controls as visible escapes and keeps everything else", () => {
    expect(escapeControlCharacters("a\u001b[8mb\r\n\u0000\u007f\u0085\u009b\u00a0é\tz")).toBe("a\\x1B[8mb\\x0D\\x0A\\x00\\x7F\\u0085\\u009B\u00a0é\tz");
    expect(escapeControlCharacters("plain/path.py")).toBe("plain/path.py");
  });

  it("as a template tag, escapes the values and keeps the template's own line breaks", () => {
    const name = "x\u001b[2Ky";
    expect(shown`file ${name}\n`).toBe("file x\\x1B[2Ky\n");
  });
});
