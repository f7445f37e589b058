#!/usr/bin/env node
'use strict';
const { main } = require('../out/server/src/cli/main.js');
// A reader that stops early (`ppnet check . | head`) is not an error: stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const write = (t) => process.stdout.write(t);
main(process.argv.slice(2), write, (t) => process.stderr.write(t), write).then((code) => {
  process.exitCode = code;
});
