/**
 * Real designs (issues "Real designs" and "Real designs, round three"). Each file of `test/designs/valid/`
 * is a valid design and must check with no error or warning. Each file of `test/designs/mistakes/` is a
 * mistake: every line that ends with `# expect: <code> ["words of the message"][, <code> ...]` must carry
 * an error or warning of that code starting on that line (the node named), whose message holds the quoted
 * words when given; and every error or warning of the file must be one so expected, so that a design
 * shows its mistakes and nothing else.
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

describe('mistakes are reported on the nodes named, and nothing else', () => {
  for (const file of files('mistakes')) {
    it(file, () => {
      const text = fs.readFileSync(path.join(DIR, 'mistakes', file), 'utf8');
      const rows = validate(text).map(row).filter((r) => r.severity === 'error' || r.severity === 'warning');
      const expected = text.split(/\r?\n/).flatMap((line, index) => {
        const comment = /#\s*expect:\s*(.*)$/.exec(line)?.[1] ?? '';
        return [...comment.matchAll(/([a-z0-9-]+)(?:\s+"([^"]*)")?/g)].map((m) => ({ code: m[1], words: m[2], line: index + 1 }));
      });
      assert.ok(expected.length > 0, `${file} names no expected code`);
      const lineOf = (r: { range: string }) => Number(r.range.split(':')[0]);
      for (const { code, words, line } of expected) {
        assert.ok(
          rows.some((r) => r.code === code && lineOf(r) === line && (words === undefined || r.message.includes(words))),
          `${file}: expected ${code} on line ${line}${words ? ` saying "${words}"` : ''}; got ${JSON.stringify(rows, null, 1)}`,
        );
      }
      const unexpected = rows.filter((r) => !expected.some((e) => e.code === r.code && e.line === lineOf(r)));
      assert.deepEqual(unexpected, [], `${file}: errors or warnings no line expects`);
    });
  }
});
