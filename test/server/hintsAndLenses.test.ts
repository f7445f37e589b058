/**
 * Inlay hints and code lenses over stdio, as a plain LSP client sees them: advertised to every
 * client, off until its settings or initialization options turn them on, turned on and off by the
 * `ppnet` settings section (pulled, or pushed), the client told to ask again when they change, and
 * the answers following the file's edits.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { CodeLens, InlayHint } from 'vscode-languageserver-types';
import { TestClient } from './lspClient';

const URI = 'file:///tmp/hints.ppnet.yaml';
const TEXT = `version: 1
environments:
  prod:
    region: europe
circuits:
  er-ams:
    peeringLocation: Amsterdam
    sku: standard
    environments: [prod]
    microsoftPeering:
      routeFilter: [12076:51002]
gateways:
  gw:
    region: westeurope
enterprisePolicies:
  pol:
    subnets:
      - { vnet: v1, region: westeurope, cidr: 10.0.0.0/26 }
`;
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
const ALL_ON = { inlayHints: { communities: true, environmentRegions: true, peeringLocations: true, subnetAddresses: true }, codeLens: { enabled: true } };

const hintRows = (hints: InlayHint[]) => hints.map((h) => `${h.position.line + 1}:${h.position.character + 1} ${h.label as string}`);
const lensRows = (lenses: CodeLens[]) => lenses.map((l) => `${l.range.start.line + 1}:${l.range.start.character + 1} ${l.command?.title}`);
const ALL_HINTS = ['4:19 westeurope + northeurope', '7:31 Europe · Local: westeurope', '11:32 West Europe', '18:58 59 usable addresses'];
const ALL_LENSES = ['3:3 no flows', '6:3 serves 1 environment · reaches Europe (standard) · 1 community missing', '13:3 used by no connector'];

async function started(client: TestClient, capabilities: object, initializationOptions?: object): Promise<TestClient> {
  const result = await client.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
  client.capabilities = result.capabilities;
  await client.connection.sendNotification('initialized', {});
  await client.open(URI, TEXT);
  await client.diagnostics(URI);
  return client;
}

const hints = (client: TestClient) => client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: WHOLE });
const lenses = (client: TestClient) => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });

describe('inlay hints and code lenses over stdio', () => {
  const clients: TestClient[] = [];
  const client = (settings: Record<string, unknown> = {}) => {
    const created = new TestClient([], settings);
    clients.push(created);
    return created;
  };
  after(async () => {
    for (const c of clients) await c.shutdown();
  });

  it('are advertised to a client that announces nothing, and off for it', async () => {
    const bare = await started(client(), {});
    assert.equal(bare.capabilities.inlayHintProvider, true);
    assert.deepEqual(bare.capabilities.codeLensProvider, { resolveProvider: false });
    assert.deepEqual(await hints(bare), []);
    assert.deepEqual(await lenses(bare), []);
  });

  it('are turned on by initialization options (a client without settings), part by part', async () => {
    const some = await started(client(), {}, { inlayHints: { communities: true, subnetAddresses: true } });
    assert.deepEqual(hintRows(await hints(some)), ['11:32 West Europe', '18:58 59 usable addresses']);
    assert.deepEqual(await lenses(some), []);
    const all = await started(client(), {}, ALL_ON);
    assert.deepEqual(hintRows(await hints(all)), ALL_HINTS);
    assert.deepEqual(lensRows(await lenses(all)), ALL_LENSES);
  });

  it('follow the settings a client pulls, ask it to refresh when they change, and follow edits', async () => {
    const settings: Record<string, unknown> = { ppnet: ALL_ON };
    const pulling = client(settings);
    const refreshes: string[] = [];
    for (const method of ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh']) {
      pulling.connection.onRequest(method, () => {
        refreshes.push(method);
        return null;
      });
    }
    await started(pulling, { workspace: { configuration: true, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } } });
    await pulling.settingsPulled();
    assert.deepEqual(hintRows(await hints(pulling)), ALL_HINTS);
    assert.deepEqual(lensRows(await lenses(pulling)), ALL_LENSES);
    // Pulled at start: off to on, so the client is told to ask again.
    assert.deepEqual(refreshes, ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh']);

    // An edit: the next answers are the new version's.
    await pulling.change(URI, 2, [{ range: { start: { line: 10, character: 31 }, end: { line: 10, character: 31 } }, text: ', 12076:51003' }]);
    assert.deepEqual(hintRows(await hints(pulling)), ['4:19 westeurope + northeurope', '7:31 Europe · Local: westeurope', '11:32 West Europe', '11:45 North Europe', '18:58 59 usable addresses']);
    assert.deepEqual(lensRows(await lenses(pulling))[1], '6:3 serves 1 environment · reaches Europe (standard)');

    // The user turns lenses and two parts off: the server pulls again on the notification.
    settings.ppnet = { inlayHints: { communities: true, environmentRegions: true, peeringLocations: false }, codeLens: { enabled: false } };
    await pulling.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => refreshes.length === 4);
    assert.deepEqual(hintRows(await hints(pulling)), ['4:19 westeurope + northeurope', '11:32 West Europe', '11:45 North Europe']);
    assert.deepEqual(await lenses(pulling), []);
  });

  it('follow the settings a client pushes in workspace/didChangeConfiguration', async () => {
    const pushing = await started(client(), {});
    await pushing.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ppnet: { codeLens: { enabled: true } } } });
    assert.deepEqual(lensRows(await lenses(pushing)), ALL_LENSES);
    assert.deepEqual(await hints(pushing), []);
    // Unsound values are ignored, not thrown on.
    await pushing.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ppnet: { codeLens: 'yes', inlayHints: [true] } } });
    assert.deepEqual(lensRows(await lenses(pushing)), []);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
