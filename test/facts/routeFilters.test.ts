/** Facts of route filters: what a circuit's filter carries and what its environments need. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  carriedRoutes,
  filterCommunities,
  isUnknownRegionalValue,
  missingCommunities,
  neededInPublicCloud,
  regionsNeeded,
  resolvedEntries,
  servedEnvironments,
  uncarriedRegions,
  writesValues,
} from '../../server/src/service/facts';
import { defined, topologyOf } from './topology';

const text = `version: 1
environments:
  prod: { region: europe }
  uk: { region: unitedkingdom }
circuits:
  er:
    environments: [prod, uk, prod, ghost]
    microsoftPeering:
      routeFilter: [West Europe, 12076:51024, 12076:5060, UK Sooth, 12076:51999]
  values:
    microsoftPeering: { routeFilter: [12076:51002, 12076:5060] }
  local:
    peeringLocation: Amsterdam
    sku: local
    environments: [prod]
    microsoftPeering: { routeFilter: [West Europe] }
  standard:
    peeringLocation: Amsterdam
    sku: standard
    microsoftPeering: { routeFilter: [West Europe] }
`;
const topology = topologyOf(text);
const circuit = (id: string) => defined(topology.circuits, id);

describe('facts: route filters', () => {
  it('serves the environments a circuit names, each once, and needs their datacenter regions in the order met', () => {
    assert.deepEqual(servedEnvironments(topology, circuit('er')).map((e) => e.id), ['prod', 'uk']);
    assert.deepEqual(
      regionsNeeded(topology, circuit('er')).map((n) => [n.region.id, n.environment.id]),
      [
        ['westeurope', 'prod'],
        ['northeurope', 'prod'],
        ['uksouth', 'uk'],
        ['ukwest', 'uk'],
      ],
    );
    assert.deepEqual(neededInPublicCloud(topologyOf(text.replace('version: 1', 'version: 1\ncloud: gcc')), circuit('er')), []);
  });

  it("carries a region's service communities and a service without a value as services, never as the region, and exports them apart", () => {
    const mixed = topologyOf(`version: 1
environments:
  prod: { region: europe }
circuits:
  er:
    environments: [prod]
    microsoftPeering: { routeFilter: [12076:52002, 12076:53099, Azure Communication Services, Azure SIP Trunking, West Europe] }
`);
    const er = defined(mixed.circuits, 'er');
    const routes = carriedRoutes(mixed, er);
    assert.deepEqual([...routes.regions], ['westeurope']);
    assert.deepEqual([...routes.services], ['12076:52002', '12076:53099', 'Azure Communication Services', '12076:5250']);
    assert.deepEqual(routes.unknown, []);
    assert.deepEqual(missingCommunities(mixed, er).map((m) => m.community), ['12076:51003']);
    const { communities, unplaced } = filterCommunities(mixed, er);
    assert.deepEqual(communities, [
      { value: '12076:52002', names: ['Azure Storage in West Europe'] },
      { value: '12076:53099', names: [] },
      { value: '12076:5250', names: ['Microsoft PSTN services'] },
      { value: '12076:51002', names: ['West Europe'] },
    ]);
    assert.deepEqual(unplaced.map((u) => [u.item.text, u.reason]), [['Azure Communication Services', 'service-without-value']]);
  });

  it('carries the regions and services it can place, and keeps the entries it cannot', () => {
    const routes = carriedRoutes(topology, circuit('er'));
    assert.deepEqual([...routes.regions], ['westeurope', 'uksouth']);
    assert.deepEqual([...routes.services], ['12076:5060']);
    assert.deepEqual(routes.unknown.map((u) => u.item.text), ['UK Sooth', '12076:51999']);
    assert.deepEqual(resolvedEntries(circuit('values').microsoftPeering?.routeFilter).map((r) => r.entry.kind), ['region', 'service']);
    assert.equal(isUnknownRegionalValue('12076:51999', routes.unknown[1].entry), true);
    assert.equal(isUnknownRegionalValue('UK Sooth', routes.unknown[0].entry), false);
  });

  it('lacks the known communities of the needed regions it neither lists nor is out of reach of', () => {
    assert.deepEqual(missingCommunities(topology, circuit('er')), [
      { regionId: 'northeurope', community: '12076:51003', environmentId: 'prod' },
      { regionId: 'ukwest', community: '12076:51025', environmentId: 'uk' },
    ]);
    // North Europe is out of a Local circuit's reach at Amsterdam: circuit-sku-reach speaks of it, not the filter.
    assert.deepEqual(missingCommunities(topology, circuit('local')), []);
  });

  it('splits the regions a circuit does not carry into those out of reach and those not listed', () => {
    assert.deepEqual(uncarriedRegions(topology, circuit('local'), ['westeurope', 'northeurope']), { unreachable: ['northeurope'], unlisted: [] });
    assert.deepEqual(uncarriedRegions(topology, circuit('standard'), ['westeurope', 'northeurope', 'eastus']), { unreachable: ['eastus'], unlisted: ['northeurope'] });
    // A circuit whose reach ppnet does not know is never out of reach.
    assert.deepEqual(uncarriedRegions(topology, circuit('er'), ['westeurope', 'eastus']), { unreachable: [], unlisted: ['eastus'] });
  });

  it('writes values when its known communities are all written as values', () => {
    assert.equal(writesValues(circuit('values').microsoftPeering?.routeFilter), true);
    assert.equal(writesValues(circuit('er').microsoftPeering?.routeFilter), false);
    assert.equal(writesValues(undefined), false);
  });
});
