/** What the two gateway-region rules share: the finding on a gateway's region, its words and its fixes. */
import { Diagnostic } from 'vscode-languageserver-types';
import { GatewayUse, regionName } from '../../../facts';
import type { Finding, Fix } from '../../rule';
import { listWords } from '../../../text/words';
import { replaceValueFix } from './edits';

/** The parts of a gateway-region finding both geography rules share: range, related entities and fix data. */
export function gatewayUseFinding(use: GatewayUse, message: string): Finding {
  return {
    at: use.gatewayRegion.node,
    message,
    related: [
      ...use.connectors.map((c) => ({ at: c.gateway!.node, message: `Connector ${c.id} of environment ${use.environment.id} uses gateway ${use.gateway.id}.` })),
      { at: use.environmentRegion.node, message: `Environment ${use.environment.id} is in ${use.region.displayName}.` },
    ],
    data: { replacements: use.region.datacenterRegions },
  };
}

/** "Connector a uses it" / "connectors a and b use it". */
export function connectorsUsing(use: GatewayUse): string {
  const ids = use.connectors.map((c) => c.id);
  return `${ids.length > 1 ? 'connectors' : 'connector'} ${listWords(ids)} ${ids.length > 1 ? 'use' : 'uses'} it`;
}

/** One fix per datacenter region of the environment, the first (nearest listed) preferred. */
export function regionFixes({ diagnostic }: { diagnostic: Diagnostic }): Fix[] {
  const { replacements } = diagnostic.data as { replacements: string[] };
  return replacements.map((id, index) => replaceValueFix(diagnostic, `Set region: ${id} (${regionName(id)})`, id, index === 0));
}
