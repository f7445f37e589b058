/**
 * The formats of the infrastructure-as-code export (`ppnet export`, the editor's export command and
 * its copy action): each one's id, what the editor calls it and the file name ending it is saved with.
 * Declared once: the language service, the command line and the extension read this list.
 */
export const INFRASTRUCTURE_FORMATS = [
  { id: 'bicep', label: 'Bicep', extension: 'bicep' },
  { id: 'arm', label: 'ARM template (JSON)', extension: 'json' },
  { id: 'terraform', label: 'Terraform', extension: 'tf' },
  { id: 'az', label: 'Azure CLI script (bash)', extension: 'sh' },
] as const;

export type InfrastructureFormat = (typeof INFRASTRUCTURE_FORMATS)[number]['id'];

export function isInfrastructureFormat(value: unknown): value is InfrastructureFormat {
  return INFRASTRUCTURE_FORMATS.some((f) => f.id === value);
}
