/**
 * The export over stdio: INFRASTRUCTURE_EXPORT_REQUEST answers what `ppnet export` writes for the open
 * document (fixes included on request, null for a document the server does not have or a bad format),
 * and a code action at a circuit's routeFilter carries that circuit's Bicep and Terraform for the
 * extension's copy command.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import { COPY_TO_CLIPBOARD_COMMAND, INFRASTRUCTURE_EXPORT_REQUEST } from '../../protocol/protocol';
import { INFRASTRUCTURE_FORMATS } from '../../protocol/infrastructure';
import { ROOT, runCli } from '../support';
import { MISSING_REGION } from '../export/harness';
import { TestClient } from './lspClient';

const NORTHWIND = path.join(ROOT, 'examples', 'northwind-vnet.ppnet.yaml');
const URI = 'file:///virtual/northwind-vnet.ppnet.yaml';

describe('the export request', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  it('answers what ppnet export writes, in each format; null for an unknown document or format', async () => {
    const text = fs.readFileSync(NORTHWIND, 'utf8');
    await client.open(URI, text);
    for (const { id: format } of INFRASTRUCTURE_FORMATS) {
      const answer = await client.request(INFRASTRUCTURE_EXPORT_REQUEST, { uri: URI, format });
      const cli = await runCli(['export', NORTHWIND, '--format', format]);
      assert.deepEqual(answer, { text: cli.stdout, errors: 0, fixes: [] });
    }
    assert.equal(await client.request(INFRASTRUCTURE_EXPORT_REQUEST, { uri: 'file:///virtual/closed.ppnet.yaml', format: 'bicep' }), null);
    // Sent by method name: the typed request would not take a format it does not know.
    assert.equal(await client.request(INFRASTRUCTURE_EXPORT_REQUEST.method, { uri: URI, format: 'pulumi' }), null);
  });

  it('applies the route-filter fixes when asked', async () => {
    const uri = 'file:///virtual/missing.ppnet.yaml';
    await client.open(uri, MISSING_REGION);
    const answer = await client.request(INFRASTRUCTURE_EXPORT_REQUEST, { uri, format: 'terraform', withFixes: true });
    assert.ok(answer);
    assert.deepEqual([answer.errors, answer.fixes], [0, ['Add North Europe to the route filter (route-filter-missing-region)']]);
    assert.match(answer.text, /"12076:51002", # West Europe\n {6}"12076:51003", # North Europe\n/);
  });

  it("offers, at a circuit's routeFilter, to copy its Bicep and Terraform", async () => {
    const text = fs.readFileSync(NORTHWIND, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('routeFilter: [West Europe'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line, character: 8 }, end: { line, character: 8 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.command?.command, a.command?.arguments?.[1]]),
      [
        ['Copy the route filter of circuit er-nw as Bicep', 'refactor', COPY_TO_CLIPBOARD_COMMAND, 'the route filter of circuit er-nw as Bicep'],
        ['Copy the route filter of circuit er-nw as Terraform', 'refactor', COPY_TO_CLIPBOARD_COMMAND, 'the route filter of circuit er-nw as Terraform'],
      ],
    );
    assert.match(actions[0].command!.arguments![0], /^resource erNwRouteFilter 'Microsoft\.Network\/routeFilters@2024-05-01' = \{$/m);
    assert.doesNotMatch(actions[0].command!.arguments![0], /enterprisePolicies/);
    assert.match(actions[1].command!.arguments![0], /^resource "azurerm_route_filter" "er_nw" \{$/m);
    const elsewhere = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(elsewhere, []);
    const quickFixesOnly = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line, character: 8 }, end: { line, character: 8 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.deepEqual(quickFixesOnly, []);
    // A filter that resolves to no value has nothing to copy.
    const unresolved = 'file:///virtual/unresolved.ppnet.yaml';
    await client.open(unresolved, MISSING_REGION.replace('[West Europe]', '[Contoso Cloud]'));
    const filterLine = MISSING_REGION.split('\n').findIndex((l) => l.includes('routeFilter:'));
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: unresolved },
      range: { start: { line: filterLine, character: 8 }, end: { line: filterLine, character: 8 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(none.filter((a) => a.kind === 'refactor'), []);
  });
});
