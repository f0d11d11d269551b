// INI-style configuration: `.ini`, `.cfg`, `.properties`, `.npmrc`, and systemd units
// (`.service`, `.timer`, …; Podman's `.container` quadlets), whose `Environment=` and
// `ExecStart=` lines carry tokens as often as any config file.

import { CONFIG_FORMAT, CONFIG_FORMAT_CLI_ONLY, defineLanguage } from "../shared/language-definition.js";
import { lexIni } from "./lexer.js";

export const ini = defineLanguage({
  ...CONFIG_FORMAT,
  id: "ini",
  extensions: ["ini", "cfg", "conf", "properties", "service", "timer", "socket", "mount", "container"],
  fileNames: [".npmrc", ".pypirc"],
  fenceNames: ["ini", "properties", "cfg"],
  lex: lexIni,
  eslint: { via: "none", reason: CONFIG_FORMAT_CLI_ONLY },
});
