// Element text bound to a key the markup names (src/detect/markup-elements.ts):
// an element named for the key, a name element followed by its value element,
// and an element a name-like attribute names. Through the detection core, in
// XML files, HTML, and markup inside a JavaScript string.
import { describe, expect, it } from "vitest";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const [T, U] = [1, 2].map((seed) => fakeToken(1700 + seed)) as [string, string];

/** `line:column context` of each finding in `path`. */
function found(path: string, text: string): string[] {
  return scanText(path, text).map((finding) => `${finding.line}:${finding.column} ${finding.context}`);
}

describe("element text: positives", () => {
  it("an element named for the key, with attributes, CDATA or a dotted name", () => {
    expect(found("app.config", `<convoso>\n  <authToken>${T}</authToken>\n</convoso>\n`)).toEqual(["2:14 assignment"]);
    expect(found("a.xml", `<ConvosoAuthToken env="prod"><![CDATA[${T}]]></ConvosoAuthToken>\n`)).toEqual(["1:39 assignment"]);
    expect(found("pom.xml", `<properties>\n  <convoso.auth.token>${T}</convoso.auth.token>\n</properties>\n`)).toEqual(["2:23 assignment"]);
  });

  it("a plist key and its value element, a Hadoop name and value", () => {
    expect(found("Info.plist", `<dict>\n  <key>ConvosoAuthToken</key>\n  <string>${T}</string>\n</dict>\n`)).toEqual(["3:11 name-value"]);
    expect(found("core-site.xml", `<property>\n  <name>convoso.auth.token</name>\n  <value>${T}</value>\n</property>\n`)).toEqual(["3:10 name-value"]);
  });

  it("an element a name-like attribute names: its text, or its value child's", () => {
    expect(found("strings.xml", `<string name="convoso_auth_token">${T}</string>\n`)).toEqual(["1:35 name-value"]);
    expect(found("app.config", `<setting name="AuthToken" serializeAs="String">\n  <value>${U}</value>\n</setting>\n`)).toEqual(["2:10 name-value"]);
  });

  it("the same shapes in HTML and in markup held by a JavaScript string", () => {
    expect(found("form.html", `<textarea name="auth_token">${T}</textarea>\n`)).toEqual(["1:29 name-value"]);
    expect(found("a.js", `const body = "<request><authToken>${T}</authToken></request>";\n`)).toEqual(["1:35 assignment"]);
  });
});

describe("element text: negatives", () => {
  it("text named by no key, or by a name element whose next element is another name", () => {
    expect(found("a.config", `<setting name="Region"><value>${T}</value></setting>\n<value>${U}</value>\n`)).toEqual([]);
    expect(found("a.plist", `<key>CFBundleName</key><string>${T}</string>\n<key>auth_token</key><key>${U}</key>\n`)).toEqual([]);
  });

  it("a digest element, a substitution, a UUID and prose", () => {
    const text = `<convoso>\n<authTokenSha256>9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08</authTokenSha256>\n<authToken>\${env.CONVOSO_AUTH_TOKEN}</authToken>\n<authToken>$(CONVOSO_AUTH_TOKEN)</authToken>\n<authToken>550e8400-e29b-41d4-a716-446655440000</authToken>\n<property><name>auth_token</name><description>The auth token, read from the environment</description></property>\n</convoso>\n`;
    expect(found("a.xml", text)).toEqual([]);
  });

  it("a start tag whose value attribute the records bind is not read for text; a void input is not an element with text", () => {
    expect(found("a.config", `<add key="AuthToken" value="${T}">${U}</add>\n`)).toEqual(["1:29 name-value"]);
    expect(found("form.html", `<label><input name="auth_token"> ${T}</label>\n`)).toEqual([]);
  });
});
