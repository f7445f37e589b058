/** The typed model: written fields, defaults, merge keys, and lenient reading of slightly wrong shapes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appsOf, buildTopology, cdnOf, memberCountOf } from '../../server/src/service/model/model';
import { parseText } from '../../server/src/service/syntax/parse';
import { validate } from '../support';

const topology = (text: string) => buildTopology(parseText(text));

describe('model', () => {
  it('reads a single scalar where a list belongs as a list of one, so checks still run on it', () => {
    const text = `version: 1
environments:
  prod:
    region: unitedkingdom
sites:
  hq: {}
circuits:
  er:
    site: hq
    region: europe
    environments: prod
`;
    const circuit = topology(text).circuits.get('er')!;
    assert.deepEqual(circuit.environments!.items.map((i) => i.text), ['prod']);
    const codes = validate(text).map((d) => d.code);
    assert.ok(codes.includes('schema'), 'the shape is still reported');
    assert.ok(codes.includes('circuit-region-mismatch'), 'and the environment is still checked');
  });

  it('applies defaults without counting them as written', () => {
    const env = topology('version: 1\nenvironments:\n  prod:\n    region: europe\n').environments.get('prod')!;
    assert.equal(env.cdn, undefined);
    assert.equal(cdnOf(env), true);
    assert.deepEqual(appsOf(env), ['canvas', 'model-driven']);
  });

  it("resolves merge keys, the entity's own keys winning, and the first of duplicate keys", () => {
    const text = `version: 1
x-gateway: &gw
  site: hq
  region: westeurope
  members: [a, b]
gateways:
  gw-1:
    <<: *gw
    region: northeurope
    region: uksouth
`;
    const gateway = topology(text).gateways.get('gw-1')!;
    assert.equal(gateway.site?.text, 'hq');
    assert.equal(gateway.region?.text, 'northeurope');
    assert.equal(memberCountOf(gateway), 2);
  });
});
