#!/usr/bin/env bash
# Source this file (`. scripts/ensure-node.sh`) on a machine whose `node` is older than 22:
# it installs Node 22 from the npm registry into ~/.cache/node22 (once) and puts it first on PATH.
# The project needs Node 22+ (the encrypted SQLite binding crashes on Node 20; vitest 5 and
# electron-vite 6 require 22).
node22_bin="$HOME/.cache/node22/node_modules/node/bin"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$node22_bin/node" ]; then
    echo "ensure-node: installing Node 22 into $HOME/.cache/node22" >&2
    npm install --prefix "$HOME/.cache/node22" --no-save --loglevel=error node@22 >&2
  fi
  export PATH="$node22_bin:$PATH"
fi
echo "ensure-node: using node $(node --version) at $(command -v node)" >&2
