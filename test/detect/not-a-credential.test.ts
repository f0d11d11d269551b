import { describe, expect, it } from "vitest";
import { judgeValue, type JudgeOptions } from "../../src/detect/judge-value.js";
import { isEncodedStructuredData, isEvidentlyNotCredential, namesNonCredential } from "../../src/detect/not-a-credential.js";

const weak: JudgeOptions = { minLength: 12, placeholders: new Set(), weak: true };
const strong: JudgeOptions = { ...weak, weak: false };

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}

/** A deterministic generator of random-looking tokens over `alphabet`. */
function randomTokens(alphabet: string, length: number, count: number): string[] {
  let seed = 0x9e3779b9;
  const next = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % alphabet.length;
  };
  return Array.from({ length: count }, () => Array.from({ length }, () => alphabet[next()]).join(""));
}

describe("namesNonCredential", () => {
  it.each(["csrf_token", "csrfToken", "XSRF-TOKEN", "_token", "authenticity_token", "__RequestVerificationToken", "next_page_token", "pageToken", "cursor_token", "content_hash_token", "etagToken", "id_token", "idToken", "offset_token", "resumeToken", "deltaToken", "NextMarkerToken", "paging_token"])(
    "%s names no credential",
    (name) => expect(namesNonCredential(name)).toBe(true),
  );

  it.each(["token", "accessToken", "refresh_token", "$token", "dialerToken", "bearer_token", "sessionToken"])("%s may be a credential", (name) => {
    expect(namesNonCredential(name)).toBe(false);
  });
});

describe("isEncodedStructuredData", () => {
  it.each([
    base64url('{"offset":400,"list":17}'),
    Buffer.from('{"after":"2025-11-02T10:00:00Z","id":88121}').toString("base64"),
    base64url("lastId=88121&direction=forward"),
    `${base64url('{"alg":"RS256","kid":"k1"}')}.${base64url('{"sub":"agent-7"}')}.c2lnbmF0dXJlLWJ5dGVz`,
  ])("%s decodes to structured data", (value) => {
    expect(isEncodedStructuredData(value)).toBe(true);
  });

  it("never takes a random token for encoded data", () => {
    const tokens = [
      ...randomTokens("0123456789abcdef", 40, 2000),
      ...randomTokens("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32, 2000),
      ...randomTokens("abcdefghijklmnopqrstuvwxyz0123456789", 40, 2000),
    ];
    expect(tokens.filter(isEncodedStructuredData)).toEqual([]);
  });
});

describe("isEvidentlyNotCredential", () => {
  it.each(["test_9f8e7d6c5b4a3f2e1d0c", "k9Fake8Jq2Lz7Xw3", "sampleTok3n9Qw8Er7", "dummy4Kq9Lw2Zp7Xr", "Placeholder7Kq9Lw2"])("%s announces test data", (value) => {
    expect(isEvidentlyNotCredential(value)).toBe(true);
  });

  it.each(["xoxb-5e2zekqpbhmpkvdfvv3rrg4h0rkczanxgls56hg6", "ghp_9Kq2Lw7Zp3Xr8Tn4Vb6Yc1Md5Fg0Hj2Ks4L", "sk_live_51Hq9Lw2Zp7Xr3Tn8Vb4Yc6Md", "AKIA4KQ9LW2ZP7XR3TN8", "SG.9Kq2Lw7Zp3Xr8Tn4Vb6Y.c1Md5Fg0Hj2Ks4L", "glpat-9Kq2Lw7Zp3Xr8Tn4Vb6Y"])(
    "%s is another service's credential by its prefix",
    (value) => expect(isEvidentlyNotCredential(value)).toBe(true),
  );

  it("leaves a real-looking token alone", () => {
    expect(isEvidentlyNotCredential("f4a91c07e2b85d3369ab0c1de7f24b98a05c6e13")).toBe(false);
    expect(isEvidentlyNotCredential("sk9Lw2Zp7Xr3Tn8Vb4Yc6Md5Fg0")).toBe(false);
  });

  it("rejects another service's prefixed credential only under a weak name", () => {
    const slack = "xoxb-5e2zekqpbhmpkvdfvv3rrg4h0rkczanxgls56hg6";
    expect(judgeValue(slack, weak)).toBe("not-a-credential");
    expect(judgeValue(slack, strong)).toBe("secret");
  });
});

describe("judgeValue with the context rule's weak evidence", () => {
  it("rejects a cursor under a weak name but keeps it under a key name", () => {
    const cursor = base64url('{"page":3,"size":50}');
    expect(judgeValue(cursor, weak)).toBe("not-a-credential");
    expect(judgeValue(cursor, strong)).toBe("secret");
  });

  it.each(["Rails.application.credentials", "settings.convosoToken", "config.auth_token", "app.secrets2.token"])("reads the member path %s as code", (value) => {
    expect(judgeValue(value, strong)).toBe("identifier");
  });

  it.each(["secrets/convoso_auth_token.txt", "config/prod/convoso.env", "certs/client-2025.pem"])("reads the relative file path %s as a path", (value) => {
    expect(judgeValue(value, strong)).toBe("shape");
  });

  it("still accepts base64 tokens with slashes and dotted random tokens", () => {
    expect(judgeValue("q9Lw2Zp7Xr3/Tn8Vb4Yc6Md5Fg0Hj2Ks4L+a==", strong)).toBe("secret");
  });

  it("still accepts dotted random tokens", () => {
    expect(judgeValue("a8F3kd93.ksl2ldm4Qp7x", strong)).toBe("secret");
  });
});
