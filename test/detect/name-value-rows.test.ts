// Name/value records stored as SQL rows (src/detect/name-value-rows.ts): a row
// whose name-like column holds a key binds its value-like column's literal, in
// one row or many, and an UPDATE's `SET value = … WHERE name = 'key'`.
import { describe, expect, it } from "vitest";
import { CodeView } from "../../src/detect/code-view.js";
import { NameValueRows } from "../../src/detect/name-value-rows.js";
import { lexSql } from "../../src/languages/sql/lexer.js";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(720);
const U = fakeToken(721);
const DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

/** The lines of the findings, 1-based. */
function lines(text: string): number[] {
  return scanText("seed.sql", text).map((finding) => finding.line);
}

describe("SQL name/value rows: positives", () => {
  it("a multi-row VALUES list under (setting_key, setting_value): only the key's row", () => {
    const text = `INSERT INTO app_settings (id, setting_key, setting_value)\nVALUES\n  (7, 'timezone', 'UTC'),\n  (7, 'CONVOSO_AUTH_TOKEN', '${T}'),\n  (8, 'locale', 'en');\n`;
    expect(lines(text)).toEqual([4]);
  });

  it("value column before the name column, quoted column names", () => {
    const text = `INSERT INTO "kv" ("value", "name") VALUES ('${T}', 'auth_token');\n`;
    expect(lines(text)).toEqual([1]);
  });

  it("UPDATE … SET value = '…' WHERE name = 'auth_token'", () => {
    const text = `UPDATE integration_kv\n   SET value = '${U}', updated_at = now()\n WHERE name = 'convoso_auth_token';\n`;
    expect(lines(text)).toEqual([2]);
  });
});

describe("SQL name/value rows: negatives", () => {
  it("a row under (name, sha256) is a digest, not the token", () => {
    expect(lines(`INSERT INTO fingerprints (name, sha256) VALUES ('auth_token', '${DIGEST}');\n`)).toEqual([]);
  });

  it("names that are not the credential: _ttl, _url, _file rows", () => {
    const text = `INSERT INTO settings (name, value) VALUES\n  ('auth_token_ttl', '3600'),\n  ('convoso_auth_token_url', 'https://api.convoso.com/v1'),\n  ('auth_token_file', '/run/secrets/${T}');\n`;
    expect(lines(text)).toEqual([]);
  });

  it("a psql variable or a placeholder in the value column", () => {
    const text = `INSERT INTO settings (name, value) VALUES ('auth_token', :'convoso_token'), ('auth_token', 'changeme');\nUPDATE settings SET value = :'tok' WHERE name = 'auth_token';\n`;
    expect(lines(text)).toEqual([]);
  });

  it("an UPDATE that sets another column, or whose WHERE names a non-key", () => {
    const text = `UPDATE settings SET note = '${T}' WHERE name = 'auth_token';\nUPDATE settings SET value = '${U}' WHERE name = 'region';\n`;
    expect(lines(text)).toEqual([]);
  });
});

describe("SQL name/value rows: cost", () => {
  /** Token reads NameValueRows makes answering every key cell of a `rowCount`-row VALUES list. */
  function readsFor(rowCount: number): number {
    const rows = Array.from({ length: rowCount }, (_, row) => `  (${row}, 'auth_token', 'changeme')`).join(",\n");
    const text = `INSERT INTO settings (id, name, value) VALUES\n${rows};\n`;
    const tokens = lexSql(text).tokens;
    let reads = 0;
    const counted = new Proxy(tokens, {
      get(target, property, receiver) {
        if (typeof property === "string" && /^\d+$/.test(property)) reads++;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const rowsReader = new NameValueRows(new CodeView(text, counted));
    tokens.forEach((token, index) => {
      if (token.kind === "string" && text.slice(token.start, token.end) === "'auth_token'") rowsReader.valueFor(index);
    });
    return reads;
  }

  it("a VALUES list is walked once, however many rows name a key: reads grow with the rows, not their square", () => {
    expect(readsFor(4000) / readsFor(1000)).toBeLessThan(4.5);
  });
});
