/**
 * The routing fixes write what the file's own style asks for: names or values, flow or block lists,
 * and only the communities still missing. (The fixed baselines cover one case per rule; these the rest.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, ruleByCode } from '../../server/src/service';
import { doc } from '../support';

/** The titles and results of the fixes offered for the first diagnostic of `code`. */
function fixesOf(text: string, code: string): { title: string; text: string }[] {
  const service = createLanguageService();
  const document = doc(text);
  const diagnostic = service.validate(document).find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} on the text`);
  const fixes = ruleByCode(code)!.fixes!({ topology: service.getTopology(document), document, diagnostic });
  return fixes.map((fix) => ({ title: fix.title, text: TextDocument.applyEdits(document, fix.edits) }));
}

const europe = (routeFilter: string, region = 'europe') =>
  `version: 1\nenvironments:\n  prod:\n    region: ${region}\nsites:\n  hq: {}\ncircuits:\n  er:\n    site: hq\n    region: ${region}\n    environments: [prod]\n    microsoftPeering:\n      advertisedPrefixes: [203.0.113.0/29]\n${routeFilter}`;

describe('route-filter-missing-region fix', () => {
  it('adds a value to a block list of values, at its indentation', () => {
    assert.deepEqual(fixesOf(europe('      routeFilter:\n      - 12076:51002   # West Europe\n'), 'route-filter-missing-region'), [
      { title: 'Add 12076:51003 to the route filter', text: europe('      routeFilter:\n      - 12076:51002   # West Europe\n      - 12076:51003\n') },
    ]);
  });

  it('adds a name when the list mixes names and values', () => {
    assert.deepEqual(fixesOf(europe('      routeFilter: [westeurope, 12076:5060]\n', 'europe'), 'route-filter-missing-region'), [
      { title: 'Add North Europe to the route filter', text: europe('      routeFilter: [westeurope, 12076:5060, North Europe]\n') },
    ]);
  });
});

describe('route-filter-unknown-community fix', () => {
  it('expands a Power Platform region id into values in a list of values', () => {
    assert.deepEqual(fixesOf(europe('      routeFilter: [europe, 12076:5060]\n'), 'route-filter-unknown-community'), [
      { title: 'Replace europe with 12076:51002 and 12076:51003', text: europe('      routeFilter: [12076:51002, 12076:51003, 12076:5060]\n') },
    ]);
  });

  it('adds only the regions still missing, and removes the id when none is', () => {
    assert.deepEqual(fixesOf(europe('      routeFilter:\n        - North Europe\n        - europe\n'), 'route-filter-unknown-community'), [
      { title: 'Replace europe with West Europe', text: europe('      routeFilter:\n        - North Europe\n        - West Europe\n') },
    ]);
    assert.deepEqual(fixesOf(europe('      routeFilter: [West Europe, europe, North Europe]\n'), 'route-filter-unknown-community'), [
      { title: 'Remove europe: its regions are already in the filter', text: europe('      routeFilter: [West Europe, North Europe]\n') },
    ]);
  });

  it('names a region whose value the catalog does not know, even in a list of values', () => {
    assert.deepEqual(fixesOf(europe('      routeFilter: [sweden, 12076:5060]\n', 'sweden'), 'route-filter-unknown-community'), [
      { title: 'Replace sweden with Sweden Central', text: europe('      routeFilter: [Sweden Central, 12076:5060]\n', 'sweden') },
    ]);
  });

  it('replaces a private-peering value with the Microsoft-peering one', () => {
    assert.deepEqual(fixesOf(europe('      routeFilter: [12076:51002, 12076:50003]\n'), 'route-filter-unknown-community'), [
      { title: 'Replace "12076:50003" with "12076:51003"', text: europe('      routeFilter: [12076:51002, 12076:51003]\n') },
    ]);
  });
});

describe('route-filter-missing fix', () => {
  it('adds the route filter to a flow map', () => {
    const text = 'version: 1\nenvironments:\n  prod: { region: unitedkingdom }\nsites:\n  hq: {}\ncircuits:\n  er:\n    site: hq\n    region: unitedkingdom\n    environments: [prod]\n    microsoftPeering: { advertisedPrefixes: [203.0.113.0/29] }\n';
    assert.deepEqual(fixesOf(text, 'route-filter-missing'), [
      {
        title: 'Add a route filter with UK South and UK West',
        text: text.replace('[203.0.113.0/29] }', '[203.0.113.0/29], routeFilter: [UK South, UK West] }'),
      },
    ]);
  });

  it('fills a routeFilter key written without a value', () => {
    assert.deepEqual(fixesOf(europe('      routeFilter:   # todo\n'), 'route-filter-missing'), [
      { title: 'Add a route filter with West Europe and North Europe', text: europe('      routeFilter: [West Europe, North Europe]   # todo\n') },
    ]);
  });
});

describe('microsoft-peering-required fix', () => {
  it('adds the NAT pool placeholder only, in a cloud whose regions ppnet does not know', () => {
    const text = 'version: 1\ncloud: gcc\nenvironments:\n  prod:\n    region: unitedstates\nsites:\n  hq: {}\ncircuits:\n  er:\n    site: hq\n    region: unitedstates\n    environments: [prod]\n';
    assert.deepEqual(fixesOf(text, 'microsoft-peering-required'), [
      {
        title: 'Add Microsoft peering to er for prod',
        text: `${text}    microsoftPeering:\n      advertisedPrefixes:\n        - 203.0.113.0/29  # your NAT pool\n`,
      },
    ]);
  });
});
