/**
 * Very large files: the outline and the folding ranges stop at `MAX_ITEMS_COMPUTED` items, the outline
 * says where it stops and how much it leaves out, and folding keeps the outer blocks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { generateTopology } from '../../bench/generate';
import { createLanguageService } from '../../server/src/service';
import { MAX_ITEMS_COMPUTED } from '../../server/src/service/symbols';
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
