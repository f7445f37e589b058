/**
 * The bar under the toolbar: the search box, the route-class, environment and site filters, the focus
 * (with the entity it shows and a button to clear it) and, on the overview, "Collapse all". Options are
 * DOM text; the bar reports what the user changes and the preview redraws.
 */
import { LEGEND_CLASSES, ROUTE_STYLES } from '../../diagram/theme';
import type { Graph, RouteKind } from '../../protocol/graph';
import type { GraphFilter } from './filters';

export type ControlEvent =
  | { type: 'filter' }
  | { type: 'search'; query: string }
  /** Enter in the search box: focus the next match. */
  | { type: 'search-next' }
  | { type: 'focus' }
  | { type: 'clear-focus' }
  | { type: 'collapse-all' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

function option(value: string, text: string): HTMLOptionElement {
  const created = element('option', undefined, text);
  created.value = value;
  return created;
}

/** One collator for every sort: `localeCompare` builds one per call (tens of ms for 300 sites). */
const LABEL_ORDER = new Intl.Collator();

export class Controls {
  readonly search = element('input');
  private readonly searchCount = element('span', 'search-count');
  private readonly routes = new Map<RouteKind, HTMLInputElement>();
  private readonly routesSummary = element('summary');
  private readonly environment = element('select');
  private readonly site = element('select');
  private readonly focusButton = element('button', undefined, 'Focus');
  private readonly focusChip = element('span', 'focus-chip');
  private readonly focusLabel = element('span', 'focus-label');
  private readonly collapseAll = element('button', undefined, 'Collapse all');
  private readonly note = element('span', 'overview-note');
  /** What each list holds now. */
  private readonly listed = new Map<HTMLSelectElement, string>();

  constructor(root: HTMLElement, emit: (event: ControlEvent) => void) {
    this.search.type = 'search';
    this.search.id = 'search';
    this.search.placeholder = 'Search entities';
    this.search.setAttribute('aria-label', 'Search entities by name or id; Enter focuses the next match');
    this.search.addEventListener('input', () => emit({ type: 'search', query: this.search.value }));
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        emit({ type: 'search-next' });
      } else if (event.key === 'Escape') {
        this.search.value = '';
        emit({ type: 'search', query: '' });
      }
    });
    this.searchCount.setAttribute('aria-live', 'polite');

    // The route classes in a drop-down, so that the bar stays one line beside the file.
    const routes = element('details', 'route-filter');
    routes.id = 'route-filter';
    this.routesSummary.title = 'Show or hide the flows of each route class';
    const options = element('div', 'route-options');
    options.setAttribute('role', 'group');
    options.setAttribute('aria-label', 'Routes');
    for (const route of LEGEND_CLASSES) {
      if (route === 'attachment') continue;
      const label = element('label', `route-option route-${route}`);
      const box = element('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = route;
      box.addEventListener('change', () => {
        this.updateRoutesSummary();
        emit({ type: 'filter' });
      });
      this.routes.set(route, box);
      label.title = ROUTE_STYLES[route].description;
      label.append(box, element('span', 'route-swatch'), element('span', undefined, ROUTE_STYLES[route].label));
      options.append(label);
    }
    routes.append(this.routesSummary, options);
    // A click elsewhere closes the drop-down.
    document.addEventListener('click', (event) => {
      if (routes.open && !routes.contains(event.target as Node)) routes.open = false;
    });
    this.updateRoutesSummary();

    this.environment.id = 'environment-filter';
    this.environment.setAttribute('aria-label', 'Only the flows of an environment');
    this.site.id = 'site-filter';
    this.site.setAttribute('aria-label', 'Only the flows of a site');
    for (const select of [this.environment, this.site]) select.addEventListener('change', () => emit({ type: 'filter' }));

    this.focusButton.type = 'button';
    this.focusButton.dataset.action = 'focus';
    this.focusButton.title = 'Show only the selected entity, its flows and what they reach (double-click a node; Escape clears)';
    this.focusButton.disabled = true;
    this.focusButton.addEventListener('click', () => emit({ type: 'focus' }));
    const clear = element('button', 'clear-focus', '×');
    clear.type = 'button';
    clear.dataset.action = 'clear-focus';
    clear.title = 'Show everything again (Escape)';
    clear.setAttribute('aria-label', 'Clear the focus');
    clear.addEventListener('click', () => emit({ type: 'clear-focus' }));
    this.focusChip.id = 'focus-chip';
    this.focusChip.hidden = true;
    this.focusChip.append(element('span', 'focus-word', 'Focus:'), this.focusLabel, clear);

    this.collapseAll.type = 'button';
    this.collapseAll.dataset.action = 'collapse-all';
    this.collapseAll.title = 'Collapse every group again';
    this.collapseAll.hidden = true;
    this.collapseAll.addEventListener('click', () => emit({ type: 'collapse-all' }));
    this.note.id = 'overview-note';

    const searchBox = element('span', 'search-box');
    searchBox.append(this.search, this.searchCount);
    root.replaceChildren(searchBox, routes, this.environment, this.site, this.focusButton, this.focusChip, this.collapseAll, this.note);
    this.setGraph(undefined);
  }

  /** Fills the environment and site lists from the graph, keeping the choices that still exist. */
  setGraph(graph: Graph | undefined): void {
    const keep = (select: HTMLSelectElement, all: string, choices: { value: string; text: string }[]) => {
      // Most edits change neither list: leave the options (hundreds on a large file) as they are.
      const key = JSON.stringify(choices);
      if (this.listed.get(select) === key) return;
      this.listed.set(select, key);
      const options = [option('', all), ...choices.map((o) => option(o.value, o.text))];
      const previous = select.value;
      select.replaceChildren(...options);
      select.value = options.some((o) => o.value === previous) ? previous : '';
    };
    const byLabel = (a: { text: string }, b: { text: string }) => LABEL_ORDER.compare(a.text, b.text);
    const environments = (graph?.nodes ?? []).filter((n) => n.kind === 'environment').map((n) => ({ value: n.id, text: n.label }));
    const sites = (graph?.groups ?? []).filter((g) => g.kind === 'site').map((g) => ({ value: g.id, text: g.label }));
    keep(this.environment, 'All environments', environments.sort(byLabel));
    keep(this.site, 'All sites', sites.sort(byLabel));
  }

  private updateRoutesSummary(): void {
    const shown = [...this.routes.values()].filter((box) => box.checked).length;
    this.routesSummary.textContent = shown === this.routes.size ? 'All routes' : `${shown} of ${this.routes.size} routes`;
  }

  filter(): GraphFilter {
    const hiddenRoutes = new Set([...this.routes].filter(([, box]) => !box.checked).map(([route]) => route));
    return {
      hiddenRoutes,
      ...(this.environment.value && { environment: this.environment.value }),
      ...(this.site.value && { site: this.site.value }),
    };
  }

  /** The focus shown in the bar; `canFocus` enables the Focus button (an entity is selected). */
  setFocus(label: string | undefined, canFocus: boolean): void {
    this.focusChip.hidden = label === undefined;
    this.focusLabel.textContent = label ?? '';
    this.focusButton.disabled = !canFocus;
  }

  setSearchResult(count: number, current: number | undefined): void {
    this.searchCount.textContent = this.search.value.trim() === '' ? '' : count === 0 ? 'no match' : current === undefined ? `${count} match${count === 1 ? '' : 'es'}` : `${current + 1} of ${count}`;
  }

  /** On the overview: how many groups are collapsed, and whether any was expanded. */
  setOverview(collapsed: number | undefined, expandedAny: boolean): void {
    this.collapseAll.hidden = collapsed === undefined || !expandedAny;
    this.note.textContent = collapsed === undefined ? '' : `Overview · ${collapsed} group${collapsed === 1 ? '' : 's'} collapsed`;
    this.note.title = collapsed === undefined ? '' : 'Click a group to expand it; the button in its header collapses it again';
  }
}
