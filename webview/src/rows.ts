/**
 * Table rows for large tables (the flows of a 300-site topology number thousands):
 *
 * - updated in place: rows are matched by key and rebuilt only when their content (`signature`)
 *   changed, so that after an edit the browser does not lay the whole table out again;
 * - shown a page at a time: the first `page` rows, then a row "N more…" that shows the next page when
 *   it scrolls into view or is clicked. How many are shown survives updates.
 */
const signatures = new WeakMap<Element, string>();

export interface RowSource<T> {
  items: readonly T[];
  key: (item: T) => string;
  signature: (item: T) => string;
  render: (item: T) => HTMLTableRowElement;
}

interface TableState {
  shown: number;
  source: RowSource<unknown>;
  more: HTMLTableRowElement;
  cell: HTMLTableCellElement;
}

const states = new WeakMap<HTMLTableSectionElement, TableState>();

/** Rows shown at first, and added each time the end is reached. */
export const ROWS_PAGE = 200;

export function updateRows<T>(body: HTMLTableSectionElement, source: RowSource<T>, columns: number): void {
  let state = states.get(body);
  if (!state) {
    const more = document.createElement('tr');
    more.className = 'more-rows';
    const cell = document.createElement('td');
    cell.colSpan = columns;
    more.append(cell);
    state = { shown: ROWS_PAGE, source: source as RowSource<unknown>, more, cell };
    states.set(body, state);
    const showMore = () => {
      const current = states.get(body)!;
      if (current.shown >= current.source.items.length) return;
      current.shown += ROWS_PAGE;
      render(body, current);
    };
    more.addEventListener('click', showMore);
    if (typeof IntersectionObserver !== 'undefined') {
      new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && showMore()).observe(more);
    }
  }
  state.source = source as RowSource<unknown>;
  render(body, state);
}

function render(body: HTMLTableSectionElement, state: TableState): void {
  const { source } = state;
  const items = source.items.slice(0, state.shown);
  const old = [...body.rows].filter((row) => row !== state.more);
  const keys = items.map(source.key);
  const rowFor = (item: unknown, i: number, reusable?: HTMLTableRowElement): HTMLTableRowElement => {
    const sig = source.signature(item);
    if (reusable && signatures.get(reusable) === sig) return reusable;
    const row = source.render(item);
    row.dataset.key = keys[i];
    signatures.set(row, sig);
    return row;
  };
  if (old.length === items.length && old.every((row, i) => row.dataset.key === keys[i])) {
    items.forEach((item, i) => {
      const row = rowFor(item, i, old[i]);
      if (row !== old[i]) old[i].replaceWith(row);
    });
  } else {
    const byKey = new Map(old.map((row) => [row.dataset.key, row]));
    body.replaceChildren(...items.map((item, i) => rowFor(item, i, byKey.get(keys[i]))));
  }
  const hidden = source.items.length - items.length;
  if (hidden > 0) {
    state.cell.textContent = `${hidden} more…`;
    if (body.lastElementChild !== state.more) body.append(state.more);
  } else {
    state.more.remove();
  }
}
