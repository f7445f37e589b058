/** Findings placed by what they are on (entity, keys, text), and entities digested by content. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/service';
import { doc } from '../support';

const TEXT = `version: 1
environments:
  prod:
    region: westeurope
circuits:
  er:
    region: europe
    environments: [prod]
    microsoftPeering:
      advertisedPrefixes: [203.0.113.0/29]
      routeFilter: [West Europe, North Europe, West Europe]
colour: blue
`;

describe('placeFindings', () => {
  it("gives each finding its entity, the keys below the entity (list items as []) and the text it is on, in the diagnostics' order", () => {
    const service = createLanguageService();
    const document = doc(TEXT);
    const diagnostics = service.validate(document);
    const places = service.placeFindings(document, diagnostics);
    assert.deepEqual(
      diagnostics.map((d, i) => [String(d.code), places[i]]),
      [
        ['unknown-region', { entity: 'environment:prod', path: ['region'], text: 'westeurope' }],
        // The circuit lacks its required site: said on its key.
        ['schema', { entity: 'circuit:er', path: [], text: 'er' }],
        ['route-filter-duplicate', { entity: 'circuit:er', path: ['microsoftPeering', 'routeFilter', '[]'], text: 'West Europe' }],
        ['unknown-key', { path: ['colour'], text: 'colour' }],
      ],
    );
  });

  it('places a finding on an entity key in that entity with no keys below it', () => {
    const service = createLanguageService();
    const document = doc('version: 1\nsites:\n  lonely:\n    internet: allowed\n');
    const diagnostics = service.validate(document).filter((d) => d.code === 'unused-entity');
    assert.deepEqual(service.placeFindings(document, diagnostics), [{ entity: 'site:lonely', path: [], text: 'lonely' }]);
  });
});

describe('digestEntities', () => {
  it('gives every entity its node id, label and content as data, comments and layout aside', () => {
    const service = createLanguageService();
    const a = service.digestEntities(doc('version: 1\nsites:\n  hq:\n    name: HQ   # the head office\n    addressSpace: [10.0.0.0/16]\n'));
    const b = service.digestEntities(doc('version: 1\nsites:\n  hq:\n    addressSpace:\n      - 10.0.0.0/16\n    name: "HQ"\n'));
    assert.deepEqual(a, [{ node: 'site:hq', kind: 'site', id: 'hq', label: 'HQ', content: { name: 'HQ', addressSpace: ['10.0.0.0/16'] } }]);
    assert.deepEqual(b.map((e) => e.content), [{ addressSpace: ['10.0.0.0/16'], name: 'HQ' }]);
  });
});
