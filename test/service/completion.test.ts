/** Completion in-process, with the cursor marked `|` in a realistic file (examples/contoso.ppnet.yaml). */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { CompletionItem, InsertTextFormat, InsertTextMode, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { azureRegions } from '../../server/src/service/catalog/catalog';
import { schemaAt } from '../../server/src/service/features/content/docs';
import { STARTER_FILE } from '../../server/src/service/features/content/snippets';
import { doc, ROOT, withCursor } from '../support';

const CONTOSO = fs.readFileSync(path.join(ROOT, 'examples', 'contoso.ppnet.yaml'), 'utf8');
const service = createLanguageService();

function complete(marked: string): CompletionItem[] {
  const { text, offset } = withCursor(marked);
  const document = doc(text);
  return service.doComplete(document, document.positionAt(offset)).items;
}

/** The contoso file with `from` replaced by `to` (which holds the cursor). */
function contosoWith(from: string, to: string): string {
  assert.ok(CONTOSO.includes(from), `contoso has no ${JSON.stringify(from)}`);
  return CONTOSO.replace(from, to);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const markdown = (item: CompletionItem) => (item.documentation as MarkupContent).value;
const edit = (item: CompletionItem) => item.textEdit as TextEdit;

describe('completion: keys', () => {
  it('offers the keys an entity does not have yet, required first, each with its description', () => {
    const items = complete(contosoWith('  gw-dub:\n    site: dub-dc\n    region: northeurope\n', '  gw-dub:\n    site: dub-dc\n    |\n'));
    assert.deepEqual(labels(items), ['region', 'name', 'tls', 'azureId']);
    for (const item of items) assert.equal(markdown(item), schemaAt(['gateways', 'gw-dub', item.label])!.description);
    assert.deepEqual(
      items.map((i) => [i.detail, edit(i).newText, i.insertTextFormat, i.command?.command]),
      [
        ['required', 'region: $0', InsertTextFormat.Snippet, 'editor.action.triggerSuggest'],
        [undefined, 'name: $0', InsertTextFormat.Snippet, undefined],
        [undefined, 'tls: $0', InsertTextFormat.Snippet, 'editor.action.triggerSuggest'],
        [undefined, 'azureId: $0', InsertTextFormat.Snippet, undefined],
      ],
    );
  });

  it('opens a map or a block list for keys that hold one, in the file\'s indentation', () => {
    const items = complete(contosoWith('    microsoftPeering:\n      advertisedPrefixes: [203.0.113.64/29]\n      routeFilter: [12076:51004, 12076:51006]   # East US, West US\n', '    |\n'));
    assert.deepEqual(labels(items), ['name', 'microsoftPeering', 'privatePeering', 'azureId']);
    assert.equal(edit(items[1]).newText, 'microsoftPeering:\n  $0');
    assert.equal(items[1].insertTextMode, InsertTextMode.adjustIndentation);
    const peering = complete('version: 1\ncircuits:\n    er:\n        microsoftPeering:\n            |\n');
    assert.deepEqual(peering.map((i) => edit(i).newText), ['advertisedPrefixes: [$0]', 'routeFilter:\n    - $0']);
  });

  it('completes only the name when the key is already followed by a colon', () => {
    const items = complete('version: 1\nenvironments:\n  prod:\n    re|gion: europe\n    apps: [canvas]\n');
    assert.deepEqual(labels(items), ['region', 'name', 'datacenterRegions', 'type', 'releaseCycle', 'cdn', 'managed', 'enterprisePolicy', 'azureId']);
    assert.deepEqual(edit(items[0]), { range: { start: { line: 3, character: 4 }, end: { line: 3, character: 10 } }, newText: 'region' });
    assert.deepEqual([items[0].insertTextFormat, items[0].command], [InsertTextFormat.PlainText, undefined]);
  });

  it('completes keys and values inside a map written on one line', () => {
    const keys = complete(contosoWith('  crm-dataverse:\n    type: dataverse\n    environment: contoso-prod\n', '  crm-dataverse: { type: dataverse, | }\n'));
    assert.deepEqual(keys.map((i) => [i.label, edit(i).newText]), [
      ['environment', 'environment: $0'],
      ['name', 'name: $0'],
      ['target', 'target: $0'],
      ['gateway', 'gateway: $0'],
      ['via', 'via: $0'],
    ]);
    const values = complete(contosoWith('  crm-dataverse:\n    type: dataverse\n    environment: contoso-prod\n', '  crm-dataverse: { type: dataverse, environment: fab| }\n'));
    assert.deepEqual(labels(values), ['contoso-prod', 'contoso-dev', 'fabrikam-us']);
    const { start, end } = edit(values[2]).range;
    assert.deepEqual([start.line, end.character - start.character], [93, 3]); // replaces "fab"
  });

  it('reads CRLF files as well', () => {
    const items = complete('version: 1\r\nenvironments:\r\n  prod:\r\n    region: europe\r\n    |\r\n');
    assert.deepEqual(labels(items), ['name', 'datacenterRegions', 'type', 'releaseCycle', 'apps', 'cdn', 'managed', 'enterprisePolicy', 'azureId']);
  });

  it('offers the top-level keys the file lacks', () => {
    assert.deepEqual(labels(complete('version: 1\nname: x\n|\n')), ['cloud', 'environments', 'sites', 'circuits', 'gateways', 'connectors', 'desktopFlows', 'azureServices', 'enterprisePolicies']);
  });
});

describe('completion: values', () => {
  it('offers the values of enumerations with what each means', () => {
    const sku = complete(contosoWith('    sku: premium', '    sku: |'));
    assert.deepEqual(sku.map((i) => [i.label, i.detail]), [
      ['standard', 'Reaches the Azure regions of the North America geopolitical region, where Seattle is.'],
      ['premium', 'Reaches every Azure region of the cloud, whatever the peering location.'],
      ['local', 'Reaches only West US 2, the local region of Seattle.'],
    ]);
    const cases: [string, string, string[]][] = [
      ['    type: production\n    apps: [canvas, model-driven]\n    cdn', '    type: |\n    apps: [canvas, model-driven]\n    cdn', ['production', 'sandbox', 'trial', 'developer', 'default', 'teams']],
      ['    relay: expressroute\n  shipping', '    relay: |\n  shipping', ['internet', 'expressroute']],
      ['    internet: blocked', '    internet: |', ['allowed', 'blocked']],
      ['    via: internet', '    via: |', ['expressroute', 'internet', 'vnet']],
      ['    via: microsoft-backbone', '    via: |', ['expressroute', 'microsoft-backbone', 'public', 'private-endpoint']],
      ['cloud: public', 'cloud: |', ['public', 'gcc', 'gcc-high', 'dod', 'china']],
      ['    cdn: false ', '    cdn: | ', ['true', 'false']],
      ['    type: oracle\n', '    type: oracle\n    target: |\n', ['on-premises', 'microsoft', 'third-party']],
    ];
    for (const [from, to, expected] of cases) assert.deepEqual(labels(complete(contosoWith(from, to))), expected, to);
  });

  it('quotes TLS versions so that they stay text, unless the value is already quoted', () => {
    const tls = complete(contosoWith('    tls: "1.2"', '    tls: |'));
    assert.deepEqual(tls.map((i) => [i.label, edit(i).newText]), [['1.0', '"1.0"'], ['1.1', '"1.1"'], ['1.2', '"1.2"'], ['1.3', '"1.3"']]);
    const quoted = complete(contosoWith('    tls: "1.2"', '    tls: "1.|"'));
    assert.deepEqual(edit(quoted[2]), { range: { start: { line: 73, character: 10 }, end: { line: 73, character: 12 } }, newText: '1.2' });
  });

  it('offers the app kinds not yet listed', () => {
    assert.deepEqual(labels(complete(contosoWith('    apps: [model-driven]', '    apps: [model-driven, |]'))), ['canvas', 'portal']);
  });
});

describe('completion: regions', () => {
  it('offers Power Platform regions for an environment, with their datacenter pair', () => {
    const items = complete(contosoWith('    region: unitedstates\n    type: production\n    apps: [canvas, model-driven, portal]', '    region: |\n    type: production\n    apps: [canvas, model-driven, portal]'));
    assert.equal(items.length, 20);
    assert.deepEqual(items.slice(0, 4).map((i) => [i.label, i.detail]), [
      ['unitedstates', 'United States: East US + West US'],
      ['unitedstatesfirstrelease', 'Preview (United States): East US + West US'],
      ['europe', 'Europe: West Europe + North Europe'],
      ['asia', 'Asia: East Asia + Southeast Asia'],
    ]);
    assert.equal(
      markdown(items[2]),
      '**Europe** (`europe`), a Power Platform region. Its scale groups run in:\n- West Europe (`westeurope`): Microsoft peering community 12076:51002\n- North Europe (`northeurope`): Microsoft peering community 12076:51003',
    );
  });

  it('offers the served environments\' region first for a circuit', () => {
    const items = complete(contosoWith('    region: unitedstates\n    sku: premium', '    region: |\n    sku: premium'));
    assert.deepEqual([items[0].label, items[0].labelDetails?.description], ['unitedstates', 'region of fabrikam-us']);
    assert.equal(items[1].label, 'unitedstatesfirstrelease');
  });

  it('offers Azure regions for a gateway, its environments\' datacenter then gateway regions first', () => {
    const items = complete(contosoWith('    region: westus\n', '    region: |\n'));
    assert.equal(items.length, 55);
    assert.deepEqual(items.slice(0, 10).map((i) => [i.label, i.labelDetails?.description]), [
      ['eastus', 'datacenter region of unitedstates (fabrikam-us)'],
      ['westus', 'datacenter region of unitedstates (fabrikam-us)'],
      ['centralus', 'gateway region of unitedstates (fabrikam-us)'],
      ['eastus2', 'gateway region of unitedstates (fabrikam-us)'],
      ['northcentralus', 'gateway region of unitedstates (fabrikam-us)'],
      ['southcentralus', 'gateway region of unitedstates (fabrikam-us)'],
      ['westus2', 'gateway region of unitedstates (fabrikam-us)'],
      ['westus3', 'gateway region of unitedstates (fabrikam-us)'],
      ['westcentralus', 'gateway region of unitedstates (fabrikam-us)'],
      ['canadacentral', undefined],
    ]);
    assert.equal(items[0].detail, 'East US · 12076:51004');
  });

  it('offers Azure regions for an Azure service, the file\'s environments\' regions first', () => {
    const items = complete(contosoWith('    region: westeurope\n    via', '    region: |\n    via'));
    assert.deepEqual(labels(items.slice(0, 4)), ['westeurope', 'northeurope', 'eastus', 'westus']);
  });
});

describe('completion: route filter', () => {
  const withoutNorthEurope = (entry: string) =>
    contosoWith('        - North Europe                # 12076:51003\n', `        - ${entry}\n`);

  it('offers the communities the served environments lack first, then the other regional and service communities', () => {
    const items = complete(withoutNorthEurope('|'));
    assert.deepEqual([items[0].label, items[0].labelDetails?.description, items[0].detail], ['North Europe', '12076:51003', 'needed: contoso-prod runs in Europe']);
    assert.deepEqual(labels(items.slice(1, 4)), ['Australia Central', 'Australia Central 2', 'Australia East']);
    const present = labels(items);
    for (const absent of ['West Europe', 'Microsoft Entra ID', 'CRM Online']) assert.ok(!present.includes(absent), absent);
    assert.deepEqual(labels(items.slice(-9)), [
      'Exchange Online',
      'SharePoint Online',
      'Skype For Business Online',
      'Azure Global Services',
      'Azure Resource Manager',
      'Other Office 365 Online services',
      'Microsoft Defender for Identity',
      'Microsoft PSTN services',
      'Azure Communication Services',
    ]);
    assert.equal(items.length, 1 + (42 - 2) + 9); // North Europe, the other regions with a known value, the services
    assert.equal(items.find((i) => i.label === 'Microsoft PSTN services')?.detail, 'service community (listed as Azure SIP Trunking): restricted use');
  });

  it('writes values when the entry starts with a digit or the filter is written in values', () => {
    const typed = complete(withoutNorthEurope('12|'));
    assert.deepEqual([typed[0].label, typed[0].labelDetails?.description, edit(typed[0]).newText], ['12076:51003', 'North Europe', '12076:51003']);
    const flow = complete(contosoWith('routeFilter: [12076:51004, 12076:51006]', 'routeFilter: [12076:51004, |]'));
    assert.deepEqual([flow[0].label, flow[0].detail], ['12076:51006', 'needed: fabrikam-us runs in United States']);
  });

  it('offers a region\'s Azure Storage, SQL, Cosmos DB and Backup communities once a value is typed, never a service without a value', () => {
    const typed = complete(withoutNorthEurope('12076:52|'));
    const storage = typed.find((i) => i.label === '12076:52003')!;
    assert.deepEqual([storage.labelDetails?.description, storage.detail], ['Azure Storage in North Europe', "Azure Storage in North Europe only, not the region's community"]);
    assert.equal(typed.filter((i) => /^12076:5[2-5]\d{3}$/.test(i.label)).length, 42 * 4);
    assert.ok(!labels(typed).includes('Azure Communication Services'));
    assert.ok(!labels(complete(withoutNorthEurope('|'))).some((l) => /^12076:52/.test(l)));
  });

  it("offers a sovereign cloud's own communities, not the public cloud's", () => {
    const gov = complete(contosoWith('version: 1\n', 'version: 1\ncloud: gcc-high\n').replace('        - North Europe                # 12076:51003\n', '        - |\n'));
    assert.deepEqual(labels(gov), ['usgovarizona', 'usgoviowa', 'usgovvirginia', 'usgovtexas', 'Exchange Online', 'SharePoint Online', 'Skype For Business Online', 'Microsoft Entra ID', 'Other Office 365 Online services']);
    assert.deepEqual(gov.map((i) => i.labelDetails?.description).slice(0, 4), ['12076:51106', '12076:51109', '12076:51105', '12076:51108']);
    const china = complete(contosoWith('version: 1\n', 'version: 1\ncloud: china\n').replace('        - North Europe                # 12076:51003\n', '        - 12|\n'));
    assert.deepEqual(labels(china), ['12076:51301', '12076:51302', '12076:51303', '12076:51304', '12076:51305']);
  });
});

describe('completion: references and connector types', () => {
  it('offers the ids of the right kind, with a summary of each', () => {
    const sites = complete(contosoWith('    site: ams-hq\n    peeringLocation', '    site: |\n    peeringLocation'));
    assert.deepEqual(sites.map((i) => [i.label, i.detail]), [['ams-hq', 'Amsterdam headquarters'], ['dub-dc', 'Dublin datacenter'], ['sea-office', 'Seattle office']]);
    assert.equal(markdown(sites[0]), 'Site **ams-hq** (Amsterdam headquarters): internet blocked; gateway gw-ams; desktop flow invoice-bot.');
    assert.deepEqual(labels(complete(contosoWith('    gateway: gw-sea', '    gateway: |'))), ['gw-ams', 'gw-dub', 'gw-sea']);
    assert.deepEqual(labels(complete(contosoWith('    environment: contoso-dev', '    environment: |'))), ['contoso-prod', 'contoso-dev', 'fabrikam-us']);
    assert.deepEqual(labels(complete(contosoWith('    environments: [fabrikam-us]', '    environments: [fabrikam-us, |]'))), ['contoso-prod', 'contoso-dev']);
  });

  it('offers the catalog\'s connector types with their route and gateway need', () => {
    const items = complete(contosoWith('    type: oracle', '    type: |'));
    assert.equal(items.length, 40);
    const byLabel = new Map(items.map((i) => [i.label, [i.detail, i.labelDetails?.description]]));
    assert.deepEqual(byLabel.get('sql-server'), ['SQL Server', 'on-premises: needs a gateway']);
    assert.deepEqual(byLabel.get('dataverse'), ['Microsoft Dataverse', 'Microsoft service: no gateway']);
    assert.deepEqual(byLabel.get('salesforce'), ['Salesforce', 'third-party service: no gateway, over the internet']);
    assert.deepEqual(byLabel.get('custom'), ['Custom connector', 'on-premises with a gateway, else third-party']);
  });

  it('offers rule codes not yet named in a disable comment', () => {
    const items = complete('# ppnet-disable-next-line unknown-key |\nversion: 1\n');
    assert.ok(!labels(items).includes('unknown-key'));
    assert.deepEqual([items[0].label, items[0].detail], ['yaml-syntax', 'The YAML does not parse, the file holds a second document, or it is not UTF-8 text.']);
  });
});

describe('completion: snippets', () => {
  it('offers a new entity in each section, filled from the file', () => {
    const expected: Record<string, string> = {
      environments: 'New environment',
      sites: 'New site',
      circuits: 'New circuit',
      gateways: 'New gateway',
      connectors: 'New connector',
      desktopFlows: 'New desktop flow',
      azureServices: 'New Azure service',
      enterprisePolicies: 'New enterprise policy',
    };
    for (const [section, label] of Object.entries(expected)) {
      const [first] = complete(CONTOSO.includes(`${section}:\n`) ? contosoWith(`${section}:\n`, `${section}:\n  |\n`) : `${CONTOSO}${section}:\n  |\n`);
      assert.deepEqual([first.label, first.insertTextFormat, first.insertTextMode], [label, InsertTextFormat.Snippet, InsertTextMode.adjustIndentation], section);
    }
    const [circuit] = complete(contosoWith('circuits:\n', 'circuits:\n  |\n'));
    assert.equal(
      edit(circuit).newText,
      '${1:er-ams-hq}:\n  site: ${2:ams-hq}\n  peeringLocation: ${3:Amsterdam}\n  region: ${4:europe}\n  sku: ${5|standard,premium,local|}\n  environments: [${6:contoso-prod}]\n' +
        '  microsoftPeering:\n    advertisedPrefixes: [${7:203.0.113.8/29}]\n    routeFilter:\n      - ${8:West Europe}\n      - ${9:North Europe}',
    );
  });

  it('indents snippets by the file\'s own step', () => {
    const [gateway] = complete('version: 1\nsites:\n    hq: {}\ngateways:\n    |\n');
    assert.equal(edit(gateway).newText, '${1:gw-hq}:\n    site: ${2:hq}\n    region: ${3:westeurope}\n    members: [${4:gw-hq-01}, ${5:gw-hq-02}]\n    tls: "1.2"');
  });

  it('offers the starter file in an empty document', () => {
    const [first] = complete('|');
    assert.equal(first.label, 'New topology file');
    assert.equal(edit(first).newText, STARTER_FILE);
    assert.equal(complete('version: 1\n|').find((i) => i.label === 'New topology file'), undefined);
  });
});

describe('completion: broken text', () => {
  it('still completes while the file does not parse', () => {
    const broken = contosoWith('    environments: [contoso-prod, contoso-dev]', '    environments: [contoso-prod, contoso-dev');
    const withRegion = broken.replace('  gw-dub:\n    site: dub-dc\n    region: northeurope', '  gw-dub:\n    site: dub-dc\n    region: no|');
    assert.ok(service.validate(doc(withCursor(withRegion).text)).some((d) => d.code === 'yaml-syntax'));
    assert.deepEqual(labels(complete(withRegion).slice(0, 2)), ['westeurope', 'northeurope']);
    const keys = complete('version: 1\nenvironments:\n  prod:\n    region: eu\n    type: [\ncircuits:\n  er:\n    site: x\n    |');
    assert.deepEqual(labels(keys), ['region', 'name', 'peeringLocation', 'sku', 'bandwidth', 'environments', 'microsoftPeering', 'privatePeering', 'azureId']);
  });

  it('never throws, wherever the cursor is in a file cut anywhere', () => {
    const mistakes = fs.readFileSync(path.join(ROOT, 'examples', 'mistakes.ppnet.yaml'), 'utf8');
    for (const text of [CONTOSO, mistakes, '\t- : [ {', '"unterminated\n  - x: [', '---\n---\n: :']) {
      for (let cut = 0; cut <= text.length; cut += 13) {
        const document = doc(text.slice(0, cut));
        for (const offset of [0, Math.floor(cut / 2), cut]) service.doComplete(document, document.positionAt(offset));
      }
    }
  });

  it('offers peering locations with their geopolitical and local regions, those local to the environments first', () => {
    const items = complete(contosoWith('    peeringLocation: Amsterdam\n', '    peeringLocation: |\n'));
    assert.deepEqual(
      items.slice(0, 3).map((i) => [i.label, i.detail, i.labelDetails?.description]),
      [
        ['Amsterdam', 'Europe · local: West Europe', 'local to your environments'],
        ['Amsterdam2', 'Europe · local: West Europe', 'local to your environments'],
        ['Dublin', 'Europe · local: North Europe', 'local to your environments'],
      ],
    );
    assert.match(markdown(items[0]), /^\*\*Amsterdam\*\*, an ExpressRoute peering location\.\n- Geopolitical region: Europe\n- Local Azure regions: West Europe\n/);
    assert.ok(labels(items).includes('Washington DC'));
  });

  it('offers each SKU with what it reaches from the circuit\'s peering location', () => {
    const items = complete(contosoWith('    sku: standard\n    bandwidth: 1Gbps', '    sku: |\n    bandwidth: 1Gbps'));
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['standard', 'Reaches the Azure regions of the Europe geopolitical region, where Amsterdam is.'],
        ['premium', 'Reaches every Azure region of the cloud, whatever the peering location.'],
        ['local', 'Reaches only West Europe, the local region of Amsterdam.'],
      ],
    );
  });

  it('offers an environment\'s datacenter regions from its geography, the known pair first, none twice', () => {
    const items = complete(contosoWith('    region: europe\n    type: production', '    region: europe\n    datacenterRegions: [westeurope, |]\n    type: production'));
    assert.deepEqual(
      items.slice(0, 2).map((i) => [i.label, i.labelDetails?.description]),
      // Europe's geography is its pair (Power Automate lists no other gateway region): the rest follow, unmarked.
      [['northeurope', 'datacenter region of europe (contoso-prod)'], ['eastus', undefined]],
    );
    assert.ok(!labels(items).includes('westeurope'));
    assert.equal(items.length, azureRegions.length - 1);
  });
});

