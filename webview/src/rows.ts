/**
 * Table rows kept across redraws: matched by key and rebuilt only when what they show (`signature`)
 * changed, so that after an edit the browser builds and lays out a row or two, not the whole table.
 */
export interface RowSource<T> {
  key: (item: T) => string;
  signature: (item: T) => string;
  render: (item: T) => HTMLTableRowElement;
}

export class KeptRows {
  /** What each row shows, as its signature said when it was built. */
  private readonly signatures = new WeakMap<HTMLTableRowElement, string>();

  constructor(private readonly body: HTMLTableSectionElement) {}

  /** Brings the body to one row per item (reused where key and signature match), then `tail`. */
  update<T>(items: readonly T[], source: RowSource<T>, tail: HTMLTableRowElement[] = []): void {
    const { body, signatures } = this;
    const old = new Map<string, HTMLTableRowElement>();
    for (const row of body.rows) if (row.dataset.key !== undefined) old.set(row.dataset.key, row);
    const rows = items.map((item) => {
      const key = source.key(item);
      const signature = source.signature(item);
      const reusable = old.get(key);
      if (reusable && signatures.get(reusable) === signature) return reusable;
      const row = source.render(item);
      row.dataset.key = key;
      signatures.set(row, signature);
      return row;
    });
    const wanted = new Set<HTMLTableRowElement>([...rows, ...tail]);
    // Stale rows out first, so that the pass below moves only what is new or out of order.
    for (const row of [...body.rows]) if (!wanted.has(row)) row.remove();
    const all = [...rows, ...tail];
    all.forEach((row, i) => {
      const present = body.rows[i];
      if (present !== row) body.insertBefore(row, present ?? null);
    });
  }
}
