/** The graph: nodes in their groups, edges by route, ranges, and each node's worst diagnostic. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/service';
import type { Graph } from '../../protocol/graph';
import { doc, fixture } from '../support';
import { contosoEstate } from './driftEstates';

function graphOf(text: string): Graph {
  const service = createLanguageService();
  const document = doc(text);
  return service.getGraph(document);
}

function membersByGroup(graph: Graph): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const node of graph.nodes) (groups[node.group ?? '(none)'] ??= []).push(node.severity ? `${node.id} (${node.severity})` : node.id);
  return groups;
}

const edgeRows = (graph: Graph) => graph.edges.map((e) => `${e.from} -> ${e.to} [${e.route}]`);

describe('graph of contoso.ppnet.yaml', () => {
  const graph = graphOf(fixture('..', 'examples', 'contoso.ppnet.yaml'));

  it('puts each node in its group: sites hold gateways and machines, regions their datacenters and environments', () => {
    assert.deepEqual(membersByGroup(graph), {
      'group:region:europe': ['datacenters:europe', 'environment:contoso-prod', 'environment:contoso-dev', 'connector:erp-sql', 'connector:archive-files', 'connector:crm-dataverse'],
      'group:region:unitedstates': ['datacenters:unitedstates', 'environment:fabrikam-us', 'connector:sales-salesforce', 'connector:us-oracle'],
      'group:site:ams-hq': ['site:ams-hq', 'gateway:gw-ams', 'desktopFlow:invoice-bot'],
      'group:site:dub-dc': ['site:dub-dc', 'gateway:gw-dub'],
      'group:site:sea-office': ['site:sea-office', 'gateway:gw-sea', 'desktopFlow:shipping-bot'],
      'group:edge': ['circuit:er-ams', 'circuit:er-sea'],
      'group:azure': ['azureService:orders-db'],
      'group:internet': ['cdn', 'internet', 'service:Salesforce'],
      'group:cloud': ['service-bus', 'relay'],
    });
    assert.deepEqual(
      graph.groups.map((g) => [g.id, g.kind, g.label]),
      [
        ['group:region:europe', 'region', 'Europe'],
        ['group:region:unitedstates', 'region', 'United States'],
        ['group:site:ams-hq', 'site', 'Amsterdam headquarters'],
        ['group:site:dub-dc', 'site', 'Dublin datacenter'],
        ['group:site:sea-office', 'site', 'Seattle office'],
        ['group:edge', 'edge', 'Microsoft edge'],
        ['group:azure', 'azure', 'Azure'],
        ['group:internet', 'internet', 'Public internet'],
        ['group:cloud', 'cloud', 'Microsoft cloud'],
      ],
    );
  });

  it('draws one edge per stretch of the flows, merged where flows share it', () => {
    assert.deepEqual(edgeRows(graph), [
      'site:ams-hq -> circuit:er-ams [expressroute]',
      'circuit:er-ams -> environment:contoso-prod [expressroute]',
      'circuit:er-ams -> environment:contoso-dev [expressroute]',
      'site:sea-office -> circuit:er-sea [expressroute]',
      'circuit:er-sea -> environment:fabrikam-us [expressroute]',
      'site:sea-office -> cdn [internet]',
      'environment:contoso-prod -> connector:erp-sql [microsoft-backbone]',
      'service-bus -> connector:erp-sql [microsoft-backbone]',
      'gateway:gw-ams -> circuit:er-ams [expressroute]',
      'circuit:er-ams -> service-bus [expressroute]',
      'environment:contoso-dev -> connector:archive-files [microsoft-backbone]',
      'service-bus -> connector:archive-files [microsoft-backbone]',
      'gateway:gw-dub -> internet [internet]',
      'internet -> service-bus [internet]',
      'environment:contoso-prod -> connector:crm-dataverse [microsoft-backbone]',
      'environment:fabrikam-us -> connector:sales-salesforce [microsoft-backbone]',
      'connector:sales-salesforce -> service:Salesforce [internet]',
      'environment:fabrikam-us -> connector:us-oracle [microsoft-backbone]',
      'service-bus -> connector:us-oracle [microsoft-backbone]',
      'gateway:gw-sea -> circuit:er-sea [expressroute]',
      'circuit:er-sea -> service-bus [expressroute]',
      'desktopFlow:invoice-bot -> circuit:er-ams [expressroute]',
      'circuit:er-ams -> relay [expressroute]',
      'desktopFlow:shipping-bot -> circuit:er-sea [expressroute]',
      'circuit:er-sea -> relay [expressroute]',
      'group:region:europe -> azureService:orders-db [microsoft-backbone]',
    ]);
    const shared = graph.edges.find((e) => e.from === 'site:ams-hq')!;
    assert.deepEqual(shared.flows, ['users:ams-hq:contoso-prod', 'static-content:ams-hq:contoso-prod', 'users:ams-hq:contoso-dev']);
    for (const flow of graph.flows) {
      assert.ok(flow.edges.length > 0, `${flow.id} has edges`);
      assert.ok(flow.edges.some((id) => graph.edges.find((e) => e.id === id)!.route === flow.route), `${flow.id} has an edge of its route`);
    }
  });

  it('keeps each entity node’s YAML range, its id key as the selection, and its labels', () => {
    const gateway = graph.nodes.find((n) => n.id === 'gateway:gw-ams')!;
    assert.deepEqual(gateway.range, { start: { line: 68, character: 2 }, end: { line: 73, character: 14 } });
    assert.deepEqual(gateway.selectionRange, { start: { line: 68, character: 2 }, end: { line: 68, character: 8 } });
    assert.deepEqual([gateway.caption, gateway.label, gateway.detail], ['Data gateway · gw-ams', 'Amsterdam gateway cluster', 'West Europe · 2 members']);
    const flow = graph.flows.find((f) => f.id === 'users:ams-hq:contoso-prod')!;
    assert.deepEqual([flow.fromLabel, flow.toLabel, flow.subject], ['Users at Amsterdam headquarters', 'Contoso Production', 'environment:contoso-prod']);
    assert.deepEqual(graph.counts, { error: 0, warning: 0, info: 0, hint: 0 });
  });
});

describe('graph of mistakes.ppnet.yaml', () => {
  const graph = graphOf(fixture('..', 'examples', 'mistakes.ppnet.yaml'));

  it('marks each node with its worst diagnostic; an environment of no known region stands alone', () => {
    assert.deepEqual(membersByGroup(graph), {
      '(none)': ['environment:nw-prod (error)'],
      'group:region:unitedkingdom': ['datacenters:unitedkingdom', 'environment:nw-uk (info)', 'connector:finance-sql (error)', 'connector:hr-files', 'connector:crm-salesforce (warning)'],
      'group:site:lon-hq': ['site:lon-hq', 'gateway:gw-lon (error)', 'desktopFlow:payroll-bot (error)'],
      'group:site:unused-site': ['site:unused-site (hint)'],
      'group:edge': ['circuit:er-lon (error)', 'circuit:er-idle (error)'],
      'group:azure': ['azureService:reports-db (error)'],
      'group:internet': ['cdn', 'internet', 'service:Salesforce'],
      'group:cloud': ['service-bus', 'relay'],
    });
    assert.deepEqual(graph.counts, { error: 12, warning: 4, info: 2, hint: 2 });
    const gateway = graph.nodes.find((n) => n.id === 'gateway:gw-lon')!;
    assert.deepEqual(gateway.diagnostics.map((d) => `${d.severity} ${d.code}`), ['error gateway-cross-geography', 'error gateway-route-filter', 'error gateway-tls', 'info gateway-single-member']);
  });

  it('draws routes that fail, and circuits that carry nothing at their site', () => {
    assert.deepEqual(edgeRows(graph), [
      'site:lon-hq -> environment:nw-prod [unknown]',
      'site:lon-hq -> cdn [no-route]',
      'site:lon-hq -> internet [no-route]',
      'environment:nw-uk -> connector:finance-sql [microsoft-backbone]',
      'service-bus -> connector:finance-sql [no-route]',
      'environment:nw-uk -> connector:hr-files [microsoft-backbone]',
      'service-bus -> connector:hr-files [microsoft-backbone]',
      'gateway:gw-lon -> internet [no-route]',
      'environment:nw-uk -> connector:crm-salesforce [microsoft-backbone]',
      'connector:crm-salesforce -> service:Salesforce [internet]',
      'desktopFlow:payroll-bot -> internet [no-route]',
      'group:region:unitedkingdom -> azureService:reports-db [microsoft-backbone]',
      'site:lon-hq -> circuit:er-lon [attachment]',
      'site:lon-hq -> circuit:er-idle [attachment]',
    ]);
  });
});

describe('graph of a file that does not parse', () => {
  it('draws what it can and never throws', () => {
    const graph = graphOf('version: 1\nenvironments:\n  prod: [\n');
    assert.equal(graph.title, 'test.ppnet.yaml');
    assert.ok(graph.counts.error > 0);
    assert.deepEqual(graph.edges, []);
  });
});

describe('graph of a delegated environment (northwind-vnet.ppnet.yaml)', () => {
  const graph = graphOf(fixture('..', 'examples', 'northwind-vnet.ppnet.yaml'));

  it('draws the enterprise policy in Azure, with its subnets, and the virtual-network route class', () => {
    assert.deepEqual(membersByGroup(graph)['group:azure'], ['azureService:orders-db', 'enterprisePolicy:ep-eu']);
    const policy = graph.nodes.find((n) => n.id === 'enterprisePolicy:ep-eu')!;
    assert.deepEqual([policy.caption, policy.label, policy.detail], ['Enterprise policy · delegated subnets · ep-eu', 'Europe subnet delegation', 'West Europe 10.40.0.0/25 · North Europe 10.41.0.0/25']);
    assert.deepEqual(
      edgeRows(graph).filter((e) => e.endsWith('[virtual-network]')),
      [
        'connector:erp-sql -> enterprisePolicy:ep-eu [virtual-network]',
        'enterprisePolicy:ep-eu -> circuit:er-nw [virtual-network]',
        'circuit:er-nw -> site:nw-dc [virtual-network]',
        'connector:secrets -> enterprisePolicy:ep-eu [virtual-network]',
        'connector:warehouse -> enterprisePolicy:ep-eu [virtual-network]',
        'group:region:europe -> enterprisePolicy:ep-eu [virtual-network]',
        'enterprisePolicy:ep-eu -> azureService:orders-db [virtual-network]',
      ],
    );
    const sql = graph.flows.find((f) => f.id === 'connector:erp-sql')!;
    assert.deepEqual([sql.route, sql.fromLabel, sql.toLabel, sql.circuit, sql.environment], ['virtual-network', 'Northwind Production', 'Users at Northwind datacenter', 'er-nw', 'environment:nw-prod']);
    assert.deepEqual(graph.counts, { error: 0, warning: 0, info: 1, hint: 0 });
  });
});

describe('the graph with drift', () => {
  const text = fixture('..', 'examples', 'contoso.ppnet.yaml');
  it('carries no drift without a deployed estate, nor with one that matches the design', () => {
    const service = createLanguageService();
    assert.deepEqual(service.getGraph(doc(text)).nodes.filter((n) => 'drift' in n), []);
    assert.deepEqual(service.getGraph(doc(text), { deployed: contosoEstate() }).nodes.filter((n) => 'drift' in n), []);
  });

  it('marks the node of the entity that drifted with each drift finding, beside its diagnostics', () => {
    const estate = contosoEstate();
    estate.circuits[0].skuTier = 'Premium';
    estate.gatewayClusters[2].members = ['gw-sea-01', 'gw-sea-02'];
    const graph = createLanguageService().getGraph(doc(text), { deployed: estate });
    const marked = graph.nodes.filter((n) => n.drift).map((n) => [n.id, n.severity, n.drift!.map((d) => d.code), n.diagnostics.map((d) => d.code)]);
    assert.deepEqual(marked, [
      ['circuit:er-ams', 'error', ['drift-value'], ['drift-value']],
      ['gateway:gw-sea', 'warning', ['drift-capacity'], ['drift-capacity']],
    ]);
    assert.match(graph.nodes.find((n) => n.id === 'circuit:er-ams')!.drift![0].message, /^Circuit er-ams is Premium in Azure/);
  });
});