describe('completion: Virtual Network support (northwind-vnet.ppnet.yaml)', () => {
  const NORTHWIND = fs.readFileSync(path.join(ROOT, 'examples', 'northwind-vnet.ppnet.yaml'), 'utf8');
  const northwindWith = (from: string, to: string) => {
    assert.ok(NORTHWIND.includes(from), `northwind has no ${JSON.stringify(from)}`);
    return complete(NORTHWIND.replace(from, to));
  };
  const rows = (items: CompletionItem[]) => items.map((i) => [i.label, i.detail, i.labelDetails?.description]);

  it('offers the enterprise policies for an environment, with a summary', () => {
    const items = northwindWith('    enterprisePolicy: ep-eu\n  nw-test', '    enterprisePolicy: |\n  nw-test');
    assert.deepEqual(rows(items), [['ep-eu', 'Europe subnet delegation', undefined]]);
    assert.match(markdown(items[0]), /^Enterprise policy \*\*ep-eu\*\* \(Europe subnet delegation\): delegates 2 subnets/);
  });

  it('offers the policies\' virtual networks not yet listed in a circuit\'s private peering', () => {
    assert.deepEqual(rows(northwindWith('vnets: [nw-pp-weu, nw-pp-neu]', 'vnets: [nw-pp-weu, |]')), [['nw-pp-neu', 'delegated subnet of enterprise policy ep-eu', 'northeurope']]);
    assert.deepEqual(labels(northwindWith('vnets: [nw-pp-weu, nw-pp-neu]', 'vnets: [|]')), ['nw-pp-weu', 'nw-pp-neu']);
  });

  it("offers for a subnet's hub the networks circuits link that no policy delegates", () => {
    const text = NORTHWIND.replace('vnets: [nw-pp-weu, nw-pp-neu]', 'vnets: [nw-hub, nw-pp-neu]').replace('        cidr: 10.40.0.0/25\n', '        cidr: 10.40.0.0/25\n        hub: |\n');
    assert.deepEqual(rows(complete(text)), [['nw-hub', 'linked over the private peering of er-nw', undefined]]);
    const linked = NORTHWIND.replace('        cidr: 10.40.0.0/25\n', '        cidr: 10.40.0.0/25\n        hub: nw-hub\n').replace('vnets: [nw-pp-weu, nw-pp-neu]', 'vnets: [|]');
    assert.deepEqual(rows(complete(linked)), [
      ['nw-pp-weu', 'delegated subnet of enterprise policy ep-eu', 'westeurope'],
      ['nw-hub', 'hub the networks of enterprise policy ep-eu are peered to', undefined],
      ['nw-pp-neu', 'delegated subnet of enterprise policy ep-eu', 'northeurope'],
    ]);
  });

  it('offers only the connectors that run in the delegated subnet after via: vnet', () => {
    const items = northwindWith('    type: sql-server', '    type: |');
    assert.deepEqual(labels(items), [
      'sql-server', 'azure-sql-data-warehouse', 'azure-queues', 'custom', 'azure-key-vault', 'azure-file-storage',
      'azure-blob', 'http-entra-preauthorized', 'snowflake', 'databricks', 'azure-ai-search',
    ]);
    assert.deepEqual(rows(items)[7], ['http-entra-preauthorized', 'HTTP with Microsoft Entra ID (preauthorized)', 'runs in the delegated subnet']);
    assert.equal(northwindWith('    type: snowflake', '    type: |').length, 40);
  });

  it('completes the keys and the region of a delegated subnet, the regions its environments run in first', () => {
    assert.deepEqual(labels(northwindWith('      - vnet: nw-pp-neu\n        region: northeurope\n', '      - vnet: nw-pp-neu\n        |\n')), ['region', 'hub']);
    assert.deepEqual(labels(northwindWith('        cidr: 10.41.0.0/25\n', '        cidr: 10.41.0.0/25\n      - |\n')), ['vnet', 'region', 'cidr', 'hub']);
    const regions = northwindWith('        region: westeurope', '        region: |');
    assert.deepEqual(rows(regions).slice(0, 3), [
      ['westeurope', 'West Europe · 12076:51002', 'needed: nw-prod, nw-test run there'],
      ['northeurope', 'North Europe · 12076:51003', 'needed: nw-prod, nw-test run there'],
      ['eastus', 'East US · 12076:51004', undefined],
    ]);
    assert.deepEqual(labels(northwindWith('    managed: true               #', '    managed: |               #')), ['true', 'false']);
    assert.deepEqual(labels(northwindWith('    via: private-endpoint', '    via: |')), ['expressroute', 'microsoft-backbone', 'public', 'private-endpoint']);
  });

  it('offers an enterprise policy snippet with a /25 in each Azure region of the file\'s region', () => {
    const [first] = northwindWith('enterprisePolicies:\n', 'enterprisePolicies:\n  |\n');
    assert.deepEqual([first.label, first.detail], ['New enterprise policy', "Virtual Network support: a delegated /25 subnet in each Azure region of the environments' region."]);
    assert.equal(
      edit(first).newText,
      '${1:ep-europe}:\n  subnets:\n    - vnet: ${2:pp-westeurope}\n      region: westeurope\n      cidr: ${3:10.40.0.0/25}\n    - vnet: ${4:pp-northeurope}\n      region: northeurope\n      cidr: ${5:10.41.0.0/25}',
    );
  });
});
