/**
 * What the traffic analysis decides for each flow: its route and the typed cause of that route (which
 * circuit carries it, what each circuit lacks, why the route cannot be told). Decisions only: the
 * sentences that explain them are reasons.ts's, the stretches drawn are the graph's.
 */
import type { AzureRegion, PowerPlatformRegion } from '../catalog/catalog';
import type { PrivatePeeringLink } from '../facts';
import type { AzureService, Circuit, Connector, DesktopFlow, EnterprisePolicy, EntityKind, Environment, Gateway, Site } from '../model/model';
import type { FlowKind, RouteKind } from '../../../../protocol/graph';

export type { FlowKind, RouteKind } from '../../../../protocol/graph';

/** A place a flow passes: an entity of the file, or a piece of Microsoft's or the internet's infrastructure. */
export type Hop =
  | { kind: 'entity'; entity: EntityKind; id: string }
  | { kind: 'internet' }
  | { kind: 'cdn' }
  | { kind: 'service-bus' }
  | { kind: 'relay' }
  /** A service outside Microsoft that a connector reaches. */
  | { kind: 'service'; name: string }
  /** All environments of a Power Platform region (Azure services are used by the environments, not by one). */
  | { kind: 'region'; id: string };

export const entityHop = (entity: EntityKind, id: string): Hop => ({ kind: 'entity', entity, id });
export const INTERNET: Hop = { kind: 'internet' };
export const CDN: Hop = { kind: 'cdn' };
export const SERVICE_BUS: Hop = { kind: 'service-bus' };
export const RELAY: Hop = { kind: 'relay' };

// ---- Crossing the Microsoft edge ----

/**
 * Why one circuit does not carry traffic to some Azure regions: it has no Microsoft peering, its
 * Microsoft peering has no route filter entries (Microsoft advertises no prefixes over it), or some of
 * the regions are missing. In each case, the regions out of the circuit's reach (peering location and
 * SKU) and the others its route filter does not list.
 */
export interface CircuitLack {
  kind: 'no-microsoft-peering' | 'no-filter-entries' | 'regions';
  circuit: Circuit;
  unreachable: AzureRegion[];
  unlisted: AzureRegion[];
}

/** Why ppnet cannot tell whether a circuit carries traffic to some Azure regions. */
export type CannotTell =
  /** Version 1 knows the BGP communities of the public cloud only. */
  | { kind: 'sovereign-cloud' }
  /** The catalog does not know the regions' BGP communities. */
  | { kind: 'unknown-community'; regions: AzureRegion[] };

/** How traffic from a site to Azure regions crosses the Microsoft edge. */
export type Crossing =
  | { kind: 'carried'; circuit: Circuit; regions: AzureRegion[] }
  /** No circuit carries it: what each lacks (none: no circuit with Microsoft peering). */
  | { kind: 'not-carried'; lacks: CircuitLack[] }
  | { kind: 'cannot-tell'; why: CannotTell };

// ---- Routes, one kind of flow each ----

interface RouteBase<K extends FlowKind> {
  /** Stable id: `<kind>:<entity ids>`. */
  id: string;
  kind: K;
  from: Hop;
  to: Hop;
  route: RouteKind;
  /** The circuit that carries the flow when it takes ExpressRoute or a private peering. */
  circuit?: Circuit;
  /** The entity whose YAML the flow comes from. */
  subject: { kind: EntityKind; id: string };
  /** The route the file says the author expects (`via`), when it names one. */
  expected?: RouteKind;
}

/** Users at a site reaching an environment that a circuit at the site serves. */
export interface UsersRoute extends RouteBase<'users'> {
  environment: Environment;
  site: Site;
  /** The environment's Power Platform region, when the catalog knows it. */
  region?: PowerPlatformRegion;
  cause: Crossing | { kind: 'unknown-region' };
}

/** The static content of an environment's canvas apps, loaded at a site of its users. */
export interface StaticContentRoute extends RouteBase<'static-content'> {
  environment: Environment;
  site: Site;
  /** `cdn`: from the CDN, over the internet only; `cdn-off`: from the environment, as its users go. */
  cause: { kind: 'cdn' } | { kind: 'cdn-off'; users: UsersRoute };
}

/** How a gateway reaches Azure Service Bus in its region: the route of every connector that uses it. */
export interface GatewayRoute {
  gateway: Gateway;
  route: RouteKind;
  circuit?: Circuit;
  /** The gateway's site, when the file defines it. */
  site?: Site;
  /** The gateway's Azure region, when the catalog knows it. */
  region?: AzureRegion;
  cause: { kind: 'no-site' } | { kind: 'unknown-region' } | Crossing;
}

export type ConnectorCause =
  /** Target microsoft: the service runs next to the environment. */
  | { kind: 'microsoft-service' }
  /** Target third-party: called from Microsoft's datacenters over the internet. */
  | { kind: 'third-party' }
  /** Neither the file nor the catalog says where the connector goes. */
  | { kind: 'unknown-target' }
  /** On-premises, from the delegated subnet over a circuit's private peering (`via: vnet`). */
  | { kind: 'private-peering'; policy: EnterprisePolicy; links: PrivatePeeringLink[] }
  /** Third-party, out of the delegated subnet through the virtual network. */
  | { kind: 'subnet-to-internet'; policy: EnterprisePolicy }
  /** Microsoft, from the delegated subnet over the service's private endpoint (`via: vnet`). */
  | { kind: 'subnet-private-endpoint'; policy: EnterprisePolicy }
  /** On-premises without a gateway. */
  | { kind: 'no-gateway' }
  /** On-premises through a gateway the file does not define. */
  | { kind: 'undefined-gateway'; gatewayId: string }
  /** On-premises through a gateway: the gateway's route. */
  | { kind: 'gateway'; gateway: GatewayRoute };

/** A connector's calls, from its environment (when the file defines it). */
export interface ConnectorRoute extends RouteBase<'connector'> {
  connector: Connector;
  /** The service it reaches: the catalog's name, else its type, else its id. */
  serviceName: string;
  cause: ConnectorCause;
  /**
   * An on-premises connector the file expects through the delegated subnet (`via: vnet`) whose policy's
   * virtual networks no circuit's private peering links to a site: that path is missing.
   */
  unlinkedSubnet?: EnterprisePolicy;
}

/** A desktop flow's machine reaching Azure Relay. */
export interface DesktopFlowRoute extends RouteBase<'desktop-flow'> {
  flow: DesktopFlow;
  /** The machine's site, when the file defines it. */
  site?: Site;
  /** The flow's environment, when the file defines it. */
  environment?: Environment;
  cause:
    | { kind: 'relay-internet' }
    | { kind: 'no-site' }
    | { kind: 'no-environment' }
    | { kind: 'unknown-region'; environment: Environment }
    | Crossing;
}

/** The environments of a Power Platform region reaching an Azure service. */
export interface AzureServiceRoute extends RouteBase<'azure-service'> {
  service: AzureService;
  region: PowerPlatformRegion;
  /** The service's Azure region, when the catalog knows it. */
  azure?: AzureRegion;
  cause: { kind: 'backbone' } | { kind: 'private-endpoint'; policy: EnterprisePolicy };
}

export type FlowRoute = UsersRoute | StaticContentRoute | ConnectorRoute | DesktopFlowRoute | AzureServiceRoute;

