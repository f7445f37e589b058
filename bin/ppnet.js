#!/usr/bin/env node
'use strict';
const { main } = require('../out/server/src/cli/main.js');
main(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then((code) => {
  process.exitCode = code;
});
