/**
 * The export's behaviour: golden files for the examples (UPDATE_BASELINES=1 writes them again; review
 * the diff), --with-fixes adding what the rules' fixes add, entries that resolve to no community left
 * out with a comment, the error count at the top, unknowns as parameters without invented values, and
 * the one-circuit export the editor copies.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { IAC_EXTENSIONS, IAC_FORMATS } from '../../server/src/service';
import { ROOT } from '../support';
import { deployArm } from './armTemplate';
import { deployBicep } from './bicepSubset';
import { designs, existing, exportText, MISSING_REGION, runAzScript } from './harness';

const GOLDEN = path.join(ROOT, 'test', 'export', 'golden');

describe('golden exports of the examples', () => {
  for (const design of designs().filter((d) => d.file.includes(`${path.sep}examples${path.sep}`))) {
    for (const format of IAC_FORMATS) {
      it(`${design.name} as ${format}`, () => {
        const file = path.join(GOLDEN, `${design.name}${IAC_EXTENSIONS[format]}`);
        const text = exportText(design.text, format, { name: design.name }).text;
        if (process.env.UPDATE_BASELINES) {
          fs.mkdirSync(GOLDEN, { recursive: true });
          fs.writeFileSync(file, text);
        }
        assert.equal(text, fs.readFileSync(file, 'utf8'));
      });
    }
  }
});


/** The communities of the ARM template's filters, by filter. */
function armFilters(text: string): string[][] {
  const template = JSON.parse(text);
  const given = Object.fromEntries(Object.keys(template.parameters).map((n) => [n, `given-${n}`]));
  return deployArm(template, given, existing)
    .resources.filter((r) => r.type === 'Microsoft.Network/routeFilters')
    .map((r) => (r.properties as { rules: { properties: { communities: string[] } }[] }).rules[0].properties.communities);
}

describe('--with-fixes', () => {
  it('exports the filter with the community the design misses, and says which fix it applied', () => {
    assert.deepEqual(armFilters(exportText(MISSING_REGION, 'arm').text), [['12076:51002']]);
    const fixed = exportText(MISSING_REGION, 'arm', { withFixes: true });
    assert.deepEqual(armFilters(fixed.text), [['12076:51002', '12076:51003']]);
    assert.deepEqual(fixed.fixes, ['Add North Europe to the route filter (route-filter-missing-region)']);
    assert.equal(fixed.errors, 0);
    assert.match(exportText(MISSING_REGION, 'bicep', { withFixes: true }).text, /^\/\/ Quick fixes applied to the design first: Add North Europe to the route filter \(route-filter-missing-region\)\.$/m);
  });

  it("adds a blocked site's sign-in community, a gateway region's, and expands a Power Platform region", () => {
    const text = `version: 1
environments:
  prod:
    region: europe
sites:
  hq:
    internet: blocked
circuits:
  er-hq:
    site: hq
    peeringLocation: Amsterdam
    sku: standard
    region: europe
    environments: [prod]
    microsoftPeering:
      advertisedPrefixes: [203.0.113.0/29]
      routeFilter: [europe]
gateways:
  gw:
    site: hq
    region: francecentral
    members: [gw-1, gw-2]
connectors:
  erp:
    type: sql-server
    environment: prod
    gateway: gw
`;
    const fixed = exportText(text, 'arm', { withFixes: true });
    assert.deepEqual(armFilters(fixed.text), [['12076:51003', '12076:51002', '12076:5060', '12076:51030']]);
    assert.deepEqual(fixed.fixes, [
      'Add North Europe to the route filter (route-filter-missing-region)',
      'Add West Europe to the route filter (route-filter-missing-region)',
      'Remove europe: its regions are already in the filter (route-filter-unknown-community)',
      'Add Microsoft Entra ID to the route filter of circuit er-hq (sign-in-route-filter)',
      'Add France Central to the route filter (gateway-route-filter)',
    ]);
  });

  it('applies no guess: a misspelt entry stays left out', () => {
    const text = MISSING_REGION.replace('[West Europe]', '[West Europe, North Europ]');
    const fixed = exportText(text, 'bicep', { withFixes: true });
    assert.match(fixed.text, /^\/\/ Left out: "North Europ", not a BGP community ppnet knows\.$/m);
  });
});

