/** The real server over JSON-RPC (spawned, stdio): open, change and close a document. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './lspClient';

const URI = 'file:///virtual/live.ppnet.yaml';
const TEXT = `version: 1
environments:
  prod:
    region: westeurope
`;

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    const init = await client.initialize();
    assert.equal(init.capabilities.textDocumentSync, 2);
  });
  after(async () => client.shutdown());

  it('publishes diagnostics on open, on change and clears them on close', async () => {
    await client.open(URI, TEXT);
    const opened = await client.diagnostics(URI, (p) => p.version === 1);
    assert.deepEqual(
      opened.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.codeDescription?.href]),
      [['unknown-region', 3, 12, 22, 'https://learn.microsoft.com/power-automate/regions-overview']],
    );
    assert.match(opened.diagnostics[0].message, /did you mean europe\?/);

    // Replace "westeurope" with "europe": the diagnostic goes away.
    await client.change(URI, 2, [{ range: { start: { line: 3, character: 12 }, end: { line: 3, character: 22 } }, text: 'europe' }]);
    const changed = await client.diagnostics(URI, (p) => p.version === 2);
    assert.deepEqual(changed.diagnostics, []);

    // Break the YAML: a syntax error at its place.
    await client.change(URI, 3, [{ range: { start: { line: 3, character: 12 }, end: { line: 3, character: 18 } }, text: '[europe' }]);
    const broken = await client.diagnostics(URI, (p) => p.version === 3);
    assert.ok(broken.diagnostics.some((d) => d.code === 'yaml-syntax'), JSON.stringify(broken.diagnostics));

    client.clearPublished();
    await client.close(URI);
    const closed = await client.diagnostics(URI);
    assert.deepEqual(closed.diagnostics, []);
  });
});
