/**
 * The domain's derived facts, read by the rules, the traffic analysis, completion, hover and the graph:
 * what a circuit's route filter carries and its environments need, which regions an environment runs
 * in, which circuits serve a site, where a gateway's region sits, a connector's target, whether a
 * prefix is routable, and Virtual Network support (which regions a policy's subnets must cover, the
 * addresses its environments need, which circuits link its virtual networks to a site). Each walk is
 * written once here and computed once per topology version.
 */
export * from './circuits';
export * from './connectors';
export * from './gateways';
export * from './memo';
export * from './prefixes';
export * from './reach';
export * from './regions';
export * from './routeFilters';
export * from './vnet';
export * from './filterCommunities';
export * from './policyLocation';
export * from './deployment';
