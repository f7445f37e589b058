/** Facts of gateways and connectors: where a gateway's region sits for its environments, where a connector goes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPowerPlatformRegion } from '../../server/src/service/catalog/catalog';
import { catalogConnector, connectorTarget, gatewayFit, gatewayUses, microsoftPeeringCircuitsAtSite } from '../../server/src/service/facts';
import { defined, topologyOf } from './topology';

const topology = topologyOf(`version: 1
environments:
  prod: { region: europe }
  uk: { region: unitedkingdom }
  lost: { region: atlantis }
sites:
  hq: {}
circuits:
  er-a: { site: hq, microsoftPeering: {} }
  er-b: { site: hq }
  er-c: { site: hq, microsoftPeering: { routeFilter: [West Europe] } }
gateways:
  gw: { site: hq, region: westeurope }
  nowhere: { site: hq, region: atlantis }
connectors:
  a: { type: sql-server, environment: prod, gateway: gw }
  b: { type: file-system, environment: prod, gateway: gw }
  c: { type: sql-server, environment: uk, gateway: gw }
  d: { type: sql-server, environment: lost, gateway: gw }
  e: { type: sql-server, environment: prod, gateway: nowhere }
  api: { type: custom, environment: prod, gateway: gw }
  web: { type: custom, environment: prod }
  crm: { type: salesforce, environment: prod, target: on-premises }
  odd: { type: mystery, environment: prod }
`);
const connector = (id: string) => defined(topology.connectors, id);

describe('facts: gateways and connectors', () => {
  it("fits a gateway's region to a geography: listed, a datacenter region the list leaves out, outside, or unknown", () => {
    assert.equal(gatewayFit('northeurope', findPowerPlatformRegion('europe')!), 'listed');
    assert.equal(gatewayFit('southafricawest', findPowerPlatformRegion('southafrica')!), 'datacenter-unlisted');
    assert.equal(gatewayFit('eastus', findPowerPlatformRegion('europe')!), 'outside');
    assert.equal(gatewayFit('swedencentral', findPowerPlatformRegion('sweden')!), 'listed');
    assert.equal(gatewayFit('westeurope', findPowerPlatformRegion('sweden')!), 'unknown');
  });

  it('uses a gateway once per environment (of a known region) whose connectors name it', () => {
    assert.deepEqual(
      gatewayUses(topology).map((u) => [u.gateway.id, u.azure.id, u.environment.id, u.region.id, u.connectors.map((c) => c.id), u.fit]),
      [
        ['gw', 'westeurope', 'prod', 'europe', ['a', 'b', 'api'], 'listed'],
        ['gw', 'westeurope', 'uk', 'unitedkingdom', ['c'], 'outside'],
      ],
    );
  });

  it('gives a site the circuits with Microsoft peering', () => {
    assert.deepEqual(microsoftPeeringCircuitsAtSite(topology, 'hq').map((c) => c.id), ['er-a', 'er-c']);
  });

  it("sends a connector where its target says, else where the catalog says (either way by its gateway), else nowhere known", () => {
    assert.deepEqual(
      ['a', 'api', 'web', 'crm', 'odd'].map((id) => [id, connectorTarget(connector(id)) ?? null, catalogConnector(connector(id))?.id ?? null]),
      [
        ['a', 'on-premises', 'sql-server'],
        ['api', 'on-premises', 'custom'],
        ['web', 'third-party', 'custom'],
        ['crm', 'on-premises', 'salesforce'],
        ['odd', null, null],
      ],
    );
  });
});