describe('what the export leaves out and leaves to the user', () => {
  const text = `version: 1
environments:
  prod:
    region: europe
    enterprisePolicy: ep
enterprisePolicies:
  ep:
    subnets:
      - { vnet: pp-weu, region: westeurope, cidr: 10.40.0.0/25 }
      - { vnet: pp-neu, region: northeurope, cidr: 10.41.0.1/25 }
sites:
  hq: {}
circuits:
  er-hq:
    site: hq
    region: europe
    environments: [prod]
    microsoftPeering:
      advertisedPrefixes: [203.0.113.0/29]
      routeFilter: [West Europe, North Europe, 12076:50002, Contoso Cloud, 12076:51999, europe]
  er-idle:
    site: hq
    region: europe
    microsoftPeering:
      routeFilter: [Contoso Cloud]
  er-private:
    site: hq
    region: europe
`;

  it('says how many errors the design has, and leaves out each entry that resolves to no community, with why', () => {
    const exported = exportText(text, 'terraform');
    assert.ok(exported.errors > 0);
    const comments = exported.text.split('\n').filter((l) => l.startsWith('# ') && /errors|Left out|Circuit er-/.test(l));
    assert.deepEqual(comments, [
      `# The design has ${exported.errors} errors (ppnet check lists them): what it exports may not work as intended.`,
      '# Circuit er-private has no Microsoft peering in the design: no route filter for it.',
      '# Circuit er-hq: one Allow rule with 12076:51002 (West Europe), 12076:51003 (North Europe), 12076:51999 (a value ppnet does not know).',
      '# Left out: "12076:50002", a private-peering value, which a route filter of Microsoft peering does not take.',
      '# Left out: "Contoso Cloud", not a BGP community ppnet knows.',
      '# Left out: "europe", a Power Platform region, not a community: write the communities of its Azure regions (--with-fixes does).',
      '# Circuit er-idle: no entry of its route filter resolves to a BGP community, so no route filter is written for it.',
      '# Left out: "Contoso Cloud", not a BGP community ppnet knows.',
      '# Left out: subnet "pp-neu 10.41.0.1/25", the subnet has no valid address range.',
    ]);
    assert.deepEqual(armFilters(exportText(text, 'arm').text), [['12076:51002', '12076:51003', '12076:51999']]);
  });

  it('gives no default to what the design does not say: the filter names, the subnet names, the environment ids', () => {
    const template = JSON.parse(exportText(text, 'arm').text);
    const defaults = Object.fromEntries(Object.entries(template.parameters as Record<string, { defaultValue?: string }>).map(([n, p]) => [n, p.defaultValue]));
    assert.deepEqual(defaults, {
      routeFilterLocation: '[resourceGroup().location]',
      erHqCircuitName: 'er-hq',
      erHqRouteFilterName: undefined,
      epPolicyName: 'ep',
      epPolicyLocation: 'europe',
      epSubnet1Name: undefined,
    });
  });

  it("leaves the policy's location to the user when its environments do not decide it", () => {
    const mixed = text.replace('    enterprisePolicy: ep\n', '    enterprisePolicy: ep\n  us:\n    region: unitedstates\n    enterprisePolicy: ep\n');
    const template = JSON.parse(exportText(mixed, 'arm').text);
    assert.equal(template.parameters.epPolicyLocation.defaultValue, undefined);
    assert.match(template.parameters.epPolicyLocation.metadata.description, /which the design does not decide/);
  });

  it('writes a PowerShell line per linked environment in Bicep, and the link itself in Terraform', () => {
    assert.match(exportText(text, 'bicep').text, /^\/\/ {3}Enable-SubnetInjection -EnvironmentId <id of environment prod, prod> -PolicyArmId <epPolicyId, an output of the deployment>$/m);
    assert.match(exportText(text, 'terraform').text, /^resource "powerplatform_enterprise_policy" "ep_prod" \{$/m);
  });
});

describe("the editor's copy: one circuit's filter", () => {
  it('writes that circuit only, without policies', () => {
    const contoso = designs().find((d) => d.name === 'contoso')!;
    const bicep = exportText(contoso.text, 'bicep', { circuit: 'er-sea' }).text;
    assert.match(bicep, /resource erSeaRouteFilter /);
    assert.doesNotMatch(bicep, /erAms|enterprisePolicies@/);
  });
});

describe('hostile names', () => {
  // A title, an environment name and a virtual network name with quotes, template sequences, shell
  // expansions and control characters (ESC, BEL, C1): every format escapes them in its own syntax.
  const text = `version: 1
name: "T\\e]0;x\\a \${x} '\\""
environments:
  prod:
    name: "P\\e[2J\\x9b $(rm) \`id\`"
    region: europe
    enterprisePolicy: ep
enterprisePolicies:
  ep:
    subnets:
      - { vnet: "v'\\"\${a}%{b}$(c)\\e\\x9b\\u007f", region: westeurope, cidr: 10.40.0.0/25 }
sites:
  hq: {}
circuits:
  er:
    site: hq
    region: europe
    environments: [prod]
    microsoftPeering:
      advertisedPrefixes: [203.0.113.0/29]
      routeFilter: [West Europe, "bad\\e[31m"]
`;
  const vnet = `v'"\${a}%{b}$(c)\u001b\u009b\u007f`;
  // eslint-disable-next-line no-control-regex -- finding control characters is what this does
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  it('reach no file raw, and every reader gives the names back as written', async () => {
    for (const format of IAC_FORMATS) assert.doesNotMatch(exportText(text, format).text, RAW, format);
    const arm = deployArm(JSON.parse(exportText(text, 'arm').text), { erRouteFilterName: 'rf', epSubnet1Name: 's' }, existing);
    const subnet = arm.resources.find((r) => r.type === 'Microsoft.Network/virtualNetworks/subnets')!;
    assert.equal(subnet.name, `${vnet}/s`);
    const bicep = deployBicep(exportText(text, 'bicep').text, { erRouteFilterName: 'rf', epSubnet1Name: 's' }, existing);
    assert.deepEqual(bicep.resources, arm.resources);
    const hcl = (await require('@cdktf/hcl2json').parse('x.tf', exportText(text, 'terraform').text)) as { data: Record<string, Record<string, { name: string }[]>> };
    assert.deepEqual(Object.values(hcl.data.azurerm_virtual_network).map((v) => v[0].name), [vnet.replace('${', '$${').replace('%{', '%%{')]);
    const { calls, status, stderr } = runAzScript(exportText(text, 'az').text, { SUBSCRIPTION_ID: 's', RESOURCE_GROUP_NAME: 'g', ER_ROUTE_FILTER_NAME: 'rf', EP_SUBNET_1_NAME: 's1' });
    assert.equal(status, 0, stderr);
    assert.equal(calls.find((c) => c[2] === 'subnet')![calls.find((c) => c[2] === 'subnet')!.indexOf('--vnet-name') + 1], vnet);
    const body = JSON.parse(calls.find((c) => c[0] === 'resource')!.pop()!);
    assert.equal(body.properties.networkInjection.virtualNetworks[0].id, `/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/${vnet}`);
  });
});
