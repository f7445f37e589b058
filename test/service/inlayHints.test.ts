/** Inlay hints in-process: each part's exact labels and positions, the parts off, and only the asked range. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InlayHint, Range } from 'vscode-languageserver-types';
import { createLanguageService, InlayHintParts, NO_INLAY_HINTS } from '../../server/src/service';
import { doc } from '../support';

const TEXT = `version: 1
environments:
  prod:
    region: europe
    type: production
  us:
    region: unitedstates
    datacenterRegions: [centralus, eastus2]
  lost:
    region: atlantis
sites:
  hq:
    internet: allowed
circuits:
  er-ams:
    site: hq
    peeringLocation: Amsterdam
    sku: standard
    environments: [prod]
    microsoftPeering:
      routeFilter:
        - 12076:51002
        - North Europe
        - "12076:5060"
        - Microsoft Entra ID
        - 12076:52002
        - 12076:99999
  er-bru:
    site: hq
    peeringLocation: Brussels
    environments: [us]
    microsoftPeering:
      routeFilter: [12076:51004, West US]
  er-por:
    site: hq
    peeringLocation: Portland
  er-atl:
    site: hq
    peeringLocation: Atlanta
enterprisePolicies:
  pol:
    subnets:
      - { vnet: v1, region: westeurope, cidr: 10.0.0.0/24 }
      - vnet: v2
        region: northeurope
        cidr: 10.0.1.0/27
      - { vnet: v3, region: northeurope, cidr: "fd00::/64" }
`;

const ALL: InlayHintParts = { communities: true, environmentRegions: true, peeringLocations: true, subnetAddresses: true };
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } };
const service = createLanguageService();

/** Each hint as "line:column label" (1-based), with the text it follows checked. */
function hints(parts: InlayHintParts, range = WHOLE, text = TEXT): string[] {
  const lines = text.split('\n');
  return service.getInlayHints(doc(text), range, parts).map((hint: InlayHint) => {
    assert.equal(hint.paddingLeft, true);
    assert.equal(typeof hint.label, 'string');
    const before = lines[hint.position.line].slice(0, hint.position.character);
    return `${hint.position.line + 1}:${hint.position.character + 1} ${before.trim()} → ${hint.label as string}`;
  });
}

describe('inlay hints', () => {
  it('give every part, after its value, in file order', () => {
    assert.deepEqual(hints(ALL), [
      '4:19 region: europe → westeurope + northeurope',
      // The datacenter regions the file names win over the region's default pair, as the rules read them.
      '7:25 region: unitedstates → centralus + eastus2',
      '17:31 peeringLocation: Amsterdam → Europe · Local: westeurope',
      '22:22 - 12076:51002 → West Europe',
      '23:23 - North Europe → 12076:51003',
      '24:23 - "12076:5060" → Microsoft Entra ID',
      '25:29 - Microsoft Entra ID → 12076:5060',
      '26:22 - 12076:52002 → Azure Storage in West Europe',
      // Brussels: no geopolitical region stated and no Local regions: nothing to say.
      '33:32 routeFilter: [12076:51004 → East US',
      '33:41 routeFilter: [12076:51004, West US → 12076:51006',
      '36:30 peeringLocation: Portland → Local: westus2',
      '39:29 peeringLocation: Atlanta → North America · no Local',
      '43:58 - { vnet: v1, region: westeurope, cidr: 10.0.0.0/24 → 251 usable addresses',
      '46:26 cidr: 10.0.1.0/27 → 27 usable addresses',
    ]);
  });

  it('give only the parts turned on', () => {
    assert.deepEqual(hints(NO_INLAY_HINTS), []);
    assert.deepEqual(hints({ ...NO_INLAY_HINTS, environmentRegions: true }), ['4:19 region: europe → westeurope + northeurope', '7:25 region: unitedstates → centralus + eastus2']);
    assert.deepEqual(hints({ ...NO_INLAY_HINTS, peeringLocations: true }).map((h) => h.split(' ')[0]), ['17:31', '36:30', '39:29']);
    assert.deepEqual(hints({ ...NO_INLAY_HINTS, subnetAddresses: true }).map((h) => h.split(' ')[0]), ['43:58', '46:26']);
    assert.deepEqual(hints({ ...NO_INLAY_HINTS, communities: true }).map((h) => h.split(' ')[0]), ['22:22', '23:23', '24:23', '25:29', '26:22', '33:32', '33:41']);
  });

  it('give only the hints in the asked range (lines 22 to 24)', () => {
    const range: Range = { start: { line: 21, character: 0 }, end: { line: 23, character: 100 } };
    assert.deepEqual(hints(ALL, range), ['22:22 - 12076:51002 → West Europe', '23:23 - North Europe → 12076:51003', '24:23 - "12076:5060" → Microsoft Entra ID']);
  });

  it('follow an edit', () => {
    const edited = TEXT.replace('    region: europe\n', '    region: unitedkingdom\n');
    assert.deepEqual(hints({ ...NO_INLAY_HINTS, environmentRegions: true }, WHOLE, edited)[0], '4:26 region: unitedkingdom → uksouth + ukwest');
  });
});
