// XML files through the built CLI: .NET configs, property lists, PHPUnit's
// distributed config; attribute records, element text and commented-out
// elements, each on its own line, and the traps beside them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const [A, B, C, D, E] = [1, 2, 3, 4, 5].map((seed) => fakeToken(1800 + seed));

interface JsonFinding {
  file: string;
  line: number;
  language: string;
  suggestion: { edits: unknown[] };
}

describe("token-guard scan on XML files", () => {
  it("reads web.config, Info.plist, phpunit.xml.dist and a .csproj as XML", () => {
    const webConfig = [
      `<?xml version="1.0" encoding="utf-8"?>`,
      `<configuration>`,
      `  <appSettings>`,
      `    <add key="ConvosoAuthToken" value="${A}" />`,
      `    <add key="ConvosoAuthToken" value="\${CONVOSO_AUTH_TOKEN}" />`,
      `    <!-- <add key="ConvosoAuthToken" value="${B}" /> -->`,
      `  </appSettings>`,
      `  <convoso><authToken><![CDATA[${C}]]></authToken></convoso>`,
      `</configuration>`,
      ``,
    ].join("\n");
    const dir = makeTree({
      "Web.config": webConfig,
      "ios/Info.plist": `<dict>\n  <key>ConvosoAuthToken</key>\n  <string>${D}</string>\n  <key>CFBundleName</key>\n  <string>Dialer</string>\n</dict>\n`,
      "phpunit.xml.dist": `<phpunit>\n  <php>\n    <env name="CONVOSO_AUTH_TOKEN" value="${E}"/>\n  </php>\n</phpunit>\n`,
      "Dialer.csproj": `<Project>\n  <PropertyGroup>\n    <ConvosoAuthToken>$(CONVOSO_AUTH_TOKEN)</ConvosoAuthToken>\n  </PropertyGroup>\n</Project>\n`,
    });
    const result = runCli(["scan", ".", "--format", "json", "--no-config"], dir);
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.language}`)).toEqual(["Web.config:4 xml", "Web.config:6 xml", "Web.config:8 xml", "ios/Info.plist:3 xml", "phpunit.xml.dist:3 xml"]);
    expect(result.stdout).not.toContain(A);
  });

  it("advises instead of rewriting: `fix` leaves the XML file as it was", () => {
    const text = `<configuration>\n  <appSettings>\n    <add key="ConvosoAuthToken" value="${A}" />\n  </appSettings>\n</configuration>\n`;
    const dir = makeTree({ "app.config": text });
    const fixed = runCli(["fix", "--no-config"], dir);
    expect(fixed.stdout).toContain("app.config:3:");
    expect(readFileSync(join(dir, "app.config"), "utf8")).toBe(text);
  });
});
