/**
 * Azure's and Power Platform's spellings turned into the topology format's, and back: what import
 * writes and what drift compares. Each returns `undefined` where the format has no spelling for the
 * value (the caller says so), never a guess.
 */
import {
  findAzureRegion,
  findPeeringLocation,
  findPowerPlatformRegion,
  resolveRouteFilterEntry,
} from '../catalog/catalog';

/** A peering location as the catalog spells it (`Silicon Valley`, `Newport(Wales)`); `undefined` when the catalog lacks it. */
export function catalogPeeringLocation(azure: string): string | undefined {
  return findPeeringLocation(azure)?.displayName;
}

/** The format's `sku`: `Standard` → `standard`; `Basic` (and anything else) has none. */
export function skuOfTier(tier: string): 'standard' | 'premium' | 'local' | undefined {
  const lower = tier.trim().toLowerCase();
  return lower === 'standard' || lower === 'premium' || lower === 'local' ? lower : undefined;
}

/** The format's bandwidth: 1000 → `1Gbps`, 500 → `500Mbps`, 10000 → `10Gbps`. */
export function bandwidthText(mbps: number): string {
  return mbps >= 1000 && mbps % 1000 === 0 ? `${mbps / 1000}Gbps` : `${mbps}Mbps`;
}

const ENVIRONMENT_TYPES = new Set(['production', 'sandbox', 'trial', 'developer', 'default', 'teams']);

/** An environment's `type` from the admin API's `environmentSku` (`Production` → `production`). */
export function environmentTypeOfSku(sku: string): string | undefined {
  const lower = sku.trim().toLowerCase();
  return ENVIRONMENT_TYPES.has(lower) ? lower : undefined;
}

/** An Azure region's id from its id or display name (`West Europe` → `westeurope`). */
export function azureRegionId(text: string): string | undefined {
  return findAzureRegion(text)?.id;
}

/** A Power Platform region's id from the admin API's `location` (`europe`, `unitedstates`). */
export function powerPlatformRegionId(text: string): string | undefined {
  return findPowerPlatformRegion(text)?.id;
}

/** A BGP community's name, as a topology comment says it: `West Europe`, `Microsoft Entra ID`, `Azure Storage (West Europe)`. */
export function communityName(value: string): string | undefined {
  const entry = resolveRouteFilterEntry(value);
  switch (entry.kind) {
    case 'region':
      return entry.region.displayName;
    case 'service':
      return entry.service.name;
    case 'regional-service':
      return entry.region ? `${entry.service.name} (${entry.region.displayName})` : entry.service.name;
    case 'private-peering':
      return entry.region ? `${entry.region.displayName} (private peering)` : undefined;
    default:
      return undefined;
  }
}

/**
 * A route filter entry's community value, whether the entry is a value (`12076:51002`) or a name
 * (`West Europe`, `westeurope`, `Microsoft Entra ID`); `undefined` when ppnet cannot tell it.
 */
export function communityValue(entry: string): string | undefined {
  const resolved = resolveRouteFilterEntry(entry);
  switch (resolved.kind) {
    case 'region':
      return resolved.community;
    case 'service':
      return resolved.service.value ?? undefined;
    case 'regional-service':
    case 'private-peering':
    case 'sovereign':
      return resolved.value;
    default:
      return /^\d+:\d+$/.test(entry.trim()) ? entry.trim() : undefined;
  }
}
