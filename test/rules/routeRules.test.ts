/**
 * The squiggle and the red edge agree: over every fixture and example, each route rule reports an
 * entity exactly when the route the traffic analysis decided for that entity's flow, and the cause of
 * that route, say the rule's case (both directions). The cases are written here from the decisions
 * alone, not from the rules' code.
 *
 * Not route rules: sign-in-route-filter (no flow draws sign-in traffic), expressroute-azure-services
 * and vnet-connector-unsupported (a `via` value that no route can take, whatever the flow), and the
 * circuit rules (route-filter-missing-region, circuit-sku-reach...: a circuit's configuration, which
 * the users' flows read through every circuit of a site).
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/service';
import { allEntities, Topology } from '../../server/src/service/model/model';
import { servedEnvironments } from '../../server/src/service/facts';
import { connectorRoute, ConnectorRoute, desktopFlowRoute, DesktopFlowRoute, gatewayRoute, GatewayRoute, staticContentRoutes } from '../../server/src/service/traffic';
import { doc, ROOT } from '../support';

/** Every topology file of the tests and the examples, from the root. */
function topologyFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ppnet.yaml')) files.push(relative);
    }
  };
  ['test/rules', 'test/designs', 'test/fixtures', 'examples'].forEach(walk);
  return files.sort();
}

/** `kind:id` of an entity. */
type Subject = string;

interface RouteRule {
  code: string;
  /** The entities whose decided route and cause are the rule's case. */
  cases(topology: Topology): Subject[];
}

const gateways = (topology: Topology, holds: (route: GatewayRoute) => boolean): Subject[] =>
  [...topology.gateways.values()].filter((g) => holds(gatewayRoute(topology, g))).map((g) => `gateway:${g.id}`);
const desktopFlows = (topology: Topology, holds: (route: DesktopFlowRoute) => boolean): Subject[] =>
  [...topology.desktopFlows.values()].filter((f) => holds(desktopFlowRoute(topology, f))).map((f) => `desktopFlow:${f.id}`);
const connectors = (topology: Topology, holds: (route: ConnectorRoute) => boolean): Subject[] =>
  [...topology.connectors.values()].filter((c) => holds(connectorRoute(topology, c))).map((c) => `connector:${c.id}`);

/** Not carried for want of any circuit with Microsoft peering at the site, or for what each circuit there lacks. */
const noPeering = (cause: { kind: string; lacks?: unknown[] }) => cause.kind === 'not-carried' && cause.lacks!.length === 0;
const lacking = (cause: { kind: string; lacks?: unknown[] }) => cause.kind === 'not-carried' && cause.lacks!.length > 0;

const ROUTE_RULES: RouteRule[] = [
  { code: 'gateway-blocked', cases: (t) => gateways(t, (r) => r.route === 'no-route' && noPeering(r.cause)) },
  { code: 'gateway-route-filter', cases: (t) => gateways(t, (r) => r.route === 'no-route' && lacking(r.cause)) },
  { code: 'relay-blocked', cases: (t) => desktopFlows(t, (r) => r.route === 'no-route' && r.cause.kind === 'relay-internet') },
  { code: 'relay-public-internet', cases: (t) => desktopFlows(t, (r) => r.route === 'internet' && r.cause.kind === 'relay-internet' && r.site !== undefined) },
  { code: 'relay-needs-microsoft-peering', cases: (t) => desktopFlows(t, (r) => noPeering(r.cause) && r.site !== undefined) },
  {
    code: 'relay-route-filter',
    // A circuit that serves the environment carries the finding itself (route-filter-missing-region, circuit-sku-reach).
    cases: (t) =>
      desktopFlows(
        t,
        (r) =>
          r.cause.kind === 'not-carried' &&
          lacking(r.cause) &&
          r.site !== undefined &&
          r.environment !== undefined &&
          !r.cause.lacks.some((lack) => servedEnvironments(t, lack.circuit).includes(r.environment!)),
      ),
  },
  {
    code: 'cdn-blocked',
    cases: (t) =>
      [...t.environments.values()]
        .filter((e) => staticContentRoutes(t, e).some((r) => r.cause.kind === 'cdn' && r.route === 'no-route'))
        .map((e) => `environment:${e.id}`),
  },
  {
    code: 'connector-public-internet',
    cases: (t) => connectors(t, (r) => r.route === 'internet' && (r.cause.kind === 'third-party' || r.cause.kind === 'subnet-to-internet') && r.expected === 'expressroute'),
  },
  {
    code: 'connector-microsoft-backbone',
    cases: (t) => connectors(t, (r) => r.cause.kind === 'microsoft-service' && (r.expected === 'expressroute' || r.expected === 'internet')),
  },
  { code: 'gateway-required', cases: (t) => connectors(t, (r) => r.cause.kind === 'no-gateway' && r.unlinkedSubnet === undefined) },
  { code: 'vnet-route-missing', cases: (t) => connectors(t, (r) => r.unlinkedSubnet !== undefined) },
  { code: 'vnet-public-endpoint', cases: (t) => connectors(t, (r) => r.cause.kind === 'subnet-to-internet') },
];

/** The innermost entity whose YAML holds an offset, as `kind:id`. */
function entityAt(topology: Topology, offset: number): Subject | undefined {
  let found: { subject: Subject; start: number } | undefined;
  for (const entity of allEntities(topology)) {
    const start = entity.key.range?.[0] ?? 0;
    const end = Math.max(entity.key.range?.[1] ?? start, entity.map?.range?.[1] ?? start);
    if (offset >= start && offset < end && (!found || start >= found.start)) found = { subject: `${entity.kind}:${entity.id}`, start };
  }
  return found?.subject;
}

describe('route rules agree with the routes of their flows', () => {
  const service = createLanguageService();
  const fired = new Map<string, number>();
  const held = new Map<string, number>();
  for (const file of topologyFiles()) {
    it(file, () => {
      const document = doc(fs.readFileSync(path.join(ROOT, file), 'utf8'), `file:///${file}`);
      const diagnostics = service.validate(document);
      const topology = service.getTopology(document);
      for (const rule of ROUTE_RULES) {
        const reported = diagnostics
          .filter((d) => d.code === rule.code)
          .map((d) => entityAt(topology, document.offsetAt(d.range.start)) ?? `(no entity at ${d.range.start.line + 1}:${d.range.start.character + 1})`);
        const cases = rule.cases(topology);
        assert.deepEqual({ code: rule.code, reported: [...new Set(reported)].sort() }, { code: rule.code, reported: [...new Set(cases)].sort() });
        fired.set(rule.code, (fired.get(rule.code) ?? 0) + reported.length);
        held.set(rule.code, (held.get(rule.code) ?? 0) + cases.length);
      }
    });
  }
  it('sees each route rule fire, and each case hold, somewhere', () => {
    for (const rule of ROUTE_RULES) {
      assert.ok((fired.get(rule.code) ?? 0) > 0, `${rule.code} never fires`);
      assert.ok((held.get(rule.code) ?? 0) > 0, `${rule.code}: its case never holds`);
    }
  });
});
