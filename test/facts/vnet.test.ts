/** Facts of Virtual Network support: a policy's environments, regions, addresses and private-peering links, and the connectors that run in its subnets. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addressesNeeded,
  allPolicyVnets,
  connectorPolicy,
  connectorVnetSupport,
  policiesOfVnet,
  policyEnvironments,
  policyRegions,
  policyVnets,
  prefixFitting,
  privatePeeringLinks,
  regionCoverage,
  runsInSubnet,
  subnetCidr,
  usableAddresses,
  vnetPathPolicy,
  vnetRegionsNeeded,
  vnetRoute,
} from '../../server/src/service/facts';
import { parseCidr } from '../../server/src/service/syntax/cidr';
import { defined, topologyOf } from './topology';

const topology = topologyOf(`version: 1
environments:
  prod: { region: europe, enterprisePolicy: ep }
  test: { region: europe, type: sandbox, enterprisePolicy: ep }
  uk: { region: unitedkingdom, datacenterRegions: [uksouth], enterprisePolicy: ep-uk }
  plain: { region: europe }
enterprisePolicies:
  ep:
    subnets:
      - { vnet: vnet-weu, region: westeurope, cidr: 10.0.0.0/25 }
      - { vnet: vnet-fr, region: francecentral, cidr: 10.0.1.0/26 }
      - { vnet: vnet-us, region: eastus, cidr: 2001:db8::/64 }
  ep-uk:
    subnets:
      - { vnet: vnet-uk, region: uksouth }
      - { vnet: vnet-ukw, region: ukwest }
sites:
  dc: {}
circuits:
  er: { site: dc, privatePeering: { vnets: [vnet-weu, vnet-other] } }
  er-lost: { site: nowhere, privatePeering: { vnets: [vnet-weu] } }
connectors:
  sql: { type: sql-server, environment: prod, via: vnet }
  files: { type: file-system, environment: prod, via: vnet }
  snow: { type: snowflake, environment: test }
  uk-sql: { type: sql-server, environment: uk, via: vnet }
  plain-sql: { type: sql-server, environment: plain }
`);
const policy = (id: string) => defined(topology.enterprisePolicies, id);
const connector = (id: string) => defined(topology.connectors, id);

describe('facts: Virtual Network support', () => {
  it("links a policy's environments, subnets, regions and virtual networks", () => {
    assert.deepEqual(policyEnvironments(topology, policy('ep')).map((e) => e.id), ['prod', 'test']);
    assert.deepEqual(policyRegions(policy('ep')), ['westeurope', 'francecentral', 'eastus']);
    assert.deepEqual(policyVnets(policy('ep')), ['vnet-weu', 'vnet-fr', 'vnet-us']);
    assert.deepEqual(allPolicyVnets(topology).map((v) => [v.vnet, v.policy.id, v.region ?? null]), [
      ['vnet-weu', 'ep', 'westeurope'],
      ['vnet-fr', 'ep', 'francecentral'],
      ['vnet-us', 'ep', 'eastus'],
      ['vnet-uk', 'ep-uk', 'uksouth'],
      ['vnet-ukw', 'ep-uk', 'ukwest'],
    ]);
    assert.deepEqual(policiesOfVnet(topology, 'vnet-uk').map((p) => p.id), ['ep-uk']);
  });

  it('needs the regions of the support table, or those an environment writes, and finds the missing and misplaced subnets', () => {
    assert.deepEqual(vnetRegionsNeeded(defined(topology.environments, 'prod')), ['westeurope', 'northeurope']);
    assert.deepEqual(vnetRegionsNeeded(defined(topology.environments, 'uk')), ['uksouth']);
    const coverage = regionCoverage(topology, policy('ep'));
    assert.deepEqual(coverage.missing.map((m) => [m.region.id, m.environments.map((e) => e.id)]), [['northeurope', ['prod', 'test']]]);
    assert.deepEqual(coverage.misplaced.map((m) => [m.subnet.vnet?.text, m.region.id, m.fit]), [
      ['vnet-fr', 'francecentral', 'outside'],
      ['vnet-us', 'eastus', 'outside'],
    ]);
    // UK West is in the United Kingdom's geography, but not among the regions uk writes.
    const uk = regionCoverage(topology, policy('ep-uk'));
    assert.deepEqual([uk.missing, uk.misplaced.map((m) => [m.subnet.vnet?.text, m.region.id, m.fit])], [[], [['vnet-ukw', 'ukwest', 'other-pair']]]);
  });

  it("needs Microsoft's estimate of addresses per environment, and sizes subnets from it", () => {
    const needed = addressesNeeded(topology, policy('ep'));
    assert.deepEqual([needed.total, needed.environments.map((e) => [e.environment.id, e.type, e.addresses])], [40, [['prod', 'production', 30], ['test', 'sandbox', 10]]]);
    const cidr = subnetCidr(policy('ep').subnets!.items[0])!;
    assert.equal(usableAddresses(cidr), 123);
    assert.equal(subnetCidr(policy('ep').subnets!.items[2]), undefined);
    assert.equal(prefixFitting(40), 26);
    assert.equal(usableAddresses((parseCidr('10.0.0.0/29') as { cidr: Parameters<typeof usableAddresses>[0] }).cidr), 3);
  });

  it("links a policy's virtual networks to a site over a circuit's private peering", () => {
    assert.deepEqual(privatePeeringLinks(topology, policy('ep')).map((l) => [l.circuit.id, l.site.id, l.vnet, l.item.text]), [['er', 'dc', 'vnet-weu', 'vnet-weu']]);
    assert.deepEqual(privatePeeringLinks(topology, policy('ep-uk')), []);
  });

  it('runs a connector in the delegated subnet when its environment has a policy and its type is on the list', () => {
    assert.deepEqual(
      ['sql', 'files', 'snow', 'uk-sql', 'plain-sql'].map((id) => [
        id,
        connectorPolicy(topology, connector(id))?.id ?? null,
        connectorVnetSupport(connector(id)),
        runsInSubnet(topology, connector(id)),
        vnetPathPolicy(topology, connector(id))?.id ?? null,
        vnetRoute(topology, connector(id))?.links.map((l) => l.circuit.id) ?? null,
      ]),
      [
        ['sql', 'ep', 'supported', true, 'ep', ['er']],
        ['files', 'ep', 'unsupported', false, null, null],
        ['snow', 'ep', 'supported', true, null, null],
        ['uk-sql', 'ep-uk', 'supported', true, 'ep-uk', null],
        ['plain-sql', null, 'supported', false, null, null],
      ],
    );
  });
});
