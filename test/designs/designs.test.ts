/**
 * Real designs (issue: "Real designs"). Each file of `test/designs/valid/` is a valid design and must
 * check with no error or warning. Each file of `test/designs/mistakes/` is a mistake: every line that ends
 * with `# expect: <code>` must carry a diagnostic of that code starting on that line (the node named).
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { ROOT, row, validate } from '../support';

const DIR = path.join(ROOT, 'test', 'designs');

function files(kind: string): string[] {
  const dir = path.join(DIR, kind);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ppnet.yaml')).sort() : [];
}

describe('valid designs check with no error or warning', () => {
  for (const file of files('valid')) {
    it(file, () => {
      const rows = validate(fs.readFileSync(path.join(DIR, 'valid', file), 'utf8')).map(row);
      assert.deepEqual(rows.filter((r) => r.severity === 'error' || r.severity === 'warning'), []);
    });
  }
});

describe('mistakes are reported on the nodes named', () => {
  for (const file of files('mistakes')) {
    it(file, () => {
      const text = fs.readFileSync(path.join(DIR, 'mistakes', file), 'utf8');
      const rows = validate(text).map(row);
      const expected = text.split(/\r?\n/).flatMap((line, index) => {
        const match = /#\s*expect:\s*([a-z0-9-]+)/.exec(line);
        return match ? [{ code: match[1], line: index + 1 }] : [];
      });
      assert.ok(expected.length > 0, `${file} names no expected code`);
      for (const { code, line } of expected) {
        assert.ok(
          rows.some((r) => r.code === code && Number(r.range.split(':')[0]) === line && (r.severity === 'error' || r.severity === 'warning')),
          `${file}: expected ${code} on line ${line}; got ${JSON.stringify(rows, null, 1)}`,
        );
      }
    });
  }
});
