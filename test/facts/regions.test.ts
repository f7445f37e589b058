/** Facts of regions: an environment's Power Platform region, the Azure regions it runs in, region names. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPowerPlatformRegion } from '../../server/src/service/catalog/catalog';
import { datacenterRegionFit, datacenterRegionsOf, environmentRegion, homeGeopoliticalRegion, regionName, regionNames } from '../../server/src/service/facts';
import { defined, topologyOf } from './topology';

const topology = topologyOf(`version: 1
environments:
  prod: { region: europe }
  written: { region: europe, datacenterRegions: [North Europe, atlantis, northeurope] }
  azure: { region: westeurope }
  unknown: { region: atlantis, datacenterRegions: [uksouth] }
  none: {}
`);
const environment = (id: string) => defined(topology.environments, id);
const europe = findPowerPlatformRegion('europe')!;

describe('facts: regions', () => {
  it("gives an environment's Power Platform region when its region names one", () => {
    assert.equal(environmentRegion(environment('prod'))?.id, 'europe');
    assert.equal(environmentRegion(environment('azure')), undefined);
    assert.equal(environmentRegion(environment('none')), undefined);
  });

  it('gives the datacenter regions an environment writes (known ones, each once), else its region pair', () => {
    assert.deepEqual(datacenterRegionsOf(environment('prod')), ['westeurope', 'northeurope']);
    assert.deepEqual(datacenterRegionsOf(environment('written')), ['northeurope']);
    assert.deepEqual(datacenterRegionsOf(environment('unknown')), ['uksouth']);
    assert.deepEqual(datacenterRegionsOf(environment('azure')), []);
  });

  it('places an Azure region against a Power Platform region: the known pair, its geopolitical region, or elsewhere', () => {
    assert.equal(datacenterRegionFit(europe, 'northeurope'), 'known');
    assert.equal(datacenterRegionFit(europe, 'francecentral'), 'unconfirmed');
    assert.equal(datacenterRegionFit(europe, 'eastus'), 'elsewhere');
    assert.equal(homeGeopoliticalRegion(europe), 'Europe');
  });

  it("names Azure regions by their display name, and ids the catalog does not know as written", () => {
    assert.equal(regionName('westeurope'), 'West Europe');
    assert.deepEqual(regionNames(['uksouth', 'atlantis']), ['UK South', 'atlantis']);
  });
});
