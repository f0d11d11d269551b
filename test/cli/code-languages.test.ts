// Through the built CLI: files of the code languages the text fallback used to read as
// one string (Go, Java, Kotlin, Rust, Ruby, Elixir, Groovy, Robot Framework, …) are
// scanned with their own front end, reported on exactly the lines test/fixtures/code
// lists, under their own language id; and `fix --dry-run` writes each one's lookup,
// or advises where a rewrite would not compile.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, REPO_ROOT, runCli } from "../support/cli.js";
import { fakeToken } from "../support/tokens.js";

const FIXTURES = join(REPO_ROOT, "test/fixtures/code");

interface JsonFinding {
  file: string;
  line: number;
  language: string;
  suggestion?: { text: string };
}

/** Every fixture file, by POSIX path below the fixture directory. */
function fixtureFiles(prefix = ""): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(join(FIXTURES, prefix), { withFileTypes: true })) {
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(files, fixtureFiles(path));
    else if (path !== "expected.json") files[path] = readFileSync(join(FIXTURES, path), "utf8");
  }
  return files;
}

/** The language each fixture is read as. */
const LANGUAGE_OF: Record<string, string> = {
  swift: "swift", cs: "csharp", gs: "appsscript", java: "java", kt: "kotlin", scala: "scala", gradle: "groovy", Jenkinsfile: "groovy", dart: "dart", go: "go",
  pl: "perl", rb: "ruby", Vagrantfile: "ruby", rs: "rust", exs: "elixir", lua: "lua", cue: "cue", jsonnet: "jsonnet", crontab: "crontab", robot: "robot",
};

function scanJson(dir: string): JsonFinding[] {
  const result = runCli(["scan", ".", "--format", "json"], dir);
  expect(result.stderr).toBe("");
  return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
}

