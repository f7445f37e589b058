/**
 * `readDeployed` on every documented shape, the joins, and hostile inputs: exact estates and exact
 * findings (code, severity, file, message); the same estate for the inputs in any order.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { decodeExport, readDeployed } from '../../server/src/service';
import type { DeployedEstate, DeployedInput } from '../../server/src/service';
import { ROOT } from '../support';
import { generateEstate } from './estate';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'deployed');

function inputsOf(name: string): DeployedInput[] {
  const folder = path.join(FIXTURES, name);
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const decoded = decodeExport(fs.readFileSync(path.join(folder, f)));
      assert.ok('text' in decoded, f);
      return { file: f, text: decoded.text };
    });
}

/** The estate as plain JSON (sets as sorted arrays) for deep comparison. */
function plain(estate: DeployedEstate): unknown {
  return JSON.parse(JSON.stringify({ ...estate, covered: [...estate.covered].sort() }));
}

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net/providers/Microsoft.Network';
const read = (text: string, file = 'in.json') => readDeployed([{ file, text }]);

describe('readDeployed: the fixtures', () => {
  it("Contoso: every shape read and joined", () => {
    const estate = readDeployed(inputsOf('contoso'));
    assert.deepEqual(estate.findings, []);
    assert.deepEqual([...estate.covered].sort(), ['circuit', 'connection', 'environment', 'gatewayCluster', 'routeFilter', 'virtualNetwork', 'virtualNetworkGateway']);
    assert.deepEqual(
      estate.circuits.map((c) => [c.name, c.peeringLocation, c.skuTier, c.bandwidthMbps, c.microsoftPeering?.advertisedPrefixes, c.microsoftPeering?.routeFilter?.name, c.privatePeering?.virtualNetworks.map((n) => n.name)]),
      [
        ['er-ams', 'Amsterdam', 'Standard', 1000, ['203.0.113.0/29'], 'rf-ams', ['hub-vnet']],
        ['er-sea', 'Seattle', 'Premium', 500, ['203.0.113.64/29'], 'rf-sea', undefined],
      ],
    );
    assert.deepEqual(
      estate.environments.map((e) => [e.displayName, e.azureId, e.region, e.azureRegion, e.environmentSku, e.managed]),
      [
        ['Contoso Development', '2a9b8c7d-6e5f-4a3b-8c1d-0e9f8a7b6c5d', 'europe', 'northeurope', 'Sandbox', false],
        ['Contoso Production', '8d2f7c1a-4b3e-4f5d-9a6c-1e2d3f4a5b6c', 'europe', 'westeurope', 'Production', false],
        ['Fabrikam US Operations', 'c4e5f6a7-b8c9-4d0e-a1f2-3b4c5d6e7f80', 'unitedstates', 'eastus', 'Production', false],
      ],
    );
    assert.deepEqual(
      estate.gatewayClusters.map((g) => [g.name, g.region, g.members]),
      [
        ['Amsterdam gateway cluster', 'West Europe', ['gw-ams-02', 'gw-ams-01']],
        ['gw-dub', 'North Europe', ['gw-dub-01', 'gw-dub-02']],
        ['gw-sea', 'West US', ['gw-sea-01', 'gw-sea-02', 'gw-sea-03']],
      ],
    );
  });

  it('Northwind: a Direct circuit from PowerShell, private peering through the gateways\' IP configurations, the policy\'s subnets', () => {
    const estate = readDeployed(inputsOf('northwind'));
    assert.deepEqual(estate.findings, []);
    const [circuit] = estate.circuits;
    assert.deepEqual([circuit.name, circuit.peeringLocation, circuit.skuTier, circuit.bandwidthMbps, circuit.expressRoutePortId?.endsWith('/expressRoutePorts/nw-direct-ams')], ['er-nw', undefined, 'Standard', 10000, true]);
    assert.deepEqual(circuit.microsoftPeering?.routeFilter?.rules, [{ name: 'europe', access: 'Allow', communities: ['12076:51003', '12076:51002'] }]);
    assert.deepEqual(circuit.privatePeering?.virtualNetworks.map((n) => [n.name, n.location, n.onlyId]), [['nw-pp-neu', 'northeurope', undefined], ['nw-pp-weu', 'westeurope', undefined]]);
    const [policy] = estate.enterprisePolicies;
    assert.deepEqual([policy.name, policy.location, policy.policyKind, policy.subnets.map((s) => [s.subnetName, s.virtualNetwork?.name, s.virtualNetwork?.subnets.find((x) => x.name === s.subnetName)?.addressPrefixes])], [
      'ep-eu',
      'europe',
      'NetworkInjection',
      [
        ['powerplatform', 'nw-pp-weu', ['10.40.0.0/25']],
        ['powerplatform', 'nw-pp-neu', ['10.41.0.0/25']],
      ],
    ]);
    assert.deepEqual(estate.environments.map((e) => [e.displayName, e.managed, e.enterprisePolicyId === policy.azureId]), [['Northwind Production', true, true], ['Northwind Test', true, true]]);
  });

  it('the same estate for the inputs in any order', () => {
    for (const name of ['contoso', 'northwind']) {
      const inputs = inputsOf(name);
      const expected = plain(readDeployed(inputs));
      assert.deepEqual(plain(readDeployed([...inputs].reverse())), expected);
      assert.deepEqual(plain(readDeployed([...inputs.slice(3), ...inputs.slice(0, 3)])), expected);
    }
  });
});

