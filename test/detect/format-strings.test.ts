// Format strings: the argument bound to the placeholder after `auth_token=` (or a token
// header) is the token, in every language's format-call shape; placeholders are counted
// past `%%` and `{{`, explicit indexes and names are honoured, and anything computed,
// read from the environment or left as a placeholder is not reported.
import { describe, expect, it } from "vitest";
import { scanText } from "../support/scan.js";
import { fakeToken } from "../support/tokens.js";

const T = fakeToken(9_101);
const OTHER = fakeToken(9_102);

/** `line:redacted-start` of each finding, so a test tells which of two literals was reported. */
function found(path: string, text: string): { line: number; value: string }[] {
  return scanText(path, text).map((finding) => ({ line: finding.line, value: text.slice(finding.start, finding.end) }));
}

describe("the argument bound to a token placeholder is reported", () => {
  it.each([
    // Python: % with a tuple, a single value and a dict; .format positional, indexed and keyword; logging's lazy format.
    ["tasks/push.py", `endpoint = "https://api.convoso.com/v1/leads/update?lead_id=%d&auth_token=%s" % (lead.id, "${T}")`],
    ["tasks/push.py", `body = 'auth_token=%s' % '${T}'`],
    ["tasks/push.py", `q = "list_id=%(list)s&auth_token=%(secret)s" % {"secret": "${T}", "list": "${OTHER}"}`],
    ["tasks/push.py", `q = "{}&auth_token={}".format("${OTHER}", "${T}")`],
    ["tasks/push.py", `q = "auth_token={1}&list_id={0}".format("${OTHER}", "${T}")`],
    ["tasks/push.py", `q = "{{literal}} auth_token={key}".format(key="${T}", other="${OTHER}")`],
    ["tasks/push.py", `log.warning("retrying with auth_token=%s after %d s", "${T}", 30)`],
    ["tasks/push.py", `hdr = "X-Auth-Token: {tok}".format_map({"tok": "${T}"})`],
    // JavaScript: Node's util.format and console formatting, a sprintf-js call with JSON.
    ["src/report.js", `const url = util.format("%s/log/retrieve?auth_token=%s", base, "${T}");`],
    ["src/report.ts", `const payload: string = sprintf('{"auth_token":"%s","list":%d}', "${T}", 7);`],
    // PHP: sprintf with explicit indexes, vsprintf with an array, printf.
    ["app/Dialer.php", `<?php\n$u = sprintf('%2$s/users/search?auth_token=%1$s', '${T}', self::BASE);`],
    ["app/Dialer.php", `<?php\n$u = vsprintf("%s?auth_token=%s", [$base, '${T}']);`],
    ["app/Dialer.php", `<?php\nprintf("auth_token: %s\\n", "${T}");`],
    // Shell printf: the words after the format.
    ["bin/report.sh", `printf -v query 'list_id=%s&auth_token=%s' 42 '${T}'`],
    ["bin/report.sh", `printf '%s\\n' "X-Auth-Token: %s" | true\nprintf 'auth_token=%s' ${T}`],
    // PowerShell -f and [string]::Format.
    ["scripts/Sync.ps1", `$uri = "{0}/campaigns/search?auth_token={1}" -f $base, '${T}'`],
    ["scripts/Sync.ps1", `$hdr = [string]::Format("X-Auth-Token: {0}", "${T}")`],
    // Code languages read by the shared code lexer (Go, Java, C#, Rust, Kotlin, Ruby), and code in a language the
    // text fallback reads (Crystal, Nim), whose format call is relexed around the placeholder.
    ["src/dialer.cr", `q = sprintf("auth_token=%s", "${T}")`],
    ["src/dialer.nim", `let r = "auth_token=%s".format("${T}")`],
    ["internal/dialer/urls.go", `package dialer\n\nfunc url() string {\n\treturn fmt.Sprintf("%s/agents?auth_token=%v", Base, "${T}")\n}\n`],
    ["src/main/java/Dialer.java", `class Dialer {\n  String q = String.format(Locale.ROOT,\n      "auth_token=%s&list_id=%d",\n      "${T}", 3);\n}\n`],
    ["src/main/java/Dialer.java", `String q = "auth_token=%s".formatted("${T}");`],
    ["Dialer.cs", `var q = string.Format(CultureInfo.InvariantCulture, "auth_token={0}", "${T}");`],
    ["src/dialer.rs", `let q = format!("{}/x?auth_token={}", base, "${T}");`],
    ["Dialer.kt", `val q = String.format("auth_token=%1\\$s", "${T}")`],
    ["lib/dialer.rb", `q = format("auth_token=%s", "${T}")\nr = "auth_token=%s" % "${T}"`],
  ])("%s: %s", (path, text) => {
    const findings = found(path, text);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.value === T)).toBe(true);
  });

  it("follows a named argument to its literal definition", () => {
    const text = `reporting = "${T}"\nurl = "auth_token=%s" % reporting\n`;
    expect(found("report.py", text)).toEqual([{ line: 1, value: T }]);
    const php = `<?php\n$key = '${T}';\n$u = sprintf('auth_token=%s', $key);\n`;
    expect(found("report.php", php)).toEqual([{ line: 2, value: T }]);
  });
});

describe("format strings that hardcode no token", () => {
  it.each([
    ["env.py", `url = "auth_token=%s" % os.environ["CONVOSO_AUTH_TOKEN"]`],
    ["env.py", `url = "auth_token={}".format(settings.convoso_token)`],
    ["env.py", `url = "auth_token={}".format(vault.read("convoso/auth_token"))`],
    ["ci.py", `url = "auth_token={}".format("\${{ secrets.CONVOSO_AUTH_TOKEN }}")`],
    ["ci.py", `url = "auth_token=%s" % "<your-auth-token>"`],
    // The placeholder after another key: a TTL, a URL, a CSRF token, a digest.
    ["names.py", `a = "auth_token_ttl=%s" % "${T}"`],
    ["names.py", `a = "auth_token_url={}".format("https://vault.internal/${T}")`],
    ["names.py", `a = "csrf_token=%s" % "${T}"`],
    ["names.py", `a = "auth_token_sha256={}".format("${T}")`],
    // Bound to another placeholder than the token's.
    ["order.py", `a = "list_id=%s&auth_token=%s" % ("${T}", token)`],
    ["order.py", `a = "auth_token={1}&list_id={0}".format("${T}", token)`],
    ["order.py", `a = "%%s auth_token=%s" % token`],
    // Not a format call: a list, a dict entry, a plain call whose string has no placeholder.
    ["shapes.js", `const pair = ["auth_token=%s", "${T}"];`],
    ["shapes.js", `const u = process.env.CONVOSO_AUTH_TOKEN;\nconsole.log("auth_token=%s", process.env.CONVOSO_AUTH_TOKEN);`],
    ["shapes.go", `fmt.Sprintf("auth_token=%s", os.Getenv("CONVOSO_AUTH_TOKEN"))`],
    ["shapes.go", `fmt.Sprintf("auth_token=%s", cfg.Token, "${T}")`],
    ["shapes.sh", `printf 'auth_token=%s' "$CONVOSO_AUTH_TOKEN"`],
    ["shapes.sh", `printf 'auth_token=%s\\n'\necho ${T}`],
    ["shapes.ps1", `$u = "auth_token={0}" -f $env:CONVOSO_AUTH_TOKEN`],
  ])("%s: %s", (path, text) => {
    expect(found(path, text)).toEqual([]);
  });
});
