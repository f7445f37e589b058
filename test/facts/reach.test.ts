/** Facts of reach: what a circuit reaches from its peering location with its SKU. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPeeringLocation } from '../../server/src/service/catalog/catalog';
import { circuitReaches, outOfReach, reachBasis, reachOf, skuOf, skuReaching } from '../../server/src/service/facts';
import { defined, topologyOf } from './topology';

const topology = topologyOf(`version: 1
environments:
  eu: { region: europe }
  us: { region: unitedstates }
circuits:
  local: { peeringLocation: Amsterdam, sku: local, environments: [eu, us, eu, ghost] }
  standard: { peeringLocation: amsterdam, sku: " Standard ", environments: [eu, us] }
  premium: { peeringLocation: Amsterdam, sku: premium, environments: [us] }
  vague: { peeringLocation: Atlantis, sku: standard, environments: [us] }
`);
const circuit = (id: string) => defined(topology.circuits, id);
const amsterdam = findPeeringLocation('Amsterdam')!;

describe('facts: reach', () => {
  it('reads the SKU and the peering location the catalog knows', () => {
    assert.equal(skuOf(circuit('standard')), 'standard');
    assert.deepEqual(reachBasis(circuit('local')), { location: amsterdam, sku: 'local' });
    assert.equal(reachBasis(circuit('vague')), undefined);
  });

  it('reaches the local regions (Local), the geopolitical region (Standard), or every region (Premium)', () => {
    assert.equal(reachOf({ location: amsterdam, sku: 'local' }, 'westeurope'), 'reachable');
    assert.equal(reachOf({ location: amsterdam, sku: 'local' }, 'northeurope'), 'unreachable');
    assert.equal(reachOf({ location: amsterdam, sku: 'standard' }, 'northeurope'), 'reachable');
    assert.equal(reachOf({ location: amsterdam, sku: 'standard' }, 'eastus'), 'unreachable');
    assert.equal(reachOf({ location: amsterdam, sku: 'premium' }, 'eastus'), 'reachable');
    assert.equal(circuitReaches(circuit('vague'), 'eastus'), 'unknown');
    assert.equal(skuReaching(amsterdam, ['westeurope', 'northeurope']), 'standard');
    assert.equal(skuReaching(amsterdam, ['westeurope', 'eastus']), 'premium');
  });

  it('lists each served environment, once, that runs where the circuit cannot reach', () => {
    const rows = (id: string) => outOfReach(topology, circuit(id)).map((o) => [o.environment.id, o.item.text, o.regions, o.basis.sku]);
    assert.deepEqual(rows('local'), [
      ['eu', 'eu', ['northeurope'], 'local'],
      ['us', 'us', ['eastus', 'westus'], 'local'],
    ]);
    assert.deepEqual(rows('standard'), [['us', 'us', ['eastus', 'westus'], 'standard']]);
    assert.deepEqual(rows('premium'), []);
    assert.deepEqual(rows('vague'), []);
  });
});
