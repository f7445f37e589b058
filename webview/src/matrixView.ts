/**
 * The route matrix view: rows (sites, desktop-flow machines, gateways, regions) against columns
 * (environments, Azure and outside services), each cell the route of its flows, the reason on hover,
 * the source on click. The data is `routeMatrix(graph)`, the same as `ppnet routes --format json`.
 *
 * Virtualised: only the rows, columns and cells in view (and a few around) are in the DOM, so that a
 * matrix of hundreds by hundreds scrolls as freely as a small one. Every name is DOM text.
 */
import type { RouteKind } from '../../protocol/graph';
import { axisTitle, MatrixCell, MatrixColumn, MatrixRow, RouteMatrix } from '../../diagram/matrix';
import { PALETTES, ThemeKind } from '../../diagram/theme';
import { ROUTE_WORDS } from '../../protocol/vocabulary';

export const ROW_HEIGHT = 30;
export const COLUMN_WIDTH = 128;
const OVERSCAN = 3;

/** What the matrix shows of its data: rows and columns kept, routes hidden. */
export interface MatrixSelection {
  rows?: ReadonlySet<string>;
  columns?: ReadonlySet<string>;
  /** Cells none of whose routes is in this set are left out. */
  hiddenRoutes: ReadonlySet<RouteKind>;
}

/** What is highlighted: whole rows and columns (the entity under the cursor), and single cells (its flows). */
export interface MatrixHighlight {
  rows: ReadonlySet<string>;
  columns: ReadonlySet<string>;
  cells: ReadonlySet<string>;
  /** Rows and columns of the search's matches, marked apart. */
  searched?: ReadonlySet<string>;
}

export interface MatrixEvents {
  /** A cell, row or column was picked: reveal the YAML of this node (when it has some). */
  reveal(node: string): void;
}

