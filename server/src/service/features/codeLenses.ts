/**
 * Code lenses: a line above each circuit, gateway and environment that says what it does in the
 * design. A circuit: the environments it serves, what it reaches from its peering location with its
 * SKU, the communities its route filter lacks and the environments out of its reach. A gateway: the
 * connectors that use it. An environment: its flows by route. Every number is read from the facts and
 * the traffic analysis (the same the rules and the preview read); a lens clicks through to the preview
 * focused on its entity, or to the places it counts.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeLens, Command, Location } from 'vscode-languageserver-types';
import { SHOW_IN_PREVIEW_COMMAND, SHOW_REFERENCES_COMMAND } from '../../../../protocol/protocol';
import { ROUTE_WORDS } from '../../../../protocol/vocabulary';
import type { RouteKind } from '../../../../protocol/graph';
import { missingCommunities, outOfReach, reachBasis, servedEnvironments, topologyFact } from '../facts';
import { Circuit, cloudOf, EntityBase, entitiesNaming, Environment, Gateway, Topology } from '../model/model';
import { flowEnvironment, flowRoutes } from '../traffic';
import { idRange } from './navigation';
import { entityNodeId } from './graph';

const ROUTES = Object.keys(ROUTE_WORDS) as RouteKind[];

/** One lens per circuit, gateway and environment, in file order. */
export function getCodeLenses(topology: Topology, document: TextDocument): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const circuit of topology.circuits.values()) lenses.push(lens(document, circuit, circuitTitle(topology, circuit), showInPreview(document, circuit)));
  for (const gateway of topology.gateways.values()) lenses.push(gatewayLens(topology, document, gateway));
  for (const environment of topology.environments.values()) lenses.push(lens(document, environment, environmentTitle(topology, environment), showInPreview(document, environment)));
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function lens(document: TextDocument, entity: EntityBase, title: string, command: Omit<Command, 'title'>): CodeLens {
  return { range: idRange(document, entity.key), command: { title, ...command } };
}

function showInPreview(document: TextDocument, entity: EntityBase): Omit<Command, 'title'> {
  return { command: SHOW_IN_PREVIEW_COMMAND, arguments: [document.uri, entityNodeId(entity.kind, entity.id)] };
}

/** "1 environment", "2 communities": a count and its noun. */
function counted(n: number, one: string, several: string): string {
  return `${n} ${n === 1 ? one : several}`;
}

/** "serves 2 environments · reaches Europe (standard) · 1 community missing · 1 environment out of reach". */
function circuitTitle(topology: Topology, circuit: Circuit): string {
  const served = servedEnvironments(topology, circuit).length;
  const parts = [served ? `serves ${counted(served, 'environment', 'environments')}` : 'serves no environment'];
  // Reach and communities are known for the public cloud only (the rules that read them say so).
  if (cloudOf(topology) !== 'public') return parts.join(' · ');
  const basis = reachBasis(circuit);
  if (basis) {
    const { location, sku } = basis;
    if (sku === 'premium') parts.push('reaches every region (premium)');
    else if (sku === 'local') parts.push(`reaches ${location.localAzureRegions.length ? location.localAzureRegions.join(' + ') : 'no region'} (local)`);
    else if (location.geopoliticalRegion) parts.push(`reaches ${location.geopoliticalRegion} (standard)`);
  }
  const missing = circuit.microsoftPeering?.routeFilter ? missingCommunities(topology, circuit).length : 0;
  if (missing) parts.push(`${counted(missing, 'community', 'communities')} missing`);
  const unreachable = outOfReach(topology, circuit).length;
  if (unreachable) parts.push(`${counted(unreachable, 'environment', 'environments')} out of reach`);
  return parts.join(' · ');
}

/** "used by 3 connectors", clicking through to their `gateway` values (the gateway's references). */
function gatewayLens(topology: Topology, document: TextDocument, gateway: Gateway): CodeLens {
  const connectors = entitiesNaming(topology, 'connector', 'gateway', gateway.id);
  if (!connectors.length) return { range: idRange(document, gateway.key), command: { title: 'used by no connector', command: '' } };
  const locations = connectors.map((connector) => Location.create(document.uri, idRange(document, connector.gateway!.node)));
  const range = idRange(document, gateway.key);
  return { range, command: { title: `used by ${counted(connectors.length, 'connector', 'connectors')}`, command: SHOW_REFERENCES_COMMAND, arguments: [document.uri, range.start, locations] } };
}

/** Each environment's flows by route, counted once per topology version over every flow. */
const routesByEnvironment = topologyFact((topology: Topology): Map<string, Map<RouteKind, number>> => {
  const counts = new Map<string, Map<RouteKind, number>>();
  for (const flow of flowRoutes(topology)) {
    const environment = flowEnvironment(topology, flow);
    if (environment === undefined) continue;
    let byRoute = counts.get(environment);
    if (!byRoute) counts.set(environment, (byRoute = new Map()));
    byRoute.set(flow.route, (byRoute.get(flow.route) ?? 0) + 1);
  }
  return counts;
});

/** "5 flows: 3 ExpressRoute · 2 Internet", the routes in the legend's order. */
function environmentTitle(topology: Topology, environment: Environment): string {
  const byRoute = routesByEnvironment(topology).get(environment.id);
  const total = [...(byRoute?.values() ?? [])].reduce((sum, n) => sum + n, 0);
  if (!byRoute || !total) return 'no flows';
  const routes = ROUTES.filter((route) => byRoute.has(route)).map((route) => `${byRoute.get(route)} ${ROUTE_WORDS[route].short}`);
  return `${counted(total, 'flow', 'flows')}: ${routes.join(' · ')}`;
}
