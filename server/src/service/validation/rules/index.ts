/** The registry of every rule, in the order of the spec's table. */
import { Rule } from '../rule';
import { advertisedPrefixesLimit } from './advertisedPrefixesLimit';
import { advertisedPrefixesMissing } from './advertisedPrefixesMissing';
import { advertisedPrefixPrivate } from './advertisedPrefixPrivate';
import { asymmetricRouting } from './asymmetricRouting';
import { catalogGap } from './catalogGap';
import { cdnBlocked } from './cdnBlocked';
import { cdnNoEffect } from './cdnNoEffect';
import { circuitRegionMismatch } from './circuitRegionMismatch';
import { circuitSkuReach } from './circuitSkuReach';
import { cloudNotChecked } from './cloudNotChecked';
import { connectorMicrosoftBackbone } from './connectorMicrosoftBackbone';
import { connectorPublicInternet } from './connectorPublicInternet';
import { duplicateKey } from './duplicateKey';
import { expressrouteAzureServices } from './expressrouteAzureServices';
import { gatewayCrossGeography } from './gatewayCrossGeography';
import { gatewayBlocked } from './gatewayBlocked';
import { gatewayRegion } from './gatewayRegion';
import { gatewayRouteFilter } from './gatewayRouteFilter';
import { gatewayRequired } from './gatewayRequired';
import { gatewaySingleMember } from './gatewaySingleMember';
import { gatewayTls } from './gatewayTls';
import { invalidPrefix } from './invalidPrefix';
import { microsoftPeeringRequired } from './microsoftPeeringRequired';
import { relayBlocked } from './relayBlocked';
import { relayNeedsMicrosoftPeering } from './relayNeedsMicrosoftPeering';
import { relayPublicInternet } from './relayPublicInternet';
import { routeFilterDuplicate } from './routeFilterDuplicate';
import { routeFilterMissing } from './routeFilterMissing';
import { routeFilterMissingRegion } from './routeFilterMissingRegion';
import { routeFilterServiceCommunity } from './routeFilterServiceCommunity';
import { routeFilterUnknownCommunity } from './routeFilterUnknownCommunity';
import { environmentDatacenterRegion } from './environmentDatacenterRegion';
import { relayRouteFilter } from './relayRouteFilter';
import { routeFilterLegacyName } from './routeFilterLegacyName';
import { unknownPeeringLocation } from './unknownPeeringLocation';
import { schema } from './schema';
import { signInRouteFilter } from './signInRouteFilter';
import { unknownConnector } from './unknownConnector';
import { unknownKey } from './unknownKey';
import { unknownReference } from './unknownReference';
import { unknownRegion } from './unknownRegion';
import { unknownRuleCode } from './unknownRuleCode';
import { unusedDisable } from './unusedDisable';
import { unusedEntity } from './unusedEntity';
import { yamlSyntax } from './yamlSyntax';
import { vnetRegionPair } from './vnetRegionPair';
import { vnetSubnetSize } from './vnetSubnetSize';
import { vnetEnvironmentType } from './vnetEnvironmentType';
import { vnetManagedEnvironment } from './vnetManagedEnvironment';
import { vnetConnectorUnsupported } from './vnetConnectorUnsupported';
import { vnetNoPolicy } from './vnetNoPolicy';
import { vnetRouteMissing } from './vnetRouteMissing';
import { vnetPublicEndpoint } from './vnetPublicEndpoint';
import { yamlWarning } from './yamlWarning';
import { vnetSubnetReused } from './vnetSubnetReused';
import { vnetEarlyReleaseShared } from './vnetEarlyReleaseShared';
import { vnetCloudUnsupported } from './vnetCloudUnsupported';
import { sovereignCommercialCommunity } from './sovereignCommercialCommunity';
import { m365RequiresPremium } from './m365RequiresPremium';
import { privatePeeringVnetLimit } from './privatePeeringVnetLimit';
import { vnetCircuitLimit } from './vnetCircuitLimit';
import { circuitBandwidth } from './circuitBandwidth';
import { driftRouteFilter } from './driftRouteFilter';
import { driftValue } from './driftValue';
import { driftCapacity } from './driftCapacity';
import { driftMissing } from './driftMissing';
import { driftUndesigned } from './driftUndesigned';
import { providerManagedPeering } from './providerManagedPeering';
import { prefixValidationPending } from './prefixValidationPending';
import { peeringDisabled } from './peeringDisabled';
import { circuitNotProvisioned } from './circuitNotProvisioned';
import { routeFilterNoAllow } from './routeFilterNoAllow';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  yamlWarning,
  duplicateKey,
  schema,
  unknownKey,
  unknownReference,
  unknownRegion,
  unknownPeeringLocation,
  environmentDatacenterRegion,
  unknownConnector,
  catalogGap,
  cloudNotChecked,
  unusedEntity,
  unusedDisable,
  unknownRuleCode,
  circuitRegionMismatch,
  circuitSkuReach,
  circuitBandwidth,
  microsoftPeeringRequired,
  routeFilterMissing,
  routeFilterMissingRegion,
  routeFilterServiceCommunity,
  routeFilterUnknownCommunity,
  routeFilterDuplicate,
  routeFilterLegacyName,
  signInRouteFilter,
  m365RequiresPremium,
  sovereignCommercialCommunity,
  invalidPrefix,
  advertisedPrefixPrivate,
  advertisedPrefixesMissing,
  advertisedPrefixesLimit,
  asymmetricRouting,
  expressrouteAzureServices,
  gatewayRequired,
  gatewayCrossGeography,
  gatewayRegion,
  gatewayBlocked,
  gatewayRouteFilter,
  gatewayTls,
  gatewaySingleMember,
  connectorPublicInternet,
  connectorMicrosoftBackbone,
  cdnBlocked,
  cdnNoEffect,
  relayPublicInternet,
  relayBlocked,
  relayNeedsMicrosoftPeering,
  relayRouteFilter,
  vnetRegionPair,
  vnetSubnetSize,
  vnetEnvironmentType,
  vnetManagedEnvironment,
  vnetConnectorUnsupported,
  vnetNoPolicy,
  vnetRouteMissing,
  vnetPublicEndpoint,
  vnetSubnetReused,
  vnetEarlyReleaseShared,
  vnetCloudUnsupported,
  privatePeeringVnetLimit,
  vnetCircuitLimit,
  // Deployment rules (`deployment: true`): they compare the design with what is deployed.
  driftRouteFilter,
  driftValue,
  driftCapacity,
  driftMissing,
  driftUndesigned,
  providerManagedPeering,
  prefixValidationPending,
  peeringDisabled,
  circuitNotProvisioned,
  routeFilterNoAllow,
];

/** The code of every rule, for the checks of disable comments and ppnet.config.yaml. */
export const RULE_CODES: ReadonlySet<string> = new Set(RULES.map((rule) => rule.code));

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((rule) => rule.code === code);
}
