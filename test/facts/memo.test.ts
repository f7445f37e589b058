/** Facts are computed once per topology version: each memo keyed by the topology object. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entityFact, topologyFact } from '../../server/src/service/facts';
import { notRoutable } from '../../server/src/service/facts';
import { parseCidr } from '../../server/src/service/syntax/cidr';
import { defined, topologyOf } from './topology';

const text = `version: 1
environments:
  prod: { region: europe }
  dev: { region: europe }
`;

describe('facts: memoised once per topology version', () => {
  it('computes a whole-topology fact once per topology object, again for a new version', () => {
    let runs = 0;
    const count = topologyFact((topology) => (runs++, topology.environments.size));
    const first = topologyOf(text);
    assert.deepEqual([count(first), count(first), runs], [2, 2, 1]);
    assert.deepEqual([count(topologyOf(text)), runs], [2, 2]);
  });

  it('computes an entity fact once per topology and entity, undefined values included', () => {
    const seen: string[] = [];
    const nothing = entityFact((_topology, environment: { id: string }) => void seen.push(environment.id));
    const topology = topologyOf(text);
    const prod = defined(topology.environments, 'prod');
    nothing(topology, prod);
    nothing(topology, prod);
    nothing(topology, defined(topology.environments, 'dev'));
    nothing(topologyOf(text), prod);
    assert.deepEqual(seen, ['prod', 'dev', 'prod']);
  });
});

describe('facts: prefixes', () => {
  const why = (text: string) => notRoutable((parseCidr(text) as { cidr: Parameters<typeof notRoutable>[0] }).cidr) ?? null;
  it('says why a prefix is not routable on the internet, and lets documentation prefixes through', () => {
    assert.deepEqual(
      ['0.0.0.0/0', '10.1.0.0/24', '10.0.0.0/7', '100.64.1.0/24', 'fd00::/8', '203.0.113.0/29', '52.1.0.0/16'].map(why),
      ['is a default route', 'lies in a private range (RFC 1918)', 'covers 10.0.0.0/8, a private range (RFC 1918)', 'lies in the shared address space of carrier-grade NAT (RFC 6598)', 'lies in the IPv6 unique local (private) range', null, null],
    );
  });
});
