// PowerShell: `$env:NAME`, expandable strings and here-strings.

import { defineLanguage } from "../shared/language-definition.js";
import { lexPowerShell } from "./lexer.js";
import { powershellEnvLookup, writePowerShellReplacement } from "./replacement.js";

export const powershell = defineLanguage({
  id: "powershell",
  extensions: ["ps1", "psm1", "psd1"],
  shebangs: [/\bpwsh\b/],
  fenceNames: ["powershell", "ps1", "ps", "pwsh"],
  lex: lexPowerShell,
  envLookup: powershellEnvLookup,
  writeReplacement: writePowerShellReplacement,
  matcherHints: {
    envVariable: /^\$\{?env:([a-z_]\w*)\}?$/i,
    // The cmdlets that write an item, with their aliases.
    envDrive: { drive: "env", writers: new Set(["set-item", "new-item", "set-content", "add-content", "si", "ni", "sc"]), pathFlags: new Set(["-path", "-literalpath", "-name"]) },
    // `"auth_token={0}" -f $t`; `[string]::Format(…)` is a call like any other.
    formatStrings: { operators: new Set(["-f"]), methods: new Set() },
  },
  eslint: { via: "text" },
  help: { rank: 5, label: "PowerShell" },
});
