/** The README lists every rule with its default severity, as the registry has them. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { withRulesTable } from '../../scripts/rulesTable';
import { RULES } from '../../server/src/service';
import { ROOT } from '../support';

describe('README', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('has the current rule table (run `npm run docs:rules` after changing a rule)', () => {
    assert.equal(readme, withRulesTable(readme));
  });

  it('names every rule code', () => {
    for (const rule of RULES) assert.ok(readme.includes(`| \`${rule.code}\` | ${rule.defaultSeverity} |`), rule.code);
  });
});
