/**
 * Every example and valid design exported in every format, each output read by a real parser: the
 * Terraform through HCL's own parser (@cdktf/hcl2json, HashiCorp's hcl compiled to WebAssembly), the ARM
 * template evaluated and each resource checked with ajv against the REST specifications' shapes, the
 * Bicep file evaluated (bicepSubset.ts) and compared resource by resource with the ARM template, the az
 * script checked by `bash -n` and run with a fake az. Each carries exactly the design's communities and
 * subnets.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deployArm } from './armTemplate';
import { deployBicep } from './bicepSubset';
import { Deployment } from './deployment';
import { snake } from '../../server/src/service/features/export/names';
import { designs, existing, EXISTING_PEERING, expectedCommunities, expectedSubnets, exportText, givenParameters, optionValues, runAzScript, SHAPE_OF, shapeErrors } from './harness';

// Required, not imported: the package's typings reference the DOM library, which would change the types of every test.
const { parse: parseHcl } = require('@cdktf/hcl2json') as { parse(file: string, text: string): Promise<unknown> };

type Hcl = Record<string, Record<string, Record<string, Record<string, unknown>[]>>>;

/** The ARM template's deployment, with a value for each parameter that has no default. */
function armDeployment(text: string): Deployment {
  const template = JSON.parse(text);
  const declared = template.parameters as Record<string, { defaultValue?: unknown }>;
  const given = givenParameters(Object.keys(declared), Object.fromEntries(Object.entries(declared).map(([n, p]) => [n, p.defaultValue])));
  return deployArm(template, given, existing);
}

function filtersOf(deployment: Deployment): Map<string, string[]> {
  const byCircuit = new Map<string, string[]>();
  for (const resource of deployment.resources.filter((r) => r.type === 'Microsoft.Network/routeFilters')) {
    const rules = (resource.properties as { rules: { properties: { communities: string[] } }[] }).rules;
    assert.equal(rules.length, 1, 'one Allow rule');
    byCircuit.set(resource.name, rules[0].properties.communities);
  }
  return byCircuit;
}

/** Circuits with a value to write; the others get a comment only. */
function written(expected: Map<string, string[]>): Map<string, string[]> {
  return new Map([...expected].filter(([, values]) => values.length > 0));
}