describe('readDeployed: shapes', () => {
  const circuit = { id: `${SUB}/expressRouteCircuits/er-x`, name: 'er-x', type: 'Microsoft.Network/expressRouteCircuits', sku: { tier: 'Local' }, serviceProviderProperties: { peeringLocation: 'Paris', bandwidthInMbps: 50 } };

  it('an object, an array, a value list, a Resource Graph answer and its table form, lists of lists', () => {
    const texts = [
      JSON.stringify(circuit),
      JSON.stringify([circuit]),
      JSON.stringify({ value: [circuit], nextLink: null }),
      JSON.stringify({ count: 1, data: [circuit], skip_token: null }),
      JSON.stringify({ totalRecords: 1, data: { columns: [{ name: 'id', type: 'string' }, { name: 'name', type: 'string' }, { name: 'type', type: 'string' }, { name: 'sku', type: 'object' }, { name: 'properties', type: 'object' }], rows: [[circuit.id, 'er-x', 'microsoft.network/expressroutecircuits', circuit.sku, { serviceProviderProperties: circuit.serviceProviderProperties }]] } }),
      JSON.stringify([[{ value: [circuit] }]]),
    ];
    for (const text of texts) {
      const estate = read(text);
      assert.deepEqual(estate.findings, [], text);
      assert.deepEqual(estate.circuits.map((c) => [c.name, c.skuTier, c.peeringLocation, c.bandwidthMbps]), [['er-x', 'Local', 'Paris', 50]], text);
    }
  });

  it('keys in any case, and a circuit known by its keys alone (no type, no id pattern)', () => {
    const estate = read(JSON.stringify({ ID: circuit.id, NAME: 'er-x', SKU: { TIER: 'Premium' }, SERVICEPROVIDERPROPERTIES: { PEERINGLOCATION: 'Paris', BANDWIDTHINMBPS: '100' } }));
    assert.deepEqual(estate.circuits.map((c) => [c.name, c.skuTier, c.peeringLocation, c.bandwidthMbps]), [['er-x', 'Premium', 'Paris', 100]]);
  });

  it('a Direct circuit takes its port\'s peering location when the port is given', () => {
    const direct = { id: `${SUB}/expressRouteCircuits/er-d`, sku: { tier: 'Standard' }, expressRoutePort: { id: `${SUB}/expressRoutePorts/p1` }, bandwidthInGbps: 100, serviceProviderProvisioningState: 'Provisioned' };
    const port = { id: `${SUB}/expressRoutePorts/p1`, type: 'Microsoft.Network/expressRoutePorts', properties: { peeringLocation: 'Amsterdam' } };
    const estate = readDeployed([{ file: 'c.json', text: JSON.stringify(direct) }, { file: 'p.json', text: JSON.stringify(port) }]);
    assert.deepEqual(estate.findings, []);
    assert.deepEqual([estate.circuits[0].peeringLocation, estate.circuits[0].bandwidthMbps, estate.circuits[0].name], ['Amsterdam', 100000, 'er-d']);
  });

  it('a circuit given twice is kept once, from the first input by name', () => {
    const estate = readDeployed([
      { file: 'b.json', text: JSON.stringify({ ...circuit, sku: { tier: 'Premium' } }) },
      { file: 'a.json', text: JSON.stringify(circuit) },
    ]);
    assert.deepEqual(estate.circuits.map((c) => [c.skuTier, c.source.file]), [['Local', 'a.json']]);
  });

  it('private peering through a gateway no input gives but whose subnet id names the network: known by its id only', () => {
    const gateway = { id: `${SUB}/virtualNetworkGateways/gw`, type: 'Microsoft.Network/virtualNetworkGateways', ipConfigurations: [{ subnet: { id: `${SUB}/virtualNetworks/spoke/subnets/GatewaySubnet` } }] };
    const connection = { id: `${SUB}/connections/cn`, type: 'Microsoft.Network/connections', connectionType: 'ExpressRoute', peer: { id: circuit.id }, virtualNetworkGateway1: { id: gateway.id } };
    const estate = read(JSON.stringify([circuit, gateway, connection]));
    assert.deepEqual(estate.findings, []);
    assert.deepEqual(estate.circuits[0].privatePeering?.virtualNetworks.map((n) => [n.name, n.onlyId, n.azureId]), [['spoke', true, `${SUB}/virtualNetworks/spoke`]]);
  });
});

