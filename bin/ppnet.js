#!/usr/bin/env node
'use strict';
const { run } = require('../out/server/src/cli.js');
process.exitCode = run(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t));
