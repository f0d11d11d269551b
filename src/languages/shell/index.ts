// Shell scripts. The lexer and the replacement writer live in shared/ because
// Dockerfile RUN lines, Makefile recipes and Markdown commands are shell too.
// Crontab lines are shell commands after their schedule, so crontabs share the front end.

import { defineLanguage } from "../shared/language-definition.js";
import { lexShell } from "../shared/shell-lexer.js";
import { shellEnvLookup, writeShellReplacement } from "../shared/shell-replacement.js";

export const shell = defineLanguage({
  id: "shell",
  extensions: ["sh", "bash", "zsh", "ksh", "fish"],
  fileNames: [".envrc", ".bashrc", ".zshrc", ".profile"],
  shebangs: [/\b(?:ba|z|k|da)?sh\b/],
  fenceNames: ["bash", "sh", "shell", "console", "zsh", "ksh", "curl", "terminal"],
  lex: lexShell,
  envLookup: shellEnvLookup,
  writeReplacement: writeShellReplacement,
  // Words are arguments: `mycli --auth-token v`, and `printf 'auth_token=%s' v` formats the words after it.
  matcherHints: { adjacentStringsConcatenate: true, commandLines: true },
  eslint: { via: "text" },
  help: { rank: 4, label: "Shell", inlineLabel: "shell" },
});

/** Crontabs: each line's command runs through `sh`, so flags and variables read as in a script. */
export const crontab = defineLanguage({
  ...shell,
  id: "crontab",
  extensions: ["cron", "crontab"],
  fileNames: ["crontab"],
  shebangs: [],
  fenceNames: ["crontab", "cron"],
  eslint: { via: "none", reason: "a crontab, not a script a project's ESLint config names: `token-guard scan` covers it" },
  help: undefined,
});
