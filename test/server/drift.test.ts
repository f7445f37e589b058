/**
 * The server over stdio with `deployed: <folder>` in ppnet.config.yaml: drift beside the design's
 * diagnostics, the exports' own findings on their files, the folder read again when a file in it
 * changes (the server watches it itself: this client announces no file watching), the preview's graph
 * marked with what drifted.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { after, before, describe, it } from 'node:test';
import { GRAPH_REQUEST } from '../../protocol/protocol';
import type { Graph } from '../../protocol/graph';
import { ROOT, tempDir } from '../support';
import { TestClient } from './lspClient';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'drift', 'contoso');
const CONTOSO = fs.readFileSync(path.join(ROOT, 'examples', 'contoso.ppnet.yaml'), 'utf8');
const CIRCUITS = fs.readFileSync(path.join(FIXTURES, 'circuits.json'), 'utf8');
const PREMIUM = CIRCUITS.replace('"name": "Standard_MeteredData",\n      "tier": "Standard"', '"name": "Premium_MeteredData",\n      "tier": "Premium"');

describe('the server with a deployed: folder', () => {
  let client: TestClient;
  let dir: string;
  let uri: string;
  before(async () => {
    const files: Record<string, string> = { 'ppnet.config.yaml': 'deployed: exports\n', 'contoso.ppnet.yaml': CONTOSO };
    for (const name of fs.readdirSync(FIXTURES)) files[`exports/${name}`] = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
    files['exports/circuits.json'] = PREMIUM;
    dir = tempDir(files, 'ppnet-server-drift-');
    uri = pathToFileURL(path.join(dir, 'contoso.ppnet.yaml')).toString();
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  it('reports drift beside the design\'s diagnostics, with its code, link and range', async () => {
    await client.open(uri, CONTOSO);
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.codeDescription?.href]),
      [['drift-value', 1, 45, 9, 17, 'https://learn.microsoft.com/azure/expressroute/expressroute-howto-circuit-portal-resource-manager']],
    );
    assert.match(published.diagnostics[0].message, /^Circuit er-ams is Premium in Azure, but the design gives it sku standard/);
  });

  it('marks the drifted entity in the preview\'s graph, and no other', async () => {
    const graph = (await client.request(GRAPH_REQUEST, { uri })) as Graph;
    assert.deepEqual(graph.nodes.filter((n) => n.drift).map((n) => [n.id, n.drift!.map((d) => d.code)]), [['circuit:er-ams', ['drift-value']]]);
    assert.match(graph.nodes.find((n) => n.id === 'circuit:er-ams')!.drift![0].message, /^Circuit er-ams is Premium in Azure/);
  });

  it('reads the folder again when an export in it changes, and says an export it cannot read on that file', async () => {
    const mark = client.mark();
    fs.writeFileSync(path.join(dir, 'exports', 'circuits.json'), CIRCUITS);
    fs.writeFileSync(path.join(dir, 'exports', 'broken.json'), '{"value": [');
    const cleared = await client.diagnosticsAfter(mark, uri, (p) => p.diagnostics.length === 0, 20_000);
    assert.deepEqual(cleared.diagnostics, []);
    const brokenUri = pathToFileURL(path.join(dir, 'exports', 'broken.json')).toString();
    const broken = await client.diagnosticsAfter(mark, brokenUri, (p) => p.diagnostics.length > 0, 20_000);
    assert.deepEqual(broken.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['import-unreadable', 1, 0]]);
    assert.match(broken.diagnostics[0].message, /broken\.json is not read: /);
  });
});

describe('the server with a deployed: folder that cannot be read', () => {
  let client: TestClient;
  after(async () => client.shutdown());

  it('says so on the design, as a warning, and checks it without drift', async () => {
    const dir = tempDir({ 'ppnet.config.yaml': 'deployed: no-such-exports\n', 'contoso.ppnet.yaml': CONTOSO }, 'ppnet-server-drift-');
    const uri = pathToFileURL(path.join(dir, 'contoso.ppnet.yaml')).toString();
    client = new TestClient();
    await client.initialize();
    await client.open(uri, CONTOSO);
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.codeDescription?.href]), [['cannot-read', 2, 0, 'https://github.com/ppnet/ppnet#configuration']]);
    assert.equal(
      published.diagnostics[0].message,
      `Cannot read the folder of exports no-such-exports that ${path.join(dir, 'ppnet.config.yaml')} names (deployed:): no such file or folder (ENOENT). This file is checked without drift; fix the path or the folder.`,
    );
  });
});
