/** docs/format.md, the format's contract, lists every rule with its default severity, as the registry has them. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/service';
import { ROOT } from '../support';

describe('docs/format.md', () => {
  const format = fs.readFileSync(path.join(ROOT, 'docs', 'format.md'), 'utf8');

  it('has a row for every rule, with its default severity, in the registry order, and no other', () => {
    const rows = [...format.matchAll(/^\| `([a-z][a-z0-9-]*)` \| (error|warning|info|hint) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(rows, RULES.map((rule) => `${rule.code} ${rule.defaultSeverity}`));
  });

  it('links only to files that exist', () => {
    const links = [...format.matchAll(/\]\((?!https?:|#)([^)#]+)/g)].map((m) => m[1]);
    assert.ok(links.length > 0);
    for (const link of links) assert.ok(fs.existsSync(path.join(ROOT, 'docs', link)), link);
  });
});