function div(className: string, text?: string): HTMLDivElement {
  const element = document.createElement('div');
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** "ExpressRoute", or "Internet + ER" for a cell whose flows take several routes, most exposed first. */
export function cellText(cell: Pick<MatrixCell, 'routes'>): string {
  return cell.routes.length === 1 ? ROUTE_WORDS[cell.routes[0]].short : cell.routes.map((r) => ROUTE_WORDS[r].abbreviation).join(' + ');
}

export const cellKey = (row: string, column: string) => `${row}\u0000${column}`;

export class MatrixView {
  private readonly corner = div('matrix-corner');
  private readonly columnPane = div('matrix-columns');
  private readonly columnCanvas = div('matrix-canvas');
  private readonly rowPane = div('matrix-rows');
  private readonly rowCanvas = div('matrix-canvas');
  private readonly body = div('matrix-body');
  private readonly bodyCanvas = div('matrix-canvas matrix-grid');
  private readonly empty = div('matrix-empty');

  private matrix: RouteMatrix = { rows: [], columns: [], cells: [] };
  private rows: MatrixRow[] = [];
  private columns: MatrixColumn[] = [];
  private cells = new Map<string, MatrixCell>();
  private highlight: MatrixHighlight = { rows: new Set(), columns: new Set(), cells: new Set() };
  private selected: string | undefined;
  private frame = 0;
  private theme: ThemeKind = 'light';

  constructor(
    private readonly root: HTMLElement,
    private readonly events: MatrixEvents,
    /** The nodes whose YAML can be revealed. */
    private readonly revealable: (node: string) => boolean,
  ) {
    this.columnPane.append(this.columnCanvas);
    this.rowPane.append(this.rowCanvas);
    this.body.append(this.bodyCanvas);
    this.body.tabIndex = 0;
    this.body.setAttribute('aria-label', 'Route matrix');
    this.empty.hidden = true;
    root.replaceChildren(this.corner, this.columnPane, this.rowPane, this.body, this.empty);
    this.body.addEventListener('scroll', () => this.schedule());
    root.addEventListener('click', (event) => this.click(event));
    root.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' || event.key === ' ') && (event.target as Element).closest?.('[data-reveal]')) {
        event.preventDefault();
        this.click(event);
      }
    });
    new ResizeObserver(() => this.schedule()).observe(this.body);
  }

  /** New data (a new graph), what of it to show, and the theme's colours. */
  show(matrix: RouteMatrix, selection: MatrixSelection, theme: ThemeKind): void {
    this.matrix = matrix;
    this.theme = theme;
    const palette = PALETTES[theme];
    for (const route of Object.keys(ROUTE_WORDS) as RouteKind[]) this.root.style.setProperty(`--route-${route}`, palette.routes[route]);
    const visible = (cell: MatrixCell) => cell.routes.some((r) => !selection.hiddenRoutes.has(r));
    const cells = matrix.cells.filter((c) => visible(c) && (!selection.rows || selection.rows.has(c.row)) && (!selection.columns || selection.columns.has(c.column)));
    this.rows = matrix.rows.filter((r) => !selection.rows || selection.rows.has(r.id));
    this.columns = matrix.columns.filter((c) => !selection.columns || selection.columns.has(c.id));
    this.cells = new Map(cells.map((c) => [cellKey(c.row, c.column), c]));
    const width = this.columns.length * COLUMN_WIDTH;
    const height = this.rows.length * ROW_HEIGHT;
    for (const canvas of [this.bodyCanvas, this.columnCanvas]) canvas.style.width = `${width}px`;
    for (const canvas of [this.bodyCanvas, this.rowCanvas]) canvas.style.height = `${height}px`;
    this.corner.replaceChildren(div('matrix-corner-title', 'From \u2193  To \u2192'), div('matrix-corner-count', `${this.rows.length} × ${this.columns.length} · ${cells.length} with flows`));
    this.empty.textContent = matrix.rows.length === 0 || matrix.columns.length === 0 ? 'No flow leaves from a site, a desktop-flow machine, a gateway or a region of this file.' : 'Nothing matches the filters.';
    this.empty.hidden = this.rows.length > 0 && this.columns.length > 0;
    this.render();
  }

  setHighlight(highlight: MatrixHighlight, scrollIntoView: boolean): void {
    this.highlight = highlight;
    if (scrollIntoView) {
      const row = this.rows.findIndex((r) => highlight.rows.has(r.id) || [...highlight.cells].some((k) => k.startsWith(`${r.id}\u0000`)));
      const column = this.columns.findIndex((c) => highlight.columns.has(c.id) || [...highlight.cells].some((k) => k.endsWith(`\u0000${c.id}`)));
      this.scrollTo(row, column);
    }
    this.render();
  }

  /** Scrolls so that row and column (indexes; -1 leaves that axis) are in view. */
  scrollTo(row: number, column: number): void {
    if (row >= 0) {
      const top = row * ROW_HEIGHT;
      if (top < this.body.scrollTop || top + ROW_HEIGHT > this.body.scrollTop + this.body.clientHeight) this.body.scrollTop = Math.max(0, top - this.body.clientHeight / 2);
    }
    if (column >= 0) {
      const left = column * COLUMN_WIDTH;
      if (left < this.body.scrollLeft || left + COLUMN_WIDTH > this.body.scrollLeft + this.body.clientWidth) this.body.scrollLeft = Math.max(0, left - this.body.clientWidth / 2);
    }
  }

  /** The index of the first row, then column, whose label or id holds the query; scrolls it into view. */
  reveal(match: (axis: MatrixRow | MatrixColumn) => boolean): boolean {
    const row = this.rows.findIndex(match);
    const column = row >= 0 ? -1 : this.columns.findIndex(match);
    if (row < 0 && column < 0) return false;
    this.scrollTo(row, column);
    this.render();
    return true;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Draws the rows, columns and cells in view. */
  private render(): void {
    const top = this.body.scrollTop;
    const left = this.body.scrollLeft;
    const height = this.body.clientHeight || 600;
    const width = this.body.clientWidth || 800;
    this.rowPane.scrollTop = top;
    this.columnPane.scrollLeft = left;
    const firstRow = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const lastRow = Math.min(this.rows.length - 1, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    const firstColumn = Math.max(0, Math.floor(left / COLUMN_WIDTH) - OVERSCAN);
    const lastColumn = Math.min(this.columns.length - 1, Math.ceil((left + width) / COLUMN_WIDTH) + OVERSCAN);
    const { rows: litRows, columns: litColumns, cells: litCells } = this.highlight;
    const searched = this.highlight.searched ?? new Set<string>();

    const headers = (axis: 'row' | 'column', first: number, last: number, lit: ReadonlySet<string>): HTMLElement[] => {
      const elements: HTMLElement[] = [];
      for (let index = first; index <= last; index++) {
        const entry = axis === 'row' ? this.rows[index] : this.columns[index];
        const header = this.axisHeader(`matrix-${axis}`, entry, axis === 'row' ? (entry as MatrixRow).node : entry.id);
        header.dataset[axis] = entry.id;
        header.style.transform = axis === 'row' ? `translateY(${index * ROW_HEIGHT}px)` : `translateX(${index * COLUMN_WIDTH}px)`;
        header.classList.toggle('highlight', lit.has(entry.id));
        header.classList.toggle('search-match', searched.has(entry.id));
        elements.push(header);
      }
      return elements;
    };
    this.rowCanvas.replaceChildren(...headers('row', firstRow, lastRow, litRows));
    this.columnCanvas.replaceChildren(...headers('column', firstColumn, lastColumn, litColumns));

    const cells: HTMLElement[] = [];
    const rowsById = new Map(this.rows.map((r) => [r.id, r]));
    for (let r = firstRow; r <= lastRow; r++) {
      for (let c = firstColumn; c <= lastColumn; c++) {
        const rowId = this.rows[r].id;
        const columnId = this.columns[c].id;
        const key = cellKey(rowId, columnId);
        const cell = this.cells.get(key);
        const lit = litRows.has(rowId) || litColumns.has(columnId);
        if (!cell) {
          // Empty cells are the grid's background; a highlighted row or column tints them.
          if (lit) {
            const band = div('matrix-cell empty related');
            band.style.transform = `translate(${c * COLUMN_WIDTH}px, ${r * ROW_HEIGHT}px)`;
            cells.push(band);
          }
          continue;
        }
        const element = div(`matrix-cell route-${cell.route}`, cellText(cell));
        element.dataset.row = cell.row;
        element.dataset.column = cell.column;
        element.dataset.route = cell.route;
        element.title = `${rowsById.get(cell.row)!.label} → ${this.columns[c].label}: ${cell.routes.map((route) => ROUTE_WORDS[route].label).join(', ')}\n\n${cell.reason}`;
        element.style.transform = `translate(${c * COLUMN_WIDTH}px, ${r * ROW_HEIGHT}px)`;
        element.classList.toggle('related', lit || litCells.has(key));
        element.classList.toggle('highlight', litCells.has(key));
        element.classList.toggle('selected', this.selected === key);
        element.dataset.reveal = cell.node;
        element.tabIndex = 0;
        element.setAttribute('role', 'button');
        cells.push(element);
      }
    }
    this.bodyCanvas.replaceChildren(...cells);
  }

  private axisHeader(className: string, axis: MatrixRow | MatrixColumn, node: string): HTMLDivElement {
    const header = div(className);
    header.append(div('matrix-axis-kind', axisTitle(axis.kind)), div('matrix-axis-label', axis.label));
    header.title = `${axisTitle(axis.kind)} ${axis.label}`;
    if (this.revealable(node)) {
      header.dataset.reveal = node;
      header.tabIndex = 0;
      header.setAttribute('role', 'button');
    }
    return header;
  }

  private click(event: Event): void {
    const target = (event.target as Element).closest?.('[data-reveal]') as HTMLElement | null;
    if (!target) return;
    if (target.classList.contains('matrix-cell')) {
      this.selected = cellKey(target.dataset.row!, target.dataset.column!);
      this.render();
    }
    const node = target.dataset.reveal!;
    if (this.revealable(node)) this.events.reveal(node);
  }

  /** The theme changed: new route colours. */
  setTheme(theme: ThemeKind): void {
    if (theme === this.theme) return;
    this.theme = theme;
    const palette = PALETTES[theme];
    for (const route of Object.keys(ROUTE_WORDS) as RouteKind[]) this.root.style.setProperty(`--route-${route}`, palette.routes[route]);
  }

  get data(): RouteMatrix {
    return this.matrix;
  }
}
