// Lets V8's optimizing compiler (TurboFan) wait longer before it compiles a
// function, for this process only. A scan runs the lexers and matchers over a
// few hundred candidate files and exits: with V8's default budget, TurboFan
// compiles them, and recompiles them as their type feedback grows, before
// they have run long enough to pay for it; on 2 cores that compiling takes the
// core the git search or the reading would use. With sixteen times the budget
// only what stays hot (100,000 files, a 4 MiB bundle) is optimized.
// Measured in one process over the 483 candidate files of the 10,000-file bench
// tree (CPU, medians of 2): one pass 1,310 -> 740 ms; eleven passes 3.6 -> 2.9 s.
// Set before any detection code has run; worker threads share the flag.

// Node 22 and later have no such flag (optimizer-flag.ts): there V8's own tiering
// stays, and node:v8 is not loaded at all (on Node 26 it brings the heap and CPU
// profilers and the stream modules: ~2 ms of a pre-commit run).

import { createRequire } from "node:module";
import type * as V8 from "node:v8";
import { optimizerBudgetFlag } from "./optimizer-flag.js";

const flag = optimizerBudgetFlag(process.versions.v8);
if (flag !== undefined) (createRequire(import.meta.url)("node:v8") as typeof V8).setFlagsFromString(flag);
