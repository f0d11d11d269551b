#!/bin/sh
# The `token-guard` hook of the pre-commit framework (.pre-commit-hooks.yaml): the same script
# `token-guard init --git-hook` writes (a test holds them equal), so it needs no node environment.
# Runs the project's own token-guard (node_modules), else one installed on PATH; never downloads one.
if [ -x node_modules/.bin/token-guard ]; then
  exec node_modules/.bin/token-guard scan --staged
fi
if command -v token-guard >/dev/null 2>&1; then
  exec token-guard scan --staged
fi
{ echo 'token-guard: not installed, so this commit was not scanned: run `npm install --save-dev token-guard`, then commit again' >&2; exit 2; }