describe('ppnet export: every design in every format', () => {
  for (const design of designs()) {
    const communities = written(expectedCommunities(design.text));
    const subnets = expectedSubnets(design.text);

    describe(design.name, () => {
      it('arm: every resource fits its REST shape; the filters carry the design\'s communities, the policies its subnets', () => {
        const deployment = armDeployment(exportText(design.text, 'arm').text);
        for (const resource of deployment.resources) {
          const definition = SHAPE_OF[resource.type];
          assert.ok(definition, `unexpected resource type ${resource.type}`);
          const body = { name: resource.name.split('/').pop(), ...(resource.location !== undefined ? { location: resource.location } : {}), ...(resource.kind !== undefined ? { kind: resource.kind } : {}), properties: resource.properties };
          assert.deepEqual(shapeErrors(definition, body), [], `${resource.type} ${resource.name}`);
        }
        const filters = filtersOf(deployment);
        assert.deepEqual(
          [...filters.values()],
          [...communities.values()],
        );
        // Each peering keeps what Azure has and points at its filter.
        const peerings = deployment.resources.filter((r) => r.type === 'Microsoft.Network/expressRouteCircuits/peerings');
        assert.equal(peerings.length, communities.size);
        for (const peering of peerings) {
          const properties = peering.properties as Record<string, unknown>;
          assert.deepEqual({ ...properties, routeFilter: undefined }, { ...EXISTING_PEERING, routeFilter: undefined });
          assert.deepEqual(peering.dependsOn, [(properties.routeFilter as { id: string }).id]);
        }
        const policies = deployment.resources.filter((r) => r.type === 'Microsoft.PowerPlatform/enterprisePolicies');
        assert.equal(policies.length, subnets.size);
        const deployedSubnets = deployment.resources.filter((r) => r.type === 'Microsoft.Network/virtualNetworks/subnets');
        assert.deepEqual(
          deployedSubnets.map((s) => (s.properties as { addressPrefix: string }).addressPrefix),
          [...subnets.values()].flat(),
        );
        for (const subnet of deployedSubnets) {
          assert.deepEqual((subnet.properties as { delegations: unknown[] }).delegations, [{ name: 'powerplatform-enterprise-policies', properties: { serviceName: 'Microsoft.PowerPlatform/enterprisePolicies' } }]);
        }
      });

      it('bicep: deploys what the ARM template deploys, resource by resource', () => {
        const arm = armDeployment(exportText(design.text, 'arm').text);
        const bicep = deployBicep(exportText(design.text, 'bicep').text, givenParameters(Object.keys(arm.parameters), arm.parameters), existing);
        assert.deepEqual(bicep.parameters, arm.parameters);
        assert.deepEqual(bicep.resources, arm.resources);
        assert.deepEqual(bicep.outputs, arm.outputs);
      });

      it("terraform: parses as HCL; the filters carry the design's communities, the subnets its ranges; every reference is declared", async () => {
        const hcl = (await parseHcl('export.tf', exportText(design.text, 'terraform').text)) as Hcl;
        // HCL's JSON gives blocks by name, in the order of their names.
        const filters = Object.entries(hcl.resource?.azurerm_route_filter ?? {}).map(([name, r]) => [name, (r[0].rule as { communities: string[] }[])[0].communities]);
        assert.deepEqual(filters, [...communities].map(([id, values]) => [snake(id), values]).sort(([a], [b]) => String(a).localeCompare(String(b))));
        assert.equal(Object.keys(hcl.resource?.azapi_update_resource ?? {}).length, communities.size);
        const ranges = Object.values(hcl.resource?.azurerm_subnet ?? {}).flatMap((r) => r[0].address_prefixes as string[]);
        assert.deepEqual(ranges.sort(), [...subnets.values()].flat().sort());
        assert.equal(Object.keys(hcl.resource?.azapi_resource ?? {}).length, subnets.size);
        const json = JSON.stringify(hcl);
        for (const [, variable] of json.matchAll(/\bvar\.([A-Za-z0-9_-]+)/g)) assert.ok(hcl.variable?.[variable], `var.${variable} is declared`);
        for (const [, kind, type, name] of json.matchAll(/\b(data\.)?(azurerm_[a-z_]+|azapi_[a-z_]+)\.([A-Za-z0-9_-]+)\.(?:id|name|location|output)/g)) {
          assert.ok((kind ? hcl.data : hcl.resource)?.[type]?.[name], `${kind ?? ''}${type}.${name} is declared`);
        }
      });

      it("az: bash -n accepts it; run with a fake az, it creates the filters with the design's communities and the subnets with its ranges", () => {
        const script = exportText(design.text, 'az').text;
        const required = [...script.matchAll(/^: "\$\{([A-Z0-9_]+):\?/gm)].map((m) => m[1]);
        const { calls, status, stderr } = runAzScript(script, Object.fromEntries(required.map((v) => [v, `given-${v.toLowerCase()}`])));
        assert.equal(status, 0, stderr);
        const rules = calls.filter((c) => c.slice(0, 4).join(' ') === 'network route-filter rule create');
        assert.deepEqual(
          rules.map((c) => optionValues(c, '--communities')),
          [...communities.values()],
        );
        assert.equal(calls.filter((c) => c.slice(0, 4).join(' ') === 'network express-route peering update').length, communities.size);
        const created = calls.filter((c) => c.slice(0, 4).join(' ') === 'network vnet subnet create');
        assert.deepEqual(created.map((c) => optionValues(c, '--address-prefixes')[0]), [...subnets.values()].flat());
        for (const call of calls.filter((c) => c.slice(0, 2).join(' ') === 'resource create')) {
          const body = JSON.parse(optionValues(call, '--properties')[0]);
          assert.deepEqual(shapeErrors('EnterprisePolicy', body), []);
        }
      });
    });
  }
});
