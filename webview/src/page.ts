/**
 * The preview page as its jobs see it: the one state object, the page's elements (found once in its
 * markup: markup.ts), its widgets, and its channel to the extension. Every job's functions take
 * it; none keeps state of its own.
 */
import type { FromWebview } from '../../protocol/protocol';
import type { Controls } from './controls';
import type { LayoutClient } from './layout/layoutClient';
import type { MatrixView } from './matrixView';
import type { KeptRows } from './rows';
import type { PageState } from './state';
import type { DiagramPatcher } from './svgPatch';

export interface PageElements {
  toolbar: HTMLElement;
  titleText: HTMLElement;
  counts: HTMLElement;
  controls: HTMLElement;
  diagram: HTMLDivElement;
  matrix: HTMLDivElement;
  message: HTMLDivElement;
  legend: HTMLElement;
  flows: HTMLElement;
  flowRows: HTMLTableSectionElement;
  /** The row that says how many flows are not listed; its text changes, the row stays. */
  moreFlows: HTMLTableRowElement;
  moreFlowsCell: HTMLTableCellElement;
}

/** Finds the elements of the page's markup (markup.ts), which the shell put in its body. */
export function pageElements(document: Document): PageElements {
  const find = <T extends Element>(selector: string, type: new () => T): T => {
    const found = document.querySelector(selector);
    if (!(found instanceof type)) throw new Error(`the preview page has no ${selector}`);
    return found;
  };
  const moreFlows = document.createElement('tr');
  moreFlows.className = 'more-flows';
  moreFlows.tabIndex = 0;
  const moreFlowsCell = document.createElement('td');
  moreFlowsCell.colSpan = 5;
  moreFlows.append(moreFlowsCell);
  return {
    toolbar: find('#toolbar', HTMLElement),
    titleText: find('#title-text', HTMLElement),
    counts: find('#counts', HTMLElement),
    controls: find('#controls', HTMLElement),
    diagram: find('#diagram', HTMLDivElement),
    matrix: find('#matrix', HTMLDivElement),
    message: find('#message', HTMLDivElement),
    legend: find('#legend', HTMLElement),
    flows: find('#flows', HTMLElement),
    flowRows: find('#flows tbody', HTMLTableSectionElement),
    moreFlows,
    moreFlowsCell,
  };
}

export interface Page {
  readonly state: PageState;
  readonly dom: PageElements;
  /** The search box, the filters and the focus (controls.ts). */
  readonly controls: Controls;
  /** Lays graphs out in workers, the newest only (layout/layoutClient.ts). */
  readonly layouts: LayoutClient;
  /** Redraws only the elements whose markup changed (svgPatch.ts). */
  readonly patcher: DiagramPatcher;
  readonly matrixView: MatrixView;
  /** The flows table's rows, kept across redraws (rows.ts). */
  readonly flowTable: KeptRows;
  post(message: FromWebview): void;
  /** Keeps what a reload restores: the file and the view (`vscode.setState`). */
  save(): void;
}

/**
 * Asks the extension to reveal a node's YAML: the node's range in the file, when it has one (a region
 * or the internet has none). Whether it did.
 */
export function revealNode(page: Page, id: string): boolean {
  const range = page.state.nodesById.get(id)?.range;
  const uri = page.state.uri;
  if (!range || uri === undefined) return false;
  page.post({ type: 'reveal', uri, range });
  return true;
}