describe("code languages through the CLI", () => {
  it("reports the fixtures' leaky lines and nothing in their clean files, each under its language", () => {
    const files = fixtureFiles();
    const findings = scanJson(makeRepo(files));
    const expected = JSON.parse(readFileSync(join(FIXTURES, "expected.json"), "utf8")) as Record<string, number[]>;
    const reported: Record<string, number[]> = Object.fromEntries(Object.keys(files).map((file) => [file, []]));
    for (const finding of findings) if (!reported[finding.file]!.includes(finding.line)) reported[finding.file]!.push(finding.line);
    expect(reported).toEqual(expected);
    for (const finding of findings) {
      const kind = finding.file.slice(finding.file.lastIndexOf(".") + 1).split("/").pop()!;
      expect(finding.language, finding.file).toBe(LANGUAGE_OF[kind]);
    }
  });

  it("fix --dry-run writes each language's lookup where it compiles, and advises where it would not", () => {
    const t = (seed: number) => fakeToken(15_000 + seed);
    const dir = makeRepo({
      "src/main/java/Client.java": `// Convoso\nclass Client {\n  private static final String AUTH_TOKEN = "${t(1)}";\n}\n`,
      "internal/convoso/client.go": `// Convoso\npackage convoso\n\nvar authToken = "${t(2)}"\n\nconst AUTH_TOKEN = "${t(3)}"\n`,
      "lib/client.rb": `# Convoso\nAUTH_TOKEN = "${t(4)}"\n`,
      "config/runtime.exs": `# Convoso\nconfig :dialer, auth_token: System.get_env("CONVOSO_AUTH_TOKEN", "${t(5)}")\n`,
      "app/Dialer.kt": `// Convoso\nconst val AUTH_TOKEN = "${t(6)}"\n`,
      "tests/api.robot": `*** Variables ***\n\${AUTH_TOKEN}    ${t(7)}\n`,
      "src/main.rs": `// Convoso\nfn main() { let auth_token = "${t(8)}"; }\n`,
    });
    const result = runCli(["fix", "--dry-run"], dir);
    expect(result.stdout).toContain(`+  private static final String AUTH_TOKEN = System.getenv("CONVOSO_AUTH_TOKEN");`);
    expect(result.stdout).toContain(`+var authToken = os.Getenv("CONVOSO_AUTH_TOKEN")`);
    expect(result.stdout).toContain(`+AUTH_TOKEN = ENV.fetch("CONVOSO_AUTH_TOKEN")`);
    expect(result.stdout).toContain(`+config :dialer, auth_token: System.get_env("CONVOSO_AUTH_TOKEN")`);
    expect(result.stdout).toContain(`+\${AUTH_TOKEN}    %{CONVOSO_AUTH_TOKEN}`);
    // A Go or Kotlin constant cannot call a function, and Rust's lookup is a Result: advice, no edit.
    expect(result.stdout).not.toMatch(/^\+const (?:val )?AUTH_TOKEN/m);
    expect(result.stdout).not.toMatch(/^\+.*std::env::var/m);
    expect(result.stdout).toMatch(/app\/Dialer\.kt:2:\d+ .*a constant cannot read the environment/);
    expect(result.stdout).toMatch(/internal\/convoso\/client\.go:6:\d+ .*a constant cannot read the environment/);
    expect(result.stdout).toMatch(/src\/main\.rs:2:\d+ .*read std::env::var\("CONVOSO_AUTH_TOKEN"\) at run time/);
    for (let seed = 1; seed <= 8; seed++) expect(result.stdout).not.toContain(t(seed));
  });

  it("fix --dry-run drops a hardcoded fallback so that the code keeps its type", () => {
    const t = (seed: number) => fakeToken(15_200 + seed);
    const dir = makeRepo({
      "app/Config.kt": `// Convoso\nval authToken: String = System.getenv("CONVOSO_AUTH_TOKEN") ?: "${t(1)}"\n`,
      "lib/config.dart": `// Convoso\nfinal String authToken = Platform.environment['CONVOSO_AUTH_TOKEN'] ?? '${t(2)}';\n`,
      "src/Config.java": `// Convoso\nclass Config {\n  String a = System.getenv().getOrDefault("CONVOSO_AUTH_TOKEN", "${t(3)}");\n  String authToken = Optional.ofNullable(System.getenv("CONVOSO_AUTH_TOKEN")).orElse("${t(4)}");\n}\n`,
      "src/Config.scala": `// Convoso\nval authToken = sys.env.getOrElse("CONVOSO_AUTH_TOKEN", "${t(5)}")\n`,
      "lib/config.rb": `# Convoso\nAUTH_TOKEN = ENV.fetch("CONVOSO_AUTH_TOKEN", "${t(6)}")\n`,
      "src/main.rs": `// Convoso\nlet auth_token = env::var("CONVOSO_AUTH_TOKEN").unwrap_or_else(|_| "${t(7)}".to_string());\n`,
    });
    const result = runCli(["fix", "--dry-run"], dir);
    expect(result.stdout).toContain(`+val authToken: String = System.getenv("CONVOSO_AUTH_TOKEN") ?: error("set CONVOSO_AUTH_TOKEN in the environment")`);
    expect(result.stdout).toContain(`+final String authToken = Platform.environment['CONVOSO_AUTH_TOKEN']!;`);
    expect(result.stdout).toContain(`+  String a = System.getenv("CONVOSO_AUTH_TOKEN");`);
    expect(result.stdout).toContain(`+  String authToken = Optional.ofNullable(System.getenv("CONVOSO_AUTH_TOKEN")).orElseThrow();`);
    expect(result.stdout).toContain(`+val authToken = sys.env("CONVOSO_AUTH_TOKEN")`);
    expect(result.stdout).toContain(`+AUTH_TOKEN = ENV.fetch("CONVOSO_AUTH_TOKEN")`);
    // `unwrap_or_else` dropped would leave a Result where a String stood: advice only.
    expect(result.stdout).toMatch(/src\/main\.rs:2:\d+ .*std::env::var/);
    for (let seed = 1; seed <= 7; seed++) expect(result.stdout).not.toContain(t(seed));
  });

  it("says in the JSON suggestion what to write where it does not rewrite", () => {
    const dir = makeRepo({
      "Sources/Api.swift": `// Convoso\nlet authToken = "${fakeToken(15_101)}"\n`,
      "src/Code.gs": `// Convoso\nvar AUTH_TOKEN = "${fakeToken(15_102)}";\n`,
    });
    const suggestions = Object.fromEntries(scanJson(dir).map((finding) => [finding.language, finding.suggestion?.text ?? ""]));
    expect(suggestions.swift).toContain(`ProcessInfo.processInfo.environment["CONVOSO_AUTH_TOKEN"]`);
    expect(suggestions.appsscript).toContain(`PropertiesService.getScriptProperties().getProperty("CONVOSO_AUTH_TOKEN")`);
  });
});
