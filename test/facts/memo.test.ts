/** Facts are computed once per topology version (each memo keyed by the topology object) and carried over while what they read holds. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entityFact, ownFact, sectionFact, topologyFact } from '../../server/src/service/facts';
import { notRoutable } from '../../server/src/service/facts';
import { parseCidr } from '../../server/src/service/syntax/cidr';
import { defined, topologyOf } from './topology';
import { IncrementalParser } from '../../server/src/service/model/incremental';
import type { Circuit } from '../../server/src/service/model/model';

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
    assert.deepEqual(seen, ['prod', 'dev']);
  });

  it('carries an entity fact over to the next version when nothing it read changed, and computes it again when something did', () => {
    const parser = new IncrementalParser();
    const seen: string[] = [];
    const siteOfCircuit = entityFact((topology, circuit: Circuit) => (seen.push(circuit.id), topology.sites.get(circuit.site?.text ?? '')?.internet?.text));
    const versions = [
      'sites:\n  hq: { internet: allowed }\n  dc: { internet: blocked }\ncircuits:\n  er1:\n    site: hq\n',
      // Another site changes: er1 read hq only, so its value carries over.
      'sites:\n  hq: { internet: allowed }\n  dc: { internet: allowed }\ncircuits:\n  er1:\n    site: hq\n',
      // The site it read changes: computed again.
      'sites:\n  hq: { internet: blocked }\n  dc: { internet: allowed }\ncircuits:\n  er1:\n    site: hq\n',
    ];
    const values = versions.map((version) => {
      const { topology } = parser.update(version);
      return siteOfCircuit(topology, defined(topology.circuits, 'er1'));
    });
    assert.deepEqual(values, ['allowed', 'allowed', 'blocked']);
    assert.deepEqual(seen, ['er1', 'er1']);
  });

  it('computes a whole-topology fact again when a section it iterated changes, and carries it when that section did not', () => {
    const parser = new IncrementalParser();
    let runs = 0;
    const siteCount = topologyFact((topology) => (runs++, topology.sites.size));
    const counts = [
      'sites:\n  hq: {}\nenvironments:\n  prod: { region: europe }\n',
      'sites:\n  hq: {}\nenvironments:\n  prod: { region: asia }\n',
      'sites:\n  hq: {}\n  dc: {}\nenvironments:\n  prod: { region: asia }\n',
    ].map((version) => siteCount(parser.update(version).topology));
    assert.deepEqual([counts, runs], [[1, 1, 2], 2]);
  });

  it("computes a fact of an entity alone once per entity object, whatever the topology", () => {
    const seen: string[] = [];
    const region = ownFact((environment: { id: string; region?: { text: string } }) => (seen.push(environment.id), environment.region?.text));
    const topology = topologyOf(text);
    const prod = defined(topology.environments, 'prod');
    assert.deepEqual([region(prod), region(prod), region(defined(topologyOf(text).environments, 'prod'))], ['europe', 'europe', 'europe']);
    assert.deepEqual(seen, ['prod', 'prod']);
  });

  it('computes a fact of every entity of a section in one pass, in file order, and one of another version on its own', () => {
    const seen: string[] = [];
    const regions = sectionFact((topology) => topology.environments.values(), (_topology, environment) => (seen.push(environment.id), `${environment.id}@${environment.region?.text}`));
    const topology = topologyOf(text);
    assert.deepEqual([...regions.all(topology)], ['prod@europe', 'dev@europe']);
    assert.equal(regions.of(topology, defined(topology.environments, 'dev')), 'dev@europe');
    assert.equal(regions.of(topology, defined(topologyOf(text).environments, 'dev')), 'dev@europe');
    assert.deepEqual(seen, ['prod', 'dev', 'dev']);
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
