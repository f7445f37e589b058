/** The pieces import and drift share: bytes decoded, Azure's spellings turned into the format's, and a circuit's deployment-only issues. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  azureRegionId,
  bandwidthText,
  catalogPeeringLocation,
  circuitIssues,
  communityName,
  communityValue,
  decodeExport,
  environmentTypeOfSku,
  powerPlatformRegionId,
  skuOfTier,
} from '../../server/src/service';
import type { DeployedCircuit } from '../../server/src/service';

const JSON_TEXT = '[{"name": "Zürich €"}]';

describe('decodeExport', () => {
  const utf16le = Buffer.from(JSON_TEXT, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  const cases: [string, Buffer, string][] = [
    ['UTF-8', Buffer.from(JSON_TEXT, 'utf8'), 'utf-8'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON_TEXT, 'utf8')]), 'utf-8'],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), 'utf-16le'],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), 'utf-16be'],
    ['UTF-16 LE without a BOM', utf16le, 'utf-16le'],
    ['UTF-16 BE without a BOM', utf16be, 'utf-16be'],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(name, () => assert.deepEqual(decodeExport(bytes), { text: JSON_TEXT, encoding }));
  }
  it('says what is wrong with bytes that are no text', () => {
    assert.deepEqual(decodeExport(Buffer.from([0x7b, 0xff, 0x7d])), { problem: 'neither UTF-8 nor UTF-16 text (save the export as UTF-8)' });
    assert.deepEqual(decodeExport(Buffer.from([0x7b, 0x00, 0x00, 0x00, 0x01, 0x02, 0x7d])), { problem: 'binary content (a NUL byte at offset 1), not the JSON text of an export' });
    assert.deepEqual(decodeExport(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le.subarray(0, 5)])), { problem: 'UTF-16LE text cut in the middle of a character (an odd number of bytes)' });
  });
});

describe('spelling', () => {
  it('peering locations as the catalog spells them; none for a facility name', () => {
    assert.deepEqual(['amsterdam', 'Silicon Valley', 'Newport(Wales)', 'Equinix-Amsterdam-AM5'].map(catalogPeeringLocation), ['Amsterdam', 'Silicon Valley', 'Newport(Wales)', undefined]);
  });
  it('SKU tiers, bandwidths, environment types and regions', () => {
    assert.deepEqual(['Standard', 'Premium', 'Local', 'Basic', 'premium'].map(skuOfTier), ['standard', 'premium', 'local', undefined, 'premium']);
    assert.deepEqual([50, 500, 1000, 2000, 10000, 40000, 100000, 1500].map(bandwidthText), ['50Mbps', '500Mbps', '1Gbps', '2Gbps', '10Gbps', '40Gbps', '100Gbps', '1500Mbps']);
    assert.deepEqual(['Production', 'Sandbox', 'Trial', 'Developer', 'Default', 'Teams', 'Notebook'].map(environmentTypeOfSku), ['production', 'sandbox', 'trial', 'developer', 'default', 'teams', undefined]);
    assert.deepEqual(['West Europe', 'westeurope', 'West US 2', 'Atlantis'].map(azureRegionId), ['westeurope', 'westeurope', 'westus2', undefined]);
    assert.deepEqual(['europe', 'unitedstates', 'United States', 'westeurope'].map(powerPlatformRegionId), ['europe', 'unitedstates', 'unitedstates', undefined]);
  });
  it('communities: a value to its name and a name or value to its value', () => {
    assert.deepEqual(['12076:51002', '12076:5060', '12076:52002', '12076:50002', '12076:99999'].map(communityName), ['West Europe', 'Microsoft Entra ID', 'Azure Storage (West Europe)', 'West Europe (private peering)', undefined]);
    assert.deepEqual(['West Europe', 'westeurope', '12076:51002', 'Microsoft Entra ID', 'Azure Active Directory', '65000:1', 'nowhere'].map(communityValue), ['12076:51002', '12076:51002', '12076:51002', '12076:5060', '12076:5060', '65000:1', undefined]);
  });
});

describe('circuitIssues', () => {
  const base: DeployedCircuit = {
    kind: 'circuit',
    azureId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/expressRouteCircuits/er',
    name: 'er',
    serviceProviderProvisioningState: 'Provisioned',
    microsoftPeering: {
      state: 'Enabled',
      advertisedPrefixes: ['203.0.113.0/29'],
      advertisedPrefixesState: 'Configured',
      routeFilterId: 'rf',
      routeFilter: { kind: 'routeFilter', azureId: 'rf', name: 'rf', rules: [{ name: 'a', access: 'Allow', communities: ['12076:51002'] }], source: { file: 'f', resource: 'rf' } },
      source: { file: 'f', resource: 'p' },
    },
    privatePeering: { state: 'Enabled', virtualNetworks: [], source: { file: 'f', resource: 'q' } },
    source: { file: 'f', resource: 'er' },
  };
  it('none on a healthy circuit, nor on one without Microsoft peering', () => {
    assert.deepEqual(circuitIssues(base), []);
    assert.deepEqual(circuitIssues({ ...base, microsoftPeering: undefined }), []);
  });
  it('each issue, in a fixed order', () => {
    const sick: DeployedCircuit = {
      ...base,
      serviceProviderProvisioningState: 'NotProvisioned',
      microsoftPeering: { ...base.microsoftPeering!, state: 'Disabled', advertisedPrefixesState: 'ValidationNeeded', routeFilter: { ...base.microsoftPeering!.routeFilter!, rules: [{ name: 'd', access: 'Deny', communities: ['12076:51002'] }] } },
      privatePeering: { ...base.privatePeering!, state: 'Disabled' },
    };
    assert.deepEqual(circuitIssues(sick), [
      { code: 'circuit-not-provisioned', state: 'NotProvisioned' },
      { code: 'peering-disabled', peering: 'microsoft' },
      { code: 'peering-disabled', peering: 'private' },
      { code: 'prefix-validation-pending', state: 'ValidationNeeded', prefixes: ['203.0.113.0/29'] },
      { code: 'route-filter-no-allow', reason: 'no-allow-rule', filter: 'rf' },
    ]);
    assert.deepEqual(circuitIssues({ ...base, microsoftPeering: { ...base.microsoftPeering!, routeFilterId: undefined, routeFilter: undefined } }), [{ code: 'route-filter-no-allow', reason: 'no-filter' }]);
  });
  it('a filter that no input gave is not judged', () => {
    assert.deepEqual(circuitIssues({ ...base, microsoftPeering: { ...base.microsoftPeering!, routeFilter: undefined } }), []);
  });
});
