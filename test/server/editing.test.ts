/**
 * Editing features through the real server over stdio, as an LSP client that is not VS Code sees them:
 * completion, hover, definition, references, rename, symbols, and quick fixes that, applied, make
 * their diagnostic go away.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  MarkupContent,
  Position,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { ROOT, positionIn } from '../support';
import { TestClient } from './lspClient';

const CONTOSO_URI = 'file:///virtual/contoso.ppnet.yaml';
const MISTAKES_URI = 'file:///virtual/mistakes.ppnet.yaml';
const CONTOSO = fs.readFileSync(path.join(ROOT, 'examples', 'contoso.ppnet.yaml'), 'utf8');
const MISTAKES = fs.readFileSync(path.join(ROOT, 'examples', 'mistakes.ppnet.yaml'), 'utf8');
const contoso = TextDocument.create(CONTOSO_URI, 'ppnet', 1, CONTOSO);

const at = (marked: string, text = CONTOSO): Position => positionIn(text, marked);

function applyWorkspaceEdit(document: TextDocument, edit: WorkspaceEdit): string {
  return TextDocument.applyEdits(document, edit.changes![document.uri]);
}

describe('editing over stdio', () => {
  let client: TestClient;
  let version = 1;

  before(async () => {
    client = new TestClient();
    const { capabilities } = await client.initialize({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
    for (const provider of [
      'completionProvider',
      'hoverProvider',
      'definitionProvider',
      'referencesProvider',
      'renameProvider',
      'documentHighlightProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'workspaceSymbolProvider',
      'codeActionProvider',
    ]) {
      assert.ok(capabilities[provider], provider);
    }
    await client.open(CONTOSO_URI, CONTOSO);
    await client.open(MISTAKES_URI, MISTAKES);
    await client.diagnostics(MISTAKES_URI, (p) => p.version === 1);
  });
  after(async () => client.shutdown());

  const complete = async (position: Position, uri = CONTOSO_URI) =>
    (await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position })).items;
  const hover = async (position: Position) =>
    ((await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: CONTOSO_URI }, position }))?.contents as MarkupContent | undefined)?.value;

  it('completes keys, values, regions, communities, references, connector types and snippets at their places', async () => {
    /** Completion after replacing `from` with `to` (which holds the cursor) in a scratch copy of contoso. */
    const completeIn = async (from: string, to: string) => {
      assert.ok(CONTOSO.includes(from), from);
      const marked = CONTOSO.replace(from, to);
      const text = marked.replace('|', '');
      await client.change(CONTOSO_URI, ++version, [{ text }]);
      const position = TextDocument.create(CONTOSO_URI, 'ppnet', version, text).positionAt(marked.indexOf('|'));
      const labels = (await complete(position)).map((i) => i.label);
      await client.change(CONTOSO_URI, ++version, [{ text: CONTOSO }]);
      return labels;
    };
    assert.deepEqual(await completeIn('    site: dub-dc\n    region: northeurope\n', '    site: dub-dc\n    |\n'), ['region', 'name', 'tls', 'azureId']);
    assert.deepEqual(await completeIn('    sku: premium', '    sku: |'), ['standard', 'premium', 'local']);
    assert.deepEqual((await completeIn('  contoso-dev:\n    name: Contoso Development\n    region: europe', '  contoso-dev:\n    name: Contoso Development\n    region: |')).slice(0, 3), ['unitedstates', 'unitedstatesfirstrelease', 'europe']);
    assert.deepEqual((await completeIn('    region: westus\n', '    region: |\n')).slice(0, 3), ['eastus', 'westus', 'centralus']);
    const filter = await completeIn('        - North Europe                # 12076:51003\n', '        - |\n');
    assert.deepEqual(filter.slice(0, 2), ['North Europe', 'Australia Central']);
    assert.deepEqual(await completeIn('    gateway: gw-sea', '    gateway: |'), ['gw-ams', 'gw-dub', 'gw-sea']);
    assert.deepEqual(await completeIn('    environments: [fabrikam-us]', '    environments: [fabrikam-us, |]'), ['contoso-prod', 'contoso-dev']);
    assert.deepEqual((await completeIn('    type: oracle', '    type: |')).slice(0, 3), ['sql-server', 'file-system', 'sharepoint-server']);
    assert.deepEqual((await completeIn('desktopFlows:\n', 'desktopFlows:\n  |\n'))[0], 'New desktop flow');
  });

  it('hovers on a key, an id, a reference, a region, a community, a connector type and a value', async () => {
    assert.match((await hover(at('    |microsoftPeering:\n      advertisedPrefixes: [203.0.113.0/29]')))!, /^\*\*microsoftPeering\*\*: .*\n\n\*\*Microsoft peering and private peering\.\*\*/);
    assert.match((await hover(at('  |er-sea:')))!, /^Circuit \*\*er-sea\*\*: at site sea-office; region unitedstates/);
    assert.match((await hover(at('    site: sea-|office\n    region: westus')))!, /^Site \*\*sea-office\*\* \(Seattle office\): internet allowed; circuit er-sea; gateway gw-sea; desktop flow shipping-bot\.$/);
    assert.match((await hover(at('    region: |unitedstates\n    sku')))!, /^\*\*United States\*\* \(`unitedstates`\), a Power Platform region\./);
    assert.match((await hover(at('        - |West Europe')))!, /^\*\*12076:51002\*\*: the Microsoft-peering community of West Europe/);
    assert.match((await hover(at('    type: |file-system')))!, /^\*\*File System\*\* \(`file-system`\) reaches a source in your network through an on-premises data gateway/);
    assert.equal(await hover(at('    relay: |expressroute\n  shipping-bot')), '**expressroute**: The machine reaches Azure Relay over ExpressRoute (Microsoft peering).');
  });

  it('goes to definition, finds and highlights references, and renames exactly every occurrence', async () => {
    const position = at('    environment: fabrikam-|us\n    via');
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: CONTOSO_URI }, position });
    assert.deepEqual(definition.map((l) => contoso.getText(l.range) + '@' + (l.range.start.line + 1)), ['fabrikam-us@19']);
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: CONTOSO_URI }, position, context: { includeDeclaration: true } });
    const lines = CONTOSO.split('\n').flatMap((line, index) => (line.includes('fabrikam-us') ? [index] : []));
    assert.deepEqual(references.map((l) => l.range.start.line), lines);
    assert.equal(lines.length, 5);
    assert.ok(references.every((l) => contoso.getText(l.range) === 'fabrikam-us'));
    const highlights = await client.request<unknown[]>('textDocument/documentHighlight', { textDocument: { uri: CONTOSO_URI }, position });
    assert.equal(highlights.length, 5);

    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: CONTOSO_URI }, position });
    assert.equal(prepared.placeholder, 'fabrikam-us');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: CONTOSO_URI }, position, newName: 'fabrikam-ops' });
    assert.equal(applyWorkspaceEdit(contoso, edit), CONTOSO.replace(/fabrikam-us\b/g, 'fabrikam-ops'));

    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: CONTOSO_URI }, position, newName: 'contoso-prod' }),
      { code: -32803, message: 'There is already an environment "contoso-prod" in this file; pick another id.' },
    );
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: CONTOSO_URI }, position, newName: 'fabrikam us' }), {
      code: -32803,
      message: '"fabrikam us" is not a valid id: an id starts with a letter and holds only letters, digits, "-" and "_".',
    });
  });

  it('serves the outline, folding ranges and workspace symbols', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: CONTOSO_URI } });
    assert.deepEqual(symbols.map((s) => [s.name, s.children?.length]), [
      ['environments', 3],
      ['sites', 3],
      ['circuits', 2],
      ['gateways', 3],
      ['connectors', 5],
      ['desktopFlows', 2],
      ['azureServices', 1],
    ]);
    assert.equal(symbols[0].children![0].detail, 'Contoso Production · europe');
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: CONTOSO_URI } });
    assert.deepEqual([folds[0].startLine, folds[0].endLine, folds[0].kind], [0, 1, 'comment']);
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'lon' });
    assert.deepEqual(found.map((s) => [s.name, s.location.uri]), [['lon-hq', MISTAKES_URI], ['er-lon', MISTAKES_URI], ['gw-lon', MISTAKES_URI]]);
  });

  it('offers quick fixes whose edits, applied, make their diagnostic go away', async () => {
    const mistakes = TextDocument.create(MISTAKES_URI, 'ppnet', 1, MISTAKES);
    const { diagnostics } = await client.diagnostics(MISTAKES_URI, (p) => p.version === 1);
    const same = (a: Diagnostic, b: Diagnostic) => a.code === b.code && a.message === b.message;
    let fixed = 0;
    for (const diagnostic of diagnostics) {
      // Back to the file with its mistakes, which the actions are computed on.
      await client.change(MISTAKES_URI, ++version, [{ text: MISTAKES }]);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: MISTAKES_URI },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      });
      const titles = actions.map((a) => a.title);
      assert.deepEqual(titles.slice(-2), [`Disable ${diagnostic.code} for this line`, `Disable ${diagnostic.code} in this file`]);
      const ruleFix = actions.find((a) => !a.title.startsWith('Disable '));
      for (const action of ruleFix ? [ruleFix, ...actions.slice(-2)] : actions.slice(-2)) {
        assert.deepEqual(action.diagnostics, [diagnostic]);
        const text = applyWorkspaceEdit(mistakes, action.edit!);
        await client.change(MISTAKES_URI, ++version, [{ text }]);
        const after = await client.diagnostics(MISTAKES_URI, (p) => p.version === version);
        assert.ok(!after.diagnostics.some((d) => same(d, diagnostic)), `"${action.title}" left: ${diagnostic.message}`);
      }
      if (ruleFix) fixed++;
    }
    assert.ok(fixed >= 5, `only ${fixed} diagnostics had a fix`);
    const unknownRegion = diagnostics.find((d) => d.code === 'unknown-region')!;
    await client.change(MISTAKES_URI, ++version, [{ text: MISTAKES }]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: MISTAKES_URI },
      range: unknownRegion.range,
      context: { diagnostics: [unknownRegion] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false, (a.edit!.changes![MISTAKES_URI] as TextEdit[]).map((e) => e.newText)]),
      [
        ['Replace "westeurope" with "europe"', true, ['europe']],
        ['Disable unknown-region for this line', false, ['    # ppnet-disable-next-line unknown-region\n']],
        ['Disable unknown-region in this file', false, ['# ppnet-disable-file unknown-region\n']],
      ],
    );
  });
});
