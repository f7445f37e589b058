/**
 * Fix baselines: for every rule with fixes, the first fix offered for the first diagnostic of that code
 * on `<code>.bad.ppnet.yaml`, applied, must give exactly `<code>.fixed.ppnet.yaml`, and the diagnostic it
 * fixed must be gone. Every fix offered for every diagnostic of the code must also remove its diagnostic.
 * Regenerate with `UPDATE_BASELINES=1 npm test` and review the diff.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, RULES } from '../../server/src/service';
import { doc, ROOT } from '../support';

const DIR = path.join(ROOT, 'test', 'rules');
const UPDATE = process.env.UPDATE_BASELINES === '1';

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message;
}

describe('rule fixes', () => {
  for (const rule of RULES.filter((r) => r.fixes)) {
    it(`${rule.code}: fixes apply cleanly and remove their diagnostic`, () => {
      const service = createLanguageService();
      const document = doc(fs.readFileSync(path.join(DIR, `${rule.code}.bad.ppnet.yaml`), 'utf8'));
      const diagnostics = service.validate(document).filter((d) => d.code === rule.code);
      assert.ok(diagnostics.length > 0);
      let first: string | undefined;
      for (const diagnostic of diagnostics) {
        const fixes = rule.fixes!({ topology: service.getTopology(document), document, diagnostic });
        for (const fix of fixes) {
          const text = TextDocument.applyEdits(document, fix.edits);
          first ??= text;
          const after = service.validate(doc(text, 'file:///fixed.ppnet.yaml', 2));
          assert.ok(!after.some((d) => sameDiagnostic(d, diagnostic)), `"${fix.title}" left: ${diagnostic.message}`);
        }
      }
      assert.ok(first !== undefined, `${rule.code} offers no fix for its bad file`);
      const expectedFile = path.join(DIR, `${rule.code}.fixed.ppnet.yaml`);
      if (UPDATE) fs.writeFileSync(expectedFile, first);
      assert.equal(first, fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
