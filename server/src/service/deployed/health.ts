/**
 * What only a deployment can say is wrong with a circuit, as data: import turns each into a finding on
 * the imported circuit, drift into one on the design's. No sentence here: the words are theirs.
 *
 * - `prefix-validation-pending`: Microsoft peering's advertised prefixes are not `Configured` (Microsoft
 *   has not validated them against the routing registry, so it advertises no routes for them yet).
 * - `peering-disabled`: a peering whose `state` is `Disabled` carries nothing.
 * - `circuit-not-provisioned`: the connectivity provider has not provisioned the circuit
 *   (`serviceProviderProvisioningState` other than `Provisioned`).
 * - `route-filter-no-allow`: Microsoft peering with no route filter attached, or one with no Allow rule
 *   that names a community: Microsoft advertises no prefixes over it (circuits configured since August 2017).
 */
import type { DeployedCircuit } from './estate';

export type CircuitIssue =
  | { code: 'prefix-validation-pending'; state: string; prefixes: string[] }
  | { code: 'peering-disabled'; peering: 'microsoft' | 'private' }
  | { code: 'circuit-not-provisioned'; state: string }
  | { code: 'route-filter-no-allow'; reason: 'no-filter' }
  /** `filter`: the attached filter's name. */
  | { code: 'route-filter-no-allow'; reason: 'no-allow-rule'; filter: string };

export type CircuitIssueCode = CircuitIssue['code'];

/** The deployment-only issues of a circuit, in a fixed order: provisioning, peerings, prefixes, route filter. */
export function circuitIssues(circuit: DeployedCircuit): CircuitIssue[] {
  const issues: CircuitIssue[] = [];
  const provisioning = circuit.serviceProviderProvisioningState;
  if (provisioning !== undefined && provisioning.toLowerCase() !== 'provisioned') issues.push({ code: 'circuit-not-provisioned', state: provisioning });
  const microsoft = circuit.microsoftPeering;
  if (microsoft?.state?.toLowerCase() === 'disabled') issues.push({ code: 'peering-disabled', peering: 'microsoft' });
  if (circuit.privatePeering?.state?.toLowerCase() === 'disabled') issues.push({ code: 'peering-disabled', peering: 'private' });
  if (!microsoft) return issues;
  const state = microsoft.advertisedPrefixesState;
  if (state !== undefined && state.toLowerCase() !== 'configured' && microsoft.advertisedPrefixes.length) {
    issues.push({ code: 'prefix-validation-pending', state, prefixes: microsoft.advertisedPrefixes });
  }
  if (!microsoft.routeFilterId) issues.push({ code: 'route-filter-no-allow', reason: 'no-filter' });
  else if (microsoft.routeFilter && !allowsAny(microsoft.routeFilter.rules)) issues.push({ code: 'route-filter-no-allow', reason: 'no-allow-rule', filter: microsoft.routeFilter.name });
  return issues;
}

function allowsAny(rules: { access: string; communities: string[] }[]): boolean {
  return rules.some((rule) => rule.access.toLowerCase() === 'allow' && rule.communities.length > 0);
}
