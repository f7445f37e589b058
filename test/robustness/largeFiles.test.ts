/**
 * Very large files: the outline and the folding ranges stop at `MAX_ITEMS_COMPUTED` items, the outline
 * says where it stops and how much it leaves out, and folding keeps the outer blocks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { generateTopology, generateUnits } from '../../bench/generate';
import { createLanguageService } from '../../server/src/service';
import { MAX_ITEMS_COMPUTED } from '../../server/src/service/features/symbols';
import { MAX_DIAGNOSTICS_PER_CODE } from '../../server/src/service/validation/engine';
import { doc } from '../support';

describe('outline and folding of a very large file', () => {
  // 7 sections and 5,500 entities: more than the limit.
  const text = generateTopology(30_000);
  const document = doc(text);
  const service = createLanguageService();
  const lines = text.split('\n');

  it(`lists ${MAX_ITEMS_COMPUTED} items at most, the last a note saying where the outline stops and what it leaves out`, () => {
    const symbols = service.findDocumentSymbols(document);
    const count = symbols.reduce((total, s) => total + 1 + (s.children?.length ?? 0), 0);
    assert.equal(count, MAX_ITEMS_COMPUTED);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children?.length ?? 0]),
      [
        ['environments', 1000],
        ['sites', 500],
        ['circuits', 500],
        ['gateways', 500],
        ['connectors', 2000],
        ['desktopFlows', 493],
        ['Outline limited to 5000 items: 508 more not shown', 0],
      ],
    );
    const note = symbols[symbols.length - 1];
    // It starts at the first desktop flow left out, and runs to the end of the file.
    const firstLeftOut = lines.indexOf('  bot-0493:');
    assert.equal(note.kind, SymbolKind.Null);
    assert.deepEqual(note.selectionRange, { start: { line: firstLeftOut, character: 2 }, end: { line: firstLeftOut, character: 10 } });
    assert.deepEqual(note.range.end, document.positionAt(text.length));
  });

  it(`folds ${MAX_ITEMS_COMPUTED} blocks at most, the outer ones first`, () => {
    const folds = service.getFoldingRanges(document);
    assert.equal(folds.length, MAX_ITEMS_COMPUTED);
    const starts = new Set(folds.map((f) => f.startLine));
    for (const section of ['environments:', 'sites:', 'circuits:', 'gateways:', 'connectors:', 'desktopFlows:', 'azureServices:']) {
      assert.ok(starts.has(lines.indexOf(section)), `${section} is not folded`);
    }
    // Entities are one level in: the first is folded; the limit is reached among them (5,500), so no
    // block inside an entity is.
    assert.ok(starts.has(lines.indexOf('environments:') + 1));
    const peerings = lines.flatMap((line, index) => (line === '    microsoftPeering:' ? [index] : []));
    assert.equal(peerings.filter((line) => starts.has(line)).length, 0, 'an inner block is folded while outer ones are left out');
  });
});

describe('a file with very many findings of one code', () => {
  const count = MAX_DIAGNOSTICS_PER_CODE + 5;
  const text = `version: 1\nenvironments:\n  e:\n    region: europe\n    apps: [${Array(count).fill('a').join(',')}]\n`;
  const diagnostics = createLanguageService().validate(doc(text));

  it(`lists the first ${MAX_DIAGNOSTICS_PER_CODE} of the code, then one that counts the rest from the place of the next`, () => {
    const schema = diagnostics.filter((d) => d.code === 'schema');
    assert.equal(schema.length, MAX_DIAGNOSTICS_PER_CODE + 1);
    const last = schema[schema.length - 1];
    // The list's own finding (the same entry twice) comes first, so the first one left out is item 999.
    const column = '    apps: ['.length + 2 * (MAX_DIAGNOSTICS_PER_CODE - 1);
    assert.deepEqual(last.range, { start: { line: 4, character: column }, end: { line: 4, character: column + 1 } });
    assert.equal(
      last.message,
      `6 more schema findings in this file, from here on, are not listed: ppnet lists the first 1,000 of each code in a file. The first of them: "apps.${MAX_DIAGNOSTICS_PER_CODE - 1}" of environment e cannot be "a": it is one of canvas, model-driven, portal.`,
    );
    assert.equal(last.codeDescription?.href, schema[0].codeDescription?.href);
  });

  it('does not cap other codes', () => {
    assert.deepEqual(diagnostics.filter((d) => d.code !== 'schema').map((d) => d.code), []);
  });
});

describe('the generated topologies of the bench', () => {
  it('are valid designs: no diagnostic at all, so that the bench measures checking, not reporting', () => {
    const service = createLanguageService();
    assert.deepEqual(service.validate(doc(generateUnits(60))).map((d) => d.code), []);
    assert.deepEqual(service.validate(doc(generateTopology(2_000))).map((d) => d.code), []);
  });
});
