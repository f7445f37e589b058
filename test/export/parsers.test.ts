/**
 * The tests' own readers, tested on their own: the Bicep subset (on Bicep written by hand in the shapes
 * of Microsoft's samples, and on what it must refuse), the ARM evaluator, and the strict REST shapes.
 * A reader that accepted anything would make the format tests unable to fail.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deployArm, parseArmExpression } from './armTemplate';
import { deployBicep, parseBicep } from './bicepSubset';
import { resourceIdOf } from './deployment';
import { existing, EXISTING_PEERING, shapeErrors } from './harness';

const FILTER = `// A route filter with one rule, and an existing circuit's peering pointed at it.
@description('The filter\\'s name.')
param filterName string
param circuitName string = 'er-1'

resource circuit 'Microsoft.Network/expressRouteCircuits@2024-05-01' existing = {
  name: circuitName
}

resource filter 'Microsoft.Network/routeFilters@2024-05-01' = {
  name: filterName
  location: resourceGroup().location
  properties: {
    rules: [
      {
        name: 'rule-1'
        properties: {
          access: 'Allow'
          routeFilterRuleType: 'Community'
          communities: [
            '12076:5010' // Exchange Online
            '12076:5020'
          ]
        }
      }
    ]
  }
}

resource now 'Microsoft.Network/expressRouteCircuits/peerings@2024-05-01' existing = {
  parent: circuit
  name: 'MicrosoftPeering'
}

resource peering 'Microsoft.Network/expressRouteCircuits/peerings@2024-05-01' = {
  parent: circuit
  name: 'MicrosoftPeering'
  properties: union(now.properties, {
    routeFilter: {
      id: filter.id
    }
  })
}

output filterId string = filter.id
`;

describe('the Bicep subset reader', () => {
  it('reads parameters, decorators, existing and deployed resources, children, union() and outputs', () => {
    const deployment = deployBicep(FILTER, { filterName: 'rf' }, existing);
    const filterId = resourceIdOf('Microsoft.Network/routeFilters', ['rf']);
    assert.deepEqual(deployment.parameters, { filterName: undefined, circuitName: 'er-1' });
    assert.deepEqual(deployment.resources, [
      {
        type: 'Microsoft.Network/routeFilters',
        apiVersion: '2024-05-01',
        name: 'rf',
        id: filterId,
        dependsOn: [],
        location: 'westeurope',
        properties: { rules: [{ name: 'rule-1', properties: { access: 'Allow', routeFilterRuleType: 'Community', communities: ['12076:5010', '12076:5020'] } }] },
      },
      {
        type: 'Microsoft.Network/expressRouteCircuits/peerings',
        apiVersion: '2024-05-01',
        name: 'er-1/MicrosoftPeering',
        id: resourceIdOf('Microsoft.Network/expressRouteCircuits/peerings', ['er-1', 'MicrosoftPeering']),
        dependsOn: [filterId],
        properties: { ...EXISTING_PEERING, routeFilter: { id: filterId } },
      },
    ]);
    assert.deepEqual(deployment.outputs, { filterId });
  });

  it("refuses what is outside the subset or wrong, saying where", () => {
    const refused = (text: string) => assert.throws(() => deployBicep(text, { filterName: 'rf' }, existing), Error);
    refused(FILTER.replace("'rule-1'", "'rule-${filterName}'")); // interpolation
    refused(FILTER.replace('// A route', '/* A route */ //'));
    refused(FILTER.replace("access: 'Allow'", "access: 'Allow', routeFilterRuleType: 'Community'")); // two entries on a line
    refused(FILTER.replace('param circuitName string', 'var circuitName string'));
    refused(FILTER.replace('parent: circuit\n  name: \'MicrosoftPeering\'\n  properties', "name: 'MicrosoftPeering'\n  properties")); // a child without its parent
    refused(FILTER.replace('location: resourceGroup().location', 'location: subscription().location'));
    refused(FILTER.replace('id: filter.id', 'id: filter.location'));
    refused(FILTER.replace("'12076:5020'", "'12076:5020\\q'"));
    refused(FILTER.replace('param filterName string', 'param filterName int'));
    assert.throws(() => deployBicep(FILTER, {}, existing), /filterName has no value/);
    assert.throws(() => parseBicep('resource x \'Microsoft.Network/routeFilters\' = {\n  name: \'a\'\n}\n'), /one @version/);
  });
});

describe('the ARM evaluator', () => {
  it("reads expressions with '' escapes, nested calls and member access, and [[ as a literal", () => {
    assert.deepEqual(parseArmExpression("format('{0}/{1}', 'it''s', resourceGroup().location)"), {
      kind: 'call',
      name: 'format',
      args: [
        { kind: 'string', value: '{0}/{1}' },
        { kind: 'string', value: "it's" },
        { kind: 'member', of: { kind: 'call', name: 'resourceGroup', args: [] }, name: 'location' },
      ],
    });
    const template = {
      parameters: { a: { type: 'string', defaultValue: '[[literal]' } },
      resources: [{ type: 'Microsoft.Network/routeFilters', apiVersion: 'x', name: "[format('{0}-{1}', parameters('a'), 'rf')]", location: 'here' }],
    };
    assert.deepEqual(deployArm(template, {}, existing).resources[0].name, '[literal]-rf');
  });

  it('refuses an unknown function, a missing parameter, a malformed expression and an unknown key', () => {
    const resource = (name: string, extra: Record<string, unknown> = {}) => ({ parameters: { a: { type: 'string' } }, resources: [{ type: 'Microsoft.Network/routeFilters', apiVersion: 'x', name, ...extra }] });
    assert.throws(() => deployArm(resource("[concat('a', 'b')]"), { a: 'v' }, existing), /concat\(\) is not one the export uses/);
    assert.throws(() => deployArm(resource("[parameters('a')]"), {}, existing), /no value given/);
    assert.throws(() => deployArm(resource("[parameters('a']"), { a: 'v' }, existing), /expected , or \)/);
    assert.throws(() => deployArm(resource('rf', { sku: {} }), { a: 'v' }, existing), /unexpected resource key sku/);
  });
});

describe('the REST shapes', () => {
  it('accept a route filter as the specification defines it, and refuse a key it does not define or a value outside an enum', () => {
    const filter = { name: 'rf', location: 'westeurope', properties: { rules: [{ name: 'r', properties: { access: 'Allow', routeFilterRuleType: 'Community', communities: ['12076:5010'] } }] } };
    assert.deepEqual(shapeErrors('RouteFilter', filter), []);
    assert.equal(shapeErrors('RouteFilter', { ...filter, location: undefined }).length, 1);
    const rule = filter.properties.rules[0];
    assert.equal(shapeErrors('RouteFilter', { ...filter, properties: { rules: [{ ...rule, properties: { ...rule.properties, access: 'Permit' } }] } }).length, 1);
    assert.equal(shapeErrors('RouteFilter', { ...filter, properties: { rules: [{ ...rule, properties: { ...rule.properties, community: ['x'] } }] } }).length, 1);
    assert.equal(shapeErrors('EnterprisePolicy', { name: 'ep', location: 'europe', properties: {} }).length, 1, 'kind is required');
    assert.equal(shapeErrors('Subnet', { name: 's', properties: { addressPrefix: '10.0.0.0/24', delegations: [{ name: 'd', properties: { service: 'x' } }] } }).length, 1);
  });
});
