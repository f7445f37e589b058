/** Traffic paths: the route of every flow of the examples, and the cases that decide a route. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTopology } from '../../server/src/service/model/model';
import { parseText } from '../../server/src/service/syntax/parse';
import { legsOf } from '../../server/src/service/features/flowLegs';
import { analyzeTraffic, Flow, Hop } from '../../server/src/service/traffic';
import { fixture, validate } from '../support';

function flowsOf(text: string): readonly Flow[] {
  return analyzeTraffic(buildTopology(parseText(text)));
}

const routes = (flows: readonly Flow[]) => flows.map((f) => [f.id, f.route, f.circuit?.id ?? null]);

function hop(h: Hop): string {
  if (h.kind === 'entity') return `${h.entity}:${h.id}`;
  if (h.kind === 'service') return `service:${h.name}`;
  if (h.kind === 'region') return `region:${h.id}`;
  return h.kind;
}

const legs = (flow: Flow) => legsOf(flow).map((l) => `${hop(l.from)} > ${hop(l.to)} [${l.route}]`);

function flow(flows: readonly Flow[], id: string): Flow {
  const found = flows.find((f) => f.id === id);
  assert.ok(found, `flow ${id}`);
  return found;
}

describe('traffic of the examples', () => {
  const contoso = flowsOf(fixture('..', 'examples', 'contoso.ppnet.yaml'));
  const mistakes = flowsOf(fixture('..', 'examples', 'mistakes.ppnet.yaml'));

  it('routes every flow of contoso.ppnet.yaml', () => {
    assert.deepEqual(routes(contoso), [
      ['users:ams-hq:contoso-prod', 'expressroute', 'er-ams'],
      ['static-content:ams-hq:contoso-prod', 'expressroute', 'er-ams'],
      ['users:ams-hq:contoso-dev', 'expressroute', 'er-ams'],
      ['users:sea-office:fabrikam-us', 'expressroute', 'er-sea'],
      ['static-content:sea-office:fabrikam-us', 'internet', null],
      ['connector:erp-sql', 'expressroute', 'er-ams'],
      ['connector:archive-files', 'internet', null],
      ['connector:crm-dataverse', 'microsoft-backbone', null],
      ['connector:sales-salesforce', 'internet', null],
      ['connector:us-oracle', 'expressroute', 'er-sea'],
      ['desktop-flow:invoice-bot', 'expressroute', 'er-ams'],
      ['desktop-flow:shipping-bot', 'expressroute', 'er-sea'],
      ['azure-service:orders-db:europe', 'microsoft-backbone', null],
    ]);
  });

  it('routes every flow of mistakes.ppnet.yaml', () => {
    assert.deepEqual(routes(mistakes), [
      ['users:lon-hq:nw-prod', 'unknown', null],
      ['static-content:lon-hq:nw-prod', 'no-route', null],
      ['users:lon-hq:nw-uk', 'no-route', null],
      ['connector:finance-sql', 'no-route', null],
      ['connector:hr-files', 'no-route', null],
      ['connector:crm-salesforce', 'internet', null],
      ['desktop-flow:payroll-bot', 'no-route', null],
      ['azure-service:reports-db:unitedkingdom', 'microsoft-backbone', null],
    ]);
  });

  it('gives each flow its path, leg by leg', () => {
    assert.deepEqual(legs(flow(contoso, 'users:ams-hq:contoso-prod')), [
      'site:ams-hq > circuit:er-ams [expressroute]',
      'circuit:er-ams > environment:contoso-prod [expressroute]',
    ]);
    assert.deepEqual(legs(flow(contoso, 'connector:erp-sql')), [
      'environment:contoso-prod > connector:erp-sql [microsoft-backbone]',
      'service-bus > connector:erp-sql [microsoft-backbone]',
      'gateway:gw-ams > circuit:er-ams [expressroute]',
      'circuit:er-ams > service-bus [expressroute]',
    ]);
    assert.deepEqual(legs(flow(contoso, 'connector:archive-files')).slice(2), ['gateway:gw-dub > internet [internet]', 'internet > service-bus [internet]']);
    assert.deepEqual(legs(flow(contoso, 'connector:sales-salesforce')), [
      'environment:fabrikam-us > connector:sales-salesforce [microsoft-backbone]',
      'connector:sales-salesforce > service:Salesforce [internet]',
    ]);
    assert.deepEqual(legs(flow(contoso, 'static-content:sea-office:fabrikam-us')), ['site:sea-office > cdn [internet]']);
    assert.deepEqual(legs(flow(contoso, 'desktop-flow:invoice-bot')), ['desktopFlow:invoice-bot > circuit:er-ams [expressroute]', 'circuit:er-ams > relay [expressroute]']);
    assert.deepEqual(legs(flow(contoso, 'azure-service:orders-db:europe')), ['region:europe > azureService:orders-db [microsoft-backbone]']);
    // No route stops at the internet the traffic would need; an unknown route is drawn straight across.
    assert.deepEqual(legs(flow(mistakes, 'desktop-flow:payroll-bot')), ['desktopFlow:payroll-bot > internet [no-route]']);
    assert.deepEqual(legs(flow(mistakes, 'users:lon-hq:nw-prod')), ['site:lon-hq > environment:nw-prod [unknown]']);
  });

  it('says why, in words that name the circuit, the communities and the sites', () => {
    assert.equal(
      flow(contoso, 'users:ams-hq:contoso-prod').reason,
      'Users at site ams-hq reach environment contoso-prod over ExpressRoute circuit er-ams: its Microsoft peering route filter carries West Europe (12076:51002) and North Europe (12076:51003), the datacenter regions of Europe.',
    );
    assert.equal(
      flow(contoso, 'connector:archive-files').reason,
      'Connector archive-files reaches its on-premises source through gateway gw-dub, which connects out to Azure Service Bus in North Europe over the public internet: site dub-dc has no circuit with Microsoft peering.',
    );
    assert.equal(
      flow(mistakes, 'users:lon-hq:nw-uk').reason,
      'Users at site lon-hq cannot reach environment nw-uk: the route filter of circuit er-lon lacks UK West (12076:51025), so Microsoft does not advertise that region over it, and the site blocks the internet.',
    );
    assert.equal(
      flow(mistakes, 'connector:crm-salesforce').reason,
      "Connector crm-salesforce reaches Salesforce, which Microsoft does not run, from Microsoft's datacenters over the public internet; ExpressRoute cannot carry this traffic. The file expects ExpressRoute (via: expressroute), which this traffic does not take.",
    );
    assert.equal(flow(mistakes, 'connector:crm-salesforce').expected, 'expressroute');
    assert.equal(flow(contoso, 'users:ams-hq:contoso-prod').source, 'https://learn.microsoft.com/power-platform/guidance/expressroute/understanding-architecture');
    assert.equal(flow(contoso, 'desktop-flow:invoice-bot').source, 'https://learn.microsoft.com/power-automate/desktop-flows/pad-architecture');
  });
});

describe('what decides a route', () => {
  const base = `version: 1
environments:
  prod: { region: europe, apps: [canvas] }
sites:
  hq: { internet: allowed }
`;

  it('takes the internet when the route filter lacks one of the two datacenter regions', () => {
    const flows = flowsOf(`${base}circuits:
  er:
    site: hq
    region: europe
    environments: [prod]
    microsoftPeering: { advertisedPrefixes: [203.0.113.0/29], routeFilter: [West Europe] }
`);
    const users = flow(flows, 'users:hq:prod');
    assert.equal(users.route, 'internet');
    assert.equal(
      users.reason,
      'Users at site hq reach environment prod over the public internet: the route filter of circuit er lacks North Europe (12076:51003), so Microsoft does not advertise that region over it.',
    );
  });

  it('uses the first of several circuits at a site that carries the regions', () => {
    const flows = flowsOf(`${base}circuits:
  er-a: { site: hq, region: europe, environments: [prod] }
  er-b:
    site: hq
    region: europe
    environments: [prod]
    microsoftPeering: { advertisedPrefixes: [203.0.113.0/29], routeFilter: [12076:51002, 12076:51003] }
`);
    assert.deepEqual(routes(flows).slice(0, 2), [
      ['users:hq:prod', 'expressroute', 'er-b'],
      ['static-content:hq:prod', 'internet', null],
    ]);
  });

  it('cannot tell routes that depend on communities in a sovereign cloud', () => {
    const flows = flowsOf(`${base.replace('version: 1', 'version: 1\ncloud: gcc')}circuits:
  er:
    site: hq
    region: europe
    environments: [prod]
    microsoftPeering: { advertisedPrefixes: [203.0.113.0/29], routeFilter: [West Europe, North Europe] }
`);
    assert.equal(flow(flows, 'users:hq:prod').route, 'unknown');
    assert.match(flow(flows, 'users:hq:prod').reason, /public cloud only/);
  });

  it('routes a gateway over ExpressRoute only when its own Azure region is in the filter', () => {
    const topology = (region: string) => `${base}circuits:
  er:
    site: hq
    region: europe
    environments: [prod]
    microsoftPeering: { advertisedPrefixes: [203.0.113.0/29], routeFilter: [West Europe, North Europe] }
gateways:
  gw: { site: hq, region: ${region} }
connectors:
  sql: { type: sql-server, environment: prod, gateway: gw }
`;
    assert.equal(flow(flowsOf(topology('westeurope')), 'connector:sql').route, 'expressroute');
    assert.equal(flow(flowsOf(topology('uksouth')), 'connector:sql').route, 'internet');
    assert.equal(flow(flowsOf(topology('nowhere')), 'connector:sql').route, 'unknown');
  });

  it('has no route for a desktop flow that relays over the internet from a blocked site, and relays over ExpressRoute only with peering', () => {
    const blocked = flowsOf(`version: 1
environments:
  prod: { region: europe }
sites:
  hq: { internet: blocked }
desktopFlows:
  bot: { environment: prod, site: hq, relay: expressroute }
`);
    assert.equal(flow(blocked, 'desktop-flow:bot').route, 'no-route');
    assert.equal(
      flow(blocked, 'desktop-flow:bot').reason,
      'Desktop flow bot cannot reach Azure Relay: it relays over the internet (relay: expressroute is written, but site hq has no circuit with Microsoft peering; ExpressRoute carries the relay only over a circuit whose route filter holds the environment\'s datacenter regions), and site hq blocks the internet.',
    );
  });

  it('needs no region to send a gateway or a relay at a site without Microsoft peering to the internet, as gateway-blocked and relay-needs-microsoft-peering say', () => {
    const text = `version: 1
environments:
  prod: { region: europe }
sites:
  hq: { internet: blocked }
gateways:
  gw: { site: hq, region: nowhere }
connectors:
  sql: { type: sql-server, environment: prod, gateway: gw }
desktopFlows:
  bot: { environment: missing, site: hq, relay: expressroute }
`;
    const flows = flowsOf(text);
    assert.deepEqual(routes(flows), [
      ['connector:sql', 'no-route', null],
      ['desktop-flow:bot', 'no-route', null],
    ]);
    assert.equal(
      flow(flows, 'connector:sql').reason,
      'Connector sql cannot reach its on-premises source: gateway gw must connect out to Azure Service Bus, but site hq has no circuit with Microsoft peering, and site hq blocks the internet.',
    );
    const codes = validate(text).map((d) => d.code);
    assert.ok(codes.includes('gateway-blocked') && codes.includes('relay-needs-microsoft-peering'), codes.join(', '));
  });

  it('relays over the datacenter regions an environment writes, also when its region is unknown', () => {
    const flows = flowsOf(`version: 1
environments:
  prod: { region: atlantis, datacenterRegions: [westeurope, northeurope] }
sites:
  hq: { internet: allowed }
circuits:
  er:
    site: hq
    microsoftPeering: { advertisedPrefixes: [203.0.113.0/29], routeFilter: [West Europe, North Europe] }
desktopFlows:
  bot: { environment: prod, site: hq, relay: expressroute }
`);
    assert.deepEqual(routes(flows), [['desktop-flow:bot', 'expressroute', 'er']]);
  });

  it('names the connector whose type is unknown and the one without a gateway', () => {
    const flows = flowsOf(`version: 1
environments:
  prod: { region: europe }
connectors:
  odd: { type: mystery, environment: prod }
  sql: { type: sql-server, environment: prod }
`);
    assert.deepEqual(routes(flows), [
      ['connector:odd', 'unknown', null],
      ['connector:sql', 'no-route', null],
    ]);
    assert.equal(
      flow(flows, 'connector:sql').reason,
      'Connector sql cannot reach its on-premises source: it names no gateway, and an on-premises source is reachable only through an on-premises data gateway, with or without ExpressRoute.',
    );
  });

  it('follows what the circuit reaches: a flow over a circuit that cannot reach the region takes the route it really takes, with the reason', () => {
    const local = flowsOf(fixture('designs', 'mistakes', 'local-amsterdam-europe.ppnet.yaml'));
    assert.deepEqual(routes(local).slice(0, 1), [['users:ams:eu-prod', 'internet', null]]);
    assert.equal(
      flow(local, 'users:ams:eu-prod').reason,
      'Users at site ams reach environment eu-prod over the public internet: circuit er-ams, a local circuit at Amsterdam, cannot reach North Europe, so Microsoft never advertises that region over it.',
    );
    const london = flowsOf(fixture('designs', 'mistakes', 'standard-london-united-states.ppnet.yaml'));
    assert.match(flow(london, 'users:lon:us-prod').reason, /: circuit er-lon, a standard circuit at London, cannot reach East US and West US, so Microsoft never advertises those regions over it\.$/);
    const premium = flowsOf(fixture('designs', 'valid', 'premium-amsterdam-europe-us.ppnet.yaml'));
    assert.ok(premium.filter((f) => f.kind === 'users').every((f) => f.route === 'expressroute'));
  });

  it('sends a gateway and a relay whose regions the site\'s filter lacks where they really go, and says why', () => {
    const gateway = flowsOf(fixture('designs', 'mistakes', 'gateway-central-us-filter-east-west.ppnet.yaml'));
    assert.equal(flow(gateway, 'connector:plant-sql').route, 'no-route');
    assert.match(flow(gateway, 'connector:plant-sql').reason, /in Central US, but the route filter of circuit er-plant lacks Central US \(12076:51009\), so Microsoft does not advertise that region over it, and site plant blocks the internet\.$/);
    const relay = flowsOf(fixture('designs', 'mistakes', 'relay-filter-lacks-environment-regions.ppnet.yaml'));
    assert.equal(flow(relay, 'desktop-flow:invoice-bot').route, 'no-route');
    assert.equal(
      flow(relay, 'desktop-flow:invoice-bot').reason,
      'Desktop flow invoice-bot cannot reach Azure Relay: it relays over the internet (relay: expressroute is written, but the route filter of circuit er-plant lacks West Europe (12076:51002) and North Europe (12076:51003), so Microsoft does not advertise those regions over it; ExpressRoute carries the relay only over a circuit whose route filter holds the environment\'s datacenter regions), and site plant blocks the internet.',
    );
  });

  it('uses the datacenter regions an environment names', () => {
    const flows = flowsOf(`version: 1
environments:
  us: { region: unitedstates, datacenterRegions: [centralus, eastus2], apps: [model-driven] }
sites:
  hq: { internet: allowed }
circuits:
  er: { site: hq, region: unitedstates, environments: [us], microsoftPeering: { advertisedPrefixes: [203.0.113.0/29], routeFilter: [Central US, East US 2] } }
`);
    assert.deepEqual(routes(flows), [['users:hq:us', 'expressroute', 'er']]);
  });
});

describe('traffic of a delegated environment (Virtual Network support)', () => {
  const flows = flowsOf(fixture('..', 'examples', 'northwind-vnet.ppnet.yaml'));

  it('routes every flow of northwind-vnet.ppnet.yaml', () => {
    assert.deepEqual(routes(flows), [
      ['users:nw-dc:nw-prod', 'expressroute', 'er-nw'],
      ['static-content:nw-dc:nw-prod', 'internet', null],
      ['users:nw-dc:nw-test', 'expressroute', 'er-nw'],
      ['static-content:nw-dc:nw-test', 'internet', null],
      ['connector:erp-sql', 'virtual-network', 'er-nw'],
      ['connector:secrets', 'virtual-network', null],
      ['connector:warehouse', 'internet', null],
      ['azure-service:orders-db:europe', 'virtual-network', null],
    ]);
  });

  it('takes the on-premises connector from the environment through the delegated subnet and private peering to the site, with its reason', () => {
    const sql = flow(flows, 'connector:erp-sql');
    assert.deepEqual(legs(sql), [
      'environment:nw-prod > connector:erp-sql [microsoft-backbone]',
      'connector:erp-sql > enterprisePolicy:ep-eu [virtual-network]',
      'enterprisePolicy:ep-eu > circuit:er-nw [virtual-network]',
      'circuit:er-nw > site:nw-dc [virtual-network]',
    ]);
    assert.equal(hop(sql.to), 'site:nw-dc');
    assert.equal(sql.expected, 'virtual-network');
    assert.equal(sql.source, 'https://learn.microsoft.com/power-platform/admin/vnet-support-overview');
    assert.equal(
      sql.reason,
      'Connector erp-sql runs its calls in the delegated subnet of enterprise policy ep-eu in West Europe and North Europe and reaches its on-premises source at site nw-dc over the private peering of circuit er-nw, which links virtual networks nw-pp-weu and nw-pp-neu: no data gateway, and not Microsoft peering.',
    );
  });

  it('sends a third-party call out of the virtual network, and reaches Azure services from the subnet', () => {
    assert.deepEqual(legs(flow(flows, 'connector:warehouse')), [
      'environment:nw-test > connector:warehouse [microsoft-backbone]',
      'connector:warehouse > enterprisePolicy:ep-eu [virtual-network]',
      'enterprisePolicy:ep-eu > service:Snowflake [internet]',
    ]);
    assert.deepEqual(legs(flow(flows, 'azure-service:orders-db:europe')), [
      'region:europe > enterprisePolicy:ep-eu [virtual-network]',
      'enterprisePolicy:ep-eu > azureService:orders-db [virtual-network]',
    ]);
  });

  it('falls back to the gateway path (no route here) when no private peering links the policy\'s networks, and says via: vnet is not taken', () => {
    const text = fixture('..', 'examples', 'northwind-vnet.ppnet.yaml').replace('vnets: [nw-pp-weu, nw-pp-neu]', 'vnets: [hub]');
    const sql = flow(flowsOf(text), 'connector:erp-sql');
    assert.equal(sql.route, 'no-route');
    assert.match(sql.reason, /names no gateway/);
  });
});
