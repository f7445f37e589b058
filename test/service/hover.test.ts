/** Hover in-process, with the cursor marked `|` in the contoso example. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { Hover, MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { CONCEPTS, conceptMarkdown, schemaAt } from '../../server/src/service/features/content/docs';
import { doHover } from '../../server/src/service/features/hover';
import { doc, ROOT, positionIn } from '../support';

const CONTOSO = fs.readFileSync(path.join(ROOT, 'examples', 'contoso.ppnet.yaml'), 'utf8');
const service = createLanguageService();

/** Hover with the cursor at `marked` (one `|` in it), which must occur once in the contoso text. */
function hoverAt(marked: string, text = CONTOSO): { value: string; range: string } | null {
  const document = doc(text);
  const hover: Hover | null = service.doHover(document, positionIn(text, marked));
  if (!hover) return null;
  const r = hover.range!;
  return { value: (hover.contents as MarkupContent).value, range: `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}` };
}

const ARCH = '[Power Platform and ExpressRoute: architecture](https://learn.microsoft.com/power-platform/guidance/expressroute/understanding-architecture)';
const ROUTING = '[ExpressRoute routing requirements](https://learn.microsoft.com/azure/expressroute/expressroute-routing)';

describe('hover', () => {
  it('explains every key with its description, the concept behind it and its sources', () => {
    assert.deepEqual(hoverAt('  |gw-ams:\n    name')?.range, '69:3-69:9');
    const routeFilter = hoverAt('      route|Filter:\n        - West');
    assert.equal(
      routeFilter?.value,
      `**routeFilter**: ${schemaAt(['circuits', 'x', 'microsoftPeering', 'routeFilter'])!.description}\n\n${conceptMarkdown('routeFilter')}`,
    );
    assert.match(routeFilter!.value, /Sources: \[ExpressRoute route filters\]\(https:\/\/learn\.microsoft\.com\/azure\/expressroute\/how-to-routefilter-portal\)/);
    const concepts: [string, keyof typeof CONCEPTS][] = [
      ['|environments:\n  contoso-prod', 'environment'],
      ['    |region: europe\n    type: production\n    apps: [canvas, model-driven]\n', 'environment'],
      ['    |sku: standard', 'sku'],
      ['    |microsoftPeering:\n      advertisedPrefixes: [203.0.113.0/29]', 'peering'],
      ['    |privatePeering:', 'peering'],
      ['      |advertisedPrefixes: [203.0.113.0/29]', 'nat'],
      ['    |internetEgress: [198.51.100.0/28]', 'nat'],
      ['|gateways:', 'gateway'],
      ['    |members: [gw-ams-01, gw-ams-02]', 'cluster'],
      ['    |tls: "1.2"', 'tls'],
      ['|connectors:', 'connector'],
      ['    |cdn: false', 'cdn'],
      ['|desktopFlows:', 'desktopFlow'],
      ['    |relay: expressroute\n  shipping-bot', 'desktopFlow'],
      ['|circuits:', 'circuit'],
      ['    |region: westeurope\n    members', 'gatewayRegion'],
      ['|cloud: public', 'cloud'],
    ];
    for (const [marked, concept] of concepts) {
      const hover = hoverAt(marked);
      assert.ok(hover?.value.endsWith(conceptMarkdown(concept)), `${marked}: ${hover?.value}`);
      assert.ok(hover!.value.startsWith('**'), marked);
    }
  });

  it('summarizes an entity on its id and on a reference to it', () => {
    assert.equal(
      hoverAt('  |ams-hq:')?.value,
      `Site **ams-hq** (Amsterdam headquarters): internet blocked; circuit er-ams; gateway gw-ams; desktop flow invoice-bot.\n\n${conceptMarkdown('site')}`,
    );
    assert.deepEqual(hoverAt('    gateway: gw-|ams'), {
      value: 'Gateway **gw-ams** (Amsterdam gateway cluster): at site ams-hq; region westeurope (West Europe); 2 members; TLS 1.2; used by connector erp-sql.',
      range: '88:14-88:20',
    });
    assert.equal(
      hoverAt('    environments: [contoso-prod, |contoso-dev]')?.value,
      'Environment **contoso-dev** (Contoso Development): region europe (Europe: West Europe and North Europe); type sandbox; apps model-driven; served by circuit er-ams; connector archive-files.',
    );
    assert.equal(
      hoverAt('    |environment: contoso-prod\n    site: ams-hq')?.value.split('\n')[0],
      `**environment**: ${schemaAt(['desktopFlows', 'x', 'environment'])!.description}`,
    );
  });

  it('lists the datacenter regions and community values of a region value', () => {
    assert.deepEqual(hoverAt('    region: unitedst|ates\n    sku'), {
      value:
        '**United States** (`unitedstates`), a Power Platform region. Its scale groups run in:\n' +
        '- East US (`eastus`): Microsoft peering community 12076:51004\n' +
        '- West US (`westus`): Microsoft peering community 12076:51006\n\n' +
        'Sources: [Power Automate regions](https://learn.microsoft.com/power-automate/regions-overview), ' + ROUTING,
      range: '60:13-60:25',
    });
    assert.equal(
      hoverAt('    region: north|europe')?.value,
      '**North Europe** (`northeurope`), an Azure datacenter region.\n- Microsoft peering community: 12076:51003\n- Private peering community: 12076:50003\n' +
        '- In the geography of Power Platform region `europe`\n\n' +
        `Sources: ${ROUTING}, [Gateway data region](https://learn.microsoft.com/data-integration/gateway/service-gateway-data-region)`,
    );
  });

  it('says what a route-filter entry denotes', () => {
    const regional = hoverAt('routeFilter: [12076:51004, 12076:5100|6]');
    assert.equal(regional?.range, '66:34-66:45');
    assert.ok(regional?.value.startsWith("**12076:51006**: the Microsoft-peering community of West US (`westus`). Allowing it lets Microsoft advertise that region's prefixes on this circuit."));
    assert.equal(
      hoverAt('        - Microsoft |Entra ID')?.value,
      `**Microsoft Entra ID** (12076:5060): a service community. It carries that service's prefixes, not those of a region; Power Platform has none of its own.\n\nSources: ${ROUTING}, ${ARCH}`,
    );
    const text = CONTOSO.replace('        - North Europe  ', '        - europe        ').replace('        - Microsoft Entra ID', '        - 12076:50002');
    assert.ok(hoverAt('        - eu|rope ', text)?.value.startsWith('**europe** is a Power Platform region, not a community. A route filter lists the communities of its datacenter regions:'));
    assert.ok(hoverAt('        - 12076:5000|2', text)?.value.startsWith('**12076:50002**: a private-peering value (West Europe). Route filters apply to Microsoft peering'));
  });

  it('says what this round\'s entries denote: former and portal names, regional service and US Government communities', () => {
    const text = CONTOSO.replace('        - Microsoft Entra ID', '        - Dynamics 365').replace('        - North Europe  ', '        - 12076:52003   ');
    assert.ok(hoverAt('        - Dynamics| 365', text)?.value.startsWith('**CRM Online** (12076:5040): a service community, here by its former name Dynamics 365.'));
    assert.equal(
      hoverAt('        - 12076:5200|3', text)?.value,
      `**12076:52003**: the Azure Storage community of North Europe. It carries only Azure Storage's prefixes in that region, not the region's own community (12076:51003), which Power Platform needs.\n\nSources: ${ROUTING}`,
    );
    const sip = CONTOSO.replace('        - Microsoft Entra ID', '        - Azure SIP Trunking').replace('        - North Europe  ', '        - 12076:5160    ');
    assert.ok(hoverAt('        - Azure SIP| Trunking', sip)?.value.startsWith('**Microsoft PSTN services** (12076:5250): a service community.'));
    assert.ok(hoverAt('        - 12076:51|60', sip)?.value.startsWith('**12076:5160**: the US Government community of Microsoft Entra ID, for circuits of Azure Government'));
  });

  it('gives a connector type\'s route and gateway need, and an enumerated value\'s meaning', () => {
    assert.equal(
      hoverAt('    type: sales|force')?.value,
      `**Salesforce** (\`salesforce\`) reaches a service outside Microsoft over the public internet, never ExpressRoute; no gateway.\n\n${conceptMarkdown('connector')}`,
    );
    assert.ok(hoverAt('    type: sql-|server')?.value.startsWith('**SQL Server** (`sql-server`) reaches a source in your network through an on-premises data gateway, which it needs.'));
    assert.deepEqual(hoverAt('    internet: bl|ocked'), { value: '**blocked**: The site cannot reach the public internet: traffic that never takes ExpressRoute fails here.', range: '28:15-28:22' });
    assert.match(hoverAt('    sku: pre|mium')!.value, /^\*\*premium\*\*: Reaches every Azure region of the cloud, whatever the peering location\.\n\nCircuit er-sea, a premium circuit at Seattle, reaches the datacenter regions of the environments it serves\.\n\n/);
    assert.equal(hoverAt('    internet: bl|ocked')?.value.split('\n')[0], '**blocked**: The site cannot reach the public internet: traffic that never takes ExpressRoute fails here.');
  });

  it('describes the rule a disable comment names, and nothing where there is nothing to say', () => {
    const text = '# ppnet-disable-next-line unknown-key\nversion: 1\nname: x\n';
    assert.deepEqual(hoverAt('unknown-|key', text), {
      value: `**unknown-key** (warning by default): A key the format does not define.\n\n[Source](https://learn.microsoft.com/power-platform/guidance/expressroute/understanding-architecture)`,
      range: '1:27-1:38',
    });
    assert.equal(hoverAt('name: |x', text), null);
    assert.equal(hoverAt('    bandwidth: 1G|bps'), null);
  });

  it('explains a peering location and a SKU: what the circuit reaches from there, and whether that covers its environments', () => {
    const location = hoverAt('    peeringLocation: Amster|dam');
    assert.equal(location?.range, '44:22-44:31');
    assert.equal(
      location?.value,
      [
        '**Amsterdam**, an ExpressRoute peering location.',
        '- Geopolitical region: Europe',
        '- Local Azure regions: West Europe',
        '',
        'From here:',
        '- `local`: Reaches only West Europe, the local region of Amsterdam.',
        '- `standard`: Reaches the Azure regions of the Europe geopolitical region, where Amsterdam is.',
        '- `premium`: Reaches every Azure region of the cloud, whatever the peering location.',
        '',
        'Circuit er-ams, a standard circuit at Amsterdam, reaches the datacenter regions of the environments it serves.',
        '',
        'Sources: [ExpressRoute locations and providers](https://learn.microsoft.com/azure/expressroute/expressroute-locations-providers), [ExpressRoute FAQ](https://learn.microsoft.com/azure/expressroute/expressroute-faqs)',
      ].join('\n'),
    );
    const local = CONTOSO.replace('    sku: standard\n    bandwidth: 1Gbps', '    sku: local\n    bandwidth: 1Gbps');
    assert.match(
      hoverAt('    sku: lo|cal', local)!.value,
      /^\*\*local\*\*: Reaches only West Europe, the local region of Amsterdam\.\n\nCircuit er-ams, a local circuit at Amsterdam, does not reach North Europe, where its environments run\./,
    );
    const typo = CONTOSO.replace('peeringLocation: Amsterdam', 'peeringLocation: Amsterdm');
    assert.match(hoverAt('    peeringLocation: Amster|dm', typo)!.value, /^\*\*Amsterdm\*\* is not an ExpressRoute peering location ppnet knows, .* Did you mean `Amsterdam`\?/);
  });

  it('says whether a written datacenter region is one ppnet knows for the environment\'s region', () => {
    const text = CONTOSO.replace('    region: europe\n    type: production', '    region: europe\n    datacenterRegions: [westeurope, francecentral, eastus]\n    type: production');
    assert.match(hoverAt('[west|europe,', text)!.value, /\n\nOne of the datacenter regions Microsoft's pages or tools give for Europe\.\n\nSources: /);
    assert.match(hoverAt(' france|central,', text)!.value, /\n\nNot among the datacenter regions Microsoft's pages give for Europe \(westeurope and northeurope\): ppnet uses it as written but cannot confirm it\./);
    assert.match(hoverAt(' east|us]', text)!.value, /\n\nIn the North America geopolitical region, not in Europe, where the datacenters of Europe are: its environments do not run there\./);
  });
  it('answers on a field or section key from the text, without waiting for a parse, and the same while the line after it is broken', () => {
    const unparsed = () => {
      throw new Error('parsed');
    };
    const marked = '    |type: production\n    apps: [canvas, model-driven]\n    cdn: false';
    const quick = doHover(unparsed, doc(CONTOSO), positionIn(CONTOSO, marked));
    assert.deepEqual(quick, service.doHover(doc(CONTOSO), positionIn(CONTOSO, marked)));
    assert.equal((quick!.contents as MarkupContent).value, `**type**: ${schemaAt(['environments', 'x', 'type'])!.description}\n\n${conceptMarkdown('environmentType')}`);
    assert.deepEqual(doHover(unparsed, doc(CONTOSO), positionIn(CONTOSO, '|environments:\n'))?.range, service.doHover(doc(CONTOSO), positionIn(CONTOSO, '|environments:\n'))?.range);
    // A key being typed on the next line: the YAML is broken there, the key above still says what it is.
    const broken = CONTOSO.replace('    type: production\n', '    type: production\n    cd\n');
    const markedBroken = '    |type: production\n    cd\n';
    assert.deepEqual(service.doHover(doc(broken), positionIn(broken, markedBroken)), quick);
    // An entity's id is summarized from the topology: that hover parses.
    assert.throws(() => doHover(unparsed, doc(CONTOSO), positionIn(CONTOSO, '  |contoso-prod:')), /parsed/);
  });
});

describe('hover on Virtual Network support (northwind-vnet.ppnet.yaml)', () => {
  const NORTHWIND = fs.readFileSync(path.join(ROOT, 'examples', 'northwind-vnet.ppnet.yaml'), 'utf8');
  const at = (marked: string) => hoverAt(marked, NORTHWIND);
  const VNET = '[Virtual Network support overview](https://learn.microsoft.com/power-platform/admin/vnet-support-overview)';

  it('explains each new key with its description and concept', () => {
    const keys: [string, string[], keyof typeof CONCEPTS][] = [
      ['|enterprisePolicies:', ['enterprisePolicies'], 'enterprisePolicy'],
      ['    |subnets:', ['enterprisePolicies', 'ep-eu', 'subnets'], 'delegatedSubnet'],
      ['      - |vnet: nw-pp-weu', ['enterprisePolicies', 'ep-eu', 'subnets', 'vnet'], 'delegatedSubnet'],
      ['        |region: westeurope', ['enterprisePolicies', 'ep-eu', 'subnets', 'region'], 'delegatedSubnet'],
      ['        |cidr: 10.40.0.0/25', ['enterprisePolicies', 'ep-eu', 'subnets', 'cidr'], 'delegatedSubnet'],
      ['        |hub: nw-hub', ['enterprisePolicies', 'ep-eu', 'subnets', 'hub'], 'delegatedSubnet'],
      ['    |releaseCycle: early', ['environments', 'nw-test', 'releaseCycle'], 'releaseCycle'],
      ['    |managed: true               #', ['environments', 'nw-prod', 'managed'], 'managed'],
      ['    |enterprisePolicy: ep-eu\n  nw-test', ['environments', 'nw-prod', 'enterprisePolicy'], 'enterprisePolicy'],
    ];
    // The example with this round's keys: a hub for the West Europe subnet, an early release cycle for the test environment.
    const text = NORTHWIND.replace('        cidr: 10.40.0.0/25\n', '        cidr: 10.40.0.0/25\n        hub: nw-hub\n').replace('    type: sandbox\n', '    type: sandbox\n    releaseCycle: early\n');
    for (const [marked, keyPath, concept] of keys) {
      const description = schemaAt(keyPath)?.description;
      assert.ok(description, keyPath.join('.'));
      assert.equal(hoverAt(marked, text)?.value, `**${keyPath[keyPath.length - 1]}**: ${description}\n\n${conceptMarkdown(concept)}`, marked);
    }
  });

  it('summarizes the policy on its id and on a reference to it', () => {
    const summary =
      'Enterprise policy **ep-eu** (Europe subnet delegation): delegates 2 subnets: 10.40.0.0/25 in nw-pp-weu (westeurope (West Europe)) and 10.41.0.0/25 in nw-pp-neu (northeurope (North Europe));' +
      ' serves environments nw-prod and nw-test; its environments need about 40 addresses in each subnet; reached from on-premises over the private peering of circuit er-nw.';
    assert.deepEqual(at('  |ep-eu:'), { value: `${summary}\n\n${conceptMarkdown('enterprisePolicy')}`, range: '24:3-24:8' });
    assert.deepEqual(at('enterprisePolicy: |ep-eu\n  nw-test'), { value: summary, range: '15:23-15:28' });
    assert.match(conceptMarkdown('enterprisePolicy'), new RegExp(VNET.replace(/[[\]().]/g, '\\$&')));
  });

  it('explains the new values: via, managed, a subnet range and region, a virtual network', () => {
    assert.equal(
      at('    via: |vnet                   # from')?.value,
      "**vnet**: Expected to run in the delegated subnet of the environment's enterprise policy (Virtual Network support): on-premises sources over your virtual network's private peering, no gateway.",
    );
    assert.equal(at('    via: |private-endpoint')?.value, '**private-endpoint**: Expected to be reached from a delegated subnet (Virtual Network support), over a private endpoint of the service in your virtual network.');
    assert.equal(at('    managed: |true               #')?.value, '**true**: A Managed Environment: it can be linked to an enterprise policy (Virtual Network support).');
    assert.equal(
      at('        cidr: |10.40.0.0/25')?.value,
      `**10.40.0.0/25**: 128 addresses, 123 usable by Power Platform (Azure keeps 5 of every subnet). The environments of enterprise policy ep-eu may need about 40 (Microsoft's upper estimates); a /26 holds them.\n\n${conceptMarkdown('delegatedSubnet')}`,
    );
    assert.match(at('        region: |westeurope')!.value, /^\*\*West Europe\*\* \(`westeurope`\), an Azure datacenter region\./);
    assert.equal(
      at('vnets: [|nw-pp-weu')?.value,
      `**nw-pp-weu**, an Azure virtual network.\n- Holds a subnet delegated by enterprise policy ep-eu\n- Linked to site nw-dc over the private peering of circuit er-nw\n\n${conceptMarkdown('enterprisePolicy')}`,
    );
    assert.match(at('    type: |sql-server')!.value, /In an environment with Virtual Network support it can instead run its calls in the delegated subnet \(via: vnet\)\./);
  });

});
