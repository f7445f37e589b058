/** The catalog's lookups: ids, display names in any case, the routing page's names, community values. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findAzureRegion,
  findConnector,
  findPowerPlatformRegion,
  geographyOf,
  powerPlatformRegionsContaining,
  resolveRouteFilterEntry,
  sourceUrl,
} from '../../server/src/service/catalog/catalog';

describe('catalog lookups', () => {
  it('finds Power Platform regions by id or display name, ignoring case, spaces and hyphens', () => {
    for (const text of ['unitedkingdom', 'United Kingdom', 'UNITED-KINGDOM', 'united kingdom']) {
      assert.equal(findPowerPlatformRegion(text)?.id, 'unitedkingdom', text);
    }
    assert.equal(findPowerPlatformRegion('westeurope'), undefined, 'an Azure region is not a Power Platform region');
  });

  it('finds Azure regions by id, display name, the routing page word order and community value', () => {
    for (const text of ['southindia', 'South India', 'india south', 'India-South', '12076:51019']) {
      assert.equal(findAzureRegion(text)?.id, 'southindia', text);
    }
    assert.equal(findAzureRegion('europe'), undefined, 'a Power Platform region is not an Azure region');
  });

  it('knows each region\'s datacenter pair and geography', () => {
    const europe = findPowerPlatformRegion('europe')!;
    assert.deepEqual(europe.datacenterRegions, ['westeurope', 'northeurope']);
    assert.deepEqual(geographyOf(findPowerPlatformRegion('australia')!), ['australiaeast', 'australiasoutheast', 'australiacentral']);
    assert.deepEqual(powerPlatformRegionsContaining('uaecentral').map((r) => r.id), ['unitedarabemirates']);
  });

  it('classifies route filter entries', () => {
    assert.deepEqual(kind('West Europe'), ['region', 'westeurope', '12076:51002']);
    assert.deepEqual(kind('12076:51003'), ['region', 'northeurope', '12076:51003']);
    assert.deepEqual(kind('Exchange Online'), ['service', '12076:5010']);
    assert.deepEqual(kind('12076:5040'), ['service', '12076:5040']);
    assert.deepEqual(kind('12076:50003'), ['private-peering', 'northeurope']);
    assert.deepEqual(kind('12076:51105'), ['sovereign', '12076:51105']);
    assert.deepEqual(kind('europe'), ['power-platform-region', 'europe']);
    assert.deepEqual(kind('Sweden Central'), ['region-unknown-community', 'swedencentral']);
    assert.deepEqual(kind('12076:99999'), ['unknown']);
    assert.deepEqual(kind('Atlantis'), ['unknown']);
  });

  it('never invents a community value the catalog does not have', () => {
    assert.equal(findAzureRegion('swedencentral')?.microsoftPeeringCommunity, null);
  });

  it('finds connectors by id or display name and resolves source keys to URLs', () => {
    assert.equal(findConnector('SQL Server')?.id, 'sql-server');
    assert.equal(findConnector('salesforce')?.target, 'third-party');
    assert.equal(sourceUrl('routing'), 'https://learn.microsoft.com/azure/expressroute/expressroute-routing');
  });
});

function kind(text: string): string[] {
  const entry = resolveRouteFilterEntry(text);
  switch (entry.kind) {
    case 'region':
      return [entry.kind, entry.region.id, entry.community];
    case 'region-unknown-community':
      return [entry.kind, entry.region.id];
    case 'service':
      return [entry.kind, entry.service.value ?? entry.service.name];
    case 'private-peering':
      return [entry.kind, entry.region?.id ?? entry.value];
    case 'sovereign':
      return [entry.kind, entry.value];
    case 'power-platform-region':
      return [entry.kind, entry.region.id];
    default:
      return [entry.kind];
  }
}
