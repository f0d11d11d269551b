// Python: `os.environ["NAME"]`, f-strings, and `import os` when a module lacks it.

import { defineLanguage } from "../shared/language-definition.js";
import { lexPython } from "./lexer.js";
import { pythonEnvLookup, writePythonFallbackRemoval, writePythonReplacement } from "./replacement.js";

export const python = defineLanguage({
  id: "python",
  extensions: ["py", "pyi", "pyw"],
  shebangs: [/\bpython[0-9.]*\b/],
  fenceNames: ["python", "py", "python3", "pycon"],
  lex: lexPython,
  envLookup: pythonEnvLookup,
  writeReplacement: writePythonReplacement,
  writeFallbackRemoval: writePythonFallbackRemoval,
  // `"auth_token=%s" % t`, `"auth_token={}".format(t)`, `"…{t}".format_map({"t": …})`.
  matcherHints: { formatStrings: { operators: new Set(["%"]), methods: new Set(["format", "format_map"]) }, fieldClasses: true },
  eslint: { via: "text" },
  help: { rank: 2, label: "Python", inlineLabel: "Python" },
});
