#!/usr/bin/env node
'use strict';
// Speaks LSP over stdio (the default of vscode-languageserver; `--stdio` is accepted).
require('../out/server/src/lsp/node.js').startServer();
