/** The README's quick start: `npm start` checks the examples and succeeds on the expected exit code 1. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'path';
import { describe, it } from 'node:test';
import { ROOT } from '../support';

describe('npm start', () => {
  it('runs ppnet check on the examples, which finds the mistakes file (exit 1), and succeeds', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^> ppnet check examples$/m);
    assert.match(result.stdout, /^12 errors, 4 warnings, 3 infos, 2 hints in 4 files$/m);
    assert.match(result.stdout, /ppnet check exited with 1, as expected/);
  });
});
