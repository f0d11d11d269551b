// What the context rule (a name merely ending in `token`, in a file that talks to
// the provider) must not take for a credential: names that say the value is
// something else, and values that say so themselves. Decided by what a value
// is, not by a list of known values.

import { splitWords } from "./key-names.js";

/**
 * Words in a name that say what the value is, when that is no credential:
 * request-forgery guards a form or a cookie carries, digests of content, and
 * pagination state.
 */
const NON_CREDENTIAL_NAME_WORDS = new Set([
  // anti-forgery: csrf_token, xsrfToken, authenticity_token (Rails), verification tokens (ASP.NET)
  "csrf",
  "xsrf",
  "authenticity",
  "antiforgery",
  "verification",
  "nonce",
  // digests
  "checksum",
  "hash",
  "digest",
  "sha",
  "sha1",
  "sha256",
  "sha512",
  "md5",
  "etag",
  "integrity",
  // pagination and sync state: page_token, offset_token, resumeToken, deltaToken, NextMarker
  "page",
  "paging",
  "pagination",
  "cursor",
  "continuation",
  "next",
  "offset",
  "resume",
  "delta",
  "marker",
  // identity claims, not access: OpenID Connect's id_token is a signed statement of who logged in
  "id",
]);

/**
 * Whether a weak name says its value is no credential: `csrf_token`, `page_token`,
 * `content_hash_token`, or `_token` alone (Laravel's and others' form field for the
 * CSRF token: no word before `token` to say what it grants).
 */
export function namesNonCredential(name: string): boolean {
  const words = splitWords(name);
  if (words.length <= 1) return /^[$@:]*_/.test(name);
  return words.some((word) => NON_CREDENTIAL_NAME_WORDS.has(word));
}

/** Word parts that mark a value as made up for tests or documentation. */
const TEST_DATA = /test|fake|dummy|example|sample|placeholder|mock/i;

/**
 * Prefixes by which other services mark their credentials (Slack `xoxb-`, GitHub
 * `ghp_`, Stripe `sk_live_`, AWS `AKIA`, SendGrid `SG.`, GitLab `glpat-`, …): such a
 * value under a name that merely ends in `token` is that service's secret, not the
 * provider's token (its own scanners' rules, or a custom rule, name it).
 */
const OTHER_SERVICE_PREFIX = /^(?:xox[abposr]-|xapp-|gh[pousr]_|github_pat_|glpat-|sk_(?:live|test)_|rk_(?:live|test)_|pk_(?:live|test)_|whsec_|AKIA|ASIA|SG\.|npm_|hf_|AIza|ya29\.|shp(?:at|ca|ss)_|dop_v1_|sq0atp-|pypi-)/;

/**
 * Whether a value announces what it is: test data (`test_4f9a…`, `sampleToken7`),
 * encoded structured data (a pagination cursor, a JWT whose header is JSON), or
 * another service's credential by its prefix.
 */
export function isEvidentlyNotCredential(value: string): boolean {
  return TEST_DATA.test(value) || OTHER_SERVICE_PREFIX.test(value) || isEncodedStructuredData(value);
}

/** Base64 or base64url, with or without padding; no other character. */
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Decoded text counts as structured when it is this printable... */
const PRINTABLE_SHARE = 0.9;
/** ...and holds at least this many of the characters that structure data (`{":,=&`). */
const MIN_STRUCTURE_CHARACTERS = 2;

/**
 * A base64(url) value (or the first dot-separated part of one, as in a JWT) that
 * decodes to JSON or to printable, structured text (`{"offset":200}`,
 * `id=42&after=2025-01-01`). Random bytes decode to mostly unprintable characters,
 * so a real token almost never passes.
 */
export function isEncodedStructuredData(value: string): boolean {
  const first = value.slice(0, value.indexOf(".") >>> 0);
  if (first.length < 8 || !BASE64.test(first)) return false;
  const decoded = decodeBase64Url(first);
  if (decoded.length < 6) return false;
  let printable = 0;
  let structure = 0;
  for (let index = 0; index < decoded.length; index++) {
    const code = decoded.charCodeAt(index);
    if (code >= 0x20 && code < 0x7f) printable++;
    if (STRUCTURE_CHARACTERS.has(code)) structure++;
  }
  return printable >= decoded.length * PRINTABLE_SHARE && structure >= MIN_STRUCTURE_CHARACTERS;
}

const STRUCTURE_CHARACTERS = new Set([..."{}[]\":,=&"].map((char) => char.charCodeAt(0)));

/** Base64 or base64url text as Latin-1 (one character per byte). */
function decodeBase64Url(text: string): string {
  return Buffer.from(text.replaceAll("-", "+").replaceAll("_", "/"), "base64").toString("latin1");
}

/** Besides test-data words, what a made-up JWT's claims say of themselves: the placeholder person, a typed sequence. */
const EXAMPLE_PERSON_OR_SEQUENCE = /\b(?:john|jane) doe\b|1234567890/i;

/**
 * A JWT whose claims announce an example (jwt.io's `{"sub":"1234567890","name":"John
 * Doe",…}`, `"email":"user@example.com"`): documentation, under any name. A real
 * token's claims name real subjects.
 */
export function isExampleJwt(value: string): boolean {
  const parts = value.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64.test(part))) return false;
  const header = decodeBase64Url(parts[0]!);
  if (!header.startsWith("{") || !header.includes('"alg"')) return false;
  const claims = decodeBase64Url(parts[1]!);
  return TEST_DATA.test(claims) || EXAMPLE_PERSON_OR_SEQUENCE.test(claims);
}

