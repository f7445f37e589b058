/** The outline and folding ranges in-process. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { doc } from '../support';

const service = createLanguageService();

const TEXT = `# Contoso
# two lines of header
version: 1
environments:
  prod:
    name: Production
    region: europe
sites:
  hq:
    internet: allowed
circuits:
  er-hq:
    site: hq
    region: europe
    environments: [prod]
    microsoftPeering:
      routeFilter:
        - West Europe
        - North Europe
connectors:
  erp: { type: sql-server, environment: prod }
desktopFlows:
  bot:
    environment: prod
    site: hq
`;

/** name, detail, kind, range as "line:col-line:col" (1-based), selection range, children. */
type Row = [string, string | undefined, SymbolKind, string, string, Row[]?];

function rows(symbols: DocumentSymbol[]): Row[] {
  const at = (r: DocumentSymbol['range']) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
  return symbols.map((s) => {
    const row: Row = [s.name, s.detail, s.kind, at(s.range), at(s.selectionRange)];
    if (s.children?.length) row.push(rows(s.children));
    return row;
  });
}

describe('document symbols and folding ranges', () => {
  it('groups entities by section, with their region or site as detail', () => {
    assert.deepEqual(rows(service.findDocumentSymbols(doc(TEXT))), [
      ['environments', undefined, SymbolKind.Package, '4:1-7:19', '4:1-4:13', [['prod', 'Production · europe', SymbolKind.Module, '5:3-7:19', '5:3-5:7']]],
      ['sites', undefined, SymbolKind.Package, '8:1-10:22', '8:1-8:6', [['hq', undefined, SymbolKind.Namespace, '9:3-10:22', '9:3-9:5']]],
      ['circuits', undefined, SymbolKind.Package, '11:1-19:23', '11:1-11:9', [['er-hq', 'europe', SymbolKind.Interface, '12:3-19:23', '12:3-12:8']]],
      ['connectors', undefined, SymbolKind.Package, '20:1-21:47', '20:1-20:11', [['erp', 'sql-server', SymbolKind.Function, '21:3-21:47', '21:3-21:6']]],
      ['desktopFlows', undefined, SymbolKind.Package, '22:1-25:13', '22:1-22:13', [['bot', 'hq', SymbolKind.Event, '23:3-25:13', '23:3-23:6']]],
    ]);
  });

  it('keeps only the first of a repeated id, and answers nothing for a file that is not a map', () => {
    const repeated = 'version: 1\nsites:\n  hq: {}\n  hq:\n    internet: blocked\n';
    assert.deepEqual(service.findDocumentSymbols(doc(repeated))[0].children!.map((c) => c.range.start.line), [2]);
    assert.deepEqual(service.findDocumentSymbols(doc('- a\n- b\n')), []);
  });

  it('folds every block that spans lines, and runs of comments', () => {
    const folds = service.getFoldingRanges(doc(TEXT)).map((f) => [f.startLine + 1, f.endLine + 1, f.kind]);
    assert.deepEqual(folds, [
      [1, 2, 'comment'],
      [4, 7, undefined],
      [5, 7, undefined],
      [8, 10, undefined],
      [9, 10, undefined],
      [11, 19, undefined],
      [12, 19, undefined],
      [16, 19, undefined],
      [17, 19, undefined],
      [20, 21, undefined],
      [22, 25, undefined],
      [23, 25, undefined],
    ]);
  });
});
