// YAML tags and block scalars neither hide a token nor move its range: the
// finding starts at the token's first character, with the fingerprint the same
// token has when quoted plainly.
import { describe, expect, it } from "vitest";
import { defaultDetection } from "../../../src/catalog.js";
import { scanSource } from "../../../src/detect/scan-source.js";
import { fakeToken } from "../../support/tokens.js";

const TOKEN = fakeToken(2001, 40);

function scan(text: string): { at: string; fingerprint: string }[] {
  return scanSource({ path: "helm/values.yaml", text }, defaultDetection()).map((finding) => {
    expect(text.slice(finding.start, finding.end)).toBe(TOKEN);
    return { at: `${finding.line}:${finding.column}`, fingerprint: finding.fingerprint };
  });
}

describe("YAML tags and block scalars", () => {
  it("reports a tagged value at the value", () => {
    const lines = [`dialer:`, `  authToken: !!str "${TOKEN}"`, `  auth_token: !secret '${TOKEN}'`, `  convoso_auth_token: !!str ${TOKEN}`, `  convosoAuthToken: !custom/tag &tok ${TOKEN}`];
    const found = scan(lines.join("\n"));
    expect(found.map((finding) => finding.at)).toEqual(lines.slice(1).map((line, index) => `${index + 2}:${line.indexOf(TOKEN) + 1}`));
  });

  it("reports a block scalar's token from its first character, with the plain value's fingerprint", () => {
    const plain = scan(`auth_token: "${TOKEN}"\n`)[0]!.fingerprint;
    for (const header of ["|", "|-", ">", ">-", "|+", ">2"]) {
      const text = `convoso:\n  auth_token: ${header}\n      ${TOKEN}   \n  campaign: q3\n`;
      expect(scan(text), header).toEqual([{ at: "3:7", fingerprint: plain }]);
    }
    const tagged = `convoso:\n  auth_token: !!str >-\n    ${TOKEN}\n`;
    expect(scan(tagged)).toEqual([{ at: "3:5", fingerprint: plain }]);
  });

  it("stays quiet on tagged references, vault blocks and look-alike names", () => {
    const text = [
      "# Convoso integration",
      "auth_token: !secret convoso_auth_token",
      "dialer_auth_token: !vault |",
      "  $ANSIBLE_VAULT;1.1;AES256",
      "  62313365396662343061393464336163",
      "auth_token_file: !!str /run/secrets/convoso",
      "auth_token_ttl: !!int 3600",
      "AuthToken: !Ref ConvosoAuthTokenParameter",
      'ApiAuthToken: !Sub "{{resolve:secretsmanager:convoso:SecretString:auth_token}}"',
      "refresh: >-",
      "  ${CONVOSO_AUTH_TOKEN}",
    ].join("\n");
    expect(scan(text)).toEqual([]);
  });
});
