/** What circuit fixes share: the circuit a diagnostic names in its data, and how a route filter writes a region. */
import { AzureRegion } from '../../../catalog/catalog';
import { Circuit, Topology } from '../../../model/model';
import type { NewItem } from './edits';

/** The circuit a fix's diagnostic names in its data. */
export function circuitOfData(topology: Topology, data: unknown): Circuit | undefined {
  const id = (data as { circuitId?: unknown } | undefined)?.circuitId;
  return typeof id === 'string' ? topology.circuits.get(id) : undefined;
}

/** How a filter of that style writes a region: its value, or its display name (always when the value is unknown). */
export function regionItem(region: AzureRegion, values: boolean): NewItem {
  return { text: values && region.microsoftPeeringCommunity ? region.microsoftPeeringCommunity : region.displayName };
}
