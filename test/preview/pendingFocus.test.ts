/** The focus a code lens asked for, on the extension's side: posted after each graph until the page says it took it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PendingFocus } from '../../client/src/preview/pendingFocus';

const CONTOSO = 'file:///contoso.ppnet.yaml';
const OTHER = 'file:///other.ppnet.yaml';

describe('pending focus', () => {
  it('is posted after every graph of its file until the page takes it, and not for another file', () => {
    const pending = new PendingFocus();
    assert.equal(pending.messageFor(CONTOSO), undefined);
    pending.ask(CONTOSO, 'circuit:er-ams');
    const message = { type: 'focus', uri: CONTOSO, node: 'circuit:er-ams', request: 1 };
    assert.deepEqual(pending.messageFor(CONTOSO), message);
    assert.equal(pending.messageFor(OTHER), undefined);
    // A page that drew something else meanwhile, or reloaded, gets it again after the next graph.
    assert.deepEqual(pending.messageFor(CONTOSO), message);
    pending.taken(1);
    assert.equal(pending.messageFor(CONTOSO), undefined);
  });

  it('keeps a newer focus when the page answers an older one', () => {
    const pending = new PendingFocus();
    pending.ask(CONTOSO, 'circuit:er-ams');
    pending.ask(CONTOSO, 'gateway:gw-ams');
    pending.taken(1);
    assert.deepEqual(pending.messageFor(CONTOSO), { type: 'focus', uri: CONTOSO, node: 'gateway:gw-ams', request: 2 });
    pending.taken(2);
    assert.equal(pending.messageFor(CONTOSO), undefined);
  });
});
