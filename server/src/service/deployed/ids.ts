/**
 * The id `ppnet import` gives a deployed resource, and that `ppnet drift` matches a design entity by
 * when it writes no `azureId`: the name lower-cased, each character outside `a-z`, `0-9` and `-` made `-`.
 */
export function importIdOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}
