/** Navigation in-process: definition, references, highlights, rename and workspace symbols. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentHighlightKind, Location, Position, SymbolKind } from 'vscode-languageserver-types';
import { createLanguageService, RenameError } from '../../server/src/service';
import { doc, ROOT, row, positionIn } from '../support';

const CONTOSO = fs.readFileSync(path.join(ROOT, 'examples', 'contoso.ppnet.yaml'), 'utf8');
const service = createLanguageService();
const document = doc(CONTOSO);

const at = (marked: string, text = CONTOSO): Position => positionIn(text, marked);

/** "line:col-col" (1-based) and the text each location covers. */
const spans = (locations: Location[]) =>
  locations.map((l) => `${l.range.start.line + 1}:${l.range.start.character + 1}-${l.range.end.character + 1} ${document.getText(l.range)}`);

describe('navigation', () => {
  it('goes to the definition from any reference, and stays on the id from the id', () => {
    assert.deepEqual(spans(service.findDefinition(document, at('    site: sea-|office\n    peeringLocation'))), ['35:3-13 sea-office']);
    assert.deepEqual(spans(service.findDefinition(document, at('    gateway: |gw-dub'))), ['75:3-9 gw-dub']);
    assert.deepEqual(spans(service.findDefinition(document, at('    environments: [contoso-prod, contoso-d|ev]'))), ['14:3-14 contoso-dev']);
    assert.deepEqual(spans(service.findDefinition(document, at('  er-|ams:'))), ['42:3-9 er-ams']);
    assert.deepEqual(service.findDefinition(document, at('    bandwidth: 1G|bps')), []);
  });

  it('finds every reference of an id, with or without its declaration', () => {
    const all = ['26:3-9 ams-hq', '43:11-17 ams-hq', '71:11-17 ams-hq', '109:11-17 ams-hq'];
    assert.deepEqual(spans(service.findReferences(document, at('  ams-|hq:'), true)), all);
    assert.deepEqual(service.findReferences(document, at('    region: north|europe'), true), []);
    assert.deepEqual(spans(service.findReferences(document, at('    environment: contoso-|prod\n    site: ams-hq'), false)), [
      '48:20-32 contoso-prod',
      '87:18-30 contoso-prod',
      '96:18-30 contoso-prod',
      '108:18-30 contoso-prod',
    ]);
  });

  it('highlights the declaration as written and the references as read', () => {
    const highlights = service.findDocumentHighlights(document, at('    gateway: gw-s|ea'));
    assert.deepEqual(highlights.map((h) => [h.range.start.line + 1, h.kind]), [[79, DocumentHighlightKind.Write], [104, DocumentHighlightKind.Read]]);
  });

  it('renames an id and exactly every reference, leaving other text alone', () => {
    assert.deepEqual(service.prepareRename(document, at('    site: |dub-dc')), {
      range: { start: { line: 75, character: 10 }, end: { line: 75, character: 16 } },
      placeholder: 'dub-dc',
    });
    const edit = service.doRename(document, at('    site: |dub-dc'), 'dublin');
    const renamed = TextDocument.applyEdits(document, edit!.changes![document.uri]);
    assert.equal(renamed, CONTOSO.replace(/\bdub-dc\b/g, 'dublin'));
    assert.equal(edit!.changes![document.uri].length, 2);
    // The same diagnostics before and after: every reference followed the id.
    const before = service.validate(document).map(row);
    assert.deepEqual(service.validate(doc(renamed, 'file:///renamed.ppnet.yaml')).map(row), before);
  });

  it('renames inside quotes and through every kind of reference', () => {
    const text = 'version: 1\nenvironments:\n  "prod":\n    region: europe\nconnectors:\n  c:\n    type: dataverse\n    environment: \'prod\'\ncircuits:\n  er:\n    site: hq\n    region: europe\n    environments: [prod, "prod"]\nsites:\n  hq: {}\n';
    const quoted = doc(text);
    const edit = service.doRename(quoted, at("    environment: 'p|rod'", text), 'live');
    assert.equal(
      TextDocument.applyEdits(quoted, edit!.changes![quoted.uri]),
      text.replace('"prod":', '"live":').replace("'prod'", "'live'").replace('[prod, "prod"]', '[live, "live"]'),
    );
  });

  it('refuses an invalid id and one already taken by that kind, saying why', () => {
    const position = at('  gw-|ams:');
    assert.throws(() => service.doRename(document, position, '9-gateway'), new RenameError('"9-gateway" is not a valid id: an id starts with a letter and holds only letters, digits, "-" and "_".'));
    assert.throws(() => service.doRename(document, position, 'gw ams'), RenameError);
    assert.throws(() => service.doRename(document, position, 'gw-dub'), new RenameError('There is already a gateway "gw-dub" in this file; pick another id.'));
    // Another kind may use the id: a site and a gateway named alike are distinct.
    assert.ok(service.doRename(document, position, 'ams-hq'));
    assert.equal(service.prepareRename(document, at('    peeringLocation: Amster|dam')), null);
  });

  it('finds entities across open files by id or name', () => {
    const other = doc('version: 1\nsites:\n  amsterdam-lab:\n    name: Lab\n', 'file:///other.ppnet.yaml');
    const symbols = service.findWorkspaceSymbols('ams', [document, other]);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.containerName, s.location.uri, s.location.range.start.line]),
      [
        ['ams-hq', SymbolKind.Namespace, 'sites', document.uri, 25],
        ['er-ams', SymbolKind.Interface, 'circuits', document.uri, 41],
        ['gw-ams', SymbolKind.Class, 'gateways', document.uri, 68],
        ['amsterdam-lab', SymbolKind.Namespace, 'sites', other.uri, 2],
      ],
    );
    assert.deepEqual(service.findWorkspaceSymbols('fabrikam us', [document]).map((s) => s.name), ['fabrikam-us']);
  });
});

describe('navigation to enterprise policies', () => {
  const text = fs.readFileSync(path.join(ROOT, 'examples', 'northwind-vnet.ppnet.yaml'), 'utf8');
  const northwind = doc(text, 'file:///northwind.ppnet.yaml');
  const where = (locations: Location[]) => locations.map((l) => `${l.range.start.line + 1}:${l.range.start.character + 1} ${northwind.getText(l.range)}`);

  it('goes from an environment\'s enterprisePolicy to the policy, finds its references and renames them all', () => {
    assert.deepEqual(where(service.findDefinition(northwind, positionIn(text, '    enterprisePolicy: ep-|eu\n  nw-test'))), ['24:3 ep-eu']);
    assert.deepEqual(where(service.findReferences(northwind, positionIn(text, '  ep-|eu:'), true)), ['15:23 ep-eu', '21:23 ep-eu', '24:3 ep-eu']);
    const edit = service.doRename(northwind, positionIn(text, '  ep-|eu:'), 'ep-europe');
    const renamed = TextDocument.applyEdits(northwind, edit!.changes![northwind.uri]);
    assert.equal(renamed.match(/ep-europe/g)?.length, 3);
    assert.equal(renamed.match(/ep-eu\b/g), null);
  });
});
