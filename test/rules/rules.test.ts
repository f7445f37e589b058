/**
 * Baselines for every rule: `test/rules/<code>.bad.ppnet.yaml` must produce exactly the diagnostics in
 * `<code>.bad.expected.json` (code, severity, range and message), including at least one of that code;
 * `<code>.good.ppnet.yaml` must produce no diagnostic of that code and no error or warning at all.
 * Regenerate with `UPDATE_BASELINES=1 npm test` and review the diff.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/service';
import { ROOT, row, validate } from '../support';

const DIR = path.join(ROOT, 'test', 'rules');
const UPDATE = process.env.UPDATE_BASELINES === '1';

describe('rule baselines', () => {
  for (const rule of RULES) {
    describe(rule.code, () => {
      it('reports the bad file exactly as its baseline says', () => {
        const file = path.join(DIR, `${rule.code}.bad.ppnet.yaml`);
        assert.ok(fs.existsSync(file), `missing fixture ${path.relative(ROOT, file)}`);
        const rows = validate(fs.readFileSync(file, 'utf8')).map(row);
        const expectedFile = file.replace(/\.ppnet\.yaml$/, '.expected.json');
        if (UPDATE) fs.writeFileSync(expectedFile, JSON.stringify(rows, null, 2) + '\n');
        assert.ok(rows.some((r) => r.code === rule.code), `${rule.code} not reported on its bad file`);
        assert.deepEqual(rows, JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
      });
      it('does not report the good file', () => {
        const file = path.join(DIR, `${rule.code}.good.ppnet.yaml`);
        assert.ok(fs.existsSync(file), `missing fixture ${path.relative(ROOT, file)}`);
        const rows = validate(fs.readFileSync(file, 'utf8')).map(row);
        assert.deepEqual(rows.filter((r) => r.code === rule.code || r.severity === 'error' || r.severity === 'warning'), []);
      });
    });
  }
});
