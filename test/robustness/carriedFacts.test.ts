/**
 * Facts carried over from one version to the next (facts/memo.ts, model/reads.ts) give what computing
 * them afresh gives: after every edit of random edit sequences, a service that has seen every version
 * answers as a new service that sees only the last one, for the diagnostics, the traffic of the graph,
 * the code lenses and the inlay hints, which read all the facts between them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service';
import { Read, ReadableTopology, readsHold, TRACKED_SECTIONS } from '../../server/src/service/model/reads';
import { applyEdit, editArbitrary, sampleTexts } from './randomEdits';

const URI = 'file:///carried.ppnet.yaml';
const ALL_HINTS = { communities: true, environmentRegions: true, peeringLocations: true, subnetAddresses: true };

function answers(service: ReturnType<typeof createLanguageService>, document: TextDocument) {
  const whole = { start: { line: 0, character: 0 }, end: { line: document.lineCount, character: 0 } };
  return {
    graph: service.getGraph(document),
    lenses: service.getCodeLenses(document),
    hints: service.getInlayHints(document, whole, ALL_HINTS),
  };
}

describe('facts carried over between versions', () => {
  it('answer as facts computed afresh after every edit of random edit sequences', () => {
    const samples = sampleTexts();
    let versions = 0;
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(editArbitrary, { minLength: 1, maxLength: 10 }), (sample, edits) => {
        const service = createLanguageService();
        let text = samples[sample];
        let document = TextDocument.create(URI, 'ppnet', 1, text);
        answers(service, document);
        const history: string[] = [];
        for (const change of edits) {
          text = applyEdit(text, change, history);
          document = TextDocument.create(URI, 'ppnet', document.version + 1, text);
          assert.deepEqual(answers(service, document), answers(createLanguageService(), document));
          versions++;
        }
      }),
      { numRuns: 150 },
    );
    assert.ok(versions > 500, `${versions} versions compared`);
  });

  it('checks a read once per version for all the facts and findings that share it', () => {
    const topology = (): ReadableTopology => Object.fromEntries(TRACKED_SECTIONS.map((section) => [section, new Map<string, object>()])) as unknown as ReadableTopology;
    const [first, second] = [topology(), topology()];
    const gateway = {};
    let lookups = 0;
    const index: Read = { kind: 'index', key: 'site-ams', values: [gateway], checked: 0, lookup: (t) => (lookups++, t === first ? [gateway] : []) };
    const absent: Read = { kind: 'get', section: 'gateways', id: 'gw-ams', entity: undefined, checked: 0 };
    assert.equal(readsHold(first, [index, absent]), true);
    assert.equal(readsHold(first, [absent, index]), true);
    assert.equal(lookups, 1);
    // Another version asks again, once; a changed answer stays changed for the next fact that shares the read.
    assert.equal(readsHold(second, [index]), false);
    assert.equal(readsHold(second, [absent, index]), false);
    assert.equal(lookups, 2);
    assert.equal(readsHold(first, [index]), true);
    assert.equal(lookups, 3);
  });
});
