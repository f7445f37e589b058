#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 for the browser; the last release that runs on Node 20)
# into a cache folder outside the clone, in the steps /work/shared/notes/real-vscode.md describes: its
# normal install downloads ripgrep from GitHub, which these machines cannot reach.
# Idempotent: a finished install is marked by a stamp file and reused; a half-finished one is redone.
# Usage: scripts/install-code-server.sh [CACHE_DIR]   (prints the path of the code-server executable)
set -euo pipefail
version=4.100.3
cache_dir="${1:-${PPNET_E2E_CACHE:-/var/cache/ppnet-e2e}/code-server-$version}"
stamp="$cache_dir/.installed"
executable="$cache_dir/node_modules/code-server/out/node/entry.js"

if [ -f "$stamp" ]; then
  echo "$executable"
  exit 0
fi

for tool in rg node npm; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing (Debian: ripgrep, nodejs)" >&2; exit 1; }
done

staging="$cache_dir.partial"
rm -rf "$staging"
mkdir -p "$staging"
cd "$staging"
echo '{"name":"ppnet-e2e-code-server","private":true}' > package.json
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

echo "install-code-server: code-server@$version" >&2
npm install "code-server@$version" --ignore-scripts >&2
npm rebuild --ignore-scripts=false argon2 >&2

vscode_dir="$staging/node_modules/code-server/lib/vscode"
echo "install-code-server: VS Code's own modules" >&2
(cd "$vscode_dir" && npm install --omit=dev --ignore-scripts >&2)
mkdir -p "$vscode_dir/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$vscode_dir/node_modules/@vscode/ripgrep/bin/rg"
(cd "$vscode_dir" && npm rebuild --ignore-scripts=false \
  @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty >&2)
ln -sfn node_modules "$vscode_dir/node_modules.asar"
echo "install-code-server: built-in extensions' modules" >&2
(cd "$vscode_dir/extensions" && npm install --omit=dev --ignore-scripts >&2)

# The executable path is inside the folder, so the install moves into place before it is stamped.
rm -rf "$cache_dir"
mv "$staging" "$cache_dir"
date -u +%FT%TZ > "$stamp"
echo "$executable"
