// Python: `os.environ["NAME"]`, f-strings, and `import os` when a module lacks it.

import { matcherHints, type LanguageDefinition } from "../shared/language-definition.js";
import { lexPython } from "./lexer.js";
import { pythonEnvLookup, writePythonFallbackRemoval, writePythonReplacement } from "./replacement.js";

export const python: LanguageDefinition = {
  id: "python",
  extensions: ["py", "pyi", "pyw"],
  fileNames: [],
  fileNamePrefixes: [],
  fileNameSuffixes: [],
  shebangs: [/\bpython[0-9.]*\b/],
  fenceNames: ["python", "py", "python3", "pycon"],
  lex: lexPython,
  envLookup: pythonEnvLookup,
  writeReplacement: writePythonReplacement,
  writeFallbackRemoval: writePythonFallbackRemoval,
  matcherHints: matcherHints(),
  eslint: { via: "text" },
  help: { rank: 2, label: "Python", inlineLabel: "Python" },
};
