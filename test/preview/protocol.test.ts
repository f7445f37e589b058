/** What the extension accepts from the webview, what it restores, and the page's security policy. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { previewHtml } from '../../client/src/preview/html';
import { PAGE_MARKUP } from '../../webview/src/markup';
import { parseFromWebview } from '../../protocol/protocol';
import { parsePreviewState } from '../../protocol/previewState';

const URI = 'file:///work/contoso.ppnet.yaml';
const RANGE = { start: { line: 41, character: 2 }, end: { line: 48, character: 0 } };

describe('messages from the webview', () => {
  it('accepts the known messages with sound fields', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'wantGraph', graph: 'x' }), { type: 'wantGraph' });
    assert.deepEqual(parseFromWebview({ type: 'reveal', uri: URI, range: RANGE, extra: 1 }), { type: 'reveal', uri: URI, range: RANGE });
    // Only the range's positions are kept; an empty range is a place.
    const extra = { start: { ...RANGE.start, x: 1 }, end: { ...RANGE.end, y: 2 }, z: 3 };
    assert.deepEqual(parseFromWebview({ type: 'reveal', uri: URI, range: extra }), { type: 'reveal', uri: URI, range: RANGE });
    const place = { start: RANGE.start, end: RANGE.start };
    assert.deepEqual(parseFromWebview({ type: 'reveal', uri: URI, range: place }), { type: 'reveal', uri: URI, range: place });
    assert.deepEqual(parseFromWebview({ type: 'exported', format: 'svg', data: '<svg/>' }), { type: 'exported', format: 'svg', data: '<svg/>' });
    assert.deepEqual(parseFromWebview({ type: 'exported', format: 'png', data: 'data:image/png;base64,iVBORw0KGgo=' }), {
      type: 'exported',
      format: 'png',
      data: 'data:image/png;base64,iVBORw0KGgo=',
    });
    assert.deepEqual(parseFromWebview({ type: 'drawn', version: 3 }), { type: 'drawn', version: 3 });
    assert.deepEqual(parseFromWebview({ type: 'focused', request: 2, node: 'x' }), { type: 'focused', request: 2 });
  });

  it('rejects everything else', () => {
    for (const message of [
      null,
      'reveal',
      [],
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'reveal' },
      { type: 'reveal', node: 7 },
      { type: 'reveal', node: '' },
      { type: 'reveal', node: 'x'.repeat(5000) },
      { type: 'reveal', node: 'gateway:gw-ams' },
      { type: 'reveal', range: RANGE },
      { type: 'reveal', uri: '', range: RANGE },
      { type: 'reveal', uri: 7, range: RANGE },
      { type: 'reveal', uri: 'x'.repeat(5000), range: RANGE },
      { type: 'reveal', uri: URI, range: null },
      { type: 'reveal', uri: URI, range: [RANGE.start, RANGE.end] },
      { type: 'reveal', uri: URI, range: { start: RANGE.start } },
      { type: 'reveal', uri: URI, range: { start: { line: -1, character: 0 }, end: RANGE.end } },
      { type: 'reveal', uri: URI, range: { start: { line: 1.5, character: 0 }, end: RANGE.end } },
      { type: 'reveal', uri: URI, range: { start: { line: NaN, character: 0 }, end: RANGE.end } },
      { type: 'reveal', uri: URI, range: { start: RANGE.start, end: { line: Infinity, character: 0 } } },
      { type: 'reveal', uri: URI, range: { start: RANGE.start, end: { line: 2 ** 31, character: 0 } } },
      { type: 'reveal', uri: URI, range: { start: { line: '1', character: 0 }, end: RANGE.end } },
      { type: 'reveal', uri: URI, range: { start: RANGE.end, end: RANGE.start } },
      { type: 'reveal', uri: URI, range: { start: { line: 3, character: 9 }, end: { line: 3, character: 8 } } },
      { type: 'exported', format: 'exe', data: 'MZ' },
      { type: 'exported', format: 'svg', data: '<script>alert(1)</script>' },
      { type: 'exported', format: 'png', data: 'data:text/html;base64,PHNjcmlwdD4=' },
      { type: 'exported', format: 'png', data: 'data:image/png;base64,not base64!' },
      { type: 'exported', format: 'mermaid', data: '' },
      { type: 'drawn', version: -1 },
      { type: 'focused' },
      { type: 'focused', request: '2' },
      { type: 'focused', request: 1.5 },
      { type: 'focused', request: -1 },
    ]) {
      assert.equal(parseFromWebview(message), undefined, JSON.stringify(message));
    }
  });

  it('restores a sound state and drops an unsound view', () => {
    assert.deepEqual(parsePreviewState({ uri: 'file:///a.ppnet.yaml', view: { x: 1, y: 2, scale: 0.5 } }), { uri: 'file:///a.ppnet.yaml', view: { x: 1, y: 2, scale: 0.5 } });
    assert.deepEqual(parsePreviewState({ uri: 'file:///a.ppnet.yaml', view: { x: 1, y: 2, scale: -1 } }), { uri: 'file:///a.ppnet.yaml' });
    assert.equal(parsePreviewState({ view: {} }), undefined);
    assert.equal(parsePreviewState(undefined), undefined);
  });
});

describe('preview page', () => {
  it('allows only the nonce script and the extension\'s own files', () => {
    const html = previewHtml({ cspSource: 'https://ext.example', nonce: 'abc123', scriptUri: 'https://ext.example/preview.js', styleUri: 'https://ext.example/preview.css' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; script-src 'nonce-abc123'; style-src https://ext.example; img-src https://ext.example data:; font-src https://ext.example; worker-src blob:");
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="abc123" src="https://ext.example/preview.js">']);
    assert.doesNotMatch(html, /\s(style|on\w+)="/);
  });

  it('holds the page\'s markup, with no inline style, handler or script for the policy to refuse', () => {
    const html = previewHtml({ cspSource: 'https://ext.example', nonce: 'abc123', scriptUri: 'https://ext.example/preview.js', styleUri: 'https://ext.example/preview.css' });
    assert.ok(html.includes(`<body>\n${PAGE_MARKUP}<script nonce="abc123" src="https://ext.example/preview.js"></script>\n</body>`));
    assert.doesNotMatch(PAGE_MARKUP, /\s(style|on\w+)=/);
    assert.doesNotMatch(PAGE_MARKUP, /<(script|style|link|iframe|object|embed)\b/);
    for (const id of ['toolbar', 'title-text', 'counts', 'controls', 'diagram', 'matrix', 'message', 'legend', 'flows']) assert.equal(PAGE_MARKUP.split(`id="${id}"`).length, 2, id);
  });
});
