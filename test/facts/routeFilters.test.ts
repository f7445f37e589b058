/** Facts of route filters: what a circuit's filter carries and what its environments need. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  carriedRoutes,
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
