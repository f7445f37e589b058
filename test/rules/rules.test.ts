/**
 * Baselines for every rule: `test/rules/<code>.bad.ppnet.yaml` must produce exactly the diagnostics in
 * `<code>.bad.expected.json` (code, severity, range and message), including at least one of that code;
 * `<code>.good.ppnet.yaml` must produce no diagnostic of that code and no error or warning at all.
 * A deployment rule (drift) compares both files with `<code>.deployed.json`, an export read as
 * `ppnet drift` reads it (or each with its own, `<code>.bad.deployed.json` and `<code>.good.deployed.json`).
 * Regenerate with `UPDATE_BASELINES=1 npm test` and review the diff.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { readDeployed, RULES, ValidationOptions } from '../../server/src/service';
import { ROOT, row, validate } from '../support';

const DIR = path.join(ROOT, 'test', 'rules');
const UPDATE = process.env.UPDATE_BASELINES === '1';

/** The estate a deployment rule's fixtures are compared with. */
function optionsOf(code: string, deployment: boolean | undefined, which: 'bad' | 'good'): ValidationOptions | undefined {
  if (!deployment) return undefined;
  const own = path.join(DIR, `${code}.${which}.deployed.json`);
  const file = fs.existsSync(own) ? own : path.join(DIR, `${code}.deployed.json`);
  assert.ok(fs.existsSync(file), `missing fixture ${path.relative(ROOT, file)}`);
  const deployed = readDeployed([{ file: path.basename(file), text: fs.readFileSync(file, 'utf8') }]);
  assert.deepEqual(deployed.findings, [], 'the export reads without a finding');
  return { deployed };
}

describe('rule baselines', () => {
  for (const rule of RULES) {
    describe(rule.code, () => {
      const options = (which: 'bad' | 'good') => optionsOf(rule.code, rule.deployment, which);
      it('reports the bad file exactly as its baseline says', () => {
        const file = path.join(DIR, `${rule.code}.bad.ppnet.yaml`);
        assert.ok(fs.existsSync(file), `missing fixture ${path.relative(ROOT, file)}`);
        const rows = validate(fs.readFileSync(file, 'utf8'), options('bad')).map(row);
        const expectedFile = file.replace(/\.ppnet\.yaml$/, '.expected.json');
        if (UPDATE) fs.writeFileSync(expectedFile, JSON.stringify(rows, null, 2) + '\n');
        assert.ok(rows.some((r) => r.code === rule.code), `${rule.code} not reported on its bad file`);
        assert.deepEqual(rows, JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
      });
      it('does not report the good file', () => {
        const file = path.join(DIR, `${rule.code}.good.ppnet.yaml`);
        assert.ok(fs.existsSync(file), `missing fixture ${path.relative(ROOT, file)}`);
        const rows = validate(fs.readFileSync(file, 'utf8'), options('good')).map(row);
        assert.deepEqual(rows.filter((r) => r.code === rule.code || r.severity === 'error' || r.severity === 'warning'), []);
      });
    });
  }
});
