#!/usr/bin/env node
// The `token-guard` executable. Before any other module of ours is loaded
// (static imports would be compiled first), it sets V8's optimizer budget and
// turns on Node's on-disk compile cache, then loads the command line. The cache
// (Node >= 22.1; absent on Node 20, where this is a no-op) keeps V8's compiled
// code of our modules between runs: a pre-commit hook pays the compile once, not
// per commit. Node keeps it in its own temp folder, checked against each file's
// content; NODE_DISABLE_COMPILE_CACHE=1 turns it off.

// First: it sets a V8 flag before any other module's code runs.
import "./optimizer-budget.js";
import module from "node:module";

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import("./run-cli.js");