describe('readDeployed: hostile and incomplete inputs, one finding each, the others still read', () => {
  const good = { file: 'good.json', text: JSON.stringify({ id: `${SUB}/expressRouteCircuits/ok`, type: 'Microsoft.Network/expressRouteCircuits', sku: { tier: 'Standard' }, serviceProviderProperties: { peeringLocation: 'Paris', bandwidthInMbps: 50 } }) };
  const cases: [string, string, { code: string; severity: string; message: string }][] = [
    ['empty.json', '', { code: 'import-unreadable', severity: 'error', message: 'empty.json is not read: it is empty.' }],
    ['az.json', 'ERROR: (ResourceGroupNotFound) Resource group \'net\' could not be found.\u001b[0m', { code: 'import-unreadable', severity: 'error', message: 'az.json is not read: it is not JSON: it starts with "ERROR: (ResourceGroupNotFound) Resource group \'net\' could not be found.\\x1b[0m" (the command that wrote it failed: run it again and check its output).' }],
    ['cut.json', '{"value": [{"id": "/subscriptions/x/providers/Microsoft.Network/routeFilters/rf", "name": "r', { code: 'import-unreadable', severity: 'error', message: 'cut.json is not read: the JSON stops before its end (a truncated file?).' }],
    ['comma.json', '[{"a": 1},]', { code: 'import-unreadable', severity: 'error', message: 'comma.json is not read: broken JSON (edited by hand, or two exports in one file?).' }],
    ['pkg.json', '{"name": "x", "version": "1.0.0"}', { code: 'import-unknown-shape', severity: 'warning', message: 'pkg.json holds no resource ppnet imports (object): expected ExpressRoute circuits, peerings, route filters, connections, gateways, virtual networks, Power Platform environments, enterprise policies or gateway clusters.' }],
    ['ips.json', JSON.stringify([{ id: `${SUB}/publicIPAddresses/ip1` }, { id: `${SUB}/publicIPAddresses/ip2` }]), { code: 'import-unknown-shape', severity: 'warning', message: 'ips.json holds no resource ppnet imports (microsoft.network/publicipaddresses ×2): expected ExpressRoute circuits, peerings, route filters, connections, gateways, virtual networks, Power Platform environments, enterprise policies or gateway clusters.' }],
    ['nested.json', '['.repeat(20000) + ']'.repeat(20000), { code: 'import-unknown-shape', severity: 'warning', message: 'nested.json nests lists more than 4 deep, which no export does: what is below that depth is not read.' }],
    ['noid.json', JSON.stringify({ type: 'Microsoft.Network/expressRouteCircuits', name: 'er-y' }), { code: 'import-incomplete', severity: 'warning', message: 'ExpressRoute circuit er-y has no id, which ppnet needs to join its peerings and to write azureId: it is not imported.' }],
    ['depth2.json', JSON.stringify({ Id: `${SUB}/expressRouteCircuits/er-z`, Name: 'er-z', Sku: 'Microsoft.Azure.Commands.Network.Models.PSExpressRouteCircuitSku', ServiceProviderProperties: 'Microsoft.Azure.Commands.Network.Models.PSServiceProviderProperties', Peerings: [] }), { code: 'import-incomplete', severity: 'warning', message: `ExpressRoute circuit ${SUB}/expressRouteCircuits/er-z: serviceProviderProperties is missing (PowerShell wrote it as a type name: export again with ConvertTo-Json -Depth 10).` }],
    ['partial.json', JSON.stringify({ id: `${SUB}/expressRouteCircuits/er-q`, serviceProviderProperties: { peeringLocation: 'Paris' } }), { code: 'import-incomplete', severity: 'warning', message: `ExpressRoute circuit ${SUB}/expressRouteCircuits/er-q gives no SKU tier or bandwidth: the topology has a TODO line in their places.` }],
    ['peering.json', JSON.stringify({ id: `${SUB}/expressRouteCircuits/gone/peerings/MicrosoftPeering`, peeringType: 'MicrosoftPeering', state: 'Enabled' }), { code: 'import-dangling', severity: 'warning', message: `Peering ${SUB}/expressRouteCircuits/gone/peerings/MicrosoftPeering belongs to circuit ${SUB}/expressRouteCircuits/gone, which no input gives: it is not imported (add the circuit's export).` }],
  ];
  for (const [file, text, expected] of cases) {
    it(`${file}: ${expected.code}`, () => {
      const estate = readDeployed([{ file, text }, good]);
      const findings = estate.findings.filter((f) => f.code === expected.code);
      assert.deepEqual(findings[0], { ...expected, file });
      assert.ok(estate.circuits.some((c) => c.name === 'ok'), 'the good input is still read');
    });
  }

  it('a dangling route filter and policy subnet, and a gateway nothing names: import-dangling each', () => {
    const circuitWithFilter = { id: `${SUB}/expressRouteCircuits/er-f`, type: 'Microsoft.Network/expressRouteCircuits', peerings: [{ name: 'MicrosoftPeering', peeringType: 'MicrosoftPeering', routeFilter: { id: `${SUB}/routeFilters/missing` } }] };
    const connection = { id: `${SUB}/connections/cn`, type: 'Microsoft.Network/connections', connectionType: 'ExpressRoute', peer: { id: circuitWithFilter.id }, virtualNetworkGateway1: { id: `${SUB}/virtualNetworkGateways/nowhere` } };
    const policy = { id: '/subscriptions/s/resourceGroups/pp/providers/Microsoft.PowerPlatform/enterprisePolicies/ep', kind: 'NetworkInjection', location: 'europe', properties: { networkInjection: { virtualNetworks: [{ id: `${SUB}/virtualNetworks/absent`, subnet: { name: 'pp' } }] } } };
    const estate = read(JSON.stringify([circuitWithFilter, connection, policy]), 'mixed.json');
    const dangling = estate.findings.filter((f) => f.code === 'import-dangling');
    assert.deepEqual(
      dangling.map((f) => f.message),
      [
        `Circuit er-f's Microsoft peering names route filter ${SUB}/routeFilters/missing, which no input gives: ppnet cannot tell its communities (add the output of az network route-filter list).`,
        `Connection ${SUB}/connections/cn links circuit er-f to gateway ${SUB}/virtualNetworkGateways/nowhere, which no input gives and no virtual network's GatewaySubnet names: ppnet cannot tell which virtual network private peering reaches (add the output of az network vnet list).`,
        `Enterprise policy ep delegates subnet pp of virtual network ${SUB}/virtualNetworks/absent, which no input gives: ppnet cannot write its region and cidr (add the output of az network vnet list).`,
      ],
    );
    assert.ok(dangling.every((f) => f.severity === 'warning' && f.file === 'mixed.json'));
  });
});

describe('readDeployed: a large export', () => {
  it('reads a generated export of more than 50 MB whole (its speed is measured by npm run bench -- deployed)', () => {
    const text = generateEstate(14_000);
    assert.ok(text.length > 50 * 1024 * 1024, `${text.length} characters`);
    const estate = read(text, 'large.json');
    assert.deepEqual(estate.findings, []);
    assert.equal(estate.circuits.length, 14_000);
    assert.equal(estate.environments.length, 14_000);
    assert.equal(estate.circuits.filter((c) => c.microsoftPeering?.routeFilter && c.privatePeering?.virtualNetworks.length === 1).length, 14_000);
  });
});
