/**
 * Identifiers for the exports, made from the design's ids: `erAms` (Bicep and ARM), `er_ams`
 * (Terraform), `ER_AMS` (shell variables). Ids that would give the same identifier (`er-ams`, `er_ams`)
 * get a number, so that every exported name is unique.
 */

/** The words of an id: `er-ams_2` gives `er`, `ams`, `2`. */
function words(id: string): string[] {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

export function camel(id: string): string {
  return words(id)
    .map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}

export function snake(id: string): string {
  return words(id).map((word) => word.toLowerCase()).join('_');
}

/** One stem per entity, unique under `form` (a stem taken by another id gets `2`, `3`...). */
export class Stems {
  private readonly byId = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(private readonly form: (id: string) => string) {}

  /** The stem of `id`, for the entity `key` (`circuit:er-ams`: ids of different kinds may be equal). */
  of(key: string, id: string): string {
    const known = this.byId.get(key);
    if (known !== undefined) return known;
    const base = this.form(id) || 'x';
    let stem = base;
    for (let n = 2; this.taken.has(stem.toLowerCase()); n++) stem = `${base}${this.form === snake ? '_' : ''}${n}`;
    this.taken.add(stem.toLowerCase());
    this.byId.set(key, stem);
    return stem;
  }
}
